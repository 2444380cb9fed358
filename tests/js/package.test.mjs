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
    // (the core's backward in the WASM, autograd/losses/optimizers in JS) took the tarball from 193 KB to 211 KB.
    assert.ok(gzipped < 100 * 1024, `the WASM module is ${gzipped} bytes gzipped`);
    assert.ok(packed.size < 225 * 1024, `tarball is ${packed.size} bytes`);

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
