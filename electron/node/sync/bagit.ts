// BagIt 1.0 (RFC 8493) as bundles use it: SHA-384 manifests, UTF-8 tag files with LF line
// ends, one `data/` payload. Writing builds the tag files' text; validating takes what the tar
// reader saw (every file's size and SHA-384, and the bytes of the small tag files) and checks
// the bag is complete, exact and unpadded: nothing missing, nothing unlisted, every hash right.
import { type Verdict, rejection, type BundleRejectReason } from './rejection.js';
import { unsafeNameReason } from './tarNames.js';

export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST = 'manifest-sha384.txt';
export const TAG_MANIFEST = 'tagmanifest-sha384.txt';
export const PAYLOAD_DIR = 'data/';

export const BAGIT_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface BagInfo {
  sourceOrganization: string;
  /** YYYY-MM-DD */
  baggingDate: string;
  payloadOxum: { octets: number; streams: number };
  externalIdentifier: string;
  classification: string;
}

const BAG_INFO_LABELS = ['Source-Organization', 'Bagging-Date', 'Payload-Oxum', 'External-Identifier', 'Classification'] as const;

export function formatBagInfo(info: BagInfo): string {
  const values: Record<(typeof BAG_INFO_LABELS)[number], string> = {
    'Source-Organization': info.sourceOrganization,
    'Bagging-Date': info.baggingDate,
    'Payload-Oxum': `${info.payloadOxum.octets}.${info.payloadOxum.streams}`,
    'External-Identifier': info.externalIdentifier,
    Classification: info.classification,
  };
  for (const [label, value] of Object.entries(values)) {
    if (!isTagValue(value)) throw new Error(`bag-info ${label} must be one line of printable text`);
  }
  return BAG_INFO_LABELS.map((label) => `${label}: ${values[label]}\n`).join('');
}

export interface ManifestLine {
  path: string;
  sha384: string;
}

/** Lines sorted by path, `<hex>  <path>` as sha384sum writes them, CR, LF and % percent-encoded. */
export function formatManifest(lines: readonly ManifestLine[]): string {
  return [...lines]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((line) => `${line.sha384}  ${encodeManifestPath(line.path)}\n`)
    .join('');
}

export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

const PERCENT_DECODED: Readonly<Record<string, string>> = { '25': '%', '0D': '\r', '0A': '\n' };

/** Inverse of encodeManifestPath; null when a `%` starts anything but %25, %0D or %0A. */
export function decodeManifestPath(encoded: string): string | null {
  let ok = true;
  const decoded = encoded.replace(/%(..)?/g, (_match, hex: string | undefined) => {
    const char = PERCENT_DECODED[(hex ?? '').toUpperCase()];
    if (char === undefined) ok = false;
    return char ?? '';
  });
  return ok ? decoded : null;
}

/** What the tar reader recorded for one file. */
export interface BagFile {
  size: number;
  /**
   * Its SHA-384 (hex) as read; null for a payload file whose hash is left to the one read that
   * checks it (the import reads its payload once more anyway): the manifest's hash is then the
   * one it must match.
   */
  sha384: string | null;
}

export interface BagInventory {
  /** Every file in the archive by name. */
  files: ReadonlyMap<string, BagFile>;
  /** The bytes of the tag files (every file outside data/). */
  tagBytes: ReadonlyMap<string, Uint8Array>;
}

export interface BagRules {
  /** Tag files the tag manifest must list (besides it, bagit.txt is always required). */
  tagManifestEntries: readonly string[];
  /** Tag files allowed without a tag manifest line: the detached signature over it. */
  unlistedTagFiles: readonly string[];
}

export interface ValidBag {
  info: BagInfo;
  payload: ReadonlyMap<string, BagFile>;
  /** The payload files' SHA-384 as the manifest lists them. */
  manifest: ReadonlyMap<string, string>;
}

type BagVerdict<T> = Verdict<T>;

function refuse<T>(reason: BundleRejectReason, message: string, details: Record<string, unknown> = {}): BagVerdict<T> {
  return { ok: false, rejection: rejection(reason, message, details) };
}

export function validateBag(inventory: BagInventory, rules: BagRules): BagVerdict<ValidBag> {
  for (const required of [BAGIT_TXT, BAG_INFO_TXT, MANIFEST, TAG_MANIFEST]) {
    if (!inventory.files.has(required)) return refuse('BAG_FILE_MISSING', `the bag has no ${required}`, { file: required });
  }
  const declaration = tagText(inventory, BAGIT_TXT);
  if (declaration !== BAGIT_DECLARATION) {
    return refuse('BAG_DECLARATION_INVALID', 'bagit.txt must declare exactly BagIt-Version 1.0 and UTF-8', { file: BAGIT_TXT });
  }

  const tagCheck = checkTagManifest(inventory, rules);
  if (!tagCheck.ok) return tagCheck;

  const manifest = parseManifest(tagText(inventory, MANIFEST), MANIFEST, 'payload');
  if (!manifest.ok) return manifest;
  const payload = new Map<string, BagFile>();
  for (const [name, file] of inventory.files) if (name.startsWith(PAYLOAD_DIR)) payload.set(name, file);
  for (const name of payload.keys()) {
    if (!manifest.value.has(name)) return refuse('UNLISTED_FILE', `payload file ${name} is not in ${MANIFEST}`, { file: name });
  }
  for (const [path, sha384] of manifest.value) {
    const file = payload.get(path);
    if (!file) return refuse('PAYLOAD_MISSING', `${MANIFEST} lists ${path}, which is not in the bag`, { file: path });
    if (file.sha384 !== null && file.sha384 !== sha384) return refuse('HASH_MISMATCH', `${path} does not match its SHA-384 in ${MANIFEST}`, { file: path });
  }

  const info = parseBagInfo(tagText(inventory, BAG_INFO_TXT));
  if (!info.ok) return info;
  let octets = 0;
  for (const file of payload.values()) octets += file.size;
  const oxum = info.value.payloadOxum;
  if (oxum.octets !== octets || oxum.streams !== payload.size) {
    return refuse('PAYLOAD_OXUM_MISMATCH', `Payload-Oxum says ${oxum.octets}.${oxum.streams}, the payload is ${octets}.${payload.size}`, {
      file: BAG_INFO_TXT,
    });
  }
  return { ok: true, value: { info: info.value, payload, manifest: manifest.value } };
}

function checkTagManifest(inventory: BagInventory, rules: BagRules): BagVerdict<null> {
  const listed = parseManifest(tagText(inventory, TAG_MANIFEST), TAG_MANIFEST, 'tag');
  if (!listed.ok) return listed;
  for (const required of rules.tagManifestEntries) {
    if (!listed.value.has(required)) return refuse('MANIFEST_INVALID', `${TAG_MANIFEST} does not list ${required}`, { file: TAG_MANIFEST });
  }
  for (const [path, sha384] of listed.value) {
    const file = inventory.files.get(path);
    if (!file) return refuse('BAG_FILE_MISSING', `${TAG_MANIFEST} lists ${path}, which is not in the bag`, { file: path });
    if (file.sha384 !== sha384) return refuse('HASH_MISMATCH', `${path} does not match its SHA-384 in ${TAG_MANIFEST}`, { file: path });
  }
  for (const name of inventory.files.keys()) {
    if (name.startsWith(PAYLOAD_DIR) || name === TAG_MANIFEST || listed.value.has(name) || rules.unlistedTagFiles.includes(name)) continue;
    return refuse('UNLISTED_FILE', `tag file ${name} is not in ${TAG_MANIFEST}`, { file: name });
  }
  return { ok: true, value: null };
}

const MANIFEST_LINE = /^([0-9a-f]{96}) {2}([^\r\n]+)$/;

/** Parse a manifest strictly: LF line ends, lower-case hex, two spaces, safe unique paths. */
export function parseManifest(text: string | null, file: string, kind: 'payload' | 'tag'): BagVerdict<Map<string, string>> {
  if (text === null) return refuse('MANIFEST_INVALID', `${file} is not UTF-8 text`, { file });
  if (text.length === 0 || !text.endsWith('\n')) return refuse('MANIFEST_INVALID', `${file} is empty or lacks a final line end`, { file });
  const entries = new Map<string, string>();
  const lines = text.slice(0, -1).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const where = { file, line: i + 1 };
    const match = MANIFEST_LINE.exec(lines[i] ?? '');
    if (!match) return refuse('MANIFEST_INVALID', `${file} line ${i + 1} is not "<sha384 hex>  <path>"`, where);
    const path = decodeManifestPath(match[2] as string);
    if (path === null) return refuse('MANIFEST_INVALID', `${file} line ${i + 1} has a bad percent-encoding`, where);
    const unsafe = unsafeNameReason(path);
    if (unsafe) return refuse('MANIFEST_INVALID', `${file} line ${i + 1}: ${unsafe}`, where);
    if ((kind === 'payload') !== path.startsWith(PAYLOAD_DIR)) {
      return refuse('MANIFEST_INVALID', `${file} line ${i + 1}: ${path} is ${kind === 'payload' ? 'outside' : 'inside'} data/`, where);
    }
    if (kind === 'tag' && path === TAG_MANIFEST) return refuse('MANIFEST_INVALID', `${file} lists itself`, where);
    if (entries.has(path)) return refuse('MANIFEST_INVALID', `${file} lists ${path} twice`, where);
    entries.set(path, match[1] as string);
  }
  return { ok: true, value: entries };
}

export function parseBagInfo(text: string | null): BagVerdict<BagInfo> {
  const where = { file: BAG_INFO_TXT };
  if (text === null) return refuse('BAG_INFO_INVALID', 'bag-info.txt is not UTF-8 text', where);
  if (!text.endsWith('\n')) return refuse('BAG_INFO_INVALID', 'bag-info.txt lacks a final line end', where);
  const values = new Map<string, string>();
  for (const line of text.slice(0, -1).split('\n')) {
    const match = /^([A-Za-z-]+): (.*)$/.exec(line);
    if (!match) return refuse('BAG_INFO_INVALID', `bag-info.txt line "${line.slice(0, 60)}" is not "Label: value"`, where);
    const [, label, value] = match as unknown as [string, string, string];
    if (!(BAG_INFO_LABELS as readonly string[]).includes(label)) return refuse('BAG_INFO_INVALID', `bag-info.txt has an unexpected label ${label}`, where);
    if (values.has(label)) return refuse('BAG_INFO_INVALID', `bag-info.txt repeats ${label}`, where);
    if (!isTagValue(value)) return refuse('BAG_INFO_INVALID', `bag-info.txt ${label} is not printable text`, where);
    values.set(label, value);
  }
  const missing = BAG_INFO_LABELS.find((label) => !values.has(label));
  if (missing) return refuse('BAG_INFO_INVALID', `bag-info.txt has no ${missing}`, where);
  const oxum = /^(0|[1-9][0-9]{0,15})\.(0|[1-9][0-9]{0,8})$/.exec(values.get('Payload-Oxum') as string);
  if (!oxum) return refuse('BAG_INFO_INVALID', 'bag-info.txt Payload-Oxum is not "<octets>.<files>"', where);
  const date = values.get('Bagging-Date') as string;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse('BAG_INFO_INVALID', 'bag-info.txt Bagging-Date is not YYYY-MM-DD', where);
  return {
    ok: true,
    value: {
      sourceOrganization: values.get('Source-Organization') as string,
      baggingDate: date,
      payloadOxum: { octets: Number(oxum[1]), streams: Number(oxum[2]) },
      externalIdentifier: values.get('External-Identifier') as string,
      classification: values.get('Classification') as string,
    },
  };
}

function isTagValue(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return value.length > 0 && value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A tag file's text, or null when it is not UTF-8 without a byte order mark. */
export function tagText(inventory: BagInventory, name: string): string | null {
  const bytes = inventory.tagBytes.get(name);
  if (!bytes) return null;
  try {
    const text = utf8.decode(bytes);
    return text.startsWith('\uFEFF') ? null : text;
  } catch {
    return null;
  }
}
