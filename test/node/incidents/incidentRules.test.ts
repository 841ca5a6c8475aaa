// Incident rules and step deadlines: refused at the field with nothing stored; due dates from
// local policy (frozen per incident) and overdue computed from today.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import { DEFAULT_INCIDENT_STEP_DAYS, incidentSteps, nextDueOn, NO_STEPS_DONE } from '../../../electron/common/incidents/steps.js';
import { DEFAULT_SETTINGS } from '../../../electron/common/site.js';
import type { TestSite } from '../support/testSite.js';
import { dumpDb, makeTestSite } from '../support/testSite.js';
import type { IncidentCreate } from './fixtures.js';
import { incidentDraft } from './fixtures.js';

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

describe('step deadlines (pure)', () => {
  const facts = { status: 'reported' as const, reportedOn: '2026-03-02', stepDays: DEFAULT_INCIDENT_STEP_DAYS, stepsDone: NO_STEPS_DONE };

  it('defaults: inquiry 1 day, initial report 2, investigation 3, final report 30 (common practice), CSA follow-up 30 after the final report', () => {
    expect(DEFAULT_SETTINGS.incidentStepDays).toEqual({ preliminaryInquiry: 1, initialReport: 2, investigation: 3, finalReport: 30, csaReviewFollowUp: 30 });
    expect(incidentSteps(facts, '2026-03-02').map((s) => [s.step, s.dueOn, s.state])).toEqual([
      ['preliminary_inquiry', '2026-03-03', 'pending'],
      ['initial_report', '2026-03-04', 'pending'],
      ['investigation', '2026-03-05', 'pending'],
      ['final_report', '2026-04-01', 'pending'],
      ['csa_review', null, 'pending'],
      ['closed', null, 'pending'],
    ]);
    expect(nextDueOn(facts)).toBe('2026-03-03');
  });

  it('is overdue the day after the due date, not on it', () => {
    expect(incidentSteps(facts, '2026-03-03')[0]).toMatchObject({ state: 'pending', daysOverdue: 0 });
    expect(incidentSteps(facts, '2026-03-04')[0]).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    const later = incidentSteps(facts, '2026-04-03');
    expect(later.filter((s) => s.state === 'overdue').map((s) => [s.step, s.daysOverdue])).toEqual([
      ['preliminary_inquiry', 31],
      ['initial_report', 30],
      ['investigation', 29],
      ['final_report', 2],
    ]);
  });

  it('counts the CSA follow-up from the final report; closed or void incidents have nothing due', () => {
    const done = { ...NO_STEPS_DONE, preliminary_inquiry: '2026-03-02', initial_report: '2026-03-03', investigation: '2026-03-03', final_report: '2026-03-20' };
    const steps = incidentSteps({ ...facts, status: 'final_report', stepsDone: done }, '2026-04-25');
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'overdue', 'pending']);
    expect(steps[4]).toMatchObject({ dueOn: '2026-04-19', daysOverdue: 6 });
    const closed = incidentSteps({ ...facts, status: 'closed', stepsDone: { ...NO_STEPS_DONE, preliminary_inquiry: '2026-03-02', closed: '2026-03-03' } }, '2026-12-31');
    expect(closed.map((s) => s.state)).toEqual(['done', 'skipped', 'skipped', 'skipped', 'skipped', 'done']);
    expect(nextDueOn({ ...facts, status: 'void' })).toBeNull();
  });
});

describe('step deadlines through dispatch', () => {
  it('shows due dates on a new incident; steps become overdue as the clock passes them', async () => {
    const i = await site.must(clerk, 'incidents.create', incidentDraft());
    expect(i).toMatchObject({ status: 'reported', incidentNumber: 'INC-2026-0001', overdue: false, nextStep: { step: 'preliminary_inquiry', dueOn: '2026-03-03' } });
    site.clock.advanceDays(2);
    clerk = await site.connect('clerk');
    const later = await site.must(clerk, 'incidents.get', { id: i.id });
    expect(later).toMatchObject({ overdue: true, nextStep: { step: 'preliminary_inquiry', state: 'overdue', daysOverdue: 1 } });
    expect(later.steps.filter((s) => s.state === 'overdue').map((s) => s.step)).toEqual(['preliminary_inquiry']);
    expect((await site.must(clerk, 'incidents.list', { overdueOnly: true })).items.map((x) => x.id)).toEqual([i.id]);
  });

  it('takes step periods from settings when opened; a later change of policy applies to later incidents only', async () => {
    const officer = await site.connect('officer');
    const first = await site.must(clerk, 'incidents.create', incidentDraft());
    const days = { preliminaryInquiry: 2, initialReport: 3, investigation: 5, finalReport: 20, csaReviewFollowUp: 14 };
    await site.must(officer, 'settings.update', { changes: { incidentStepDays: days }, reason: 'local policy' });
    const second = await site.must(clerk, 'incidents.create', incidentDraft());
    expect(second).toMatchObject({ incidentNumber: 'INC-2026-0002', stepDays: days });
    expect(second.steps.find((s) => s.step === 'final_report')?.dueOn).toBe('2026-03-22');
    expect((await site.must(clerk, 'incidents.get', { id: first.id })).steps.find((s) => s.step === 'final_report')?.dueOn).toBe('2026-04-01');
  });

  it('refuses step periods out of order or a preliminary inquiry later than 2 days', async () => {
    const officer = await site.connect('officer');
    const bad = async (changes: Partial<typeof DEFAULT_INCIDENT_STEP_DAYS>, field: string) => {
      const result = await site.call(officer, 'settings.update', { changes: { incidentStepDays: { ...DEFAULT_INCIDENT_STEP_DAYS, ...changes } }, reason: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.issues?.map((i) => i.path.at(-1))).toContain(field);
    };
    await bad({ preliminaryInquiry: 3 }, 'preliminaryInquiry');
    await bad({ finalReport: 2 }, 'finalReport');
    await bad({ initialReport: 0 }, 'initialReport');
  });
});

describe('incident rules (refused with the field named, nothing stored)', () => {
  const german = { level: 'SECRET' as const, foreign: { kind: 'country' as const, countries: ['DEU'], level: 'SECRET' as const } };
  const cases: [string, IncidentCreate, (string | number)[]][] = [
    ['a receipt that does not exist', incidentDraft({ material: [{ receiptId: '01J00000000000000000000000', description: 'x', classification: { level: 'SECRET' } }], foreignGovernment: { involved: false } }), ['material', 0, 'receiptId']],
    ['a receipt id that is not an id', incidentDraft({ material: [{ receiptId: 'R-1', description: 'x', classification: { level: 'SECRET' } }] }), ['material', 0, 'receiptId']],
    ['material above system-high', incidentDraft({ material: [{ description: 'x', classification: { level: 'TOP SECRET' } }], foreignGovernment: { involved: false } }), ['material', 0, 'classification', 'level']],
    ['a record above system-high', incidentDraft({ classification: { level: 'TOP SECRET' } }), ['classification', 'level']],
    ['reported before discovered', incidentDraft({ reportedOn: '2026-02-28' }), ['reportedOn']],
    ['discovered in the future', incidentDraft({ discoveredOn: '2026-03-03', reportedOn: '2026-03-02' }), ['discoveredOn']],
    ['occurred after discovered', incidentDraft({ occurredOn: '2026-03-02' }), ['occurredOn']],
    ['exposure ending before it began', incidentDraft({ exposure: { from: '2026-02-27', to: '2026-02-26' } }), ['exposure', 'to']],
    ['foreign material without foreign involvement', incidentDraft({ foreignGovernment: { involved: false } }), ['foreignGovernment', 'involved']],
    ['foreign involvement missing the origin country', incidentDraft({ foreignGovernment: { involved: true, countries: ['GBR'] } }), ['foreignGovernment', 'countries']],
    ['foreign involvement without a country', incidentDraft({ material: [{ description: 'x', classification: { level: 'SECRET' } }], foreignGovernment: { involved: true } }), ['foreignGovernment', 'countries']],
    ['a NOFORN foreign release', incidentDraft({ foreignRelease: { classification: { level: 'SECRET', noforn: true } } }), ['foreignRelease', 'classification', 'noforn']],
    ['validated without who or when', incidentDraft({ classificationValidation: { validated: true } }), ['classificationValidation', 'by']],
    ['a determination without reasons', incidentDraft({ determination: { outcome: 'loss', reasons: ' ', on: '2026-03-02' } }), ['determination', 'reasons']],
    ['an unknown determination', incidentDraft({ determination: { outcome: 'misplaced', reasons: 'x', on: '2026-03-02' } as never }), ['determination', 'outcome']],
    ['no material', incidentDraft({ material: [] }), ['material']],
    ['a blank title', incidentDraft({ unclassifiedTitle: ' ' }), ['unclassifiedTitle']],
    ['CSA notified in the future', incidentDraft({ csaNotifiedOn: '2026-03-05' }), ['csaNotifiedOn']],
    ['a completed corrective action in the future', incidentDraft({ correctiveActions: [{ description: 'retrain', completedOn: '2026-03-09' }] }), ['correctiveActions', 0, 'completedOn']],
  ];
  it.each(cases)('%s', async (_name, draft, path) => {
    const before = dumpDb(site.db);
    const result = await site.call(clerk, 'incidents.create', draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.path), JSON.stringify(result.error.issues)).toContainEqual(path);
    expect(dumpDb(site.db)).toBe(before);
  });

  it('refuses a second live incident with the same number, at the field', async () => {
    await site.must(clerk, 'incidents.create', incidentDraft({ incidentNumber: 'INC-X' }));
    expect(await site.call(clerk, 'incidents.create', incidentDraft({ incidentNumber: 'INC-X' }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: ['incidentNumber'] }] },
    });
    // Numbers are made for the others.
    expect((await site.must(clerk, 'incidents.create', incidentDraft())).incidentNumber).toBe('INC-2026-0001');
    expect((await site.must(clerk, 'incidents.create', { ...incidentDraft(), material: [{ description: 'y', classification: german }] })).incidentNumber).toBe('INC-2026-0002');
  });

  it('refuses updates that break a rule, at the changes path, and journals a change of marking as security-relevant', async () => {
    const i = await site.must(clerk, 'incidents.create', incidentDraft());
    const before = dumpDb(site.db);
    expect(await site.call(clerk, 'incidents.update', { id: i.id, expectedVersion: 1, changes: { reportedOn: '2026-02-01' }, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['changes', 'reportedOn'] }] },
    });
    expect(await site.call(clerk, 'incidents.update', { id: i.id, expectedVersion: 1, changes: { notes: '' }, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: /nothing to change/ },
    });
    expect(dumpDb(site.db)).toBe(before);
    const u = await site.must(clerk, 'incidents.update', { id: i.id, expectedVersion: 1, changes: { classification: { level: 'CONFIDENTIAL' } }, reason: 'record holds no SECRET detail' });
    expect(u.version).toBe(2);
    expect((await site.must(clerk, 'incidents.history', { id: i.id })).at(-1)).toMatchObject({
      action: 'reclassify',
      data: { securityRelevant: true, classificationChange: { from: 'SECRET', to: 'CONFIDENTIAL' }, changed: ['classification'] },
    });
    expect(await site.call(clerk, 'incidents.update', { id: i.id, expectedVersion: 1, changes: { notes: 'x' }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
