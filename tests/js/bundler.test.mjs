// A bundler user: esbuild bundles an app that imports the package by name; Chromium runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launch, startServer } from '../browser/helpers.mjs';

test('esbuild bundle of the package runs in headless Chromium and prints the tutorial output', async () => {
  const out = mkdtempSync(join(tmpdir(), 'conv1d-bundle-'));
  const server = await startServer(out);
  const chrome = await launch();
  try {
    await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/bundle-entry.js', import.meta.url))],
      bundle: true, format: 'esm', target: 'es2022', outfile: join(out, 'app.js'), logLevel: 'silent',
    });
    writeFileSync(join(out, 'index.html'),
      '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><pre id="out">loading</pre><script type="module" src="app.js"></script>');
    const page = await chrome.browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.querySelector('#out').textContent !== 'loading');
    assert.equal(await page.textContent('#out'), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
    assert.deepEqual(errors, []);
  } finally {
    await chrome.close();
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
});
