import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { AuditListStore } from '../../../renderer/src/stores/AuditListStore.js';
import { downloadTextFile } from '../../../renderer/src/platform/saveFile.js';
import { recordEntry } from '../fakeAccounts.js';
import { signedInRig } from '../support.js';
import type { RigOptions } from '../support.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** An auditor over a trail of `n` sign-ins (besides the rig's own entries), one a minute. */
async function auditorRig(n: number, options: RigOptions = {}) {
  const rig = await signedInRig({ username: 'auditor', ...options });
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString();
    recordEntry(rig.fake.state, 'session', `U${i}`, i % 4 === 0 ? 'sign_in_failed' : 'sign_in', { outcome: i % 4 === 0 ? 'failure' : 'success' }, at);
  }
  return rig;
}

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('audit viewer', () => {
  it('pages with the first page’s snapshot, so the audited reads do not shift later pages', async () => {
    const { root, fake } = await auditorRig(12);
    const list = new AuditListStore(root, 5);
    list.reload();
    list.ensureRange(0, 14); // later pages wait for the first one's snapshot
    await settle();
    const first = fake.callsOf('audit.list') as { snapshot?: number; offset: number }[];
    expect(first).toEqual([{ offset: 0, limit: 5 }]);
    const snapshot = list.snapshot;
    expect(snapshot).toBe(fake.journal.length);
    const total = list.total ?? 0;

    list.ensureRange(0, total - 1);
    await settle();
    const later = (fake.callsOf('audit.list') as { snapshot?: number; offset: number }[]).slice(1);
    expect(later.map((c) => c.offset)).toEqual(Array.from({ length: Math.ceil(total / 5) - 1 }, (_, i) => (i + 1) * 5));
    expect(later.every((c) => c.snapshot === snapshot)).toBe(true);
    // Each read was recorded in the trail, yet the pages join up without a gap or a repeat.
    expect(fake.journal.length).toBeGreaterThan(snapshot ?? 0);
    const ids = Array.from({ length: total }, (_, i) => list.rowAt(i)?.id);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual(fake.journal.slice(0, snapshot ?? 0).map((e) => e.id).reverse());
    expect(list.rowAt(0)?.action).toBe('audit_read');
  });

  it('a new reading (refresh, filters) takes a new snapshot and drops the selection', async () => {
    const { root, fake } = await auditorRig(3);
    const { list } = root.audit;
    list.reload();
    await settle();
    list.select(list.rowAt(1) ?? null);
    expect(list.selected).not.toBeNull();
    const before = list.snapshot ?? 0;
    list.setFilter('actor', 'custodian');
    list.setFilter('kind', 'session');
    list.setFilter('action', 'sign_in_failed');
    list.setFilter('from', '2026-03-01');
    list.setFilter('to', '2026-03-10');
    expect(list.apply()).toBe(true);
    await settle();
    expect(list.selected).toBeNull();
    expect(fake.callsOf('audit.list').at(-1)).toEqual({ actor: 'custodian', kind: 'session', action: 'sign_in_failed', from: '2026-03-01', to: '2026-03-10', offset: 0, limit: 100 });
    expect(list.snapshot).toBeGreaterThan(before);
  });

  it('refuses a date range that ends before it starts, and bad dates, without reading', async () => {
    const { root, fake } = await auditorRig(1);
    const { list } = root.audit;
    list.setFilter('from', '2026-03-10');
    list.setFilter('to', '2026-03-01');
    expect(list.apply()).toBe(false);
    expect(list.filterErrors.get('to')).toBe('To date must not be before the from date');
    list.setFilter('to', '2026-02-30');
    expect(list.apply()).toBe(false);
    expect(list.filterErrors.get('to')).toMatch(/^To date /);
    expect(fake.callsOf('audit.list')).toEqual([]);
  });

  it('marks failures and shows the core’s outcome', async () => {
    const { root } = await auditorRig(4);
    root.audit.list.applied = { action: 'sign_in_failed' };
    root.audit.list.reload();
    await settle();
    expect(root.audit.list.total).toBe(1);
    expect(root.audit.list.rowAt(0)?.outcome).toBe('failure');
  });

  it('exports the filtered trail as CSV and hands it to the injected saver', async () => {
    const saveFile = vi.fn();
    const { root, fake } = await auditorRig(5, { store: { saveFile } });
    root.audit.list.applied = { kind: 'session' };
    root.audit.list.reload();
    await settle();
    expect(await root.audit.exportCsv()).toBe(true);
    expect(fake.callsOf('audit.exportCsv')).toEqual([{ kind: 'session', snapshot: root.audit.list.snapshot }]);
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [fileName, csv, mime] = saveFile.mock.calls[0] as [string, string, string];
    expect(fileName).toBe('audit_SITE-A_2026-03-10.csv');
    expect(csv.split('\r\n')[0]).toBe('when (UTC),who,kind,action,outcome');
    expect(mime).toBe('text/csv;charset=utf-8');
    expect(root.audit.csvExport.message).toMatch(/^Exported \d+ entries to audit_SITE-A_2026-03-10\.csv\.$/);

    fake.failNext('audit.exportCsv', { code: 'INTERNAL', message: 'disk full' });
    expect(await root.audit.exportCsv()).toBe(false);
    expect(root.audit.csvExport.failed).toBe(true);
    expect(root.audit.csvExport.message).toMatch(/disk full/);
    expect(saveFile).toHaveBeenCalledTimes(1);
  });

  it('the default saver starts a download through a Blob link named after the file', async () => {
    // jsdom has no Blob URLs: stand in for them for this test.
    const created: Blob[] = [];
    const original = { create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'), revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL') };
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) created.push(blob);
        return 'blob:ledger/1';
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    onTestFinished(() => {
      for (const [name, descriptor] of [['createObjectURL', original.create], ['revokeObjectURL', original.revoke]] as const) {
        if (descriptor) Object.defineProperty(URL, name, descriptor);
        else Reflect.deleteProperty(URL, name);
      }
    });
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    const { root } = await auditorRig(2);
    expect(root.saveFile).toBe(downloadTextFile);
    expect(await root.audit.exportCsv()).toBe(true);
    expect(clicked).toEqual([{ href: 'blob:ledger/1', download: 'audit_SITE-A_2026-03-10.csv', inDocument: true }]);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await created[0]?.text()).toMatch(/^when \(UTC\)/);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('verify integrity: intact, or the first broken link', async () => {
    const { root, fake } = await auditorRig(2);
    await root.audit.journalCheck.verify();
    expect(root.audit.journalCheck.report?.ok).toBe(true);
    const { verifySentence } = await import('../../../renderer/src/format/audit.js');
    expect(verifySentence(root.audit.journalCheck.report ?? { ok: true, entries: 0, sites: [] })).toBe(`Journal intact: ${fake.journal.length} entries, 1 site.`);

    fake.setVerifyReport({ ok: false, entries: 7, firstBroken: { siteId: 'SITE-A', seq: 5, reason: 'hash does not match the entry' } });
    await root.audit.journalCheck.verify();
    expect(root.audit.journalCheck.report?.ok).toBe(false);
    expect(verifySentence(root.audit.journalCheck.report ?? { ok: true, entries: 0, sites: [] })).toBe(
      'Journal broken at site SITE-A, sequence 5: hash does not match the entry. 7 entries checked.',
    );
  });

  it('is refused to a custodian by the core', async () => {
    const { root } = await signedInRig();
    root.audit.list.reload();
    await settle();
    expect(root.audit.list.error).toMatch(/^Your role does not allow this/);
    await root.audit.journalCheck.verify();
    expect(root.audit.journalCheck.error).toMatch(/^Your role does not allow this/);
  });
});
