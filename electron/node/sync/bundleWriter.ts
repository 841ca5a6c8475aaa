// Writes one bundle: the entries streamed straight into the archive as data/journal.ndjson (memory
// stays flat, and every byte reaches the medium once), then the tag files made from what was
// written, the detached signature over the tag manifest; the tar appears under its final name
// only once complete and flushed.
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson } from '../../common/canonicalJson.js';
import { type Classification, bannerMarking, highestClassification } from '../../common/classification/index.js';
import { type JournalEntry, type JournalKind } from '../../common/journal.js';
import { ulid } from '../ids.js';
import { BAGIT_DECLARATION, BAGIT_TXT, BAG_INFO_TXT, MANIFEST, TAG_MANIFEST, formatBagInfo, formatManifest } from './bagit.js';
import { type BundleDirection, type BundleHeader, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, fileNameFor, serializeHeader } from './bundleHeader.js';
import { BUNDLE_JSON, JOURNAL_FILE, SIGNATURE_FILE } from './bundleNames.js';
import type { Signer } from './keys.js';
import { PARTIAL_SUFFIX, type PayloadSink, type TarFileInput, writeTarPayloadFirst } from './tarWriter.js';

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

/**
 * An entry with its canonical JSON and its marking already at hand (from the stored row): written
 * as given, and `classify` is not asked.
 */
export interface EntryWithLine {
  entry: Pick<JournalEntry, 'siteId' | 'seq' | 'kind' | 'prevHash' | 'hash'>;
  line: string;
  marking: Classification | null;
}

export interface WriteBundleOptions {
  entries: AsyncIterable<JournalEntry | EntryWithLine> | Iterable<JournalEntry | EntryWithLine>;
  header: BundleHeaderFields;
  signer: Signer;
  outDir: string;
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
  // Hidden while it is written; renamed to the name its header gives once complete.
  const partial = join(options.outDir, `.ledger-export-${randomUUID()}${PARTIAL_SUFFIX}`);
  let header: BundleHeader | null = null;
  const written = await writeTarPayloadFirst(partial, createdAt, { name: JOURNAL_FILE, fill: (sink) => writeJournal(sink, options) }, async ({ value: journal }) => {
    const fields = options.header;
    header = {
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
    return { finalPath: join(options.outDir, fileNameFor(header)), files: await tagFiles(header, journal, options) };
  });
  const done = header as BundleHeader | null;
  if (done === null) throw new Error('the bundle was written without its header');
  return { path: written.finalPath, fileName: fileNameFor(done), header: done, bytes: written.bytes };
}

/** Every file but the payload: the bag's declaration and info, the header, both manifests, the signature. */
async function tagFiles(header: BundleHeader, journal: JournalSummary, options: WriteBundleOptions): Promise<TarFileInput[]> {
  const bundleJson = utf8(serializeHeader(header));
  const manifest = utf8(formatManifest([{ path: JOURNAL_FILE, sha384: journal.sha384 }]));
  const bagInfo = utf8(
    formatBagInfo({
      sourceOrganization: options.header.siteName,
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
  return [
    { name: BAGIT_TXT, size: bagit.byteLength, content: bagit },
    { name: BAG_INFO_TXT, size: bagInfo.byteLength, content: bagInfo },
    { name: BUNDLE_JSON, size: bundleJson.byteLength, content: bundleJson },
    { name: MANIFEST, size: manifest.byteLength, content: manifest },
    { name: TAG_MANIFEST, size: tagManifest.byteLength, content: tagManifest },
    { name: SIGNATURE_FILE, size: signature.byteLength, content: signature },
  ];
}

const CHUNK_CHARS = 1024 * 1024;

/** Streams the entries into the archive, checking they form one chain of the sending site. */
async function writeJournal(sink: PayloadSink, options: WriteBundleOptions): Promise<JournalSummary> {
  const siteId = options.header.siteId;
  const hash = createHash('sha384');
  const counts: Partial<Record<JournalKind, number>> = {};
  // Distinct markings only (few), combined once at the end: memory stays flat.
  const markings = new Map<string, Classification>([[canonicalJson(options.header.classification), options.header.classification]]);
  let count = 0;
  let bytes = 0;
  let firstSeq = options.after ? options.after.seq + 1 : null;
  let previousHead = options.after?.head ?? null;
  let head = previousHead;
  let nextSeq = firstSeq;
  // Lines are gathered into chunks of about a megabyte: one encode, hash and write per chunk
  // rather than per entry. One chunk is on its way to the file while the next is read and built,
  // so the medium's write time overlaps the database's read time.
  let chunk = '';
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (chunk.length === 0) return;
    const encoded = Buffer.from(chunk, 'utf8');
    chunk = '';
    hash.update(encoded);
    bytes += encoded.byteLength;
    await writing;
    writing = sink.write(encoded);
    // Awaited at the next flush or the end; until then its failure must not count as unhandled.
    writing.catch(() => undefined);
  };
  for await (const item of options.entries) {
    const entry = 'line' in item ? item.entry : item;
    if (entry.siteId !== siteId) throw new Error(`entry ${entry.seq} belongs to site ${entry.siteId}, not ${siteId}`);
    if (nextSeq !== null && entry.seq !== nextSeq) throw new Error(`entry seq ${entry.seq} does not follow ${nextSeq - 1}`);
    if (head !== null && entry.prevHash !== head) throw new Error(`entry seq ${entry.seq} does not link to the entry before it`);
    if (firstSeq === null) firstSeq = entry.seq;
    if (previousHead === null) previousHead = entry.prevHash;
    chunk += `${'line' in item ? item.line : canonicalJson(entry)}\n`;
    if (chunk.length >= CHUNK_CHARS) await flush();
    count += 1;
    nextSeq = entry.seq + 1;
    head = entry.hash;
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    const marking = 'line' in item ? item.marking : options.classify?.(item);
    if (marking) {
      // Only to keep the set small: two spellings of one marking both kept change nothing.
      const key = JSON.stringify(marking);
      if (!markings.has(key)) markings.set(key, marking);
    }
    if (options.onProgress && count % 1000 === 0) options.onProgress(count);
  }
  await flush();
  await writing;
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
