// `enclave-ledger report`: text and CSV through the same methods as the app, audited; wrong
// usage refused with status 2, a refused role with status 1.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../db/open.js';
import { cliRunner, useCliSandbox } from '../support/cliSandbox.js';
import { outgoingFgiDraft } from '../support/receiptFixtures.js';

const sandbox = useCliSandbox('ledger-report-cli-');
const cli = cliRunner();

async function siteWithOpenReceipt() {
  expect((await cli('init', '--site-id', 'SITE-A', '--site-name', 'Alpha Works', '--system-high', 'SECRET', '--admin', 'fso', '--db', sandbox.db)).status).toBe(0);
  const created = JSON.parse((await cli('call', 'receipts.create', JSON.stringify(outgoingFgiDraft({ unclassifiedTitle: '+Radar report' })), '--db', sandbox.db, '--user', 'fso')).out) as { value: { id: string } };
  const action = { id: created.value.id, expectedVersion: 1, action: { type: 'dispatch', dispatchedOn: '2026-01-05' } };
  expect((await cli('call', 'receipts.transition', JSON.stringify(action), '--db', sandbox.db, '--user', 'fso')).status).toBe(0);
}

describe('enclave-ledger report', () => {
  it('prints a report as text, marked first and last', async () => {
    await siteWithOpenReceipt();
    const { status, out } = await cli('report', 'openReceipts', '--db', sandbox.db, '--user', 'fso');
    expect(status).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('SECRET//FGI DEU');
    expect(lines.at(-1)).toBe('SECRET//FGI DEU');
    expect(out).toContain('(//DEU S)\tOUT-2026-0001\t+Radar report\tAlpha Works\tBAAINBw\t2026-01-05\t2026-02-19\tOverdue 11 days');
  });

  it('writes the CSV the app exports, owner-only, and audits it', async () => {
    await siteWithOpenReceipt();
    const file = join(sandbox.dir, 'open.csv');
    const { status, out } = await cli('report', 'openReceipts', '--csv', file, '--db', sandbox.db, '--user', 'fso');
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({ ok: true, value: { file, rows: 1, marking: 'SECRET//FGI DEU' } });
    expect(readFileSync(file, 'utf8')).toContain(",OUT-2026-0001,'+Radar report,");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const ledger = openDb(sandbox.db, { readonly: true });
    try {
      expect(ledger.prepare("SELECT actor FROM journal WHERE action = 'report_export'").all()).toEqual([{ actor: 'fso' }]);
    } finally {
      ledger.close();
    }
  });

  it('refuses unknown reports and bad parameters', async () => {
    await siteWithOpenReceipt();
    expect(await cli('report', 'everything', '--db', sandbox.db, '--user', 'fso')).toMatchObject({ status: 2, err: expect.stringMatching(/unknown report: everything/) });
    expect(await cli('report', 'visits', '--from', '2026-03-10', '--db', sandbox.db, '--user', 'fso')).toMatchObject({ status: 1, err: expect.stringMatching(/INVALID_INPUT.*to/) });
    expect(await cli('report', 'annualInventory', '--db', sandbox.db, '--user', 'fso')).toMatchObject({ status: 1, err: expect.stringMatching(/INVALID_INPUT.*year/) });
    expect((await cli('report', '--help')).status).toBe(0);
  });
});
