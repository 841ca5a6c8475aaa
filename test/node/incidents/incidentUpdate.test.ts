// incidents.update changes what it is given and keeps everything else: a field left out of a
// nested object keeps its stored value (it is not reset to the field's default), while lists and
// the marking are replaced whole.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../electron/common/incidents/model.js';
import type { Connection } from '../../../electron/node/core.js';
import type { TestSite } from '../support/testSite.js';
import { makeTestSite } from '../support/testSite.js';
import { incidentDraft } from './fixtures.js';

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

type Changes = Parameters<typeof site.must<'incidents.update'>>[2]['changes'];

async function update(i: IncidentView, changes: Changes): Promise<IncidentView> {
  return site.must(clerk, 'incidents.update', { id: i.id, expectedVersion: i.version, changes, reason: 'inquiry findings' });
}

async function detailed(): Promise<IncidentView> {
  return site.must(
    clerk,
    'incidents.create',
    incidentDraft({
      exposure: { from: '2026-02-20', to: '2026-02-27', circumstances: 'Container found unlocked' },
      foreignRelease: { circumstances: 'A container was found unlocked.', findings: 'No loss established.' },
      foreignGovernment: { involved: true, countries: ['DEU'], notifiedVia: 'Embassy' },
    }),
  );
}

describe('incidents.update', () => {
  it('keeps the fields left out of a nested object', async () => {
    const i = await detailed();
    const u = await update(i, { exposure: { circumstances: 'Container found unlocked after the fire drill' } });
    expect(u.exposure).toEqual({ from: '2026-02-20', to: '2026-02-27', circumstances: 'Container found unlocked after the fire drill' });
    const f = await update(u, { foreignRelease: { findings: 'No loss; procedures retrained.' }, foreignGovernment: { notifiedOn: '2026-03-01' } });
    expect(f.foreignRelease).toMatchObject({ circumstances: 'A container was found unlocked.', findings: 'No loss; procedures retrained.' });
    expect(f.foreignGovernment).toEqual({ involved: true, countries: ['DEU'], notifiedOn: '2026-03-01', notifiedVia: 'Embassy' });
  });

  it('sets a nested field to null when told to, and clears a nullable object', async () => {
    const i = await detailed();
    const u = await update(i, { exposure: { to: null } });
    expect(u.exposure).toEqual({ from: '2026-02-20', to: null, circumstances: 'Container found unlocked' });
    const d = await update(u, { determination: { outcome: 'suspected_compromise', reasons: 'container open for an unknown period', on: '2026-03-02' } });
    const d2 = await update(d, { determination: { reasons: 'container open for at most a week' } });
    expect(d2.determination).toEqual({ outcome: 'suspected_compromise', reasons: 'container open for at most a week', on: '2026-03-02' });
    expect((await update(d2, { determination: null })).determination).toBeNull();
  });

  it('refuses a part of a nested object that has nothing stored to complete it, naming the missing field', async () => {
    const i = await detailed();
    const refused = await site.call(clerk, 'incidents.update', { id: i.id, expectedVersion: i.version, changes: { determination: { reasons: 'no outcome yet' } }, reason: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: expect.arrayContaining([expect.objectContaining({ path: ['changes', 'determination', 'outcome'] })]) } });
    expect((await site.must(clerk, 'incidents.get', { id: i.id })).version).toBe(i.version);
  });

  it('replaces lists and the marking whole', async () => {
    const i = await detailed();
    const u = await update(i, { classification: { level: 'CONFIDENTIAL' }, correctiveActions: [{ description: 'Retrain custodians' }] });
    expect(u.classification).toMatchObject({ level: 'CONFIDENTIAL', foreign: null });
    expect(u.correctiveActions).toEqual([{ description: 'Retrain custodians', dueOn: null, completedOn: null }]);
    const v = await update(u, { correctiveActions: [] });
    expect(v.correctiveActions).toEqual([]);
  });

  it('refuses an unknown field inside a nested object', async () => {
    const i = await detailed();
    const refused = await site.call(clerk, 'incidents.update', { id: i.id, expectedVersion: i.version, changes: { exposure: { howLong: 'a week' } } as unknown as Changes, reason: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
