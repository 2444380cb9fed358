// <conv1d-code> loaded from another origin, as from a CDN: the page and the package's files on different ports, under
// a CSP that allows scripts and styles from the CDN only. Browsers refuse cross-origin workers, so the cells must run
// on the main thread (creating no worker), load the Python runtime from the CDN when first run, print what PyTorch
// printed for the tutorial's cells, and log nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, listen, root, serveLikeCdn } from './helpers.mjs';
import { countWorkers, openStatic } from './embed-helpers.mjs';

const golden = JSON.parse(readFileSync(join(root, 'tests/golden/python_programs.json'), 'utf8'));
const [imports, example1] = golden.sessions.find((s) => s.name === 'tutorial').cells;
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

let cdn;
let lesson;
let chrome;
before(async () => {
  cdn = await serveLikeCdn(join(root, 'web'));
  lesson = await listen((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src ${cdn.origin} 'wasm-unsafe-eval'; style-src ${cdn.origin}; img-src data:; connect-src data:">
  <title>Live cells from the CDN build</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${cdn.origin}/app/element.js"></script>
</head>
<body>
<main>
<conv1d-code session="notebook" label="Imports">${escapeHtml(imports.source)}</conv1d-code>
<conv1d-code session="notebook" label="Example 1">${escapeHtml(example1.source)}</conv1d-code>
</main>
</body>
</html>`);
  });
  chrome = await launch();
});
after(async () => {
  await chrome?.close();
  await cdn?.close();
  await lesson?.close();
});

test('cells from another origin run on the main thread and print what PyTorch printed', async () => {
  const page = await openStatic(chrome.browser, `${lesson.origin}/lesson.html`, { init: countWorkers });
  const cell = page.locator('conv1d-code[label="Example 1"]');
  await page.waitForFunction(() => [...document.querySelectorAll('conv1d-code')].every((c) => c.dataset.ready === 'true'));
  await page.getByRole('button', { name: 'Run Example 1', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('conv1d-code[label="Example 1"]').dataset.runs === '1');
  assert.equal(await cell.locator('.output pre.stdout').textContent(), example1.stdout);
  assert.equal(await page.locator('conv1d-code[label="Imports"]').getAttribute('data-runs'), '1');
  assert.equal(await page.evaluate(() => window.workersCreated), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
