// The first screen after sign-in: what needs attention today. Each part appears only when the
// user's roles may call the method that reads it in full (the contract decides), so an
// administrator without a record role sees no records.
import type { Classification } from '../../common/classification/index.js';
import { bannerMarking, highestClassification, portionMarking } from '../../common/classification/index.js';
import type { MethodName } from '../../common/contract/index.js';
import { contract } from '../../common/contract/index.js';
import type { Dashboard, DashboardItem, DashboardList, RecordKind } from '../../common/contract/dashboard.js';
import { incidentSteps } from '../../common/incidents/steps.js';
import { addDays, daysBetween } from '../../common/primitives.js';
import type { Role } from '../../common/roles.js';
import type { Settings } from '../../common/site.js';
import { visitQuerySchema } from '../../common/visits/query.js';
import { entriesAfter, incidentsDueBy, lastJournalVerify, receiptsAwaitingBy } from '../../../db/queries/dashboard.js';
import { lastEventFor } from '../../../db/queries/sync.js';
import { listVisits } from '../../../db/queries/visits.js';
import type { HandlerContext } from '../context.js';
import { openTrend } from './dashboardTrend.js';
import { toView } from './receipts/view.js';
import { ownStatus } from './sync/status.js';

/** How many items each list shows; the counts cover them all. */
export const DASHBOARD_ITEMS = 10;
/** Visits starting within this many days count as upcoming. */
export const UPCOMING_VISIT_DAYS = 30;

function mayCall(roles: readonly Role[], method: MethodName): boolean {
  const access = contract[method].access;
  return access === 'signed-in' || access === 'anyone' || roles.some((role) => access.includes(role));
}

interface RecordRef {
  id: string;
  number: string;
  title: string;
  classification: Classification;
}

function item(kind: RecordKind, r: RecordRef, what: string, date: string, days: number): DashboardItem {
  return { kind, id: r.id, number: r.number, title: r.title, classification: r.classification, marking: portionMarking(r.classification), what, date, days };
}

const list = (items: DashboardItem[]): DashboardList => ({ count: items.length, items: items.slice(0, DASHBOARD_ITEMS) });

function receiptsPart(ctx: HandlerContext, today: string, settings: Settings): NonNullable<Dashboard['receipts']> {
  const overdue: DashboardItem[] = [];
  const dueSoon: DashboardItem[] = [];
  for (const receipt of receiptsAwaitingBy(ctx.db, addDays(today, settings.dueSoonDays))) {
    const view = toView(receipt, today, settings);
    const ref = { id: view.id, number: view.controlNumber, title: view.unclassifiedTitle, classification: view.classification };
    const due = view.suspenseDueOn ?? today;
    if (view.overdue) overdue.push(item('receipt', ref, 'Signed receipt', due, view.daysOverdue));
    else if (view.dueSoon) dueSoon.push(item('receipt', ref, 'Signed receipt', due, daysBetween(today, due)));
  }
  overdue.sort((a, b) => b.days - a.days);
  return { overdue: list(overdue), dueSoon: list(dueSoon) };
}

function incidentsPart(ctx: HandlerContext, today: string, settings: Settings): NonNullable<Dashboard['incidents']> {
  const horizon = addDays(today, settings.dueSoonDays);
  const overdue: DashboardItem[] = [];
  const dueSoon: DashboardItem[] = [];
  for (const incident of incidentsDueBy(ctx.db, horizon)) {
    const ref = { id: incident.id, number: incident.incidentNumber, title: incident.unclassifiedTitle, classification: incident.classification };
    for (const step of incidentSteps(incident, today)) {
      if (step.dueOn === null) continue;
      if (step.state === 'overdue') overdue.push(item('incident', ref, step.label, step.dueOn, step.daysOverdue));
      else if (step.state === 'pending' && step.dueOn <= horizon) dueSoon.push(item('incident', ref, step.label, step.dueOn, daysBetween(today, step.dueOn)));
    }
  }
  overdue.sort((a, b) => b.days - a.days);
  dueSoon.sort((a, b) => a.days - b.days);
  return { overdue: list(overdue), dueSoon: list(dueSoon) };
}

function visitsPart(ctx: HandlerContext, today: string): NonNullable<Dashboard['visits']> {
  const query = (when: 'current' | 'upcoming', to: string) =>
    listVisits(ctx.db, visitQuerySchema.parse({ when, to, sort: 'startDate', sortDir: 'asc', limit: DASHBOARD_ITEMS }), today);
  const asItems = (found: ReturnType<typeof query>) =>
    found.items.map((v) =>
      item('visit', { id: v.id, number: v.requestNumber, title: v.unclassifiedTitle, classification: v.classification }, `Visit from ${v.country}`, v.startDate, Math.max(0, daysBetween(today, v.startDate))),
    );
  const current = query('current', today);
  const upcoming = query('upcoming', addDays(today, UPCOMING_VISIT_DAYS));
  return {
    today: { count: current.total, items: asItems(current) },
    upcoming: { count: upcoming.total, items: asItems(upcoming) },
    upcomingDays: UPCOMING_VISIT_DAYS,
  };
}

function syncPart(ctx: HandlerContext): NonNullable<Dashboard['sync']> {
  const status = ownStatus(ctx);
  const exported = lastEventFor(ctx.db, ctx.site.siteId, 'site-to-hq', ['exported']);
  return {
    siteRole: status.siteRole,
    lastExport: exported ? { at: exported.at, bundleId: exported.bundleId, lastSeq: exported.lastSeq, fileName: exported.fileName } : null,
    lastExportAcknowledged: exported !== undefined && status.acknowledged !== null && status.acknowledged.seq >= exported.lastSeq,
    acknowledged: status.acknowledged ? { seq: status.acknowledged.seq, at: status.acknowledged.at } : null,
    unacknowledged: status.unacknowledged,
    openAlarms: status.openAlarms,
  };
}

function integrityPart(ctx: HandlerContext): NonNullable<Dashboard['integrity']> {
  const last = lastJournalVerify(ctx.db, ctx.site.siteId);
  if (!last) return { lastVerify: null, entriesSince: 0 };
  return {
    lastVerify: { at: last.at, actor: last.actor, intact: last.outcome === 'intact', entries: last.entries },
    entriesSince: entriesAfter(ctx.db, last.ord),
  };
}

export function dashboard(ctx: HandlerContext): Dashboard {
  const roles = ctx.requireSession().roles;
  const today = ctx.today();
  const settings = ctx.settings();
  const receipts = mayCall(roles, 'receipts.list') ? receiptsPart(ctx, today, settings) : null;
  const visits = mayCall(roles, 'visits.list') ? visitsPart(ctx, today) : null;
  const incidents = mayCall(roles, 'incidents.list') ? incidentsPart(ctx, today, settings) : null;
  const shown = [receipts?.overdue, receipts?.dueSoon, visits?.today, visits?.upcoming, incidents?.overdue, incidents?.dueSoon].flatMap((l) => l?.items ?? []);
  const classification = highestClassification(shown.map((i) => i.classification));
  return {
    today,
    dueSoonDays: settings.dueSoonDays,
    classification,
    marking: bannerMarking(classification),
    receipts,
    visits,
    incidents,
    trend: receipts !== null && incidents !== null ? openTrend(ctx.db, today) : null,
    sync: mayCall(roles, 'sync.status') ? syncPart(ctx) : null,
    integrity: mayCall(roles, 'journal.verify') ? integrityPart(ctx) : null,
  };
}
