import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../db/open.js';
import { CLI_PASSWORD, cliRunner, useCliSandbox } from '../support/cliSandbox.js';
import { outgoingFgiDraft } from '../support/receiptFixtures.js';

const sandbox = useCliSandbox('ledger-cli-');
const cli = cliRunner(JSON.stringify(outgoingFgiDraft({ controlNumber: 'STDIN-1' })));

const INIT = ['init', '--site-id', 'SITE-A', '--site-name', 'Alpha Works', '--system-high', 'SECRET', '--admin', 'fso', '--admin-name', 'Fay Officer'];

describe('enclave-ledger CLI', () => {
  it('has --help on every command', async () => {
    for (const argv of [['--help'], ['init', '--help'], ['call', '--help'], ['journal', '--help'], ['users', '--help'], ['passwd', '--help'], ['methods']]) {
      const { status, out } = await cli(...argv);
      expect(status, argv.join(' ')).toBe(0);
      expect(out).toMatch(/Usage|receipts\.create/);
    }
  });

  it('initialises, creates and lists receipts as a user, and verifies the journal', async () => {
    expect((await cli(...INIT, '--db', sandbox.db)).status).toBe(0);
    const created = await cli('call', 'receipts.create', JSON.stringify(outgoingFgiDraft()), '--db', sandbox.db, '--user', 'fso');
    expect(created.status).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ ok: true, value: { controlNumber: 'OUT-2026-0001', status: 'prepared', createdBy: 'fso' } });
    expect((await cli('call', 'receipts.create', '-', '--db', sandbox.db, '--user', 'fso')).status).toBe(0);
    const inputFile = join(sandbox.dir, 'draft.json');
    writeFileSync(inputFile, JSON.stringify(outgoingFgiDraft({ controlNumber: 'FILE-1' })));
    expect((await cli('call', 'receipts.create', `@${inputFile}`, '--db', sandbox.db, '--user', 'fso')).status).toBe(0);

    const listed = JSON.parse((await cli('call', 'receipts.list', '{"sort":"controlNumber","sortDir":"asc"}', '--db', sandbox.db, '--user', 'fso')).out) as {
      value: { total: number; items: { controlNumber: string }[] };
    };
    expect(listed.value.total).toBe(3);
    expect(listed.value.items.map((i) => i.controlNumber)).toEqual(['FILE-1', 'OUT-2026-0001', 'STDIN-1']);

    const verified = await cli('journal', 'verify', '--db', sandbox.db);
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true });
  });

  it('exits 1 with a one-line reason, changing nothing, when a call is refused', async () => {
    await cli(...INIT, '--db', sandbox.db);
    const bad = await cli('call', 'receipts.create', '{"direction":"outgoing"}', '--db', sandbox.db, '--user', 'fso');
    expect(bad.status).toBe(1);
    expect(bad.err.split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/INVALID_INPUT.*controlNumber: is required/);
    const check = openDb(sandbox.db);
    expect(check.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a wrong password', async () => {
    await cli(...INIT, '--db', sandbox.db);
    process.env.ENCLAVE_LEDGER_PASSWORD = 'not the right password';
    const result = await cli('call', 'receipts.list', '--db', sandbox.db, '--user', 'fso');
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/UNAUTHENTICATED/);
  });

  const usage: [string, string[], RegExp][] = [
    ['no command', [], /Usage/],
    ['unknown command', ['frobnicate'], /unknown command/],
    ['unknown flag', ['init', '--colour', 'red'], /colour/],
    ['empty --db', ['journal', 'verify', '--db', ''], /--db needs a file name/],
    ['missing site id', ['init', '--db', 'x.sqlite'], /--site-id/],
    ['bad system-high', ['init', '--db', 'x.sqlite', '--site-id', 'A1', '--site-name', 'n', '--admin', 'a', '--system-high', 'SUPER SECRET'], /system-high/],
    ['bad JSON', ['call', 'receipts.list', '{nope', '--db', 'x.sqlite', '--user', 'a'], /not valid JSON/],
    ['call without user', ['call', 'receipts.list', '{}', '--db', 'PLACEHOLDER'], /--user/],
    ['missing database', ['call', 'receipts.list', '{}', '--db', '/nonexistent/x.sqlite', '--user', 'a'], /no database/],
  ];
  it.each(usage)('exits 2 on wrong usage: %s', async (_name, argv, message) => {
    if (argv.includes('PLACEHOLDER')) {
      await cli(...INIT, '--db', sandbox.db);
      argv = argv.map((a) => (a === 'PLACEHOLDER' ? sandbox.db : a));
    }
    const result = await cli(...argv);
    expect(result.status).toBe(2);
    expect(result.err + result.out).toMatch(message);
  });

  it('never initialises over an existing database', async () => {
    await cli(...INIT, '--db', sandbox.db);
    const again = await cli(...INIT, '--db', sandbox.db);
    expect(again.status).toBe(2);
    expect(again.err).toMatch(/already exists/);
  });

  it('leaves no file behind when init is refused', async () => {
    const result = await cli('init', '--db', sandbox.db, '--site-id', 'bad id!', '--site-name', 'n', '--system-high', 'SECRET', '--admin', 'fso');
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/siteId/);
    expect(existsSync(sandbox.db)).toBe(false);
  });

  it('reports a tampered journal with exit 1 and the first broken link', async () => {
    await cli(...INIT, '--db', sandbox.db);
    const raw = openDb(sandbox.db);
    raw.exec("DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'mallory' WHERE seq = 2;");
    raw.close();
    const result = await cli('journal', 'verify', '--db', sandbox.db);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/seq 2/);
  });
});

describe('enclave-ledger users', () => {
  it('administers accounts with the same rules and lockout as the app', async () => {
    await cli(...INIT, '--db', sandbox.db);
    process.env.ENCLAVE_LEDGER_NEW_PASSWORD = 'Clerk initial passw0rd!';
    try {
      expect((await cli('users', 'create', 'clerk', '--name', 'Carl Clerk', '--roles', 'custodian', '--db', sandbox.db, '--user', 'fso')).status).toBe(0);
      // The initial password is temporary: the clerk must choose a new one first.
      process.env.ENCLAVE_LEDGER_PASSWORD = 'Clerk initial passw0rd!';
      expect((await cli('call', 'receipts.list', '--db', sandbox.db, '--user', 'clerk')).err).toMatch(/PASSWORD_CHANGE_REQUIRED/);
      process.env.ENCLAVE_LEDGER_NEW_PASSWORD = 'Clerk chosen passw0rd!!';
      expect((await cli('passwd', '--db', sandbox.db, '--user', 'clerk')).status).toBe(0);
      process.env.ENCLAVE_LEDGER_PASSWORD = CLI_PASSWORD;
      const listed = JSON.parse((await cli('users', 'list', '--db', sandbox.db, '--user', 'fso')).out) as { value: { username: string; roles: string[] }[] };
      expect(listed.value.map((u) => u.username)).toEqual(['clerk', 'fso']);

      // Three wrong passwords lock the clerk; the administrator unlocks.
      process.env.ENCLAVE_LEDGER_PASSWORD = 'Wrong passw0rd for clerk!';
      for (let i = 0; i < 3; i++) await cli('call', 'receipts.list', '--db', sandbox.db, '--user', 'clerk');
      process.env.ENCLAVE_LEDGER_PASSWORD = 'Clerk chosen passw0rd!!';
      expect((await cli('call', 'receipts.list', '--db', sandbox.db, '--user', 'clerk')).err).toMatch(/ACCOUNT_LOCKED/);
      process.env.ENCLAVE_LEDGER_PASSWORD = CLI_PASSWORD;
      expect((await cli('users', 'unlock', 'clerk', '--reason', 'identity checked', '--db', sandbox.db, '--user', 'fso')).status).toBe(0);
      process.env.ENCLAVE_LEDGER_PASSWORD = 'Clerk chosen passw0rd!!';
      expect((await cli('call', 'receipts.list', '--db', sandbox.db, '--user', 'clerk')).status).toBe(0);

      // A custodian cannot administer accounts.
      const denied = await cli('users', 'list', '--db', sandbox.db, '--user', 'clerk');
      expect(denied.status).toBe(1);
      expect(denied.err).toMatch(/FORBIDDEN/);

      process.env.ENCLAVE_LEDGER_PASSWORD = CLI_PASSWORD;
      expect((await cli('users', 'set-roles', 'clerk', '--roles', 'custodian,auditor', '--reason', 'also audits', '--db', sandbox.db, '--user', 'fso')).status).toBe(0);
      expect((await cli('users', 'disable', 'nobody', '--reason', 'x', '--db', sandbox.db, '--user', 'fso')).err).toMatch(/NOT_FOUND/);
      expect((await cli('users', 'disable', 'clerk', '--db', sandbox.db, '--user', 'fso')).err).toMatch(/--reason/);
    } finally {
      delete process.env.ENCLAVE_LEDGER_NEW_PASSWORD;
    }
  });
});

describe('the installed executable', () => {
  const bin = join(import.meta.dirname, '../../../bin/enclave-ledger.js');
  it.runIf(existsSync(join(import.meta.dirname, '../../../out/electron/node/cli/index.js')))('runs from package bin with real process exit codes', () => {
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/enclave-ledger <command>/);
    const failed = spawnSync(process.execPath, [bin, 'journal', 'verify', '--db', join(sandbox.dir, 'missing.sqlite')], { encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/no database/);
  });
});
