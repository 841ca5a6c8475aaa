// Rules on an incident's fields that a schema alone cannot state (117.8(d), 2001.48). Each broken
// rule names its field; the caller refuses the whole change.
import { foreignOrigins, isAtOrBelow } from '../../../common/classification/model.js';
import type { IncidentDraft } from '../../../common/incidents/model.js';
import type { FieldIssue } from '../../../common/result.js';
import { LedgerError } from '../../../common/result.js';
import type { SiteConfig } from '../../../common/site.js';
import { getReceipt } from '../../../../db/queries/receipts.js';
import type { HandlerContext } from '../../context.js';

type Path = (string | number)[];

export function incidentIssues(ctx: HandlerContext, d: IncidentDraft, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });
  const notFuture = (date: string | null, path: Path) => {
    if (date !== null && date > today) add(path, 'cannot be in the future');
  };
  checkLevels(ctx.site, d, add);

  notFuture(d.occurredOn, ['occurredOn']);
  if (d.occurredOn !== null && d.occurredOn > d.discoveredOn) add(['occurredOn'], 'is after the date it was discovered');
  notFuture(d.discoveredOn, ['discoveredOn']);
  notFuture(d.reportedOn, ['reportedOn']);
  if (d.reportedOn < d.discoveredOn) add(['reportedOn'], 'is before the date it was discovered');
  if (d.exposure.from !== null && d.exposure.to !== null && d.exposure.to < d.exposure.from) add(['exposure', 'to'], 'is before the start of the exposure');

  const seen = new Set<string>();
  d.material.forEach((m, i) => {
    if (m.receiptId === null) return;
    if (seen.has(m.receiptId)) add(['material', i, 'receiptId'], 'lists this receipt twice');
    else if (!getReceipt(ctx.db, m.receiptId)) add(['material', i, 'receiptId'], 'no receipt with this id');
    seen.add(m.receiptId);
  });

  const v = d.classificationValidation;
  if (v.validated && v.on === null) add(['classificationValidation', 'on'], 'say when the classification was validated');
  if (v.validated && v.by === '') add(['classificationValidation', 'by'], 'say who validated the classification');
  notFuture(v.on, ['classificationValidation', 'on']);
  if (d.determination) {
    notFuture(d.determination.on, ['determination', 'on']);
    if (d.determination.on < d.discoveredOn) add(['determination', 'on'], 'is before the date it was discovered');
  }
  notFuture(d.csaNotifiedOn, ['csaNotifiedOn']);
  if (d.csaNotifiedOn !== null && d.csaNotifiedOn < d.discoveredOn) add(['csaNotifiedOn'], 'is before the date it was discovered');
  d.correctiveActions.forEach((a, i) => notFuture(a.completedOn, ['correctiveActions', i, 'completedOn']));

  const fg = d.foreignGovernment;
  const origins = [...new Set(d.material.flatMap((m) => foreignOrigins(m.classification)))];
  if (fg.involved && fg.countries.length === 0) add(['foreignGovernment', 'countries'], 'name the foreign government(s) involved');
  if (!fg.involved && (fg.countries.length > 0 || fg.notifiedOn !== null)) add(['foreignGovernment', 'involved'], 'countries and a notification date need foreign involvement');
  if (origins.length > 0 && !fg.involved) add(['foreignGovernment', 'involved'], `the material includes foreign government information (${origins.join(', ')}): record the foreign involvement`);
  const missing = origins.filter((c) => !fg.countries.includes(c));
  if (fg.involved && missing.length > 0) add(['foreignGovernment', 'countries'], `must include the origin of the foreign material: ${missing.join(', ')}`);
  notFuture(fg.notifiedOn, ['foreignGovernment', 'notifiedOn']);
  return issues;
}

function checkLevels(site: SiteConfig, d: IncidentDraft, add: (path: Path, message: string) => void): void {
  const above = `is above this workstation's system-high level (${site.systemHigh})`;
  if (!isAtOrBelow(d.classification.level, site.systemHigh)) add(['classification', 'level'], above);
  d.material.forEach((m, i) => {
    if (!isAtOrBelow(m.classification.level, site.systemHigh)) add(['material', i, 'classification', 'level'], above);
  });
  const release = d.foreignRelease.classification;
  if (!isAtOrBelow(release.level, site.systemHigh)) add(['foreignRelease', 'classification', 'level'], above);
  if (release.noforn) add(['foreignRelease', 'classification', 'noforn'], 'NOFORN information cannot be released to a foreign government');
}

export function assertIncidentRules(ctx: HandlerContext, draft: IncidentDraft, today: string): void {
  const issues = incidentIssues(ctx, draft, today);
  if (issues.length > 0) {
    throw new LedgerError('INVALID_INPUT', `invalid incident: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { issues });
  }
}
