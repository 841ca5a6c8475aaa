// Fixtures for the sync tests, built by code in temp dirs (never committed blobs).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { canonicalJson } from '../../../electron/common/canonicalJson.js';
import { UNCLASSIFIED } from '../../../electron/common/classification/index.js';
import { GENESIS_HASH, type JournalEntry, type JournalKind } from '../../../electron/common/journal.js';
import { BAGIT_DECLARATION, type BagInfo, formatBagInfo, formatManifest } from '../../../electron/node/sync/bagit.js';
import { type BundleHeaderFields, JOURNAL_FILE, type WrittenBundle, writeBundle } from '../../../electron/node/sync/bundleFile.js';
import { type Signer, generateSiteIdentity } from '../../../electron/node/sync/keys.js';
import { createSoftwareSigner } from '../../../electron/node/sync/softwareSigner.js';
import { readTar } from '../../../electron/node/sync/tarReader.js';
import { writeTarAtomically } from '../../../electron/node/sync/tarWriter.js';

/** The journal's rule, restated here so the fixtures do not depend on db/journal. */
export function testEntryHash(entry: Omit<JournalEntry, 'hash'>): string {
  const { siteId, seq, id, at, actor, kind, entityId, action, data, prevHash } = entry;
  const body = canonicalJson({ siteId, seq, id, at, actor, kind, entityId, action, data, prevHash });
  return createHash('sha384').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function fakeUlid(n: number): string {
  let out = '';
  for (let i = 0; i < 26; i++) {
    out = (CROCKFORD[n % 32] as string) + out;
    n = Math.floor(n / 32);
  }
  return out;
}

const KINDS: JournalKind[] = ['receipt', 'visit', 'incident', 'user'];

export interface ChainOptions {
  fromSeq?: number;
  prevHash?: string;
  data?: (seq: number) => unknown;
}

export function makeEntries(siteId: string, count: number, options: ChainOptions = {}): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let prevHash = options.prevHash ?? GENESIS_HASH;
  const from = options.fromSeq ?? 1;
  for (let seq = from; seq < from + count; seq++) {
    const base = {
      siteId,
      seq,
      id: fakeUlid(seq * 7919),
      at: new Date(Date.UTC(2026, 10, 1) + seq * 1000).toISOString(),
      actor: 'custodian.one',
      kind: KINDS[seq % KINDS.length] as JournalKind,
      entityId: fakeUlid(seq % 5),
      action: 'create',
      data: options.data ? options.data(seq) : { n: seq, note: `entry ${seq}`, nested: { ok: seq % 2 === 0 } },
      prevHash,
    };
    const entry = { ...base, hash: testEntryHash(base) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

export interface TestIdentity {
  certificateDer: Uint8Array;
  privateKeyPkcs8: Uint8Array;
  signer: Signer;
}

export async function makeIdentity(siteId: string, siteName = `Site ${siteId}`): Promise<TestIdentity> {
  const identity = await generateSiteIdentity({ siteId, siteName });
  const signer = await createSoftwareSigner(identity.privateKeyPkcs8, identity.certificateDer, () => new Date('2026-11-23T12:00:00.000Z'));
  return { ...identity, signer };
}

/** A temp dir removed after the file's tests. */
export function tempDir(prefix = 'ledger-sync-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function headerFields(overrides: Partial<BundleHeaderFields> = {}): BundleHeaderFields {
  return {
    direction: 'site-to-hq',
    siteId: 'SITE-A',
    siteName: 'Site A',
    recipient: 'HQ',
    classification: UNCLASSIFIED,
    schemaVersion: 1,
    appVersion: '0.1.0',
    ...overrides,
  };
}

export const CREATED_AT = new Date('2026-11-23T12:00:00.000Z');

export async function writeTestBundle(
  outDir: string,
  identity: TestIdentity,
  entries: readonly JournalEntry[],
  overrides: Partial<BundleHeaderFields> = {},
): Promise<WrittenBundle> {
  return writeBundle({ entries, header: headerFields(overrides), signer: identity.signer, outDir, clock: () => CREATED_AT });
}

// ---- archives edited after signing, and bundles signed with chosen (bad) content ----

/** Every file of a bundle, by name. */
export async function unpack(path: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const verdict = await readTar(path, { maxTotalBytes: 1 << 30, maxEntries: 100, maxEntryBytes: 1 << 30 }, (entry) => {
    const parts: Uint8Array[] = [];
    return { update: (c) => void parts.push(c), end: () => void files.set(entry.name, new Uint8Array(Buffer.concat(parts))) };
  });
  if (!verdict.ok) throw new Error(verdict.rejection.message);
  return files;
}

/** Rewrite the tar at `path` with edited files (signature untouched). */
export async function repack(path: string, edit: (files: Map<string, Uint8Array>) => void, to = path): Promise<string> {
  const files = await unpack(path);
  edit(files);
  await writeTarAtomically(
    to,
    [...files].map(([name, content]) => ({ name, size: content.byteLength, content })),
    CREATED_AT,
  );
  return to;
}

export interface ForgedParts {
  bundleJson: string;
  journal: string | Uint8Array;
  bagInfo?: Partial<BagInfo>;
}

/**
 * A bundle whose every hash and signature is right but whose content is chosen by the test:
 * what a holder of the site's key (or a buggy exporter) could make. Checks after the signature
 * must catch it.
 */
export async function forgeSigned(outDir: string, fileName: string, signer: Signer, parts: ForgedParts): Promise<string> {
  const journal = typeof parts.journal === 'string' ? Buffer.from(parts.journal, 'utf8') : Buffer.from(parts.journal);
  const bundleJson = Buffer.from(parts.bundleJson, 'utf8');
  const header = JSON.parse(parts.bundleJson) as { bundleId?: string; classification?: { banner?: string }; createdAt?: string };
  const bagInfo = Buffer.from(
    formatBagInfo({
      sourceOrganization: 'Site A',
      baggingDate: (header.createdAt ?? '2026-11-23').slice(0, 10),
      payloadOxum: { octets: journal.byteLength, streams: 1 },
      externalIdentifier: header.bundleId ?? 'X',
      classification: header.classification?.banner ?? 'UNCLASSIFIED',
      ...parts.bagInfo,
    }),
  );
  const bagit = Buffer.from(BAGIT_DECLARATION);
  const sha = (b: Uint8Array) => createHash('sha384').update(b).digest('hex');
  const manifest = Buffer.from(formatManifest([{ path: JOURNAL_FILE, sha384: sha(journal) }]));
  const tagManifest = Buffer.from(
    formatManifest([
      { path: 'bagit.txt', sha384: sha(bagit) },
      { path: 'bag-info.txt', sha384: sha(bagInfo) },
      { path: 'bundle.json', sha384: sha(bundleJson) },
      { path: 'manifest-sha384.txt', sha384: sha(manifest) },
    ]),
  );
  const signature = await signer.sign(tagManifest);
  const files: [string, Uint8Array][] = [
    ['bagit.txt', bagit],
    ['bag-info.txt', bagInfo],
    ['bundle.json', bundleJson],
    [JOURNAL_FILE, journal],
    ['manifest-sha384.txt', manifest],
    ['tagmanifest-sha384.txt', tagManifest],
    ['tagmanifest-sha384.txt.p7s', signature],
  ];
  const path = join(outDir, fileName);
  await writeTarAtomically(path, files.map(([name, content]) => ({ name, size: content.byteLength, content })), CREATED_AT);
  return path;
}
