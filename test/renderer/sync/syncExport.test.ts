// At a site: the export to headquarters, with sync.progress polled while the call runs and the
// result (file, seq range, entries, marking) when it is done; the passphrase is never kept.
// At headquarters: the acknowledgement for one site.
import { describe, expect, it } from 'vitest';
import { describeProgress } from '../../../renderer/src/stores/SyncProgress.js';
import { flush } from '../support.js';
import { KEY_PASSPHRASE, enrolBoth, gate, syncRig } from './fakeSync.js';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function siteRig() {
  const rig = await syncRig({ siteRole: 'site' });
  enrolBoth(rig.sync, 'SITE-A', 'HQ');
  rig.sync.heads.set('SITE-A', 12);
  rig.sync.folders.add('/media/usb');
  await rig.root.sync.load();
  rig.fake.calls.length = 0;
  return rig;
}

describe('export at a site', () => {
  it('polls sync.progress while the export runs, then shows the bundle written', async () => {
    const { root, fake, sync } = await siteRig();
    const exporter = root.sync.exporter;
    expect(root.sync.status?.unacknowledged).toBe(12);
    exporter.form.set('outDir', '/media/usb');
    exporter.form.set('passphrase', KEY_PASSPHRASE);
    sync.hold = gate();
    sync.progress = { operation: 'export', phase: 'writing', file: '/media/usb', done: 3, total: 12, startedAt: '2026-03-10T12:00:00.000Z' };

    const done = exporter.submit();
    await until(() => exporter.watch.progress !== null, 'the first progress answer');
    expect(exporter.watch.running).toBe(true);
    expect(exporter.form.busy).toBe(true);
    expect(exporter.watch.text).toBe('Writing entries: 3 of 12 (12 entries)');
    sync.progress = { ...sync.progress, done: 9 };
    await until(() => exporter.watch.progress?.done === 9, 'the progress to move');
    expect(exporter.watch.text).toBe('Writing entries: 9 of 12 (12 entries)');

    sync.hold.open();
    expect(await done).toBe(true);
    expect(exporter.watch.running).toBe(false);
    expect(exporter.written).toMatchObject({ fileName: 'SITE-A_1-12_SECRET.ledger.tar', firstSeq: 1, lastSeq: 12, entryCount: 12, classification: 'SECRET', recipient: 'HQ' });
    expect(exporter.form.values).toEqual({ outDir: '/media/usb', passphrase: '' });
    expect(fake.callsOf('sync.export')).toEqual([{ outDir: '/media/usb', passphrase: KEY_PASSPHRASE }]);

    // The poll stops with the call.
    const polls = fake.callsOf('sync.progress').length;
    expect(polls).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.callsOf('sync.progress')).toHaveLength(polls);
    // Status and history read again.
    expect(fake.callsOf('sync.status')).toHaveLength(1);
    expect(root.sync.history.items.map((e) => [e.event, e.fileName])).toEqual([['exported', 'SITE-A_1-12_SECRET.ledger.tar']]);
  });

  it('checks the folder and passphrase before sending, and shows the core’s refusals next to the fields', async () => {
    const { root, fake } = await siteRig();
    const exporter = root.sync.exporter;
    expect(await exporter.submit()).toBe(false);
    expect(exporter.form.errors.get('outDir')).toBe('Export folder is required');
    expect(exporter.form.errors.get('passphrase')).toBe('Key passphrase is required');
    exporter.form.set('outDir', 'media/usb');
    exporter.form.set('passphrase', 'x');
    expect(await exporter.submit()).toBe(false);
    expect(exporter.form.errors.get('outDir')).toBe('Export folder must be an absolute path');
    expect(exporter.form.values.passphrase).toBe('');
    expect(fake.callsOf('sync.export')).toEqual([]);

    exporter.form.set('outDir', '/media/usb');
    exporter.form.set('passphrase', 'Not the passphrase 1!');
    expect(await exporter.submit()).toBe(false);
    expect(exporter.form.errors.get('passphrase')).toBe('Key passphrase is not the passphrase of the signing key');
    expect(exporter.form.error).toBe('Some entries need correcting; see the marked fields.');

    exporter.form.set('outDir', '/media/elsewhere');
    exporter.form.set('passphrase', KEY_PASSPHRASE);
    expect(await exporter.submit()).toBe(false);
    expect(exporter.form.errors.get('outDir')).toBe('Export folder is not an existing folder');
    expect(exporter.written).toBeNull();
  });

  it('says so when headquarters is not trusted yet (a rule, not an edit race)', async () => {
    const rig = await syncRig({ siteRole: 'site' });
    enrolBoth(rig.sync, 'SITE-A', 'HQ');
    rig.sync.trust = [];
    rig.sync.heads.set('SITE-A', 3);
    rig.sync.folders.add('/media/usb');
    const exporter = rig.root.sync.exporter;
    exporter.form.set('outDir', '/media/usb');
    exporter.form.set('passphrase', KEY_PASSPHRASE);
    expect(await exporter.submit()).toBe(false);
    expect(exporter.form.error).toBe('Not done: headquarters is not in the trust store yet: enroll its certificate first (trust.enroll)');
    await flush();
  });

  it('describes each phase in words', () => {
    const base = { operation: 'import' as const, file: null, startedAt: '2026-03-10T12:00:00.000Z' };
    expect(describeProgress({ ...base, phase: 'verifying', done: 1, total: 3 })).toBe('Verifying bundles: 1 of 3 (3 bundles)');
    expect(describeProgress({ ...base, phase: 'importing', done: 0, total: 1 })).toBe('Importing bundles: 0 of 1 (1 bundle)');
    expect(describeProgress({ ...base, phase: 'starting', done: 0, total: null })).toBe('Starting…');
  });
});

describe('acknowledgement at headquarters', () => {
  it('writes the acknowledgement for one site, keeping the folder for the next site', async () => {
    const rig = await syncRig({ siteRole: 'hq' });
    enrolBoth(rig.sync, 'HQ', 'SITE-A');
    rig.sync.heads.set('SITE-A', 40);
    rig.sync.folders.add('/media/usb');
    await rig.root.sync.load();
    const ack = rig.root.sync.ack;
    ack.open('SITE-A');
    ack.form.fill({ outDir: '/media/usb', passphrase: KEY_PASSPHRASE, notes: 'Received, thank you', expiresInDays: '30' });
    expect(await ack.submit()).toBe(true);
    expect(rig.fake.callsOf('sync.exportAck')).toEqual([{ siteId: 'SITE-A', outDir: '/media/usb', passphrase: KEY_PASSPHRASE, notes: 'Received, thank you', expiresInDays: 30 }]);
    expect(ack.written).toMatchObject({ recipient: 'SITE-A', classification: 'UNCLASSIFIED', entryCount: 1 });
    expect(ack.form.values.passphrase).toBe('');

    ack.open('SITE-B');
    expect(ack.written).toBeNull();
    expect(ack.form.values).toMatchObject({ outDir: '/media/usb', notes: '', expiresInDays: '30' });
    ack.form.set('expiresInDays', '400');
    ack.form.set('passphrase', KEY_PASSPHRASE);
    expect(await ack.submit()).toBe(false);
    expect(ack.form.errors.get('expiresInDays')).toBe('Valid for (days) must be at most 365');
    expect(rig.fake.callsOf('sync.exportAck')).toHaveLength(1);
  });
});
