// Typing into weight and bias cells one key at a time, as people do (page.keyboard.type, never fill()): on the
// page, in <conv1d-playground> and in the lesson, the cell keeps what was typed, the model takes the number, and
// text on its way to a number ('-', '1e') is not reported as an error until the edit ends. Errors appearing in
// the layer's controls or under a table, and the rebuild notice, move no other control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';
import { expectedOutput } from './expected.mjs';

const env = useBrowser(startEmbedServer);

const INPUT = [[[1, 2, 3, 4, 5]]];
const LAYERS = [[1, 1, 3]];
// [cell label, typed text, which, flat index]
const EDITS = [['weight[0, 0, 0]', '0.5', 'weight', 0], ['weight[0, 0, 1]', '-0.3', 'weight', 1],
  ['weight[0, 0, 2]', '1.25', 'weight', 2], ['bias[0]', '0.1', 'bias', 0]];

/** The weight and bias the instance computes with: `host` is '' for the page, else the element's selector. */
const params = (page, host) => page.evaluate((sel) => {
  const { result } = sel ? document.querySelector(sel) : window.conv1dPlayground;
  return { weight: Array.from(result.layers[0].weight.data), bias: Array.from(result.layers[0].bias.data) };
}, host);

// An element computes states this small on the main thread, synchronously with the keystroke; a painted frame
// lets every region catch up. The page says when it has.
const instanceSettled = (page, host) => (host
  ? page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => setTimeout(r, 0)); }))
  : settled(page));

/** Types every EDITS value into `scope`'s cells key by key, checking cell text, model values and messages. */
async function typeEdits(page, scope, host) {
  const want = { weight: null, bias: null };
  for (const [label, text, which, index] of EDITS) {
    const cell = scope.getByLabel(label, { exact: true });
    await cell.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await instanceSettled(page, host);
    assert.equal(await cell.inputValue(), text, `${label} shows what was typed`);
    const now = await params(page, host);
    want.weight ??= now.weight;
    want.bias ??= now.bias;
    want[which][index] = Math.fround(Number(text));
    assert.deepEqual(now, want, `the model uses ${text} for ${label}`);
    assert.deepEqual(await scope.locator('.field-error:visible').allTextContents(), [], `no error while typing ${text}`);
    // Leaving the cell shows the value as PyTorch prints it, and keeps it.
    await page.keyboard.press('Tab');
    await instanceSettled(page, host);
    assert.equal(await cell.inputValue(), Number(text).toFixed(4));
    assert.deepEqual(await params(page, host), want);
  }
  return want;
}

test('the page: decimals typed key by key into weight and bias cells set those values, with no false error', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await typeEdits(page, page.locator('.controls'), '');
  const want = await expectedOutput({ seed: 1, input: INPUT, layers: LAYERS,
    edits: [{ weight: [[0, 0.5], [1, -0.3], [2, 1.25]], bias: [[0, 0.1]] }] });
  assert.equal(await outputPrintout(page), want.output);

  // On the way to a number: '-' and '1e' are neither applied nor reported; still not a number on Enter, reported.
  const cell = page.getByLabel('weight[0, 0, 0]', { exact: true });
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-');
  await settled(page);
  assert.equal(await cell.inputValue(), '-');
  assert.equal(await page.locator('.field-error:visible').count(), 0);
  await page.keyboard.type('1e');
  assert.equal(await cell.inputValue(), '-1e');
  assert.equal(await page.locator('.field-error:visible').count(), 0);
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(await page.locator('.param-error:visible').textContent(), "'-1e' is not a number (weight[0] unchanged).");
  // '-1' was a number on the way, so it was applied: the cell shows the value kept, as printed.
  assert.equal(await cell.inputValue(), '-1.');
  assert.equal((await params(page, '')).weight[0], -1);
  await page.keyboard.type('-1e1');
  await settled(page);
  assert.equal(await page.locator('.field-error:visible').count(), 0, 'a number clears the report');
  assert.equal((await params(page, '')).weight[0], -10);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('<conv1d-playground>: decimals typed key by key set those values', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}test-pages/three-widgets.html`, { count: 3 });
  // A widget with its default panels opens on the convolution, its model folded: unfold it.
  await page.locator('#first').getByRole('button', { name: 'Change the model' }).click();
  await typeEdits(page, page.locator('#first'), '#first');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the lesson, on a phone: decimals typed key by key set those values', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}examples/conv1d-lesson.html`, { count: 4, width: 375, height: 812 });
  const widget = page.locator('#widget-1');
  await typeEdits(page, widget, '#widget-1');
  // A report on the bias, the last table of its layer's section, shows whole (the section clips what overflows it).
  await widget.getByLabel('bias[0]', { exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  const error = widget.locator('.param-error:visible');
  assert.equal(await error.textContent(), "'0.1000x' is not a number (bias[0] unchanged).");
  const [box, section] = await error.evaluate((el) => [el, el.closest('.layer-detail')].map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(box.top >= section.top && box.bottom <= section.bottom, JSON.stringify({ box, section }));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Page coordinates (not the viewport's) of every box, by name. */
const boxes = (page, selectors) => page.evaluate((list) => Object.fromEntries(list.map(([name, sel]) => {
  const r = document.querySelector(sel).getBoundingClientRect();
  return [name, { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height }];
})), selectors);

test('errors and the rebuild notice appear without moving any other control', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const fields = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'padding_mode'];
  const column = [...fields.map((n) => [n, `.layer-card .field-${n}`]), ['add layer', '.add-layer']];
  const controls = [...column, ['bias cell', '[aria-label="bias[0]"]'],
    ['weight cell', '[aria-label="weight[0, 0, 2]"]'], ['output', '.output-final']];
  const before = await boxes(page, controls);

  // kernel_size 9 does not fit the input: its error appears under the field while every field stays where it was
  // (what follows the fields changes: there is no output to show).
  const layer = page.getByRole('group', { name: 'Layer 1' });
  await layer.getByLabel('kernel_size', { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9');
  await settled(page);
  await layer.locator('.field-kernel_size .field-error').waitFor();
  assert.equal(await page.locator('.layer-card .field-grid > *').count(), 9);
  const withError = await boxes(page, column);
  for (const [name, box] of Object.entries(withError)) assert.deepEqual(box, before[name], name);
  // Lying over the next row, it lets a click through to the field under it, and steps aside while that has focus.
  await layer.getByLabel('padding', { exact: true }).click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('.field').classList.contains('field-padding')), true);
  assert.equal(await layer.locator('.field-kernel_size .field-error').isVisible(), false);
  await layer.getByLabel('kernel_size', { exact: true }).click();
  assert.equal(await layer.locator('.field-kernel_size .field-error').isVisible(), true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await settled(page);
  assert.equal(await layer.locator('.field-error:visible').count(), 0);

  // A weight cell's report (measured from the focused cell: focus writes the heatmap's readout line).
  await page.getByLabel('weight[0, 0, 0]', { exact: true }).click();
  const focused = await boxes(page, controls);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await page.locator('.param-error:visible').waitFor();
  assert.deepEqual(await boxes(page, controls), focused);

  // The notice that edited weights were reset by a rebuild.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await settled(page);
  await layer.getByLabel('kernel_size', { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.getByText('your weight edits were reset').waitFor();
  await settled(page);
  // The fields and the output keep their places (kernel_size 2 changes what the results column shows below that).
  const after = await boxes(page, [...column, ['output', '.output-final']]);
  for (const [name, box] of Object.entries(after)) assert.deepEqual({ x: box.x, y: box.y }, { x: before[name].x, y: before[name].y }, name);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
