// The URL carries the whole state: a link opened in a fresh browser context (no shared storage) reproduces the
// page; back/forward work; hostile or malformed state is refused with a message. Also a whole
// session end to end (the "done-when flow"): examples, a two-layer stack, an edited weight, a shared link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, printout, settled, useBrowser } from './helpers.mjs';
import { expectedOutput } from './expected.mjs';

const env = useBrowser();

const DEFAULT_OUT = 'tensor([[[-0.2770, -0.3462, -0.4155]]])';

test('done-when flow: examples, then a two-layer stack with dilation and groups, an edited weight, a shared link', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  for (const n of [2, 3, 1]) await page.getByRole('button', { name: `Example ${n}` }).click();
  assert.equal(await outputPrintout(page), DEFAULT_OUT);
  const input = [[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 0, -1, 0, 1, 0, -1, 0, 1, 0]]];
  await page.getByRole('textbox', { name: /^input/ }).fill(JSON.stringify(input));
  const l1 = page.getByRole('group', { name: 'Layer 1' });
  await l1.getByLabel('in_channels', { exact: true }).fill('2');
  await l1.getByLabel('out_channels', { exact: true }).fill('4');
  await l1.getByLabel('groups', { exact: true }).fill('2');
  await l1.getByLabel('dilation', { exact: true }).fill('2');
  await page.getByRole('button', { name: '+ Add layer' }).click();
  const l2 = page.getByRole('group', { name: 'Layer 2' });
  assert.equal(await l2.getByLabel('in_channels', { exact: true }).inputValue(), '4');
  await l2.getByLabel('out_channels', { exact: true }).fill('2');
  await l2.getByLabel('kernel_size', { exact: true }).fill('2');
  const layers = [[2, 4, 3, { groups: 2, dilation: 2 }], [4, 2, 2, {}]];
  let want = await expectedOutput({ seed: 1, input, layers });
  assert.equal(await outputPrintout(page), want.output);
  const beforeEdit = await page.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents();

  // Edit one weight of layer 1: every output number changes, and the cell is marked as edited.
  const cell = page.getByRole('region', { name: 'Layer 1 weight' }).getByLabel('weight[0, 0, 1]');
  await cell.fill('2.5');
  want = await expectedOutput({ seed: 1, input, layers, edits: [{ weight: [[1, 2.5]] }] });
  assert.equal(await outputPrintout(page), want.output);
  const afterEdit = await page.getByRole('region', { name: 'Output', exact: true }).locator('tbody td').allTextContents();
  assert.notDeepEqual(afterEdit, beforeEdit);
  assert.ok(await cell.evaluate((el) => el.classList.contains('edited')));
  await cell.blur();

  // Share: the link opened in a fresh context (no shared storage) shows the same page.
  await page.waitForFunction(() => window.location.search.includes('w0='));
  const link = page.url();
  const other = await openPage(env.chrome.browser, link);
  assert.equal(await outputPrintout(other), want.output);
  assert.equal(await printout(other, 'Layer 1 weight'), want.weights[0]);
  assert.equal(await other.getByRole('group', { name: 'Layer 1' }).getByLabel('dilation', { exact: true }).inputValue(), '2');
  assert.equal(await other.getByRole('textbox', { name: /^input/ }).inputValue(), JSON.stringify(input));
  // Reloading restores it too.
  await other.reload();
  await other.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await outputPrintout(other), want.output);
  assert.deepEqual([...page.problems, ...other.problems], []);
  await other.context().close();
  await page.context().close();
});

test('changing an argument after editing weights resets them from the seed, says so and offers undo', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const cell = page.getByRole('region', { name: 'Layer 1 weight' }).getByLabel('weight[0, 0, 0]');
  await cell.fill('1');
  assert.notEqual(await outputPrintout(page), DEFAULT_OUT);
  const kernel = page.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true });
  await kernel.fill('2');
  await page.getByText('your weight edits were reset').waitFor();
  await kernel.fill('3');
  // kernel_size 3 → 2 → 3 brings back the seed's numbers (as re-running the notebook would).
  assert.equal(await outputPrintout(page), DEFAULT_OUT);
  await page.getByRole('button', { name: 'Undo' }).click();
  await settled(page);
  assert.equal(await cell.inputValue(), '1.');
  assert.notEqual(await outputPrintout(page), DEFAULT_OUT);
  await page.getByRole('button', { name: 'Reset from seed' }).click();
  assert.equal(await outputPrintout(page), DEFAULT_OUT);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('back and forward walk through the changes', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const layer = page.getByRole('group', { name: 'Layer 1' });
  await layer.getByLabel('kernel_size', { exact: true }).fill('2');
  await layer.getByLabel('kernel_size', { exact: true }).blur();
  await page.waitForFunction(() => window.location.search.includes('1,1,2,'));
  await layer.getByLabel('stride', { exact: true }).fill('2');
  await page.waitForFunction(() => window.location.search.includes('1,1,2,2,'));
  const atStride2 = await outputPrintout(page);
  await page.goBack();
  await page.waitForFunction(() => window.location.search.includes('1,1,2,1,'));
  assert.equal(await layer.getByLabel('stride', { exact: true }).inputValue(), '1');
  assert.equal(await layer.getByLabel('kernel_size', { exact: true }).inputValue(), '2');
  await page.goBack();
  assert.equal(await outputPrintout(page), DEFAULT_OUT);
  await page.goForward();
  await page.goForward();
  assert.equal(await outputPrintout(page), atStride2);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('malformed or hostile URL state is refused with a message and the default state is shown', async () => {
  const hostile = [
    '?seed=1&layer=1,1,3',
    '?seed=1;alert(1)&layer=1,1,3,1,0,1,1,1,zeros',
    '?seed=1&layer=1,1,3,1,0,1,1,1,evil',
    '?seed=1&layer=1,1,3,1,%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,1,1,1,zeros',
    '?seed=1&layer=1,1,3,1,0,1,1,1,zeros&w0=0:<script>',
    '?seed=1&layer=1,1,3,1,0,1,1,1,zeros&w5=0:1',
    '?seed=1&gen=noise&n=64&c=1024&len=65536',
    `?seed=1${'&layer=1,1,3,1,0,1,1,1,zeros'.repeat(40)}`,
    '?seed=1&layer=1,1,3,1,0,1,1,1,zeros&__proto__=1',
    `?seed=1&input=${'['.repeat(5000)}`,
  ];
  for (const query of hostile) {
    const page = await openPage(env.chrome.browser, env.server.url + query);
    const text = await page.locator('.notice-area').textContent();
    if (query.startsWith('?seed=1&input=')) {
      // A deep text input is not a malformed URL: it is shown and explained at the input field.
      assert.match(await page.locator('.field-input .field-error').textContent(), /nested|missing|expected/);
    } else {
      assert.match(text, /refused/, query);
      assert.equal(await outputPrintout(page), DEFAULT_OUT, query);
    }
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0);
    assert.deepEqual(page.problems, [], query);
    await page.context().close();
  }
});
