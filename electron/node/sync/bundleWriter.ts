// Writes one bundle: the entries streamed to data/journal.ndjson (staged beside the output so
// memory stays flat), the tag files, the detached signature over the tag manifest, and the tar,
// which appears under its final name only once complete and flushed.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { canonicalJson } from '../../common/canonicalJson.js';
import { type Classification, bannerMarking, highestClassification } from '../../common/classification/index.js';
import { type JournalEntry, type JournalKind } from '../../common/journal.js';
import { ulid } from '../ids.js';
import { BAGIT_DECLARATION, BAGIT_TXT, BAG_INFO_TXT, MANIFEST, TAG_MANIFEST, formatBagInfo, formatManifest } from './bagit.js';
import { type BundleDirection, type BundleHeader, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, fileNameFor, serializeHeader } from './bundleHeader.js';
import { BUNDLE_JSON, JOURNAL_FILE, SIGNATURE_FILE } from './bundleNames.js';
import type { Signer } from './keys.js';
import { writeTarAtomically } from './tarWriter.js';

export interface BundleHeaderFields {
  direction: BundleDirection;
  siteId: string;
  /** bag-info.txt Source-Organization. */
  siteName: string;
  recipient: string;
  /** The least the bundle is marked; raised by `classify` for each entry. */
  classification: Classification;
  schemaVersion: number;
  appVersion: string;
  bundleId?: string;
  /** Required for hq-to-site, absent for site-to-hq. */
  expiresAt?: Date;
}

/** An entry with its canonical JSON already at hand (built from the stored row): written as given. */
export interface EntryWithLine {
  entry: JournalEntry;
  line: string;
}

export interface WriteBundleOptions {
  entries: AsyncIterable<JournalEntry | EntryWithLine> | Iterable<JournalEntry | EntryWithLine>;
  header: BundleHeaderFields;
  signer: Signer;
  outDir: string;
  /** Where the journal is staged before the tar is written; default outDir (no copy left on local disk). */
  stagingDir?: string;
  /** The chain position the bundle continues from; required when it may carry no entries. */
  after?: { seq: number; head: string };
  /** The marking of one entry, if it carries one; the bundle is marked with the highest. */
  classify?: (entry: JournalEntry) => Classification | null;
  onProgress?: (entriesWritten: number) => void;
  clock?: () => Date;
}

export interface WrittenBundle {
  path: string;
  fileName: string;
  header: BundleHeader;
  bytes: number;
}

interface JournalSummary {
  count: number;
  bytes: number;
  sha384: string;
  firstSeq: number;
  lastSeq: number;
  previousHead: string;
  head: string;
  counts: Partial<Record<JournalKind, number>>;
  classification: Classification;
}

export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const clock = options.clock ?? (() => new Date());
  const createdAt = new Date(clock());
  const staging = await mkdtemp(join(options.stagingDir ?? options.outDir, '.ledger-export-'));
  try {
    const journalPath = join(staging, 'journal.ndjson');
    const journal = await stageJournal(journalPath, options);
    const fields = options.header;
    const header: BundleHeader = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      bundleId: fields.bundleId ?? ulid(createdAt),
      direction: fields.direction,
      siteId: fields.siteId,
      recipient: fields.recipient,
      firstSeq: journal.firstSeq,
      lastSeq: journal.lastSeq,
      previousHead: journal.previousHead,
      head: journal.head,
      entryCount: journal.count,
      counts: journal.counts,
      classification: { banner: bannerMarking(journal.classification), marking: journal.classification },
      schemaVersion: fields.schemaVersion,
      appVersion: fields.appVersion,
      createdAt: createdAt.toISOString(),
      expiresAt: fields.expiresAt ? fields.expiresAt.toISOString() : null,
    };
    const bundleJson = utf8(serializeHeader(header));
    const manifest = utf8(formatManifest([{ path: JOURNAL_FILE, sha384: journal.sha384 }]));
    const bagInfo = utf8(
      formatBagInfo({
        sourceOrganization: fields.siteName,
        baggingDate: header.createdAt.slice(0, 10),
        payloadOxum: { octets: journal.bytes, streams: 1 },
        externalIdentifier: header.bundleId,
        classification: header.classification.banner,
      }),
    );
    const bagit = utf8(BAGIT_DECLARATION);
    const tagManifest = utf8(
      formatManifest([
        { path: BAGIT_TXT, sha384: sha384(bagit) },
        { path: BAG_INFO_TXT, sha384: sha384(bagInfo) },
        { path: BUNDLE_JSON, sha384: sha384(bundleJson) },
        { path: MANIFEST, sha384: sha384(manifest) },
      ]),
    );
    const signature = await options.signer.sign(tagManifest);

    const fileName = fileNameFor(header);
    const path = join(options.outDir, fileName);
    const { bytes } = await writeTarAtomically(
      path,
      [
        { name: BAGIT_TXT, size: bagit.byteLength, content: bagit },
        { name: BAG_INFO_TXT, size: bagInfo.byteLength, content: bagInfo },
        { name: BUNDLE_JSON, size: bundleJson.byteLength, content: bundleJson },
        { name: JOURNAL_FILE, size: journal.bytes, content: () => createReadStream(journalPath) },
        { name: MANIFEST, size: manifest.byteLength, content: manifest },
        { name: TAG_MANIFEST, size: tagManifest.byteLength, content: tagManifest },
        { name: SIGNATURE_FILE, size: signature.byteLength, content: signature },
      ],
      createdAt,
    );
    return { path, fileName, header, bytes };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const CHUNK_CHARS = 1024 * 1024;

/** Streams the entries to `path`, checking they form one chain of the sending site. */
async function stageJournal(path: string, options: WriteBundleOptions): Promise<JournalSummary> {
  const siteId = options.header.siteId;
  const hash = createHash('sha384');
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const counts: Partial<Record<JournalKind, number>> = {};
  // Distinct markings only (few), combined once at the end: memory stays flat.
  const markings = new Map<string, Classification>([[canonicalJson(options.header.classification), options.header.classification]]);
  let count = 0;
  let bytes = 0;
  let firstSeq = options.after ? options.after.seq + 1 : null;
  let previousHead = options.after?.head ?? null;
  let head = previousHead;
  let nextSeq = firstSeq;
  // Lines are gathered into chunks of about a megabyte: one write (and one await) per chunk
  // rather than per entry.
  let chunk = '';
  const flush = async () => {
    if (chunk.length === 0) return;
    const written = out.write(chunk, 'utf8');
    chunk = '';
    if (!written) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  try {
    for await (const item of options.entries) {
      const entry = 'line' in item ? item.entry : item;
      if (entry.siteId !== siteId) throw new Error(`entry ${entry.seq} belongs to site ${entry.siteId}, not ${siteId}`);
      if (nextSeq !== null && entry.seq !== nextSeq) throw new Error(`entry seq ${entry.seq} does not follow ${nextSeq - 1}`);
      if (head !== null && entry.prevHash !== head) throw new Error(`entry seq ${entry.seq} does not link to the entry before it`);
      if (firstSeq === null) firstSeq = entry.seq;
      if (previousHead === null) previousHead = entry.prevHash;
      const line = `${'line' in item ? item.line : canonicalJson(entry)}\n`;
      hash.update(line, 'utf8');
      bytes += Buffer.byteLength(line, 'utf8');
      chunk += line;
      if (chunk.length >= CHUNK_CHARS) await flush();
      count += 1;
      nextSeq = entry.seq + 1;
      head = entry.hash;
      counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
      const marking = options.classify?.(entry);
      if (marking) {
        const key = canonicalJson(marking);
        if (!markings.has(key)) markings.set(key, marking);
      }
      if (options.onProgress && count % 1000 === 0) options.onProgress(count);
    }
    await flush();
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  if (firstSeq === null || previousHead === null || head === null) {
    throw new Error('a bundle without entries needs `after` (the seq and head it continues from)');
  }
  options.onProgress?.(count);
  return {
    count,
    bytes,
    sha384: hash.digest('hex'),
    firstSeq,
    lastSeq: firstSeq + count - 1,
    previousHead,
    head,
    counts,
    classification: highestClassification([...markings.values()]),
  };
}

function sha384(bytes: Uint8Array): string {
  return createHash('sha384').update(bytes).digest('hex');
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
