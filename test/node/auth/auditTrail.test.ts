import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestSite } from '../support/testSite.js';
import { makeTestSite } from '../support/testSite.js';
import { outgoingFgiDraft } from '../support/receiptFixtures.js';

let site: TestSite;
beforeEach(async () => {
  site = await makeTestSite();
});
afterEach(() => site.close());

describe('audit trail', () => {
  it('filters by user, kind, action and date, newest first, and pages', async () => {
    const clerk = await site.connect('clerk');
    await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    site.clock.advanceDays(2);
    await site.call({ session: null, workstation: 'ws-9' }, 'session.signIn', { username: 'clerk', password: 'Wrong passw0rd 1!' });
    const auditor = await site.connect('auditor');

    const failures = await site.must(auditor, 'audit.list', { action: 'sign_in_failed' });
    expect(failures.items).toHaveLength(1);
    expect(failures.items[0]).toMatchObject({ actor: 'clerk', workstation: 'ws-9', outcome: 'failure', kind: 'session' });
    // The attempted account is the actor, so filtering by user finds its failed sign-ins.
    expect((await site.must(auditor, 'audit.list', { actor: 'clerk', action: 'sign_in_failed' })).total).toBe(1);

    const byClerk = await site.must(auditor, 'audit.list', { actor: 'clerk', kind: 'receipt' });
    expect(byClerk.items.map((e) => e.action)).toEqual(['create']);

    const onDay = await site.must(auditor, 'audit.list', { from: '2026-03-04', to: '2026-03-04' });
    expect(onDay.items.every((e) => e.at.startsWith('2026-03-04'))).toBe(true);
    expect(onDay.total).toBeGreaterThan(0);

    const all = await site.must(auditor, 'audit.list', { limit: 5 });
    const times = all.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    // Each read is itself journalled; the snapshot keeps later pages from shifting under the reader,
    // and later pages of the same snapshot continue the same audited read.
    const reads = () => (site.db.prepare("SELECT count(*) AS n FROM journal WHERE action = 'audit_read'").get() as { n: number }).n;
    const readsBefore = reads();
    const page2 = await site.must(auditor, 'audit.list', { limit: 5, offset: 5, snapshot: all.snapshot });
    const everything = await site.must(auditor, 'audit.list', { limit: 10, snapshot: all.snapshot });
    expect([...all.items, ...page2.items].map((e) => e.hash)).toEqual(everything.items.map((e) => e.hash));
    expect(reads()).toBe(readsBefore);
  });

  it('records reading and exporting the audit trail', async () => {
    const auditor = await site.connect('auditor');
    await site.must(auditor, 'audit.list', { kind: 'user' });
    await site.must(auditor, 'audit.exportCsv', {});
    const actions = (site.db.prepare("SELECT action FROM journal WHERE actor = 'auditor' ORDER BY seq").all() as { action: string }[]).map((r) => r.action);
    expect(actions.slice(-3)).toEqual(['sign_in', 'audit_read', 'audit_export']);
  });

  it('exports CSV with a header, one row per entry, and formula-looking text neutralised', async () => {
    const clerk = await site.connect('clerk');
    const r = await site.must(clerk, 'receipts.create', outgoingFgiDraft());
    await site.must(clerk, 'receipts.update', { id: r.id, expectedVersion: 1, changes: { notes: 'n' }, reason: '=HYPERLINK("http://x","click")' });
    const auditor = await site.connect('auditor');
    const { csv, rows, fileName } = await site.must(auditor, 'audit.exportCsv', { kind: 'receipt' });
    expect(fileName).toBe('audit_SITE-A_2026-03-02.csv');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('site,seq,when (UTC),who,workstation,kind,action,record,outcome,details,hash');
    expect(rows).toBe(2);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',update,');
    expect(lines[1]).toContain('reason=""=HYPERLINK');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('is closed to custodians and administrators', async () => {
    for (const user of ['clerk', 'sysadmin']) {
      const conn = await site.connect(user);
      expect(await site.call(conn, 'audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('audit trail redaction', () => {
  it('masks visitors\' passport numbers in the audit viewer and its CSV export', async () => {
    const { visitDraft } = await import('../visits/fixtures.js');
    const clerk = await site.connect('clerk');
    await site.must(clerk, 'visits.create', visitDraft());
    const auditor = await site.connect('auditor');
    const listed = await site.must(auditor, 'audit.list', { kind: 'visitor' });
    expect(listed.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(listed.items)).not.toContain('C01X00T47');
    expect(JSON.stringify(listed.items)).toContain('redacted');
    const { csv } = await site.must(auditor, 'audit.exportCsv', {});
    expect(csv).not.toContain('C01X00T47');
    // The stored journal still holds the record (it is the record), and still verifies.
    expect((site.db.prepare("SELECT count(*) AS n FROM journal WHERE data LIKE '%C01X00T47%'").get() as { n: number }).n).toBeGreaterThan(0);
  });
});
