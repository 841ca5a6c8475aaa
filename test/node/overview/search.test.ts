// Search across record kinds from one box: grouped by kind, marked, void records left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/node/core.js';
import type { TestSite } from '../support/testSite.js';
import { makeTestSite } from '../support/testSite.js';
import { incomingDraft, outgoingFgiDraft } from '../support/receiptFixtures.js';
import { incidentDraft } from '../incidents/fixtures.js';
import { visitDraft } from '../visits/fixtures.js';

let site: TestSite;
let clerk: Connection;
beforeEach(async () => {
  site = await makeTestSite();
  clerk = await site.connect('clerk');
});
afterEach(() => site.close());

describe('search.records', () => {
  it('finds receipts, visits and incidents from one query, grouped and marked', async () => {
    const receipt = await site.must(clerk, 'receipts.create', outgoingFgiDraft({ unclassifiedTitle: 'Radar cross-section test report' }));
    await site.must(clerk, 'receipts.create', incomingDraft({ unclassifiedTitle: 'Sonar drawings' }));
    const visit = await site.must(clerk, 'visits.create', visitDraft({ unclassifiedTitle: 'Radar programme design review' }));
    const incident = await site.must(clerk, 'incidents.create', incidentDraft({ unclassifiedTitle: 'Radar drawings left unsecured' }));
    const result = await site.must(clerk, 'search.records', { text: 'radar' });
    expect(result.groups.map((g) => [g.kind, g.total, g.hits.map((h) => h.id)])).toEqual([
      ['receipt', 1, [receipt.id]],
      ['visit', 1, [visit.id]],
      ['incident', 1, [incident.id]],
    ]);
    expect(result.groups[0]!.hits[0]).toMatchObject({ number: 'OUT-2026-0001', status: 'Prepared', marking: '(//DEU S)' });
    expect(result.marking).toBe('SECRET//FGI DEU');
  });

  it('matches prefixes, limits each kind, and leaves void records out', async () => {
    for (let n = 1; n <= 3; n++) await site.must(clerk, 'receipts.create', incomingDraft({ controlNumber: `IN-${n}`, unclassifiedTitle: `Telemetry volume ${n}` }));
    const result = await site.must(clerk, 'search.records', { text: 'telem', limitPerKind: 2 });
    expect(result.groups[0]).toMatchObject({ kind: 'receipt', total: 3 });
    expect(result.groups[0]!.hits).toHaveLength(2);
    const first = (await site.must(clerk, 'receipts.list', { search: 'IN-1' })).items[0]!;
    await site.must(clerk, 'receipts.transition', { id: first.id, expectedVersion: first.version, action: { type: 'void', reason: 'Entered twice' } });
    expect((await site.must(clerk, 'search.records', { text: 'telemetry' })).groups[0]!.total).toBe(2);
  });

  it('answers an unmatched query with empty groups marked UNCLASSIFIED', async () => {
    const result = await site.must(clerk, 'search.records', { text: 'nothing-like-this' });
    expect(result.groups.every((g) => g.total === 0 && g.hits.length === 0)).toBe(true);
    expect(result.marking).toBe('UNCLASSIFIED');
  });

  it('refuses text without letters or digits, and roles without record access', async () => {
    expect(await site.call(clerk, 'search.records', { text: '"*()' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['text'] }] } });
    expect(await site.call(clerk, 'search.records', { text: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const admin = await site.connect('sysadmin');
    expect(await site.call(admin, 'search.records', { text: 'radar' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
