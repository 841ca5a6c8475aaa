// Runs exactly the commands of docs/verify-with-openssl.md (read from the page itself) on a
// bundle the app made: GNU tar, sha384sum and OpenSSL, as a reviewer without the app would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateToPem, spkiFingerprints } from '../../../electron/node/sync/keys.js';
import { readTar } from '../../../electron/node/sync/tarReader.js';
import { type TestIdentity, makeEntries, makeIdentity, repack, tempDir, writeTestBundle } from './support.js';

const DOC = resolve(import.meta.dirname, '../../../docs/verify-with-openssl.md');

function block(marker: string): string {
  const doc = readFileSync(DOC, 'utf8');
  const match = new RegExp(`<!-- ${marker}:start -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${marker}:end -->`).exec(doc);
  if (!match?.[1]) throw new Error(`docs/verify-with-openssl.md has no ${marker} block`);
  return match[1];
}

const root = tempDir('ledger-openssl-');
let n = 0;
let identity: TestIdentity;
let bundle: string;
let cert: string;

beforeAll(async () => {
  identity = await makeIdentity('SITE-A', 'Forward Site Alpha');
  bundle = (await writeTestBundle(join(root), identity, makeEntries('SITE-A', 12))).path;
  cert = join(root, 'site-cert.pem');
  writeFileSync(cert, certificateToPem(identity.certificateDer));
});

/** The documented commands, in a fresh empty working directory, under `sh -e`. */
function runDocumented(bundlePath: string, certPath = cert) {
  const cwd = join(root, `review-${++n}`);
  mkdirSync(cwd);
  const result = spawnSync('sh', ['-e', '-c', block('verify-commands')], {
    cwd,
    env: { ...process.env, BUNDLE: bundlePath, CERT: certPath, LC_ALL: 'C' },
    encoding: 'utf8',
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

async function copyWithFlippedJournalByte(): Promise<string> {
  const verdict = await readTar(bundle, { maxTotalBytes: 1 << 24, maxEntries: 10, maxEntryBytes: 1 << 24 }, () => undefined);
  if (!verdict.ok) throw new Error('fixture unreadable');
  const journal = verdict.value.find((e) => e.name === 'data/journal.ndjson');
  if (!journal) throw new Error('no journal');
  const bytes = readFileSync(bundle);
  const at = journal.offset + 512 + 40;
  bytes[at] = (bytes[at] as number) ^ 0x01;
  const dir = join(root, `flipped-${++n}`);
  mkdirSync(dir);
  const path = join(dir, 'SITE-A_1-12_UNCLASSIFIED.ledger.tar');
  writeFileSync(path, bytes);
  return path;
}

describe('docs/verify-with-openssl.md', () => {
  it('passes on a bundle the app made', () => {
    const { status, out } = runDocumented(bundle);
    expect(out).toContain('data/journal.ndjson: OK');
    expect(out).toContain('bundle.json: OK');
    expect(out).toContain('CMS Verification successful');
    expect(status).toBe(0);
  });

  it('fails once a byte of data/journal.ndjson is flipped', async () => {
    const { status, out } = runDocumented(await copyWithFlippedJournalByte());
    expect(status).not.toBe(0);
    expect(out).toMatch(/data\/journal\.ndjson: FAILED/);
  });

  it('fails with another certificate than the enrolled one', async () => {
    const stranger = await makeIdentity('SITE-A', 'Forward Site Alpha');
    const strangerCert = join(root, 'stranger.pem');
    writeFileSync(strangerCert, certificateToPem(stranger.certificateDer));
    const { status, out } = runDocumented(bundle, strangerCert);
    expect(status).not.toBe(0);
    expect(out).toMatch(/Verification failure|certificate verify error/);
  });

  it('fails when a file rides along that no manifest lists', async () => {
    const dir = join(root, `extra-${++n}`);
    mkdirSync(dir);
    const path = await repack(bundle, (files) => files.set('README.txt', new TextEncoder().encode('hi')), join(dir, 'x.ledger.tar'));
    expect(runDocumented(path).status).not.toBe(0);
  });

  it('fails when the tag manifest is edited, even with its hashes kept consistent', async () => {
    const dir = join(root, `tag-${++n}`);
    mkdirSync(dir);
    const path = await repack(
      bundle,
      (files) => {
        const text = new TextDecoder().decode(files.get('tagmanifest-sha384.txt'));
        files.set('tagmanifest-sha384.txt', new TextEncoder().encode(text.split('\n').filter(Boolean).reverse().join('\n') + '\n'));
      },
      join(dir, 'x.ledger.tar'),
    );
    const { status, out } = runDocumented(path);
    expect(out).toContain('bundle.json: OK');
    expect(status).not.toBe(0);
  });

  it('gives the fingerprint the app shows', () => {
    const result = spawnSync('sh', ['-e', '-c', block('fingerprint-command')], { env: { ...process.env, CERT: cert }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.split(' ')[0]).toBe(spkiFingerprints(identity.certificateDer).sha256Hex);
  });
});
