// The published artefact: `npm pack`, install the tarball into a fresh project, import it by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_LINK_TARGET = 'web/index.html';

/**
 * `start` (a path in the repository) and every file it loads, transitively, as repository paths: an HTML page's
 * src/href, a module's static and dynamic imports and `new URL('…', import.meta.url)` (the worker), a style
 * sheet's url() and @import. Addresses with a scheme (data:, https:) and fragments are not files of ours.
 */
function filesLoadedBy(start) {
  const seen = new Set();
  const base = new URL('file:///pkg/');
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(join(root, path), 'utf8');
    const refs = [];
    const collect = (re) => { for (const m of text.matchAll(re)) refs.push(m[1]); };
    if (path.endsWith('.html')) collect(/\b(?:src|href)="([^"]+)"/g);
    if (/\.m?js$/.test(path)) {
      // Statements only (a line's start or end), not the words in strings such as ['import', 'Import'].
      collect(/^\s*(?:import|export)\b[^;]*?\bfrom\s*'([^']+)';?\s*$/gm);
      collect(/^\s*import\s*'([^']+)';?\s*$/gm);
      collect(/\bimport\(\s*'([^']+)'\s*\)/g);
      collect(/new URL\(\s*'([^']+)',\s*import\.meta\.url\s*\)/g);
    }
    if (path.endsWith('.css')) {
      collect(/url\(\s*["']?([^"')]+)["']?\s*\)/g);
      collect(/@import\s+["']([^"']+)["']/g);
    }
    for (const ref of refs) {
      // A folder ('../' is a base to resolve against, not a load) or another site's address is not ours to ship.
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || /^(#|\/\/)/.test(ref) || ref.endsWith('/')) continue;
      const url = new URL(ref, new URL(path, base));
      if (!url.href.startsWith(base.href)) continue;
      visit(decodeURIComponent(url.pathname.slice(base.pathname.length)));
    }
  };
  visit(start);
  return seen;
}

test('npm pack -> npm install tarball -> import by name works and is small', () => {
  const work = mkdtempSync(join(tmpdir(), 'conv1d-pack-'));
  try {
    // The module is already built by the test script; skip prepack's rebuild.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
      { cwd: root, encoding: 'utf8' }));
    const files = packed.files.map((f) => f.path).sort();
    assert.ok(files.includes('web/lib/core/conv1d-core.mjs'), 'the WASM module is packed');
    assert.ok(files.includes('web/lib/index.d.ts'), 'types are packed');
    assert.ok(!files.some((f) => f.startsWith('cpp/') || f.startsWith('tests/')), `only what users need: ${files}`);
    const tarball = join(work, packed.filename);
    const gzipped = gzipSync(readFileSync(join(root, 'web/lib/core/conv1d-core.mjs')), { level: 9 }).length;
    console.log(`packed: ${packed.size} bytes tarball, ${packed.unpackedSize} bytes unpacked, ${files.length} files; ` +
      `WASM module ${gzipped} bytes gzipped`);
    // ~90 KB is the library (mostly the inlined WASM); the rest is the page modules conv1d-playground/element imports.
    assert.ok(files.includes('web/app/element.js') && files.includes('web/app/element.d.ts'), 'the element is packed');
    // The library (JS + the WASM module, about 90 KB gzipped) plus the page modules the web component needs. Training
    // (the core's backward in the WASM, autograd/losses/optimizers in JS) took the tarball from 193 KB to 211 KB; the
    // page's Train panel (web/app/views/train.js, web/app/train/, train.css: ~16 KB gzipped) and explainGrad to 230 KB;
    // the Python runtime of conv1d-playground/python (interpreter + torch layer, ~60 KB gzipped) and <conv1d-code> to
    // ~310 KB.
    assert.ok(gzipped < 100 * 1024, `the WASM module is ${gzipped} bytes gzipped`);
    assert.ok(packed.size < 340 * 1024, `tarball is ${packed.size} bytes`);
    // The element's "Copy link" opens the page next to its files (web/app/mount.js resolves 'index.html' against
    // '../' of web/app/): from a CDN that is the packaged web/index.html, so it and everything it loads ship too.
    const linked = filesLoadedBy(DEFAULT_LINK_TARGET);
    assert.ok(linked.size > 20, `the crawl found the page's modules: ${[...linked]}`);
    assert.deepEqual([...linked].filter((f) => !files.includes(f)), [], 'every file the linked page loads is packed');

    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app, stdio: 'pipe' });
    writeFileSync(join(app, 'main.mjs'), `
      import { load } from 'conv1d-playground';
      const nn = await load();
      nn.manualSeed(1);
      const m = new nn.Conv1d(1, 1, 3, { bias: true });
      console.log(m.forward(nn.tensor([[[1, 2, 3, 4, 5]]])).toString());
    `);
    const output = execFileSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' });
    assert.equal(output.trim(), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
