// Sync for the renderer's tests, on top of the shared fake api (test/renderer/fakeApi.ts, left as
// it is): a wrapper answers sync.* and trust.* the way the core's dispatch does (session, idle
// lock, the contract's roles and input schema first, and every answer checked against the
// contract's output schema), with the core's rules that the screens show: a site exports, only
// headquarters imports sites' bundles and has per-site status; enrolment refuses a fingerprint
// that does not match (INVALID_INPUT on expectedFingerprint, worded as the core words it); a
// wrong key passphrase is refused on `passphrase`; the chain rules per site give apply, overlap,
// held for a gap, already imported; a "tampered" file is rejected (BUNDLE_REJECTED, with the
// reason in details, as sync.preview answers) and importing it changes nothing. Progress is what
// the test sets while an export or import waits on a gate the test opens.
import { makeApi } from '../../../electron/common/api.js';
import type { LedgerApi } from '../../../electron/common/api.js';
import type { MethodName, MethodOutput, MethodParsedInput } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import { GENESIS_HASH } from '../../../electron/common/journal.js';
import type { LedgerErrorBody, Result } from '../../../electron/common/result.js';
import { fail, ok } from '../../../electron/common/result.js';
import type { AlarmRecord, BundleEvent, IdentityRecord, ImportResult, SyncProgress, TrustRecord } from '../../../electron/common/sync/model.js';
import { groupFingerprint } from '../../../electron/common/sync/model.js';
import type { BundleRejectReason } from '../../../electron/common/sync/reasons.js';
import type { RootStoreOptions } from '../../../renderer/src/stores/RootStore.js';
import { RootStore } from '../../../renderer/src/stores/RootStore.js';
import type { FileChooser } from '../../../renderer/src/platform/files.js';
import { typedPaths } from '../../../renderer/src/platform/files.js';
import { NOW, recordEntry } from '../fakeAccounts.js';
import type { FakeApi } from '../fakeApi.js';
import { PASSWORD, createFakeApi } from '../fakeApi.js';

/** The passphrase of every fake signing key. */
export const KEY_PASSPHRASE = 'Sealed key passphrase 42!';

type SyncMethod = Extract<MethodName, `sync.${string}` | `trust.${string}`>;
type AsyncHandlers = { [M in SyncMethod]?: (input: MethodParsedInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>> };

/** A certificate someone handed over: its PEM, whose it is, its SHA-256 fingerprint (hex). */
export interface FakeCertificate {
  pem: string;
  siteId: string;
  sha256: string;
}

/** A bundle file on the fake medium. */
export interface FakeBundle {
  bundleId: string;
  siteId: string;
  direction: 'site-to-hq' | 'hq-to-site';
  recipient: string;
  firstSeq: number;
  lastSeq: number;
  counts: Record<string, number>;
  classification: 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';
  /** The file was altered: verification refuses it with this reason. */
  tampered?: { reason: BundleRejectReason; message: string };
}

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export interface SyncFake {
  fake: FakeApi;
  api: LedgerApi;
  identity: IdentityRecord | null;
  trust: TrustRecord[];
  /** Certificates that parse, by PEM (anything else "is not a PEM certificate"). */
  certificates: Map<string, FakeCertificate>;
  /** Folders that exist (the medium); sync.export refuses any other outDir. */
  folders: Set<string>;
  /** Files on the medium, by absolute path. */
  files: Map<string, FakeBundle>;
  /** Headquarters: the head held per site. A site: its own head. */
  heads: Map<string, number>;
  /** Bundle ids already imported. */
  imported: Set<string>;
  held: Map<string, FakeBundle>;
  alarms: AlarmRecord[];
  events: BundleEvent[];
  /** Site: the head headquarters acknowledged. */
  acknowledged: number;
  /** What sync.progress answers while an export or import runs (null otherwise). */
  progress: NonNullable<SyncProgress> | null;
  /** Held shut: sync.export, sync.import and sync.exportAck wait for it. */
  hold: Gate | null;
  running: boolean;
}

const HEX = '0123456789abcdef';

/** A deterministic hex string of `length` digits from a seed. */
function hexOf(seed: string, length: number): string {
  let out = '';
  let n = 7;
  for (let i = 0; out.length < length; i++) {
    n = (n * 31 + seed.charCodeAt(i % seed.length) + i) % 1_000_003;
    out += HEX[n % 16];
  }
  return out;
}

export function fakeCertificate(siteId: string): FakeCertificate {
  const sha256 = hexOf(`spki-${siteId}`, 64);
  return { pem: `-----BEGIN CERTIFICATE-----\nMIIB${hexOf(siteId, 40)}\n-----END CERTIFICATE-----\n`, siteId, sha256 };
}

function info(cert: FakeCertificate) {
  const sha384 = hexOf(`384-${cert.siteId}`, 96);
  return {
    keyId: cert.sha256,
    fingerprint: groupFingerprint(cert.sha256),
    fingerprintSha384: groupFingerprint(sha384),
    subject: `CN=${cert.siteId}`,
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2031-01-01T00:00:00.000Z',
    certificatePem: cert.pem,
  };
}

export function trustRecord(cert: FakeCertificate, role: 'site' | 'hq'): TrustRecord {
  return { ...info(cert), siteId: cert.siteId, role, enrolledAt: NOW, enrolledBy: 'admin', revokedAt: null, revokedBy: null, revokeReason: null };
}

export function bundleFileName(b: FakeBundle): string {
  return `${b.siteId}_${b.firstSeq}-${b.lastSeq}_${b.classification.replace(/ /g, '-')}.ledger.tar`;
}

function invalid(path: string, message: string): Result<never> {
  return fail({ code: 'INVALID_INPUT', message: `${path} ${message}`, issues: [{ path: [path], message }] });
}

function rejected(reason: BundleRejectReason, message: string, details: Record<string, unknown> = {}): Result<never> {
  return fail({ code: 'BUNDLE_REJECTED', message: `${reason}: ${message}`, details: { reason, ...details } });
}

/** The shared fake with sync.* and trust.* answered here. */
export function withSync(fake: FakeApi): SyncFake {
  const state = fake.state;
  const s: SyncFake = {
    fake,
    api: fake.api,
    identity: null,
    trust: [],
    certificates: new Map(),
    folders: new Set(),
    files: new Map(),
    heads: new Map(),
    imported: new Set(),
    held: new Map(),
    alarms: [],
    events: [],
    acknowledged: 0,
    progress: null,
    hold: null,
    running: false,
  };
  const site = () => {
    if (!state.site) throw new Error('the fake site is not set up');
    return state.site;
  };
  const actor = () => state.session?.username ?? 'system';
  const ownHead = () => s.heads.get(site().siteId) ?? 0;
  const headOf = (siteId: string) => s.heads.get(siteId) ?? 0;
  const activeTrust = (role: 'site' | 'hq') => s.trust.filter((t) => t.role === role && t.revokedAt === null);
  let nextEvent = 1;

  const summary = (b: FakeBundle) => ({
    bundleId: b.bundleId,
    direction: b.direction,
    siteId: b.siteId,
    recipient: b.recipient,
    firstSeq: b.firstSeq,
    lastSeq: b.lastSeq,
    entryCount: b.lastSeq - b.firstSeq + 1,
    previousHead: GENESIS_HASH,
    head: hexOf(`head-${b.bundleId}`, 96),
    counts: b.counts,
    classification: b.classification,
    level: b.classification,
    createdAt: NOW,
    expiresAt: null,
  });

  const baseResult = (path: string | null, b: FakeBundle): ImportResult => ({
    path,
    fileName: bundleFileName(b),
    bundle: summary(b),
    outcome: 'applied',
    message: '',
    applied: 0,
    skipped: 0,
    appliedByKind: {},
    waitingForSeq: null,
    fromHold: false,
    rejection: null,
    alarmId: null,
    acknowledged: null,
  });

  /** New entries per kind when the first `skip` entries are already held (counts spread in order). */
  const newByKind = (b: FakeBundle, skip: number): Record<string, number> => {
    const out: Record<string, number> = {};
    let left = skip;
    for (const kind of Object.keys(b.counts).sort()) {
      const n = b.counts[kind] ?? 0;
      const skipped = Math.min(n, left);
      left -= skipped;
      if (n - skipped > 0) out[kind] = n - skipped;
    }
    return out;
  };

  /** Verification and the chain rules, as headquarters applies them (docs/sync.md). */
  const judge = (path: string): { ok: true; bundle: FakeBundle; result: ImportResult } | { ok: false; error: LedgerErrorBody } => {
    const b = s.files.get(path);
    if (!b) return { ok: false, error: { code: 'BUNDLE_REJECTED', message: `UNREADABLE: cannot read ${path}`, details: { reason: 'UNREADABLE' } } };
    if (b.tampered) return { ok: false, error: { code: 'BUNDLE_REJECTED', message: `${b.tampered.reason}: ${b.tampered.message}`, details: { reason: b.tampered.reason } } };
    if (!s.trust.some((t) => t.siteId === b.siteId && t.role === 'site')) {
      return { ok: false, error: { code: 'BUNDLE_REJECTED', message: `SIGNER_UNTRUSTED: the signer of ${bundleFileName(b)} is not in the trust store`, details: { reason: 'SIGNER_UNTRUSTED' } } };
    }
    const result = baseResult(path, b);
    const head = headOf(b.siteId);
    const count = b.lastSeq - b.firstSeq + 1;
    if (s.imported.has(b.bundleId) || b.lastSeq <= head) {
      return { ok: true, bundle: b, result: { ...result, outcome: 'already_imported', message: `headquarters already holds ${b.siteId} up to seq ${head}: nothing changed` } };
    }
    if (b.firstSeq > head + 1) {
      return { ok: true, bundle: b, result: { ...result, outcome: 'held', waitingForSeq: head + 1, applied: count, appliedByKind: b.counts, message: `waiting for seq ${head + 1}` } };
    }
    const skip = head - b.firstSeq + 1;
    return { ok: true, bundle: b, result: { ...result, applied: count - skip, skipped: skip, appliedByKind: newByKind(b, skip), message: `applied ${count - skip} entries of ${b.siteId}` } };
  };

  const event = (b: FakeBundle, kind: BundleEvent['event'], applied: number, skipped: number, message: string) => {
    s.events.unshift({ id: nextEvent++, bundleId: b.bundleId, event: kind, direction: b.direction, siteId: b.siteId, recipient: b.recipient, firstSeq: b.firstSeq, lastSeq: b.lastSeq, classification: b.classification, fileName: bundleFileName(b), applied, skipped, at: NOW, actor: actor(), message });
  };

  /** While a long call runs: progress as set by the test, and the gate it waits on. */
  /** Refused before the signature is trusted: the result names the file only (rejectedResult(null, path, why)). */
  const refusedFile = (path: string, error: LedgerErrorBody): ImportResult => {
    const reason = error.details?.reason as BundleRejectReason;
    const message = error.message.replace(`${reason}: `, '');
    return {
      path,
      fileName: path.split('/').pop() ?? path,
      bundle: null,
      outcome: 'rejected',
      message,
      applied: 0,
      skipped: 0,
      appliedByKind: {},
      waitingForSeq: null,
      fromHold: false,
      rejection: { code: 'BUNDLE_REJECTED', reason, message, details: {} },
      alarmId: null,
      acknowledged: null,
    };
  };

  const running = async <T>(operation: NonNullable<SyncProgress>['operation'], work: () => T): Promise<T> => {
    s.running = true;
    s.progress = s.progress ?? { operation, phase: 'starting', file: null, done: 0, total: null, startedAt: NOW };
    try {
      if (s.hold) await s.hold.promise;
      return work();
    } finally {
      s.running = false;
      s.progress = null;
    }
  };

  const unseal = (passphrase: string) => {
    if (!s.identity) return fail<never>({ code: 'CONFLICT', message: 'this installation has no signing identity yet: an administrator creates it (sync.createIdentity)' });
    if (passphrase !== KEY_PASSPHRASE) return fail<never>({ code: 'INVALID_INPUT', message: 'the passphrase does not open the signing key', issues: [{ path: ['passphrase'], message: 'is not the passphrase of the signing key' }] });
    return null;
  };

  const written = (b: FakeBundle, outDir: string, expiresAt: string | null) => {
    const path = `${outDir.replace(/\/$/, '')}/${bundleFileName(b)}`;
    s.files.set(path, b);
    return { path, fileName: bundleFileName(b), bundleId: b.bundleId, recipient: b.recipient, firstSeq: b.firstSeq, lastSeq: b.lastSeq, entryCount: b.lastSeq - b.firstSeq + 1, head: hexOf(`head-${b.bundleId}`, 96), classification: b.classification, bytes: 10240, expiresAt };
  };

  const handlers: AsyncHandlers = {
    'sync.identity': () => ok({ identity: s.identity }),
    'sync.createIdentity': () => {
      if (s.identity) return fail({ code: 'CONFLICT', message: 'this installation already has a signing identity' });
      const cert = fakeCertificate(site().siteId);
      s.identity = { ...info(cert), siteId: site().siteId, createdAt: NOW, createdBy: actor() };
      recordEntry(state, 'identity', cert.sha256, 'create', { record: s.identity });
      return ok(s.identity);
    },
    'sync.status': () => {
      const own = site();
      const head = ownHead();
      return ok({
        siteId: own.siteId,
        siteRole: own.siteRole,
        identity: s.identity ? { fingerprint: s.identity.fingerprint, keyId: s.identity.keyId } : null,
        head: { seq: head, hash: head === 0 ? GENESIS_HASH : hexOf(`own-${head}`, 96) },
        acknowledged: s.acknowledged > 0 ? { seq: s.acknowledged, hash: hexOf(`own-${s.acknowledged}`, 96), at: NOW, bundleId: '01J0000000000000000000ACK1', notes: '' } : null,
        unacknowledged: own.siteRole === 'site' ? head - s.acknowledged : 0,
        headquarters: activeTrust('hq').map((t) => ({ siteId: t.siteId, fingerprint: t.fingerprint })),
        openAlarms: s.alarms.filter((a) => a.status === 'open').length,
      });
    },
    'trust.list': () => ok(s.trust),
    'trust.enroll': (input) => {
      const own = site();
      const expected = own.siteRole === 'hq' ? 'site' : 'hq';
      if (input.role !== expected) return invalid('role', own.siteRole === 'hq' ? 'must be site: headquarters enrolls the certificates of its sites' : "must be hq: a site enrolls headquarters' certificate");
      const cert = s.certificates.get(input.certificatePem.trim()) ?? s.certificates.get(`${input.certificatePem.trim()}\n`);
      if (!cert) return invalid('certificatePem', 'is not a PEM certificate');
      if (cert.siteId !== input.siteId) return invalid('siteId', `does not match the certificate, which names ${cert.siteId}`);
      const record = trustRecord(cert, input.role);
      if (input.expectedFingerprint !== cert.sha256) {
        recordEntry(state, 'trust', cert.sha256, 'enroll_refused', { siteId: input.siteId, outcome: 'failure' });
        return invalid('expectedFingerprint', `does not match the certificate (its SHA-256 fingerprint is ${record.fingerprint}): do not enroll it; check where the file came from`);
      }
      if (s.trust.some((t) => t.keyId === record.keyId)) return fail({ code: 'CONFLICT', message: `this key is already enrolled for ${cert.siteId}` });
      const enrolled = { ...record, enrolledBy: actor() };
      s.trust.push(enrolled);
      return ok(enrolled);
    },
    'trust.revoke': (input) => {
      const chosen = s.trust.filter((t) => t.revokedAt === null && (input.siteId !== undefined ? t.siteId === input.siteId : t.keyId === input.fingerprint));
      if (chosen.length === 0) return fail({ code: 'NOT_FOUND', message: 'no trusted certificate has that fingerprint' });
      const revoked = chosen.map((t) => ({ ...t, revokedAt: NOW, revokedBy: actor(), revokeReason: input.reason }));
      s.trust = s.trust.map((t) => revoked.find((r) => r.keyId === t.keyId) ?? t);
      return ok(revoked);
    },
    'sync.export': async (input) => {
      const own = site();
      if (own.siteRole !== 'site') return fail({ code: 'CONFLICT', message: 'headquarters does not export its journal; it answers sites with sync.exportAck' });
      if (!s.folders.has(input.outDir)) return invalid('outDir', 'is not an existing folder');
      const hq = activeTrust('hq');
      if (hq.length === 0) return fail({ code: 'CONFLICT', message: 'headquarters is not in the trust store yet: enroll its certificate first (trust.enroll)' });
      const head = ownHead();
      if (head <= s.acknowledged) return fail({ code: 'CONFLICT', message: `nothing to export: headquarters has acknowledged every entry (up to seq ${s.acknowledged})` });
      const refused = unseal(input.passphrase);
      if (refused) return refused;
      return running('export', () => {
        const b: FakeBundle = {
          bundleId: `01J00000000000000000EXP${String(s.events.length + 1).padStart(3, '0')}`,
          siteId: own.siteId,
          direction: 'site-to-hq',
          recipient: hq[0]?.siteId ?? 'HQ',
          firstSeq: s.acknowledged + 1,
          lastSeq: head,
          counts: { receipt: head - s.acknowledged },
          classification: own.systemHigh,
        };
        const out = written(b, input.outDir, null);
        event(b, 'exported', 0, 0, `exported ${out.entryCount} entries`);
        return ok(out);
      });
    },
    // Each file on its own: the core's judging of a set together is tested against the core.
    'sync.preview': async ({ paths }) =>
      running('preview', () => {
        if (site().siteRole !== 'hq') return rejected('WRONG_DIRECTION', 'a site imports only acknowledgements');
        const results = paths.map((path) => {
          const verdict = judge(path);
          if (!verdict.ok) return refusedFile(path, verdict.error);
          const r = verdict.result;
          return { ...r, message: r.outcome === 'applied' ? `would ${r.message}` : r.message };
        });
        return ok({ results });
      }),
    'sync.import': async ({ paths }) =>
      running('import', () => {
        if (site().siteRole !== 'hq') return rejected('WRONG_DIRECTION', 'a site imports only acknowledgements');
        const results: ImportResult[] = [];
        const good: { path: string; bundle: FakeBundle }[] = [];
        for (const path of paths) {
          const verdict = judge(path);
          if (verdict.ok) good.push({ path, bundle: verdict.bundle });
          else {
            results.push(refusedFile(path, verdict.error));
          }
        }
        good.sort((a, b) => a.bundle.siteId.localeCompare(b.bundle.siteId) || a.bundle.firstSeq - b.bundle.firstSeq);
        for (const { path } of good) {
          const verdict = judge(path);
          if (!verdict.ok) continue;
          const { bundle: b, result } = verdict;
          results.push(result);
          if (result.outcome === 'applied') {
            s.heads.set(b.siteId, b.lastSeq);
            s.imported.add(b.bundleId);
            event(b, 'imported', result.applied, result.skipped, result.message);
            // Held bundles that now connect are applied, lowest first.
            for (const waiting of [...s.held.values()].filter((h) => h.siteId === b.siteId).sort((x, y) => x.firstSeq - y.firstSeq)) {
              const at = headOf(b.siteId);
              if (waiting.firstSeq > at + 1) break;
              s.held.delete(waiting.bundleId);
              const skip = Math.max(0, at - waiting.firstSeq + 1);
              const count = waiting.lastSeq - waiting.firstSeq + 1;
              s.heads.set(b.siteId, Math.max(at, waiting.lastSeq));
              s.imported.add(waiting.bundleId);
              event(waiting, 'released', count - skip, skip, 'released');
              results.push({ ...baseResult(null, waiting), applied: count - skip, skipped: skip, appliedByKind: newByKind(waiting, skip), fromHold: true, message: `released from hold: applied ${count - skip} entries` });
            }
          } else if (result.outcome === 'held') {
            s.held.set(b.bundleId, b);
            event(b, 'held', 0, 0, result.message);
          }
        }
        return ok({ results });
      }),
    'sync.exportAck': async (input) => {
      if (site().siteRole !== 'hq') return fail({ code: 'CONFLICT', message: 'only headquarters acknowledges bundles' });
      if (!activeTrust('site').some((t) => t.siteId === input.siteId)) return fail({ code: 'NOT_FOUND', message: `${input.siteId} is not an enrolled site (or its certificates were revoked)` });
      if (!s.folders.has(input.outDir)) return invalid('outDir', 'is not an existing folder');
      const head = headOf(input.siteId);
      if (head === 0) return fail({ code: 'CONFLICT', message: `nothing received from ${input.siteId} yet: there is nothing to acknowledge` });
      const refused = unseal(input.passphrase);
      if (refused) return refused;
      return running('acknowledge', () => {
        const b: FakeBundle = { bundleId: `01J00000000000000000ACK${String(s.events.length + 1).padStart(3, '0')}`, siteId: site().siteId, direction: 'hq-to-site', recipient: input.siteId, firstSeq: 1, lastSeq: 1, counts: { bundle: 1 }, classification: input.classification?.level ?? 'UNCLASSIFIED' };
        const out = written(b, input.outDir, `2026-04-${String(9 + input.expiresInDays - 30).padStart(2, '0')}T12:00:00.000Z`);
        event(b, 'exported', 0, 0, `acknowledged ${input.siteId} up to seq ${head}`);
        return ok(out);
      });
    },
    'sync.sites': () => {
      if (site().siteRole !== 'hq') return fail({ code: 'CONFLICT', message: 'per-site status is kept at headquarters; a site sees its own in sync.status' });
      const ids = [...new Set([...activeTrust('site').map((t) => t.siteId), ...[...s.heads.keys()].filter((id) => id !== site().siteId)])].sort();
      return ok(
        ids.map((siteId) => ({
          siteId,
          activeCertificates: activeTrust('site').filter((t) => t.siteId === siteId).length,
          lastSeq: headOf(siteId),
          lastHash: headOf(siteId) === 0 ? GENESIS_HASH : hexOf(`${siteId}-${headOf(siteId)}`, 96),
          lastImportAt: s.events.some((e) => e.siteId === siteId && e.event === 'imported') ? NOW : null,
          lastBundleId: null,
          held: [...s.held.values()]
            .filter((b) => b.siteId === siteId)
            .map((b) => ({ bundleId: b.bundleId, siteId, fileName: bundleFileName(b), firstSeq: b.firstSeq, lastSeq: b.lastSeq, waitingForSeq: headOf(siteId) + 1, classification: b.classification, heldAt: NOW, heldBy: 'admin' })),
          openAlarms: s.alarms.filter((a) => a.siteId === siteId && a.status === 'open').length,
          lastAcknowledgement: null,
        })),
      );
    },
    'sync.alarms': ({ includeResolved }) => ok(s.alarms.filter((a) => includeResolved || a.status === 'open')),
    'sync.resolveAlarm': ({ id, resolution }) => {
      const alarm = s.alarms.find((a) => a.id === id);
      if (!alarm) return fail({ code: 'NOT_FOUND', message: `no alarm ${id}` });
      if (alarm.status === 'resolved') return fail({ code: 'CONFLICT', message: `alarm ${id} was already resolved on ${alarm.resolvedAt ?? '?'}` });
      const done: AlarmRecord = { ...alarm, status: 'resolved', resolvedAt: NOW, resolvedBy: actor(), resolution };
      s.alarms = s.alarms.map((a) => (a.id === id ? done : a));
      return ok(done);
    },
    'sync.bundles': ({ offset, limit, siteId }) => {
      const rows = s.events.filter((e) => siteId === undefined || e.siteId === siteId || e.recipient === siteId);
      return ok({ items: rows.slice(offset, offset + limit), total: rows.length, offset });
    },
    'sync.progress': () => ok(s.running ? s.progress : null),
  };

  s.api = makeApi(async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const handler = handlers[method as SyncMethod] as ((input: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
    if (!handler) return (fake.api[method] as (input: unknown) => Promise<Result<unknown>>)(input);
    fake.calls.push({ method, input });
    await Promise.resolve();
    const session = state.session;
    if (session === null) return fail({ code: 'UNAUTHENTICATED', message: 'sign in first' });
    if (state.locked) return fail({ code: 'SESSION_LOCKED', message: 'the session is locked after idle time' });
    const access = contract[method].access;
    if (Array.isArray(access) && !session.roles.some((role) => access.includes(role))) return fail({ code: 'FORBIDDEN', message: `your role does not allow this (needs one of: ${access.join(', ')})` });
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      return fail({ code: 'INVALID_INPUT', message: 'invalid input', issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) });
    }
    const result = await handler(parsed.data);
    // The core validates what it returns against the contract; so does the fake.
    if (result.ok) contract[method].output.parse(result.value);
    return result;
  });
  return s;
}

export interface SyncRigOptions {
  username?: 'custodian' | 'admin' | 'auditor' | 'analyst';
  siteRole?: 'site' | 'hq';
  siteId?: string;
  files?: FileChooser;
  store?: RootStoreOptions;
}

/** A RootStore over the fake with sync, signed in (default: admin, who is also the security officer). */
export async function syncRig(options: SyncRigOptions = {}): Promise<{ root: RootStore; sync: SyncFake; fake: FakeApi }> {
  const fake = createFakeApi();
  const site = fake.state.site;
  if (site) fake.state.site = { ...site, siteRole: options.siteRole ?? 'site', siteId: options.siteId ?? (options.siteRole === 'hq' ? 'HQ' : 'SITE-A') };
  // A headquarters analyst, for the readers' view.
  fake.state.users.set('U3', { id: 'U3', username: 'analyst', displayName: 'Hana Analyst', roles: ['hq_analyst'], disabled: false, locked: false, lockedAt: null, mustChangePassword: false, createdAt: NOW });
  fake.state.passwords.set('U3', PASSWORD);
  const sync = withSync(fake);
  const root = new RootStore(sync.api, { statusPollMs: null, ...options.store, sync: { files: options.files ?? typedPaths, progressPollMs: 1, ...options.store?.sync } });
  await root.session.load();
  root.session.acceptConsent();
  root.session.setField('username', options.username ?? 'admin');
  root.session.setField('password', PASSWORD);
  if (!(await root.session.signIn())) throw new Error('sign-in failed in test set-up');
  fake.calls.length = 0;
  return { root, sync, fake };
}

/** Everything in place for an exchange: both identities, each side trusting the other. */
export function enrolBoth(s: SyncFake, own: string, other: string): void {
  const ownCert = fakeCertificate(own);
  const otherCert = fakeCertificate(other);
  s.identity = { ...info(ownCert), siteId: own, createdAt: NOW, createdBy: 'admin' };
  s.trust.push(trustRecord(otherCert, other === 'HQ' ? 'hq' : 'site'));
}
