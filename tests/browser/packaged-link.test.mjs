// <conv1d-playground> as a lesson gets it from a CDN: the npm tarball's files, served as they are on another origin
// (unpkg/jsDelivr serve https://…/conv1d-playground@x/<path in the tarball>). Its "Copy link" must open a page that
// exists there: the packaged playground, which loads (no 404) and shows the element's state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, listen, ready, root, serveLikeCdn, settled, WAIT_GUARD_MS } from './helpers.mjs';
import { openStatic } from './embed-helpers.mjs';

let work;
let cdn;
let lesson;
let chrome;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'conv1d-cdn-'));
  // The module is already built by the test script; skip prepack's rebuild.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    { cwd: root, encoding: 'utf8' }));
  execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
  cdn = await serveLikeCdn(join(work, 'package'));
  lesson = await listen((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A lesson using the packaged element</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${cdn.origin}/web/app/element.js"></script>
</head>
<body>
  <main><conv1d-playground></conv1d-playground></main>
</body>
</html>`);
  });
  chrome = await launch();
});
after(async () => {
  await chrome?.close();
  await cdn?.close();
  await lesson?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the packaged element\'s Copy link opens the packaged playground with the same state', async () => {
  const page = await openStatic(chrome.browser, `${lesson.origin}/lesson.html`, { count: 1 });
  const widget = page.locator('conv1d-playground');
  // A person unfolds the model (a default widget opens on the convolution) and changes kernel_size to 2, key by key.
  await widget.getByRole('button', { name: 'Change the model' }).click();
  const kernel = widget.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true });
  await kernel.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.waitForFunction(() => document.querySelector('conv1d-playground').result.layers[0].output?.shape[2] === 4);
  const want = await widget.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents();
  assert.equal(want.length, 4);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lesson.origin });
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await widget.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${cdn.origin}/web/index.html?`), link);

  // Follow it: the page and every file it loads come from the package.
  const full = await page.context().newPage();
  full.setDefaultTimeout(WAIT_GUARD_MS);
  const missing = [];
  full.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  full.on('requestfailed', (r) => missing.push(`failed ${r.url()}`));
  const problems = [];
  full.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  full.on('pageerror', (error) => problems.push(error.message));
  const response = await full.goto(link);
  assert.equal(response.status(), 200, `${link} is in the package`);
  await ready(full);
  await settled(full);
  assert.equal(await full.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).inputValue(), '2');
  assert.deepEqual(await full.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents(), want);
  assert.deepEqual([...missing, ...problems, ...page.problems], []);
  await page.context().close();
});
