import type { incidentMethods } from '../../common/contract/incidents.js';
import { listIncidents } from '../../../db/queries/incidents.js';
import { createIncident } from '../services/incidents/createIncident.js';
import { foreignRelease } from '../services/incidents/foreignRelease.js';
import { incidentHistory } from '../services/incidents/history.js';
import { openFromReceipt } from '../services/incidents/openFromReceipt.js';
import { changePersonnel, revealIdentifier } from '../services/incidents/personnel.js';
import { loadIncident } from '../services/incidents/store.js';
import { transitionIncident } from '../services/incidents/transitionIncident.js';
import { updateIncident } from '../services/incidents/updateIncident.js';
import { toIncidentListItem, toIncidentView } from '../services/incidents/view.js';
import type { HandlersFor } from './types.js';

export const incidentHandlers: HandlersFor<keyof typeof incidentMethods> = {
  'incidents.create': (ctx, draft) => createIncident(ctx, draft),
  'incidents.openFromReceipt': (ctx, input) => openFromReceipt(ctx, input),
  'incidents.update': (ctx, input) => updateIncident(ctx, input),
  'incidents.personnel': (ctx, input) => changePersonnel(ctx, input),
  'incidents.transition': (ctx, input) => transitionIncident(ctx, input),
  'incidents.get': (ctx, { id }) => toIncidentView(ctx, loadIncident(ctx, id), ctx.today()),
  'incidents.list': (ctx, query) => {
    const today = ctx.today();
    const { items, total } = listIncidents(ctx.db, query, today);
    return { items: items.map((i) => toIncidentListItem(i, today)), total, offset: query.offset };
  },
  'incidents.history': (ctx, { id }) => incidentHistory(ctx, id),
  'incidents.foreignRelease': (ctx, { id }) => foreignRelease(ctx, id),
  'incidents.revealIdentifier': (ctx, { id, personId, reason }) => revealIdentifier(ctx, id, personId, reason),
};
