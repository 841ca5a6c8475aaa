// One search box over every record kind: the same safe FTS5 query as the lists use, each kind's
// best matches, every hit marked and the whole answer marked at the highest level it shows.
import type { Classification } from '../../common/classification/index.js';
import { bannerMarking, highestClassification, portionMarking } from '../../common/classification/index.js';
import type { RecordKind } from '../../common/contract/dashboard.js';
import { RECORD_KINDS } from '../../common/contract/dashboard.js';
import type { SearchHit, SearchResult } from '../../common/contract/search.js';
import type { Incident } from '../../common/incidents/model.js';
import { INCIDENT_STATUS_LABELS } from '../../common/incidents/steps.js';
import type { Receipt } from '../../common/receipts/model.js';
import { STATUS_LABELS } from '../../common/receipts/model.js';
import type { VisitRequest } from '../../common/visits/model.js';
import { VISIT_STATUS_LABELS } from '../../common/visits/model.js';
import { toFtsQuery } from '../../../db/queries/ftsQuery.js';
import { recordsMatching } from '../../../db/queries/search.js';
import type { HandlerContext } from '../context.js';

function hit(id: string, number: string, title: string, status: string, classification: Classification): SearchHit {
  return { id, number, title, status, classification, marking: portionMarking(classification) };
}

const TO_HIT: Record<RecordKind, (doc: string) => SearchHit> = {
  receipt: (doc) => {
    const r = JSON.parse(doc) as Receipt;
    return hit(r.id, r.controlNumber, r.unclassifiedTitle, STATUS_LABELS[r.status], r.classification);
  },
  visit: (doc) => {
    const v = JSON.parse(doc) as VisitRequest;
    return hit(v.id, v.requestNumber, v.unclassifiedTitle, VISIT_STATUS_LABELS[v.status], v.classification);
  },
  incident: (doc) => {
    const i = JSON.parse(doc) as Incident;
    return hit(i.id, i.incidentNumber, i.unclassifiedTitle, INCIDENT_STATUS_LABELS[i.status], i.classification);
  },
};

export function searchRecords(ctx: HandlerContext, input: { text: string; limitPerKind: number }): SearchResult {
  const fts = toFtsQuery(input.text);
  const groups =
    fts === null
      ? []
      : RECORD_KINDS.map((kind) => {
          const { docs, total } = recordsMatching(ctx.db, kind, fts, input.limitPerKind);
          return { kind, total, hits: docs.map(TO_HIT[kind]) };
        });
  const classification = highestClassification(groups.flatMap((g) => g.hits.map((h) => h.classification)));
  return { classification, marking: bannerMarking(classification), groups };
}
