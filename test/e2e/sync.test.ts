// Sync end to end (issue 4, "Interfaces: UI"): two installations, each the real renderer in
// Debian's Chromium on the real core and its own SQLite file behind its own harness: site SITE-A
// and headquarters HQ. Set up through the core (not under test here): both signing identities,
// SITE-A trusting HQ, two receipts entered at the site. Then, through the UI, in order:
//  1. the site's security officer exports a bundle into a folder (typed path: the harness has no
//     native dialog) and sees its progress and result;
//  2. HQ's security officer enrols SITE-A's certificate (a wrong fingerprint first: refused next
//     to the field), previews the bundle (counts per kind, "would apply"), imports it, and sees
//     the sites table updated;
//  3. the receipts arrived at HQ with their provenance (origin site, the site's journal entries);
//  4. the same bundle again: "already imported", nothing changes;
//  5. a copy with one byte of data/journal.ndjson flipped: rejected with the reason in words and
//     its code, nothing changes;
//  6. HQ writes the acknowledgement for SITE-A; the site previews and imports it.
// Every Sync screen is scanned with axe; HQ's is photographed (test-results/screenshots/sync-hq.png).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../electron/common/contract/index.js';
import type { Result } from '../../electron/common/result.js';
import { launchChromium, type LaunchedChromium } from '../harness/browser.js';
import { SEED_USERS, seedDatabase, signedIn, type SeededDb } from '../harness/seed.js';
import { startHarness, type Harness } from '../harness/server.js';
import { POLL, UI_TIMEOUT_MS, consentAndSignIn, domText, expectNoAxeViolations, expectSecretBanners, screenshot, textOf } from './support.js';

const OFFICER = SEED_USERS.admin; // the first administrator is also the security officer
/** The signing keys' passphrase (password rules: 15+ characters, upper, lower, digit, special). */
const KEY_PASSPHRASE = 'Sealed-Key-Passphrase-42!';
const RECEIPTS = [
  { controlNumber: 'IN-2026-0101', title: 'Radar maintenance manual change 4', level: 'SECRET' },
  { controlNumber: 'IN-2026-0102', title: 'Antenna test report', level: 'CONFIDENTIAL' },
] as const;

interface Installation {
  seeded: SeededDb;
  harness: Harness;
  browser: LaunchedChromium;
  page: Page;
}

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function install(site?: Parameters<typeof seedDatabase>[0]): Promise<Installation> {
  const seeded = await seedDatabase(site);
  const harness = await startHarness({ dbPath: seeded.dbPath, clock: seeded.clock, workstation: `${seeded.site.siteId.toLowerCase()}-ws` });
  const browser = await launchChromium();
  browser.page.setDefaultTimeout(UI_TIMEOUT_MS);
  return { seeded, harness, browser, page: browser.page };
}

/** What the ledger file holds, through a read-only connection of its own. */
function ledgerCounts(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      journal: n('SELECT count(*) AS n FROM journal'),
      siteEntries: n("SELECT count(*) AS n FROM journal WHERE site_id = 'SITE-A'"),
      receipts: n("SELECT count(*) AS n FROM receipts WHERE site_id = 'SITE-A'"),
      alarms: n('SELECT count(*) AS n FROM alarms'),
      held: n('SELECT count(*) AS n FROM held_bundles'),
    };
  } finally {
    db.close();
  }
}

/** Flips one byte in the middle of data/journal.ndjson inside the (uncompressed) tar. */
function flipJournalByte(file: string): void {
  const tar = readFileSync(file);
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, to: number) => header.toString('latin1', from, to).replace(/\0.*$/s, '');
    const name = [field(345, 500), field(0, 100)].filter((p) => p !== '').join('/');
    const size = parseInt(field(124, 136).trim() || '0', 8);
    if (name.endsWith('data/journal.ndjson')) {
      const at = offset + 512 + Math.floor(size / 2);
      tar[at] = (tar[at] ?? 0) ^ 0x01;
      writeFileSync(file, tar);
      return;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no data/journal.ndjson in ${file}`);
}

describe('sync, end to end in Chromium: a site exports, headquarters previews and imports', () => {
  let site: Installation;
  let hq: Installation;
  let medium: string;
  let bundlePath = '';
  let bundleEntries = 0;
  let siteCertificate = '';
  let siteFingerprint = '';
  const started = Date.now();

  beforeAll(async () => {
    site = await install();
    hq = await install({ site: { siteId: 'HQ', siteName: 'Headquarters', siteRole: 'hq', systemHigh: 'SECRET' } });
    medium = mkdtempSync(path.join(os.tmpdir(), 'ledger-medium-'));

    // Identities and the site's trust in HQ, through the core.
    const siteConn = await signedIn(site.harness.core, OFFICER, 'setup');
    const hqConn = await signedIn(hq.harness.core, OFFICER, 'setup');
    const siteId = must(await site.harness.core.dispatch(siteConn, 'sync.createIdentity', { passphrase: KEY_PASSPHRASE }), 'site identity') as MethodOutput<'sync.createIdentity'>;
    const hqId = must(await hq.harness.core.dispatch(hqConn, 'sync.createIdentity', { passphrase: KEY_PASSPHRASE }), 'HQ identity') as MethodOutput<'sync.createIdentity'>;
    siteCertificate = siteId.certificatePem;
    siteFingerprint = siteId.fingerprint;
    must(
      await site.harness.core.dispatch(siteConn, 'trust.enroll', { certificatePem: hqId.certificatePem, siteId: 'HQ', role: 'hq', expectedFingerprint: hqId.fingerprint }),
      'site enrols HQ',
    );
    // Receipts entered at the site by its custodian.
    const clerk = await signedIn(site.harness.core, SEED_USERS.custodian, 'site-ws-2');
    for (const r of RECEIPTS) {
      must(
        await site.harness.core.dispatch(clerk, 'receipts.create', {
          direction: 'incoming',
          controlNumber: r.controlNumber,
          unclassifiedTitle: r.title,
          classification: { level: r.level },
          sender: { organisation: 'Prime Contractor Inc.' },
          addressee: { organisation: 'Site Alpha Security Office' },
          transmission: 'registered_mail',
          receivedOn: '2026-03-01',
        }),
        `receipt ${r.controlNumber}`,
      );
    }
    for (const [core, conn] of [
      [site.harness.core, siteConn],
      [site.harness.core, clerk],
      [hq.harness.core, hqConn],
    ] as const) {
      must(await core.dispatch(conn, 'session.signOut', {}), 'sign out');
    }
  });

  afterAll(async () => {
    console.log(`sync e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const side of [site, hq]) {
      if (!side) continue;
      await side.browser.close();
      await side.harness.close();
      await side.seeded.cleanup();
    }
    if (medium) rmSync(medium, { recursive: true, force: true });
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Primary' });
  const region = (page: Page, name: string) => page.getByRole('region', { name });

  async function openSync(page: Page): Promise<void> {
    await nav(page).getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
  }

  async function previewAndImport(page: Page, file: string): Promise<{ preview: Locator; results: Locator }> {
    const panel = region(page, 'Import bundles');
    const form = panel.getByRole('form', { name: 'Choose bundles to preview' });
    await form.getByLabel('Bundle files').fill(file);
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = panel.getByRole('table', { name: 'What importing would do' });
    await preview.waitFor();
    return { preview, results: panel.getByRole('table', { name: 'Import results' }) };
  }

  it('the site’s security officer exports a bundle to the medium and sees its progress and result', async () => {
    const { page, harness } = site;
    await page.goto(harness.url);
    await consentAndSignIn(page, OFFICER);
    await openSync(page);
    await expectSecretBanners(page, 'site sync');
    const status = region(page, 'Sync status');
    await expect.poll(() => textOf(status), POLL).toMatch(/Entries waiting to go \d+ entries/);
    expect(await textOf(status)).toContain('Nothing acknowledged yet');
    expect(await textOf(status)).toMatch(/Headquarters trusted HQ \(([0-9A-F]{4} ){15}[0-9A-F]{4}\)/);
    // The fingerprint to read aloud, in groups.
    expect(await textOf(region(page, 'Signing identity'))).toContain(siteFingerprint.split(' ').slice(0, 4).join(' '));
    expect(await region(page, 'Signing identity').getByLabel('Certificate (PEM)').inputValue()).toBe(siteCertificate);
    await expectNoAxeViolations(page, 'site sync');

    const panel = region(page, 'Export to headquarters');
    const form = panel.getByRole('form', { name: 'Export bundle' });
    await form.getByLabel('Export folder').fill(medium);
    await form.getByLabel('Key passphrase').fill(KEY_PASSPHRASE);
    await form.getByRole('button', { name: 'Export bundle' }).click();
    // While it runs the button is disabled and the status speaks; then the result.
    const written = panel.getByRole('heading', { name: 'Bundle written' });
    await written.waitFor();
    const fileName = await textOf(panel.locator('.sync-notice code').first());
    expect(fileName).toMatch(/^SITE-A_1-(\d+)_SECRET\.ledger\.tar$/);
    expect(await textOf(form.getByRole('status'))).toBe(`Bundle written: ${fileName}`);
    const facts = await textOf(panel.locator('.sync-notice'));
    bundleEntries = Number(/Entries ([\d,]+) entries/.exec(facts)?.[1]?.replace(/,/g, '') ?? 'NaN');
    expect(facts).toContain(`Seq range 1 to ${bundleEntries}`);
    expect(facts).toContain('Classification SECRET');
    expect(facts).toContain('For HQ');
    expect(await form.getByLabel('Key passphrase').inputValue()).toBe('');
    bundlePath = path.join(medium, fileName);
    expect(readdirSync(medium)).toEqual([fileName]);
    // The bundle history has it; the entries stay waiting until HQ acknowledges.
    await expect.poll(() => textOf(region(page, 'Bundle history').getByRole('table', { name: 'Bundle history' })), POLL).toContain(fileName);
    await expectNoAxeViolations(page, 'site sync after the export');
  });

  it('HQ’s security officer enrols SITE-A: a wrong fingerprint is refused next to the field, the one read aloud is accepted', async () => {
    const { page, harness } = hq;
    await page.goto(harness.url);
    await consentAndSignIn(page, OFFICER);
    await openSync(page);
    await expectSecretBanners(page, 'HQ sync');
    const trust = region(page, 'Trust store');
    await trust.getByRole('button', { name: 'Enrol a certificate' }).click();
    const form = page.getByRole('form', { name: 'Enrol a certificate' });
    await form.getByLabel('Certificate (PEM)').fill(siteCertificate);
    await form.getByLabel('Site identifier').fill('SITE-A');
    expect(await form.getByLabel('Role').inputValue()).toBe('site');
    const fingerprint = form.getByLabel('Fingerprint read out by the other installation');
    // Misheard: the last group wrong.
    const misheard = `${siteFingerprint.slice(0, -4)}${siteFingerprint.endsWith('0000') ? '1111' : '0000'}`;
    await fingerprint.fill(misheard);
    await form.getByRole('button', { name: 'Enrol certificate' }).click();
    const error = page.locator('#sync-enrol-expectedFingerprint-error');
    await error.waitFor();
    expect(await textOf(error)).toBe(
      `Fingerprint read out by the other installation does not match the certificate (its SHA-256 fingerprint is ${siteFingerprint}): do not enroll it; check where the file came from`,
    );
    expect(await fingerprint.getAttribute('aria-invalid')).toBe('true');
    expect(await fingerprint.getAttribute('aria-describedby')).toContain('sync-enrol-expectedFingerprint-error');
    await expectNoAxeViolations(page, 'HQ enrolment refused');

    await fingerprint.fill(siteFingerprint.toLowerCase().replace(/ /g, ':'));
    await form.getByRole('button', { name: 'Enrol certificate' }).click();
    await form.waitFor({ state: 'detached' });
    const row = trust.getByRole('table', { name: 'Trust store' }).getByRole('row', { name: /SITE-A/ });
    await row.waitFor();
    expect(await textOf(row)).toContain('Site');
    expect(await textOf(row)).toContain(siteFingerprint.split(' ').slice(0, 4).join(' '));
  });

  it('HQ previews the bundle (counts per kind, what would happen), imports it, and the sites table follows', async () => {
    const { page, seeded } = hq;
    const before = ledgerCounts(seeded.dbPath);
    const { preview, results } = await previewAndImport(page, bundlePath);
    const row = preview.getByRole('row', { name: /SITE-A_1-/ });
    await expect.poll(() => domText(row), POLL).toContain(`Apply Would apply ${bundleEntries} new entries.`);
    expect(await domText(row)).toMatch(/receipt 2\b/);
    expect(await domText(row)).toContain('SECRET');
    const perSite = page.getByRole('list', { name: 'New entries per site' });
    expect(await textOf(perSite)).toMatch(new RegExp(`^SITE-A: 1 bundle, ${bundleEntries} new entries \\(.*receipt 2.*\\)$`));
    // The preview changed nothing.
    expect(ledgerCounts(seeded.dbPath)).toEqual(before);
    await expectNoAxeViolations(page, 'HQ import preview');

    await region(page, 'Import bundles').getByRole('button', { name: 'Import 1 bundle' }).click();
    await results.waitFor();
    expect(await textOf(results.getByRole('row', { name: /SITE-A_1-/ }))).toContain(`Applied ${bundleEntries} new entries.`);
    const after = ledgerCounts(seeded.dbPath);
    expect(after).toMatchObject({ siteEntries: bundleEntries, receipts: 2, alarms: 0, held: 0 });

    const sites = region(page, 'Sites').getByRole('table', { name: 'Sites' });
    const siteRow = sites.getByRole('row', { name: /SITE-A/ });
    await expect.poll(() => textOf(siteRow), POLL).toContain(`seq ${bundleEntries}`);
    expect(await textOf(siteRow)).toContain('2026-03-02');
    expect(await textOf(siteRow)).toContain('None yet');
    await expect.poll(() => textOf(region(page, 'Bundle history')), POLL).toMatch(/Imported/);
    await expectNoAxeViolations(page, 'HQ after the import');
    await screenshot(page, 'sync-hq.png', { wholeMain: true });
  });

  it('HQ sees the site’s receipts with their provenance', async () => {
    const { page } = hq;
    await nav(page).getByRole('link', { name: 'Receipts' }).click();
    await page.getByRole('heading', { name: 'Receipts', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: 'Receipts' });
    for (const r of RECEIPTS) await list.getByRole('row', { name: new RegExp(r.controlNumber) }).waitFor();
    // Headquarters can narrow the list to one site.
    const site = page.getByLabel('Origin site');
    await expect.poll(() => site.locator('option').allTextContents(), POLL).toEqual(['All sites', 'SITE-A']);
    await site.selectOption('SITE-A');
    for (const r of RECEIPTS) await list.getByRole('row', { name: new RegExp(r.controlNumber) }).waitFor();
    const [first] = RECEIPTS;
    await list.getByRole('button', { name: first.controlNumber }).click();
    await page.getByRole('heading', { name: `Receipt ${first.controlNumber}`, level: 1 }).waitFor();
    expect(await textOf(page.getByRole('region', { name: 'Record' }))).toContain('Origin site SITE-A');
    const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => history.count(), POLL).toBe(1);
    expect(await textOf(history.first())).toMatch(/by custodian \(journal entry \d+, site SITE-A\)/);
    // ... and which bundle brought each entry.
    await expect.poll(() => textOf(history.first()), POLL).toMatch(/Arrived in bundle SITE-A_1-\d+_SECRET\.ledger\.tar, imported .* by /);
  });

  it('importing the same bundle again says it was already imported and changes nothing', async () => {
    const { page, seeded } = hq;
    await openSync(page);
    const before = ledgerCounts(seeded.dbPath);
    const { preview, results } = await previewAndImport(page, bundlePath);
    const row = preview.getByRole('row', { name: /SITE-A_1-/ });
    await expect.poll(() => domText(row), POLL).toContain('Already imported Already imported: ');
    expect(await domText(row)).toMatch(/nothing changed/);
    await region(page, 'Import bundles').getByRole('button', { name: 'Import 1 bundle' }).click();
    await results.waitFor();
    expect(await textOf(results.getByRole('row', { name: /SITE-A_1-/ }))).toMatch(/Already imported: .*nothing changed/);
    const after = ledgerCounts(seeded.dbPath);
    expect({ ...after, journal: 0 }).toEqual({ ...before, journal: 0 });
    expect(after.siteEntries).toBe(before.siteEntries);
  });

  it('a copy with one byte of data/journal.ndjson flipped is rejected with the reason in words, and changes nothing', async () => {
    const { page, seeded } = hq;
    const tamperedDir = path.join(medium, 'tampered');
    mkdirSync(tamperedDir);
    const tampered = path.join(tamperedDir, path.basename(bundlePath));
    copyFileSync(bundlePath, tampered);
    flipJournalByte(tampered);
    expect(existsSync(tampered)).toBe(true);
    const before = ledgerCounts(seeded.dbPath);

    const { preview, results } = await previewAndImport(page, tampered);
    const row = preview.getByRole('row', { name: /SITE-A_1-/ });
    await expect.poll(() => domText(row), POLL).toContain('Rejected Would be rejected: A file was changed after the bundle was signed (its hash does not match) (HASH_MISMATCH).');
    expect(await domText(row)).toContain('data/journal.ndjson');
    await expectNoAxeViolations(page, 'HQ preview of a tampered bundle');

    await region(page, 'Import bundles').getByRole('button', { name: 'Import 1 bundle' }).click();
    await results.waitFor();
    expect(await textOf(results.getByRole('row', { name: /SITE-A_1-/ }))).toContain('Rejected: A file was changed after the bundle was signed (its hash does not match) (HASH_MISMATCH).');
    // Refused before the signature is trusted: shown, not stored.
    expect(ledgerCounts(seeded.dbPath)).toEqual(before);
    expect(hq.browser.nonLoopbackRequests()).toEqual([]);
    expect(site.browser.nonLoopbackRequests()).toEqual([]);
  });

  it('HQ acknowledges SITE-A; the site previews and imports the acknowledgement and its status shows the acknowledged head', async () => {
    const ackDir = path.join(medium, 'to-site-a');
    mkdirSync(ackDir);
    {
      const { page } = hq;
      const sites = region(page, 'Sites');
      await sites.getByRole('button', { name: 'Export acknowledgement for SITE-A' }).click();
      const form = page.getByRole('form', { name: 'Export acknowledgement for SITE-A' });
      await form.getByLabel('Acknowledgement folder').fill(ackDir);
      await form.getByLabel('Key passphrase').fill(KEY_PASSPHRASE);
      await form.getByLabel('Notes to the site').fill('Received, thank you');
      await form.getByRole('button', { name: 'Export acknowledgement' }).click();
      await form.getByRole('heading', { name: 'Acknowledgement written' }).waitFor();
      await expect.poll(() => textOf(sites.getByRole('row', { name: /SITE-A/ })), POLL).toContain(`Up to seq ${bundleEntries}`);
      await expectNoAxeViolations(page, 'HQ acknowledgement written');
    }
    const [ackFile] = readdirSync(ackDir);
    expect(ackFile).toMatch(/_UNCLASSIFIED\.ledger\.tar$/);

    const { page } = site;
    const panel = region(page, 'Import acknowledgement');
    const form = panel.getByRole('form', { name: 'Choose acknowledgements to preview' });
    await form.getByLabel('Bundle files').fill(path.join(ackDir, ackFile ?? ''));
    await form.getByRole('button', { name: 'Preview' }).click();
    const row = panel.getByRole('table', { name: 'What importing would do' }).getByRole('row', { name: new RegExp(ackFile ?? '') });
    await expect.poll(() => domText(row), POLL).toContain(`Would mark this site’s journal acknowledged by headquarters up to seq ${bundleEntries}. Notes from headquarters: Received, thank you`);
    await expectNoAxeViolations(page, 'site acknowledgement preview');
    await panel.getByRole('button', { name: 'Import 1 file' }).click();
    await panel.getByRole('table', { name: 'Import results' }).waitFor();
    const status = region(page, 'Sync status');
    await expect.poll(() => textOf(status), POLL).toMatch(new RegExp(`Acknowledged by headquarters Up to seq ${bundleEntries}, on .* \\(notes: Received, thank you\\)`));
    // What the site did after its export (signing in, this import) is all that waits for the next bundle.
    expect(await textOf(status)).toMatch(/Entries waiting to go \d+ entr(y|ies)/);
  });
});
