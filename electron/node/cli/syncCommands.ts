// The sync commands: export, verify, import, trust, identity, ack. Each but `verify` signs in as
// --user and runs the same contract methods as the app (same roles, same audit). `verify` needs
// no database: a certificate file, or a ledger database's trust store read-only, is enough.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Result } from '../../common/result.js';
import type { ImportResult } from '../../common/sync/model.js';
import { openDb } from '../../../db/open.js';
import { entryHashOfCanonical } from '../../../db/journal/hash.js';
import { listTrust, readIdentity } from '../../../db/queries/sync.js';
import { type TrustedSigner, verifyBundle } from '../sync/bundleFile.js';
import { describeCertificate, pemToCertificateDer } from '../sync/keys.js';
import { UsageError, dbPathFrom, parseCommandArgs } from './args.js';
import { ACK_HELP, EXPORT_HELP, IDENTITY_HELP, IMPORT_HELP, TRUST_HELP, VERIFY_HELP } from './help.js';
import type { CliIo, CliOptions } from './main.js';
import { asUser, printResult } from './main.js';
import { readPassword } from './password.js';

const COMMON = { db: { type: 'string' }, user: { type: 'string' } } as const;
export const SYNC_COMMANDS = ['export', 'verify', 'import', 'trust', 'identity', 'ack'] as const;
export type SyncCommand = (typeof SYNC_COMMANDS)[number];

const PASSPHRASE_ENV = 'ENCLAVE_LEDGER_KEY_PASSPHRASE';

function readPassphrase(prompt = 'Passphrase of the signing key: '): Promise<string> {
  return readPassword(prompt, PASSPHRASE_ENV);
}

function help(io: CliIo, text: string): number {
  io.out(text);
  return 0;
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export async function syncCommand(command: SyncCommand, argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  switch (command) {
    case 'export':
      return exportCommand(argv, io, options);
    case 'verify':
      return verifyCommand(argv, io);
    case 'import':
      return importCommand(argv, io, options);
    case 'trust':
      return trustCommand(argv, io, options);
    case 'identity':
      return identityCommand(argv, io, options);
    case 'ack':
      return ackCommand(argv, io, options);
  }
}

async function exportCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...COMMON, out: { type: 'string' } }, 0);
  if (values.help) return help(io, EXPORT_HELP);
  const outDir = resolve(required(values, 'out'));
  const passphrase = await readPassphrase();
  return printResult(io, await asUser(values, options, (dispatch) => dispatch('sync.export', { outDir, passphrase })));
}

async function ackCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...COMMON, out: { type: 'string' }, site: { type: 'string' }, notes: { type: 'string' }, 'expires-days': { type: 'string' } }, 0);
  if (values.help) return help(io, ACK_HELP);
  const input: Record<string, unknown> = { siteId: required(values, 'site'), outDir: resolve(required(values, 'out')) };
  if (typeof values.notes === 'string') input.notes = values.notes;
  if (typeof values['expires-days'] === 'string') {
    const days = Number(values['expires-days']);
    if (!Number.isInteger(days)) throw new UsageError('--expires-days must be a whole number of days');
    input.expiresInDays = days;
  }
  input.passphrase = await readPassphrase();
  return printResult(io, await asUser(values, options, (dispatch) => dispatch('sync.exportAck', input)));
}

async function importCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...COMMON, preview: { type: 'boolean' } }, 1000);
  if (values.help) return help(io, IMPORT_HELP);
  if (positionals.length === 0) throw new UsageError('name the bundle FILEs to import');
  const paths = positionals.map((p) => resolve(p));
  const result = await asUser(values, options, (dispatch) => dispatch(values.preview ? 'sync.preview' : 'sync.import', { paths }));
  const status = printResult(io, result);
  if (!result.ok) return status;
  const results = (result.value as { results: ImportResult[] }).results;
  for (const r of results) {
    const name = r.fileName ?? r.path ?? '?';
    if (r.outcome === 'rejected') io.err(`enclave-ledger: ${name}: BUNDLE_REJECTED ${r.rejection?.reason ?? ''}: ${r.message}`);
    else io.err(`${name}: ${r.outcome}: ${r.message}`);
  }
  return results.some((r) => r.outcome === 'rejected') ? 1 : 0;
}

async function trustCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...COMMON, cert: { type: 'string' }, site: { type: 'string' }, role: { type: 'string' }, fingerprint: { type: 'string' }, reason: { type: 'string' } },
    1,
  );
  if (values.help || positionals.length === 0) {
    if (values.help) return help(io, TRUST_HELP);
    io.err(TRUST_HELP);
    return 2;
  }
  const action = positionals[0];
  let run: Parameters<typeof asUser>[2];
  if (action === 'list') {
    run = (dispatch) => dispatch('trust.list', {});
  } else if (action === 'add') {
    const certificatePem = readFileSync(required(values, 'cert'), 'utf8');
    const input = { certificatePem, siteId: required(values, 'site'), role: required(values, 'role'), expectedFingerprint: required(values, 'fingerprint') };
    run = (dispatch) => dispatch('trust.enroll', input);
  } else if (action === 'revoke') {
    const target = typeof values.fingerprint === 'string' ? { fingerprint: values.fingerprint } : { siteId: required(values, 'site') };
    const input = { ...target, reason: required(values, 'reason') };
    run = (dispatch) => dispatch('trust.revoke', input);
  } else {
    throw new UsageError(`unknown trust action: ${action}`);
  }
  return printResult(io, await asUser(values, options, run));
}

async function identityCommand(argv: string[], io: CliIo, options: CliOptions): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...COMMON, 'write-cert': { type: 'string' } }, 1);
  if (values.help) return help(io, IDENTITY_HELP);
  const action = positionals[0] ?? 'show';
  if (action === 'create') {
    const passphrase = await readPassphrase('New passphrase for the signing key (15+ characters): ');
    if (!process.env[PASSPHRASE_ENV] && (await readPassphrase('Again: ')) !== passphrase) throw new UsageError('the two passphrases differ');
    return printResult(io, await asUser(values, options, (dispatch) => dispatch('sync.createIdentity', { passphrase })));
  }
  if (action !== 'show') throw new UsageError(`unknown identity action: ${action}`);
  const result = await asUser(values, options, (dispatch) => dispatch('sync.identity', {}));
  const status = printResult(io, result);
  if (!result.ok) return status;
  const identity = (result.value as { identity: { certificatePem: string; fingerprint: string } | null }).identity;
  if (!identity) {
    io.err('enclave-ledger: this installation has no signing identity yet (enclave-ledger identity create, as an administrator)');
    return 1;
  }
  io.err(`Fingerprint (SHA-256 of the public key), to read aloud: ${identity.fingerprint}`);
  if (typeof values['write-cert'] === 'string') {
    writeFileSync(values['write-cert'], identity.certificatePem, { flag: 'wx', mode: 0o644 });
    io.err(`Certificate written to ${values['write-cert']}`);
  }
  return 0;
}

/** verify FILE --cert CERT.pem [--site ID] | --trust-db FILE: no sign-in, nothing written. */
async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { cert: { type: 'string' }, site: { type: 'string' }, 'trust-db': { type: 'string' } }, 1);
  if (values.help) return help(io, VERIFY_HELP);
  const [file] = positionals;
  if (!file) throw new UsageError('name the bundle FILE to verify');
  const trusted: TrustedSigner[] = [];
  if (typeof values.cert === 'string') {
    const der = pemToCertificateDer(readFileSync(values.cert, 'utf8'));
    const siteId = typeof values.site === 'string' ? values.site : describeCertificate(der).commonName;
    if (!siteId) throw new UsageError('the certificate names no site: give --site ID');
    trusted.push({ siteId, certificateDer: der });
  } else if (values['trust-db'] !== undefined) {
    const db = openDb(dbPathFrom(values['trust-db']), { readonly: true });
    try {
      for (const t of listTrust(db)) if (t.revokedAt === null) trusted.push({ siteId: t.siteId, certificateDer: pemToCertificateDer(t.certificatePem) });
      const own = readIdentity(db)?.record;
      if (own) trusted.push({ siteId: own.siteId, certificateDer: pemToCertificateDer(own.certificatePem) });
    } finally {
      db.close();
    }
  } else {
    throw new UsageError('give the signer: --cert CERT.pem, or --trust-db FILE (a ledger database whose trust store to use)');
  }
  const verdict = await verifyBundle(resolve(file), { trusted, entryHash: entryHashOfCanonical, now: new Date() });
  const result: Result<unknown> = verdict.ok
    ? {
        ok: true,
        value: {
          file,
          header: verdict.value.header,
          signer: { siteId: verdict.value.signer.siteId, fingerprint: verdict.value.signer.signer.fingerprints.sha256, subject: verdict.value.signer.signer.subject },
          entries: verdict.value.entries,
        },
      }
    : { ok: false, error: { code: 'BUNDLE_REJECTED', message: `${verdict.rejection.reason}: ${verdict.rejection.message}`, details: { reason: verdict.rejection.reason, ...verdict.rejection.details } } };
  return printResult(io, result);
}
