// Headquarters imports: a preview per file first (nothing changes), then one import of the
// previewed files with an outcome per bundle, and every sync view read again.
import { describe, expect, it } from 'vitest';
import { flush } from '../support.js';
import type { FakeBundle } from './fakeSync.js';
import { bundleFileName, enrolBoth, fakeCertificate, syncRig, trustRecord } from './fakeSync.js';

const MEDIUM = '/media/usb';

function bundle(siteId: string, firstSeq: number, lastSeq: number, extra: Partial<FakeBundle> = {}): FakeBundle {
  return {
    bundleId: `01J000000000000000${siteId.replace(/[^A-Z]/g, '').padEnd(4, 'X')}${String(firstSeq).padStart(4, '0')}`,
    siteId,
    direction: 'site-to-hq',
    recipient: 'HQ',
    firstSeq,
    lastSeq,
    counts: { receipt: Math.ceil((lastSeq - firstSeq + 1) / 2), session: Math.floor((lastSeq - firstSeq + 1) / 2) },
    classification: 'SECRET',
    ...extra,
  };
}

async function hqRig() {
  const rig = await syncRig({ siteRole: 'hq' });
  enrolBoth(rig.sync, 'HQ', 'SITE-A');
  for (const id of ['SITE-B', 'SITE-C']) rig.sync.trust.push(trustRecord(fakeCertificate(id), 'site'));
  // HQ already holds SITE-B up to 5 and SITE-C up to 3.
  rig.sync.heads.set('SITE-B', 5);
  rig.sync.heads.set('SITE-C', 3);
  const put = (b: FakeBundle) => {
    const path = `${MEDIUM}/${bundleFileName(b)}`;
    rig.sync.files.set(path, b);
    return path;
  };
  const files = {
    gap: put(bundle('SITE-A', 11, 20)),
    first: put(bundle('SITE-A', 1, 10)),
    replay: put(bundle('SITE-B', 1, 5)),
    overlap: put(bundle('SITE-C', 1, 6)),
    tampered: put(
      bundle('SITE-C', 7, 9, {
        tampered: { reason: 'HASH_MISMATCH', message: 'data/journal.ndjson does not match its SHA-384 in manifest-sha384.txt' },
      }),
    ),
  };
  await rig.root.sync.load();
  rig.fake.calls.length = 0;
  return { ...rig, files };
}

describe('import at headquarters', () => {
  it('previews the chosen files in one call, a row per file in the order chosen (apply, overlap, held for a gap, already imported, rejected), and changes nothing', async () => {
    const { root, fake, sync, files } = await hqRig();
    const importer = root.sync.importer;
    importer.setTyped([files.gap, files.first, files.replay, files.overlap, files.tampered, '', `  ${files.first}  `].join('\n'));
    expect(importer.paths).toEqual([files.gap, files.first, files.replay, files.overlap, files.tampered]);
    expect(await importer.preview()).toBe(true);

    expect(fake.callsOf('sync.preview')).toEqual([{ paths: importer.paths }]);
    expect(fake.callsOf('sync.import')).toEqual([]);
    expect(sync.heads.get('SITE-A')).toBeUndefined();

    // The first file comes after a gap while headquarters holds nothing of SITE-A yet.
    expect(importer.previews.map((p) => [p.fileName, p.verdict])).toEqual([
      ['SITE-A_11-20_SECRET.ledger.tar', 'held'],
      ['SITE-A_1-10_SECRET.ledger.tar', 'apply'],
      ['SITE-B_1-5_SECRET.ledger.tar', 'already_imported'],
      ['SITE-C_1-6_SECRET.ledger.tar', 'overlap'],
      ['SITE-C_7-9_SECRET.ledger.tar', 'rejected'],
    ]);
    const [gap, first, replay, overlap, tampered] = importer.previews;
    expect(first?.result).toMatchObject({ applied: 10, skipped: 0, appliedByKind: { receipt: 5, session: 5 } });
    expect(gap?.result?.waitingForSeq).toBe(1);
    expect(overlap?.result).toMatchObject({ applied: 3, skipped: 3 });
    expect(tampered?.rejection).toEqual({
      reason: 'HASH_MISMATCH',
      text: 'A file was changed after the bundle was signed (its hash does not match)',
      message: 'data/journal.ndjson does not match its SHA-384 in manifest-sha384.txt',
    });
    const { outcomeSentence } = await import('../../../renderer/src/stores/SyncImportStore.js');
    expect(outcomeSentence(first!, 'preview')).toBe('Would apply 10 new entries.');
    expect(outcomeSentence(overlap!, 'preview')).toBe('Would apply 3 new entries; 3 entries already held, checked and would be skipped.');
    expect(outcomeSentence(gap!, 'preview')).toBe('Would be held back: waiting for seq 1, the gap before this bundle (seq 11-20).');
    expect(outcomeSentence(replay!, 'preview')).toMatch(/^Already imported: headquarters already holds SITE-B up to seq 5/);
    expect(outcomeSentence(tampered!, 'preview')).toBe(
      'Would be rejected: A file was changed after the bundle was signed (its hash does not match) (HASH_MISMATCH). data/journal.ndjson does not match its SHA-384 in manifest-sha384.txt',
    );
    // Counts per site: what the preview would add.
    expect(importer.siteSummaries).toEqual([
      { siteId: 'SITE-A', bundles: 2, newEntries: 20, byKind: { receipt: 10, session: 10 } },
      { siteId: 'SITE-B', bundles: 1, newEntries: 0, byKind: {} },
      { siteId: 'SITE-C', bundles: 1, newEntries: 3, byKind: { session: 3 } },
    ]);
    expect(importer.canImport).toBe(true);
  });

  it('imports the previewed files in one call and shows one outcome per bundle, in the order applied', async () => {
    const { root, fake, sync, files } = await hqRig();
    const importer = root.sync.importer;
    importer.setTyped([files.gap, files.replay, files.tampered, files.first, files.overlap].join('\n'));
    // The receipts list was read before the import.
    root.receipts.list.reload();
    await flush();
    await importer.preview();
    fake.calls.length = 0;
    expect(await importer.commit()).toBe(true);
    // ... and is read again, now that records arrived; lists never opened are not read.
    expect(fake.callsOf('receipts.list')).toHaveLength(1);
    expect(fake.callsOf('visits.list')).toEqual([]);
    expect(fake.callsOf('incidents.list')).toEqual([]);

    expect(fake.callsOf('sync.import')).toEqual([{ paths: [files.gap, files.replay, files.tampered, files.first, files.overlap] }]);
    // Per site in seq order: the gap fills once 1-10 is in, so 11-20 is applied from the hold.
    expect(importer.results?.map((r) => [r.fileName, r.verdict, r.result?.fromHold ?? false])).toEqual([
      ['SITE-C_7-9_SECRET.ledger.tar', 'rejected', false],
      ['SITE-A_1-10_SECRET.ledger.tar', 'apply', false],
      ['SITE-A_11-20_SECRET.ledger.tar', 'apply', false],
      ['SITE-B_1-5_SECRET.ledger.tar', 'already_imported', false],
      ['SITE-C_1-6_SECRET.ledger.tar', 'overlap', false],
    ]);
    const { outcomeSentence } = await import('../../../renderer/src/stores/SyncImportStore.js');
    expect(importer.results?.map((r) => outcomeSentence(r, 'import'))).toEqual([
      'Rejected: A file was changed after the bundle was signed (its hash does not match) (HASH_MISMATCH). data/journal.ndjson does not match its SHA-384 in manifest-sha384.txt',
      'Applied 10 new entries.',
      'Applied 10 new entries.',
      expect.stringMatching(/^Already imported: /),
      'Applied 3 new entries; 3 entries already held, checked and skipped.',
    ]);
    expect(sync.heads.get('SITE-A')).toBe(20);
    // The preview is spent; the sites table, alarms and history are read again.
    expect(importer.previews).toEqual([]);
    expect(importer.canImport).toBe(false);
    expect(fake.callsOf('sync.sites')).toHaveLength(1);
    expect(fake.callsOf('sync.bundles')).toHaveLength(1);
    expect(root.sync.siteStatus('SITE-A')?.lastSeq).toBe(20);

    // The same bundles again: nothing new, and it says so.
    importer.setTyped(files.first);
    await importer.preview();
    expect(importer.previews.map((p) => p.verdict)).toEqual(['already_imported']);
  });

  it('holds a bundle after a gap and shows the site waiting for the missing seq', async () => {
    const { root, files } = await hqRig();
    const importer = root.sync.importer;
    importer.setTyped(files.gap);
    await importer.preview();
    await importer.commit();
    expect(importer.results?.map((r) => r.verdict)).toEqual(['held']);
    const { outcomeSentence } = await import('../../../renderer/src/stores/SyncImportStore.js');
    expect(outcomeSentence(importer.results![0]!, 'import')).toBe('Held back: waiting for seq 1, the gap before this bundle (seq 11-20).');
    expect(root.sync.siteStatus('SITE-A')?.held).toMatchObject([{ waitingForSeq: 1, fileName: 'SITE-A_11-20_SECRET.ledger.tar' }]);
  });

  it('asks for a new preview when the chosen files change, and sends nothing for a relative path', async () => {
    const { root, fake, files } = await hqRig();
    const importer = root.sync.importer;
    importer.setTyped(files.first);
    await importer.preview();
    importer.setTyped(`${files.first}\n${files.overlap}`);
    expect(importer.canImport).toBe(false);
    expect(await importer.commit()).toBe(false);
    expect(fake.callsOf('sync.import')).toEqual([]);

    fake.calls.length = 0;
    importer.setTyped('usb/SITE-A_1-10_SECRET.ledger.tar');
    expect(await importer.preview()).toBe(false);
    expect(importer.fieldError).toBe('Bundle file "usb/SITE-A_1-10_SECRET.ledger.tar" must be an absolute path');
    importer.setTyped('');
    expect(await importer.preview()).toBe(false);
    expect(importer.fieldError).toBe('Choose at least one bundle file');
    expect(fake.calls).toEqual([]);
  });

  it('uses the native dialog when the window has one', async () => {
    const picked = ['/media/usb/SITE-A_1-10_SECRET.ledger.tar'];
    const chooser = {
      native: true,
      pickFolder: () => Promise.resolve({ ok: true as const, value: '/media/usb' }),
      pickFiles: () => Promise.resolve({ ok: true as const, value: picked }),
    };
    const rig = await syncRig({ siteRole: 'hq', files: chooser });
    enrolBoth(rig.sync, 'HQ', 'SITE-A');
    rig.sync.files.set(picked[0]!, bundle('SITE-A', 1, 10));
    const importer = rig.root.sync.importer;
    importer.setTyped('/ignored/when/native.ledger.tar');
    await importer.choose();
    expect(importer.paths).toEqual(picked);
    await importer.preview();
    expect(rig.fake.callsOf('sync.preview')).toEqual([{ paths: picked }]);
  });
});
