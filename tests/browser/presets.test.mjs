// The tutorial's three examples: the default state is Example 1, and each preset shows the tutorial's numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, printout, useBrowser } from './helpers.mjs';

const env = useBrowser();


const cells = async (page) => (await page.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents()).map(Number);

test('the page opens on the tutorial\'s first example, with its exact numbers', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  assert.equal(await printout(page, 'Layer 1 weight'), 'tensor([[[ 0.2975, -0.2548, -0.1119]]])');
  assert.equal(await printout(page, 'Layer 1 bias'), 'tensor([0.2710])');
  assert.equal(await outputPrintout(page), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  assert.deepEqual(await page.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents(),
    ['-0.2770', '-0.3462', '-0.4155']);
  assert.equal(await page.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).inputValue(), '3');
  assert.equal(await page.getByLabel('seed', { exact: true }).inputValue(), '1');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Example 2 (two input channels) and Example 3 (two in, two out) match the tutorial to a few 1e-4 (rounded weights)', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByRole('button', { name: 'Example 2' }).click();
  await page.getByText('Example 2 sets the weights').waitFor();
  assert.equal(await printout(page, 'Layer 1 weight'), 'tensor([[[-0.2167,  0.1201, -0.1179],\n         [-0.0448, -0.3925, -0.1946]]])');
  assert.equal(await printout(page, 'Layer 1 bias'), 'tensor([0.2215])');
  const printed2 = [-1.5224, -2.3688, -3.2152];
  (await cells(page)).forEach((v, i) => assert.ok(Math.abs(v - printed2[i]) <= 5e-4, `output[${i}] = ${v}, tutorial ${printed2[i]}`));

  await page.getByRole('button', { name: 'Example 3' }).click();
  await page.getByText('Example 3 sets the weights').waitFor();
  assert.equal(await printout(page, 'Layer 1 bias'), 'tensor([-0.0672, -0.0079])');
  const printed3 = [1.8103, 2.4019, 2.9936, 0.6720, 1.1810, 1.6901];
  const got = await cells(page);
  assert.equal(got.length, 6);
  got.forEach((v, i) => assert.ok(Math.abs(v - printed3[i]) <= 5e-4, `output[${i}] = ${v}, tutorial ${printed3[i]}`));

  await page.getByRole('button', { name: 'Example 1' }).click();
  assert.equal(await outputPrintout(page), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
