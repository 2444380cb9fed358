// Each kind of error appears next to the control that causes it, in PyTorch's words, while the rest of the page
// keeps working; fixing the setting clears it. Nothing is logged to the console as an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, useBrowser } from './helpers.mjs';

const env = useBrowser();

const DEFAULT_OUT = 'tensor([[[-0.2770, -0.3462, -0.4155]]])';

test('every kind of error shows beside its control and clears when fixed', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const layer = page.getByRole('group', { name: 'Layer 1' });
  const errorOf = (name) => layer.locator(`.field-${name} .field-error`);
  const cases = [
    ['kernel_size', '9', /Kernel size can't be greater than actual input size/, '3'],
    ['kernel_size', '0', /kernel size should be greater than zero/, '3'],
    ['stride', '0', /non-positive stride is not supported/, '1'],
    ['dilation', '0', /dilation should be greater than zero/, '1'],
    ['padding', '-1', /negative padding is not supported/, '0'],
    ['padding', 'full', /Invalid padding string 'full', should be one of/, '0'],
    ['groups', '2', /in_channels must be divisible by groups/, '1'],
    ['groups', '0', /groups must be a positive integer/, '1'],
    ['in_channels', '2', /expected input\[1, 1, 5\] to have 2 channels, but got 1 channels instead/, '1'],
    ['out_channels', '0', /expected weight to be at least 1 at dimension 0/, '1'],
    ['kernel_size', '2.5', /argument 'kernel_size' must be an integer, but got 2.5/, '3'],
    ['kernel_size', '', /kernel_size must be a whole number/, '3'],
  ];
  for (const [name, bad, message, good] of cases) {
    await layer.getByLabel(name, { exact: true }).fill(bad);
    await assert.doesNotReject(errorOf(name).waitFor(), `${name}=${bad} shows an error`);
    assert.match(await errorOf(name).textContent(), message, `${name}=${bad}`);
    // The rest of the page keeps working: the output says why it is missing, other controls stay usable.
    assert.match(await page.getByRole('region', { name: 'Output', exact: true }).textContent(), /No output/);
    await layer.getByLabel(name, { exact: true }).fill(good);
    assert.equal(await errorOf(name).isVisible(), false, `${name} error cleared`);
    assert.equal(await outputPrintout(page), DEFAULT_OUT);
  }
  // The reflect padding limit is reported at padding_mode.
  await layer.getByLabel('padding', { exact: true }).fill('5');
  await layer.getByLabel('padding_mode', { exact: true }).selectOption('reflect');
  assert.match(await errorOf('padding_mode').textContent(), /Padding size should be less than the corresponding input dimension/);
  await layer.getByLabel('padding_mode', { exact: true }).selectOption('zeros');
  await layer.getByLabel('padding', { exact: true }).fill('0');
  assert.equal(await outputPrintout(page), DEFAULT_OUT);

  // A channel mismatch offers the fix.
  await layer.getByLabel('in_channels', { exact: true }).fill('3');
  await errorOf('in_channels').getByRole('button', { name: 'Set in_channels to 1' }).click();
  assert.equal(await outputPrintout(page), DEFAULT_OUT);

  // Input errors sit at the input field.
  const inputBox = page.getByRole('textbox', { name: /^input/ });
  const inputError = page.locator('.field-input .field-error');
  for (const [text, message] of [['[[[1, 2, 3', /missing '\]'/], ['[[[1, 2], [3]]]', /different lengths/],
    ['[1, 2, 3, 4, 5]', /Expected 2D \(unbatched\) or 3D \(batched\) input to conv1d/],
    ['tensor([[[1., 2., ..., 5.]]])', /summarised/], ['hello', /expected a number/]]) {
    await inputBox.fill(text);
    assert.match(await inputError.textContent(), message, text);
  }
  await inputBox.fill('[[[1, 2, 3, 4, 5]]]');
  assert.equal(await inputError.isVisible(), false);
  assert.equal(await outputPrintout(page), DEFAULT_OUT);

  // Seed errors sit at the seed field.
  await page.getByLabel('seed', { exact: true }).fill('abc');
  assert.match(await page.locator('.field-seed .field-error').textContent(), /./);
  await page.getByLabel('seed', { exact: true }).fill('1');
  assert.equal(await outputPrintout(page), DEFAULT_OUT);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an error in layer 2 of a stack stays at layer 2, and the out_channels offer fixes it', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByRole('button', { name: '+ Add layer' }).click();
  const l1 = page.getByRole('group', { name: 'Layer 1' });
  const l2 = page.getByRole('group', { name: 'Layer 2' });
  await l1.getByLabel('out_channels', { exact: true }).fill('4');
  assert.match(await l2.locator('.field-in_channels .field-error').textContent(), /expected input\[1, 4, 3\] to have 1 channels/);
  assert.equal(await l1.locator('.field-error:visible').count(), 0);
  await l1.getByRole('button', { name: 'Set Layer 2 in_channels to 4' }).click();
  assert.equal(await l2.getByLabel('in_channels', { exact: true }).inputValue(), '4');
  assert.equal(await l2.locator('.field-error:visible').count(), 0);
  // Kernel too large for the shorter intermediate signal: reported at layer 2's kernel_size.
  await l2.getByLabel('kernel_size', { exact: true }).fill('4');
  assert.match(await l2.locator('.field-kernel_size .field-error').textContent(), /Kernel size can't be greater than actual input size/);
  assert.match(await page.getByRole('region', { name: 'Output', exact: true }).textContent(), /Layer 2 has an error/);
  await l2.getByLabel('kernel_size', { exact: true }).fill('3');
  assert.match(await outputPrintout(page), /^tensor\(\[\[\[-?\d\.\d{4}\]\]\]\)$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('huge values do not freeze the page: heavy work goes to the worker and the page stays responsive', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const layer = page.getByRole('group', { name: 'Layer 1' });
  await layer.getByLabel('out_channels', { exact: true }).fill('100000000');
  await page.locator('.field-out_channels .field-error, .layer-card > .field-error').first().waitFor();
  await layer.getByLabel('out_channels', { exact: true }).fill('1');
  await page.waitForFunction(() => !window.conv1dPlayground.busy);
  assert.equal(await outputPrintout(page), DEFAULT_OUT);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
