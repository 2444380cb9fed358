// Keyboard only: tab through a layer in layout order, change arguments with keys, and check that every control
// has a label naming its argument and that layers, output, weight and bias are named regions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, useBrowser } from './helpers.mjs';
import { expectedOutput } from './expected.mjs';

const env = useBrowser();

const focusedLabel = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el.labels?.[0]?.textContent.trim() ?? el.getAttribute('aria-label') ?? el.textContent.trim();
});

test('a keyboard-only walk through Layer 1', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  // From the seed field, Tab reaches the input, then Layer 1's tools and arguments in the order they are laid out.
  await page.getByLabel('seed', { exact: true }).focus();
  const order = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focusedLabel(page));
  }
  const args = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'padding_mode', 'bias'];
  const positions = args.map((a) => order.indexOf(a));
  assert.ok(positions.every((p) => p >= 0), `every argument reachable by Tab: ${order.join(' | ')}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'arguments in layout order');
  assert.ok(order.indexOf('Duplicate layer 1') < positions[0], 'layer tools come first (top of the card)');
  assert.ok(order.findIndex((l) => l.startsWith('input')) < order.indexOf('Duplicate layer 1'), 'the input comes before Layer 1');

  // Change arguments with keys only.
  const layer = page.getByRole('group', { name: 'Layer 1' });
  await layer.getByLabel('kernel_size', { exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // 3 → 2
  let want = await expectedOutput({ seed: 1, input: [[[1, 2, 3, 4, 5]]], layers: [[1, 1, 2, {}]] });
  assert.equal(await outputPrintout(page), want.output);
  await page.keyboard.press('Tab'); // stride's (?)
  assert.equal(await focusedLabel(page), 'What stride means');
  await page.keyboard.press('Tab'); // stride
  await page.keyboard.press('ArrowUp'); // 1 → 2
  want = await expectedOutput({ seed: 1, input: [[[1, 2, 3, 4, 5]]], layers: [[1, 1, 2, { stride: 2 }]] });
  assert.equal(await outputPrintout(page), want.output);
  await layer.getByLabel('bias', { exact: true }).focus();
  await page.keyboard.press('Space');
  want = await expectedOutput({ seed: 1, input: [[[1, 2, 3, 4, 5]]], layers: [[1, 1, 2, { stride: 2, bias: false }]] });
  assert.equal(await outputPrintout(page), want.output);
  // Weight cells are reachable and editable by keyboard.
  const cell = page.getByRole('region', { name: 'Layer 1 weight' }).getByLabel('weight[0, 0, 0]');
  await cell.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  assert.equal(await focusedLabel(page), 'weight[0, 0, 1]');
  assert.match(await outputPrintout(page), /^tensor\(\[\[\[/);
  assert.notEqual(await outputPrintout(page), want.output);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('labels contain the argument names; layers are grouped; output, weight and bias are named regions', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  for (const name of ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode']) {
    assert.equal(await page.getByRole('group', { name: 'Layer 1' }).getByLabel(name, { exact: true }).count(), 1, name);
  }
  assert.equal(await page.getByLabel('seed', { exact: true }).count(), 1);
  assert.equal(await page.getByRole('textbox', { name: /^input/ }).count(), 1);
  for (const name of ['Output', 'Layer 1 weight', 'Layer 1 bias']) {
    assert.equal(await page.getByRole('region', { name, exact: true }).count(), 1, name);
  }
  // Every form control has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim())).map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
  await page.context().close();
});
