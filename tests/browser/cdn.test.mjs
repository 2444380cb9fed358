// <conv1d-playground> loaded from another origin, as from a CDN (docs/embedding.md): the lesson page and the
// element's files are served on different ports. The element must render, compute the package's numbers, keep its
// heavy configurations on the main thread (browsers refuse cross-origin workers) and log nothing, under a
// lesson-page CSP that allows scripts and styles from the CDN only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, listen, root, serveLikeCdn } from './helpers.mjs';
import { countWorkers, openStatic } from './embed-helpers.mjs';

const HEAVY = '?seed=1&layer=64,64,9,1,4,1,1,1,zeros&layer=64,64,9,1,4,1,1,1,zeros&gen=noise&n=2&c=64&len=4096';

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
  <title>A lesson using the CDN build</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${cdn.origin}/app/element.js"></script>
</head>
<body>
  <conv1d-playground id="light"></conv1d-playground>
  <conv1d-playground id="heavy" query="${HEAVY}" panels="output"></conv1d-playground>
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

test('the element served from another origin computes on the main thread, with the package\'s numbers', async () => {
  const page = await openStatic(chrome.browser, `${lesson.origin}/lesson.html`, { count: 2, init: countWorkers });
  const light = page.locator('#light');
  const outputCells = () => light.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents();
  assert.deepEqual(await outputCells(), ['-0.2770', '-0.3462', '-0.4155']);
  // Editing recomputes: kernel_size 2 gives the package's numbers for seed 1.
  // Its default panels open on the convolution, the model folded: unfold it and type, key by key.
  await light.getByRole('button', { name: 'Change the model' }).click();
  await light.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.waitForFunction(() => document.querySelector('#light').result.layers[0].output?.shape[2] === 4);
  const expected = await page.evaluate(async (origin) => {
    const { load } = await import(`${origin}/lib/index.js`);
    const nn = await load();
    nn.manualSeed(1);
    return new nn.Conv1d(1, 1, 2).forward([[[1, 2, 3, 4, 5]]]).toArray()[0][0].map((v) => v.toFixed(4));
  }, cdn.origin);
  assert.deepEqual(await outputCells(), expected);
  // The heavy configuration was computed on this thread, with the output shape PyTorch gives.
  assert.deepEqual(await page.evaluate(() => document.querySelector('#heavy').result.layers[1].output.shape), [2, 64, 4096]);
  assert.equal(await page.evaluate(() => window.workersCreated), 0);
  // Its share link opens the full playground next to the element's files, on the CDN.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lesson.origin });
  // The clipboard, not the "Link copied" status, which clears itself after 2.5 s (a busy machine can miss it).
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await light.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${cdn.origin}/index.html?seed=1&`), link);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
