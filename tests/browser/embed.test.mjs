// Embedding: three <conv1d-playground> elements on one static page, the ?embed=1 iframe with its resize
// messages, the example lesson, Import of real PyTorch printouts through the page, and no console errors anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, screenshotDir, useBrowser } from './helpers.mjs';
import { startEmbedServer, openStatic, widget } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);

const outputCells = (w, name = 'Output') => w.getByRole('region', { name, exact: true }).locator('tbody td').allTextContents();

test('three differently configured widgets on one page show their own numbers and do not interfere', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}test-pages/three-widgets.html`, { count: 3 });
  const first = widget(page, '#first');
  const second = widget(page, '#second');
  const third = widget(page, '#third');
  // 1: no attributes → the tutorial's first example, with the full labelled controls, folded until asked for.
  assert.deepEqual(await outputCells(first), ['-0.2770', '-0.3462', '-0.4155']);
  assert.equal(await first.locator('.input-card').isVisible(), false);
  await first.getByRole('button', { name: 'Change the model' }).click();
  assert.equal(await first.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).inputValue(), '3');
  assert.equal(await first.getByLabel('seed', { exact: true }).inputValue(), '1');
  // 2: printed weights from the attribute, weights + output only, read-only.
  assert.deepEqual(await outputCells(second), ['-1.5223', '-2.3687', '-3.2151']);
  // Its layer's card shows only the weights (they live with the layer): no input, no arguments.
  assert.equal(await second.locator('.input-card').isVisible(), false);
  assert.equal(await second.locator('.layer-card .field-grid').isVisible(), false);
  assert.equal(await second.locator('.toolbar').isVisible(), false);
  assert.equal(await second.locator('.cell-input').first().evaluate((el) => el.readOnly), true);
  // 3: a two-layer stack from seed 7 with a selection, compared with the package itself.
  const expected = await page.evaluate(async () => {
    const { load } = await import('/lib/index.js');
    const nn = await load();
    nn.manualSeed(7);
    const a = new nn.Conv1d(1, 2, 3, { padding: 'same', paddingMode: 'reflect' });
    const b = new nn.Conv1d(2, 1, 2, { dilation: 2 });
    const y = new nn.Sequential(a, b).forward([[[0, 1, 0, -1, 0, 1, 0, -1]]]);
    return Array.from(y.data);
  });
  const thirdData = await page.evaluate(() => Array.from(document.querySelector('#third').result.layers[1].output.data));
  assert.deepEqual(thirdData, expected);
  assert.deepEqual(await page.evaluate(() => document.querySelector('#third').state.sel), { layer: 1, n: 0, c: 0, t: 1 });
  assert.match(await third.locator('.breakdown, [class*="explain"]').first().textContent(), /out\[0, 0, 1\]/);

  // Editing the first widget changes only the first widget.
  const before2 = await outputCells(second);
  const before3 = await page.evaluate(() => Array.from(document.querySelector('#third').result.layers[1].output.data));
  // Typed key by key.
  await first.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.waitForFunction(() => document.querySelector('#first').result.layers[0].output?.shape[2] === 4);
  assert.equal((await outputCells(first)).length, 4);
  assert.deepEqual(await outputCells(second), before2);
  assert.deepEqual(await page.evaluate(() => Array.from(document.querySelector('#third').result.layers[1].output.data)), before3);
  // …and never the page's URL: components do not sync it.
  assert.equal(new URL(page.url()).search, '');
  // Attributes changed later re-configure the widget.
  await page.evaluate(() => document.querySelector('#second').setAttribute('input', '[[[5, 4, 3, 2, 1], [1, 1, 1, 1, 1]]]'));
  await page.waitForFunction(() => document.querySelector('#second').result.input.data[0] === 5);
  // Each widget sizes itself to its content.
  const heights = await page.evaluate(() => [...document.querySelectorAll('conv1d-playground')].map((e) => e.getBoundingClientRect().height));
  heights.forEach((h) => assert.ok(h > 150, `widget height ${h}`));
  await page.screenshot({ path: join(screenshotDir, 'embed-three-widgets-1280.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('bad attributes are reported inside the widget, which falls back to the default example', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}test-pages/bad-attributes.html`, { count: 1 });
  const w = widget(page, 'conv1d-playground');
  assert.match(await w.getByRole('alert').first().textContent(), /layers: .*ReLU|Conv1d only|unknown panel/);
  assert.deepEqual(await outputCells(w), ['-0.2770', '-0.3462', '-0.4155']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('?embed=1 in an iframe: compact page, options from the URL, full-playground link, height posted to the parent', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}test-pages/iframe-host.html`, { count: 0 });
  await page.waitForFunction(() => window.resizeMessages.length > 0);
  const frame = page.frameLocator('#frame-a');
  const cells = await frame.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents();
  assert.equal(cells.length, 6);
  assert.equal(await frame.locator('.site-header').isVisible(), false);
  assert.equal(await frame.locator('.layer-detail').first().isVisible(), false); // panels=controls,output
  const link = frame.getByRole('link', { name: /Open full playground/ });
  const href = new URL(await link.getAttribute('href'));
  assert.equal(href.searchParams.get('embed'), null);
  assert.equal(href.searchParams.get('seed'), '1');
  // The iframe's height follows the document's.
  const inner = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(document.getElementById('frame-a').getBoundingClientRect().height - h) <= 1, inner);
  // Growing the content (a second layer) sends a larger height.
  const last = await page.evaluate(() => window.resizeMessages.at(-1).height);
  await frame.getByRole('button', { name: '+ Add layer' }).click();
  await page.waitForFunction((h) => window.resizeMessages.at(-1).height > h, last);
  const messages = await page.evaluate(() => window.resizeMessages);
  assert.ok(messages.every((m) => m.id === 'frame-a' && Number.isInteger(m.height) && m.height > 100), JSON.stringify(messages));
  // The full-playground link follows the edit.
  assert.equal(new URL(await link.getAttribute('href')).searchParams.getAll('layer').length, 2);
  await page.screenshot({ path: join(screenshotDir, 'embed-iframe-1280.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the example lesson reproduces the tutorial\'s three examples and its hand check', async () => {
  for (const width of [1280, 375]) {
    const page = await openStatic(env.chrome.browser, `${env.server.url}examples/conv1d-lesson.html`, { count: 4, width });
    await page.waitForFunction(() => document.documentElement.dataset.lessonReady === 'true');
    assert.deepEqual(await outputCells(widget(page, '#widget-1'), 'Example 1: Output'), ['-0.2770', '-0.3462', '-0.4155']);
    const two = (await outputCells(widget(page, '#widget-2'), 'Example 2: Output')).map(Number);
    [-1.5224, -2.3688, -3.2152].forEach((v, i) => assert.ok(Math.abs(two[i] - v) <= 2e-4, `example 2 [${i}] ${two[i]}`));
    const three = (await outputCells(widget(page, '#widget-3'), 'Example 3: Output')).map(Number);
    [1.8103, 2.4019, 2.9936, 0.6720, 1.1810, 1.6901].forEach((v, i) => assert.ok(Math.abs(three[i] - v) <= 5e-4, `example 3 [${i}] ${three[i]}`));
    // The notebook's sanity check: 0.2975*1 - 0.2548*2 - 0.1119*3 + 0.2710 = -0.2768 (printed weights).
    assert.match(await page.locator('#live-check').textContent(), /printed weights give -0\.2768 .*output\[0, 0, 0\] is -0\.2770/);
    const check = await widget(page, '#widget-check').locator('.breakdown, [class*="explain"]').first().textContent();
    assert.match(check, /-0\.2770/);
    // The widget's breakdown does that hand sum in its own visible text and says why it is not the value.
    assert.match(check, /0\.2975 − 0\.5096 − 0\.3357 \+ 0\.2710 = −0\.2768, not −0\.2770/);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `lesson scrolls sideways at ${width}px (${scrollWidth})`);
    await page.screenshot({ path: join(screenshotDir, `lesson-${width}.png`), fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('Import: real PyTorch printouts pasted into the page set layers, weights and input; summarised ones are refused', async () => {
  const golden = JSON.parse(readFileSync(join(root, 'tests/golden/pytorch_printouts.json'), 'utf8'));
  const page = await openStatic(env.chrome.browser, `${env.server.url}index.html`, { page: true });
  for (const name of ['stack-3/model+state_dict-full', 'same-circular/state_dict-lines', 'tutorial-example-1', 'summarised-state_dict']) {
    const c = golden.cases.find((x) => x.name === name);
    await page.getByRole('button', { name: 'Export / Import' }).click();
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByRole('textbox', { name: /Paste print\(model\)/ }).fill(c.text);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    if (c.error) {
      assert.match(await page.locator('.exchange-error').textContent(), /summarised form \('\.\.\.'\).*set_printoptions/);
      continue;
    }
    await page.getByText(/^Imported /).waitFor();
    const got = await page.evaluate(() => {
      const r = window.conv1dPlayground.result;
      return { layers: r.layers.map((l) => ({ w: Array.from(l.weight.data), b: l.bias ? Array.from(l.bias.data) : null })), input: Array.from(r.input.data) };
    });
    const close = (a, b) => (c.exact ? Object.is(a, Math.fround(b)) : Math.abs(a - b) <= 5.1e-5);
    c.weights.forEach((w, i) => w.data.forEach((v, j) => assert.ok(close(got.layers[i].w[j], v), `${name} weight ${i}[${j}]`)));
    c.biases.forEach((b, i) => (b ? b.data.forEach((v, j) => assert.ok(close(got.layers[i].b[j], v), `${name} bias ${i}[${j}]`)) : assert.equal(got.layers[i].b, null)));
    c.input.data.forEach((v, j) => assert.ok(close(got.input[j], v), `${name} input[${j}]`));
    assert.equal(got.layers.length, c.layers.length);
    // The page's URL carries the imported state.
    await page.waitForFunction(() => window.location.search.includes('layer='));
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
