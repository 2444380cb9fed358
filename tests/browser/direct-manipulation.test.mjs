// Direct manipulation: −/+ steppers and sliders on integer arguments (still typeable), weights dragged as bars
// and input samples dragged as points on the plot — with the mouse, a finger (375 px touch phone) and the arrow
// keys — and every number (output, breakdown) follows while the drag lasts, as the package computes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, PHONE_TOUCH, settled, useBrowser } from './helpers.mjs';
import { expectedOutput } from './expected.mjs';

const env = useBrowser();
const INPUT = [[[1, 2, 3, 4, 5]]];

/** What the page computes with: layer 1's weight, the input and the output (float32 values). */
const model = (page) => page.evaluate(() => {
  const { result } = window.conv1dPlayground;
  return { weight: Array.from(result.layers[0].weight.data), input: Array.from(result.input.data),
    output: Array.from(result.layers.at(-1).output.data) };
});
const breakdownValue = (page) => page.locator('.formula-value').first().textContent();
const firstOutput = (page) => page.getByRole('region', { name: 'Output', exact: true }).locator('td[data-key="0,0,0"]').textContent();

test('steppers and sliders change integer arguments; the field stays typeable', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const layer = page.getByRole('group', { name: 'Layer 1', exact: true });
  await layer.getByRole('button', { name: 'Increase kernel_size' }).click();
  assert.equal(await layer.getByLabel('kernel_size', { exact: true }).inputValue(), '4');
  assert.equal(await outputPrintout(page), (await expectedOutput({ input: INPUT, layers: [[1, 1, 4]] })).output);
  await layer.getByRole('button', { name: 'Decrease kernel_size' }).click();
  await layer.getByRole('button', { name: 'Decrease kernel_size' }).click();
  assert.equal(await outputPrintout(page), (await expectedOutput({ input: INPUT, layers: [[1, 1, 2]] })).output);
  assert.equal(await layer.getByRole('slider', { name: 'kernel_size slider' }).inputValue(), '2', 'the slider follows');
  // The least stride is 1: its − is disabled there.
  assert.equal(await layer.getByRole('button', { name: 'Decrease stride' }).isDisabled(), true);
  // The slider, by keys once focused.
  await layer.getByRole('slider', { name: 'stride slider' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await layer.getByLabel('stride', { exact: true }).inputValue(), '2');
  assert.equal(await outputPrintout(page), (await expectedOutput({ input: INPUT, layers: [[1, 1, 2, { stride: 2 }]] })).output);
  // Typed, key by key.
  await layer.getByLabel('dilation', { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  assert.equal(await outputPrintout(page), (await expectedOutput({ input: INPUT, layers: [[1, 1, 2, { stride: 2, dilation: 2 }]] })).output);
  assert.equal(await layer.getByRole('slider', { name: 'dilation slider' }).inputValue(), '2');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dragging a weight bar with the mouse changes the weight, the output and the breakdown while it moves', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const bar = page.getByRole('slider', { name: 'weight 0, 0, 0' });
  const before = await model(page);
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.05, { steps: 4 });
  // Still held: the numbers already follow.
  await settled(page);
  const during = await model(page);
  assert.ok(during.weight[0] > before.weight[0], `dragged up: ${before.weight[0]} → ${during.weight[0]}`);
  const want = await expectedOutput({ input: INPUT, layers: [[1, 1, 3]], edits: [{ weight: [[0, during.weight[0]]] }] });
  assert.equal(await outputPrintout(page), want.output);
  assert.equal(await breakdownValue(page), await firstOutput(page), 'the breakdown shows the new output[0]');
  assert.equal(Math.fround(Number(await bar.getAttribute('aria-valuenow'))), during.weight[0]);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.9, { steps: 4 });
  await page.mouse.up();
  await settled(page);
  const after = await model(page);
  assert.ok(after.weight[0] < during.weight[0], 'dragged down again');
  assert.equal(await page.getByLabel('weight[0, 0, 0]', { exact: true }).inputValue(), await bar.getAttribute('aria-valuetext'));
  assert.match(await page.locator('.edited-badge').first().textContent(), /1 edited/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('arrow keys on a weight bar and on an input sample step the value; ←/→ move between them', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const bar = page.getByRole('slider', { name: 'weight 0, 0, 0' });
  await bar.focus();
  const before = Number(await bar.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowUp');
  await settled(page);
  const stepped = Number(await bar.getAttribute('aria-valuenow'));
  assert.ok(stepped > before && stepped - before <= 0.02, `${before} → ${stepped}`);
  assert.equal(stepped, Number(stepped.toFixed(2)), 'on the 0.01 grid of its axis');
  assert.equal((await model(page)).weight[0], Math.fround(stepped));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'weight 0, 0, 1');
  // An input sample: the third one, up by one step of its axis.
  const sample = page.getByRole('slider', { name: 'sample 0, 0, 2 of the input' });
  await sample.focus();
  await page.keyboard.press('ArrowUp');
  await settled(page);
  const { input, output } = await model(page);
  assert.ok(input[2] > 3 && input[2] < 3.2, `input[2] = ${input[2]}`);
  const written = await sample.getAttribute('aria-valuenow'); // the shortest decimal of the float32 value
  assert.equal(Math.fround(Number(written)), input[2]);
  assert.equal(await page.getByRole('textbox', { name: /^input/ }).inputValue(), `[[[1, 2, ${written}, 4, 5]]]`);
  const want = await expectedOutput({ input: [[[1, 2, input[2], 4, 5]]], layers: [[1, 1, 3]], edits: [{ weight: [[0, stepped]] }] });
  assert.equal(await outputPrintout(page), want.output);
  assert.ok(output.length === 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a touch phone a finger drags an input sample and taps a stepper', async () => {
  const page = await openPage(env.chrome.browser, env.server.url, PHONE_TOUCH);
  const layer = page.getByRole('group', { name: 'Layer 1', exact: true });
  await layer.getByRole('button', { name: 'Increase stride' }).tap();
  assert.equal(await outputPrintout(page), (await expectedOutput({ input: INPUT, layers: [[1, 1, 3, { stride: 2 }]] })).output);
  const sample = page.getByRole('slider', { name: 'sample 0, 0, 4 of the input' });
  await sample.scrollIntoViewIfNeeded();
  const box = await sample.boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [{ x, y }]);
  for (let k = 1; k <= 4; k += 1) await touch('touchMove', [{ x, y: y + k * 12 }]);
  await settled(page);
  const during = (await model(page)).input[4];
  assert.ok(during < 5, `the finger pulled input[4] down: ${during}`);
  await touch('touchEnd', []);
  await settled(page);
  const { input } = await model(page);
  const want = await expectedOutput({ input: [[input]], layers: [[1, 1, 3, { stride: 2 }]] });
  assert.equal(await outputPrintout(page), want.output);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
