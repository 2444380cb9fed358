// Every Conv1d argument, the seed and the input, changed through its labelled control: the page's output
// must equal what the package computes for the same configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, printout, useBrowser } from './helpers.mjs';
import { expectedOutput } from './expected.mjs';

const env = useBrowser();

test('each labelled control changes the output exactly as the package computes it', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const layer = page.getByRole('group', { name: 'Layer 1' });
  const input = [[[1, 2, 3, 4, 5, 6, 7, 8], [0, 1, 0, -1, 0, 1, 0, -1]]];
  await page.getByRole('textbox', { name: /^input/ }).fill(JSON.stringify(input));
  const args = { in_channels: 1, out_channels: 1, kernel_size: 3 };
  const opts = { stride: 1, padding: 0, dilation: 1, groups: 1, bias: true, paddingMode: 'zeros' };
  let seed = 1;
  const check = async (what) => {
    const want = await expectedOutput({ seed, input, layers: [[args.in_channels, args.out_channels, args.kernel_size, { ...opts }]] });
    assert.equal(await outputPrintout(page), want.output, `output after ${what}`);
    assert.equal(await printout(page, 'Layer 1 weight'), want.weights[0], `weight after ${what}`);
  };
  const steps = [
    ['in_channels', '2', () => { args.in_channels = 2; }],
    ['out_channels', '4', () => { args.out_channels = 4; }],
    ['kernel_size', '2', () => { args.kernel_size = 2; }],
    ['stride', '2', () => { opts.stride = 2; }],
    ['padding', '1', () => { opts.padding = 1; }],
    ['dilation', '2', () => { opts.dilation = 2; }],
    ['groups', '2', () => { opts.groups = 2; }],
    ['stride', '1', () => { opts.stride = 1; }],
    ['padding', 'same', () => { opts.padding = 'same'; }],
  ];
  for (const [name, value, apply] of steps) {
    await layer.getByLabel(name, { exact: true }).fill(value);
    apply();
    await check(`${name}=${value}`);
  }
  await layer.getByLabel('padding_mode', { exact: true }).selectOption('reflect');
  opts.paddingMode = 'reflect';
  await check('padding_mode=reflect');
  await layer.getByLabel('padding_mode', { exact: true }).selectOption('circular');
  opts.paddingMode = 'circular';
  await check('padding_mode=circular');
  await layer.getByLabel('bias', { exact: true }).uncheck();
  opts.bias = false;
  await check('bias=False');
  assert.match(await page.getByRole('region', { name: 'Layer 1 bias' }).textContent(), /None/);
  await page.getByLabel('seed', { exact: true }).fill('42');
  seed = 42;
  await check('seed=42');
  // The shape line shows the output-length formula with the current numbers.
  assert.match(await layer.locator('.formula-filled').textContent(), /= ⌊\(8 \+ 2·1 − 2·\(2 − 1\) − 1\) \/ 1⌋ \+ 1 = 8$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('input generators, batch/channels/length controls and unbatched input', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByLabel('generate input').selectOption('ramp');
  await page.getByLabel('length L').fill('7');
  let want = await expectedOutput({ seed: 1, input: [[[1, 2, 3, 4, 5, 6, 7]]], layers: [[1, 1, 3, {}]] });
  assert.equal(await outputPrintout(page), want.output);
  await page.getByLabel('batch N').fill('2');
  want = await expectedOutput({ seed: 1, input: [[[1, 2, 3, 4, 5, 6, 7]], [[1, 2, 3, 4, 5, 6, 7]]], layers: [[1, 1, 3, {}]] });
  assert.equal(await outputPrintout(page), want.output);
  await page.getByLabel(/^batched/).uncheck();
  want = await expectedOutput({ seed: 1, input: [[1, 2, 3, 4, 5, 6, 7]], layers: [[1, 1, 3, {}]] });
  assert.equal(await outputPrintout(page), want.output);
  assert.match(await page.locator('.input-card .shape-line').textContent(), /\(1, 7\)/);
  for (const kind of ['sine', 'step', 'impulse', 'noise']) {
    await page.getByLabel('generate input').selectOption(kind);
    const text = await page.getByRole('textbox', { name: /^input/ }).inputValue();
    want = await expectedOutput({ seed: 1, input: JSON.parse(text), layers: [[1, 1, 3, {}]] });
    assert.equal(await outputPrintout(page), want.output, kind);
  }
  // A pasted PyTorch printout is accepted as input.
  await page.getByRole('textbox', { name: /^input/ }).fill('input: tensor([[[1., 2., 3., 4., 5.]]])');
  assert.equal(await outputPrintout(page), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
