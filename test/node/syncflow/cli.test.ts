// The sync commands end to end through the CLI: identity, trust with the fingerprint check,
// export, verify without a database, import (twice: a no-op), acknowledgement back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/node/cli/main.js';
import { ManualClock } from '../../../electron/node/clock.js';
import { incomingDraft } from '../support/receiptFixtures.js';

const PASSWORD = 'Long enough CLI passw0rd!';
const PASSPHRASE = 'CLI signing key passphrase 7!';
let dir: string;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-sync-cli-'));
  process.env.ENCLAVE_LEDGER_PASSWORD = PASSWORD;
  process.env.ENCLAVE_LEDGER_KEY_PASSPHRASE = PASSPHRASE;
});
afterAll(() => {
  delete process.env.ENCLAVE_LEDGER_PASSWORD;
  delete process.env.ENCLAVE_LEDGER_KEY_PASSPHRASE;
  rmSync(dir, { recursive: true, force: true });
});

/** The printed Result; its value is whatever the method returns. */
interface CliJson {
  ok: boolean;
  value: Record<string, unknown> & { identity: { fingerprint: string }; results: unknown[]; path: string; entryCount: number; fileName: string };
  error?: Record<string, unknown>;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: () => Promise.resolve('') }, { clock, passwordIterations: 1000, keyIterations: 1000 });
  return { status, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) as CliJson };
}

describe('sync CLI', () => {
  it('exports, verifies, imports and acknowledges', async () => {
    const hq = join(dir, 'hq.sqlite');
    const site = join(dir, 'site.sqlite');
    const medium = join(dir, 'usb');
    mkdirSync(medium);
    expect((await cli('init', '--db', hq, '--site-id', 'HQ', '--site-name', 'Headquarters', '--system-high', 'SECRET', '--admin', 'fso', '--role', 'hq')).status).toBe(0);
    expect((await cli('init', '--db', site, '--site-id', 'SITE-A', '--site-name', 'Alpha Works', '--system-high', 'SECRET', '--admin', 'fso')).status).toBe(0);

    const certs: Record<string, { pem: string; fp: string }> = {};
    for (const [name, db] of [['hq', hq], ['site', site]] as const) {
      expect((await cli('identity', 'create', '--db', db, '--user', 'fso')).status).toBe(0);
      const pemPath = join(dir, `${name}.pem`);
      const shown = await cli('identity', '--db', db, '--user', 'fso', '--write-cert', pemPath);
      expect(shown.status).toBe(0);
      expect(shown.err).toMatch(/Fingerprint .*: [0-9A-F]{4} /);
      certs[name] = { pem: pemPath, fp: shown.json().value.identity.fingerprint };
      expect(readFileSync(pemPath, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    }

    // A mistyped fingerprint is refused.
    const wrong = await cli('trust', 'add', '--cert', certs.site!.pem, '--site', 'SITE-A', '--role', 'site', '--fingerprint', certs.hq!.fp, '--db', hq, '--user', 'fso');
    expect(wrong.status).toBe(1);
    expect(wrong.err).toMatch(/INVALID_INPUT.*does not match/);
    expect((await cli('trust', 'add', '--cert', certs.site!.pem, '--site', 'SITE-A', '--role', 'site', '--fingerprint', certs.site!.fp, '--db', hq, '--user', 'fso')).status).toBe(0);
    expect((await cli('trust', 'add', '--cert', certs.hq!.pem, '--site', 'HQ', '--role', 'hq', '--fingerprint', certs.hq!.fp, '--db', site, '--user', 'fso')).status).toBe(0);
    expect((await cli('trust', 'list', '--db', hq, '--user', 'fso')).json().value).toMatchObject([{ siteId: 'SITE-A', role: 'site', revokedAt: null }]);

    expect((await cli('call', 'receipts.create', JSON.stringify(incomingDraft()), '--db', site, '--user', 'fso')).status).toBe(0);
    const exported = await cli('export', '--out', medium, '--db', site, '--user', 'fso');
    expect(exported.status).toBe(0);
    const bundle = exported.json().value;
    expect(bundle.fileName).toMatch(/^SITE-A_1-\d+_SECRET\.ledger\.tar$/);

    const verified = await cli('verify', bundle.path, '--cert', certs.site!.pem);
    expect(verified.status).toBe(0);
    expect(verified.json().value).toMatchObject({ entries: bundle.entryCount, signer: { siteId: 'SITE-A' } });
    expect((await cli('verify', bundle.path, '--trust-db', hq)).status).toBe(0);
    const untrusted = await cli('verify', bundle.path, '--cert', certs.hq!.pem);
    expect(untrusted.status).toBe(1);
    expect(untrusted.json().error).toMatchObject({ code: 'BUNDLE_REJECTED', details: { reason: 'SIGNER_UNTRUSTED' } });

    expect((await cli('import', bundle.path, '--preview', '--db', hq, '--user', 'fso')).json().value).toMatchObject({ results: [{ outcome: 'applied', applied: bundle.entryCount }] });
    const imported = await cli('import', bundle.path, '--db', hq, '--user', 'fso');
    expect(imported.status).toBe(0);
    expect(imported.json().value.results).toMatchObject([{ outcome: 'applied', applied: bundle.entryCount }]);
    const again = await cli('import', bundle.path, '--db', hq, '--user', 'fso');
    expect(again.status).toBe(0);
    expect(again.err).toMatch(/already_imported/);

    const ackDir = join(dir, 'ack');
    mkdirSync(ackDir);
    const ack = await cli('ack', '--site', 'SITE-A', '--out', ackDir, '--notes', 'All received', '--db', hq, '--user', 'fso');
    expect(ack.status).toBe(0);
    const ackImported = await cli('import', ack.json().value.path, '--db', site, '--user', 'fso');
    expect(ackImported.status).toBe(0);
    expect(ackImported.json().value.results).toMatchObject([{ outcome: 'applied', acknowledged: { seq: bundle.entryCount, notes: 'All received' } }]);

    // An acknowledgement fed to headquarters is refused (exit 1), with the reason.
    const refused = await cli('import', ack.json().value.path, '--db', hq, '--user', 'fso');
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/BUNDLE_REJECTED/);

    expect((await cli('trust', 'revoke', '--site', 'SITE-A', '--reason', 'Decommissioned', '--db', hq, '--user', 'fso')).status).toBe(0);
    expect((await cli('verify', bundle.path, '--trust-db', hq)).status).toBe(1);
    for (const command of ['identity', 'trust', 'export', 'import', 'ack', 'verify']) expect((await cli(command, '--help')).status, command).toBe(0);
  });
});
