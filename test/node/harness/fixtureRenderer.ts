// A tiny stand-in for dist/renderer, built by code: an index.html whose module script calls
// window.ledger (as the real app does), a stylesheet, and a secret file beside the folder that
// traversal tests try to reach.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SECRET_TEXT = 'NOT-FOR-THE-BROWSER';

export interface FixtureRenderer {
  /** Parent folder: holds renderer/ and secret.txt; remove it when done. */
  dir: string;
  rendererDir: string;
}

export async function makeFixtureRenderer(): Promise<FixtureRenderer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-fixture-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    path.join(rendererDir, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<title>Fixture</title>',
      '<script type="module" crossorigin src="/assets/app.js"></script>',
      '<link rel="stylesheet" href="/assets/app.css">',
      '</head>',
      '<body><main id="out">loading</main></body>',
      '</html>',
    ].join('\n'),
  );
  await writeFile(
    path.join(rendererDir, 'assets', 'app.js'),
    [
      "const out = document.getElementById('out');",
      "const info = await window.ledger['system.info']({});",
      'out.textContent = info.ok ? info.value.siteId : info.error.code;',
      "out.dataset.ready = 'yes';",
    ].join('\n'),
  );
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'main { font-weight: bold; }');
  await writeFile(path.join(rendererDir, '.env'), SECRET_TEXT);
  await writeFile(path.join(dir, 'secret.txt'), SECRET_TEXT);
  return { dir, rendererDir };
}
