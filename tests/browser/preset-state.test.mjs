// The tutorial example chips and a preset's weights. A chip shows pressed only while the state is that example
// (a weight typed, the input changed: released; the weights reset: pressed again). Examples 2 and 3 set the
// tutorial's printed weights: those are the example's own values, so the layer shows no "edited" badge and no
// edited cells for them, only for what the person changes after, and Reset goes back to the example's weights.
// In the lesson, the widgets show no example chips and no example note (`presets="off"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, printout, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);

const pressed = (page) => Promise.all([1, 2, 3].map((n) => page.getByRole('button', { name: `Example ${n}`, exact: true })
  .getAttribute('aria-pressed')));

/** Selects a cell, replaces its text by typing key by key, then leaves it with Tab. */
async function typeInto(page, cell, text) {
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await settled(page);
}

test('a chip is pressed only while the state equals its example', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}index.html`);
  assert.deepEqual(await pressed(page), ['true', 'false', 'false']);
  const weights = page.getByRole('region', { name: 'Layer 1 weight' });
  await typeInto(page, weights.getByLabel('weight[0, 0, 0]', { exact: true }), '0.5');
  assert.deepEqual(await pressed(page), ['false', 'false', 'false'], 'a typed weight is no longer Example 1');
  // Reset from the seed: Example 1 again.
  await page.getByRole('button', { name: 'Reset from seed' }).click();
  await settled(page);
  assert.deepEqual(await pressed(page), ['true', 'false', 'false']);

  await page.getByRole('button', { name: 'Example 2', exact: true }).click();
  await settled(page);
  assert.deepEqual(await pressed(page), ['false', 'true', 'false']);
  await typeInto(page, page.getByRole('region', { name: 'Layer 1 bias' }).getByLabel('bias[0]', { exact: true }), '0.1');
  assert.deepEqual(await pressed(page), ['false', 'false', 'false'], 'an edited bias is no longer Example 2');
  // The input typed differently releases the chip too.
  await page.getByRole('button', { name: 'Example 2', exact: true }).click();
  await settled(page);
  assert.deepEqual(await pressed(page), ['false', 'true', 'false']);
  await page.locator('textarea.input-text').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('[[[1, 2, 3, 4, 6], [1, 2, 3, 4, 5]]]');
  await settled(page);
  assert.deepEqual(await pressed(page), ['false', 'false', 'false'], 'another input is no longer Example 2');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("Example 3's printed weights are not edits; what the person types after is, and Reset returns to the example", async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}index.html`);
  await page.getByRole('button', { name: 'Example 3', exact: true }).click();
  await page.getByText('Example 3 sets the weights').waitFor();
  await settled(page);
  const badge = page.locator('.edited-badge');
  assert.equal(await badge.count(), 1);
  assert.equal(await badge.isVisible(), false, 'no "edited" badge for the example\'s own weights');
  assert.equal(await page.locator('.cell-input.edited').count(), 0, 'no cell marked edited');
  const reset = page.getByRole('button', { name: 'Reset to Example 3' });
  assert.equal(await reset.isDisabled(), true, 'nothing to reset');
  const printed = await printout(page, 'Layer 1 weight');

  const weights = page.getByRole('region', { name: 'Layer 1 weight' });
  await typeInto(page, weights.getByLabel('weight[1, 0, 2]', { exact: true }), '0.5');
  assert.equal(await badge.textContent(), '1 edited');
  assert.equal(await badge.isVisible(), true);
  assert.equal(await page.locator('.cell-input.edited').count(), 1);
  assert.deepEqual(await pressed(page), ['false', 'false', 'false']);

  await reset.click();
  await settled(page);
  assert.equal(await badge.isVisible(), false);
  assert.equal(await printout(page, 'Layer 1 weight'), printed, 'back to the printed weights, not the seed');
  assert.deepEqual(await pressed(page), ['false', 'false', 'true']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the lesson\'s widgets show no example chips and no example note; presets="off" is the switch', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}examples/conv1d-lesson.html`, { count: 4 });
  await page.waitForFunction(() => document.documentElement.dataset.lessonReady === 'true');
  for (const id of ['widget-1', 'widget-check', 'widget-2', 'widget-3']) {
    const w = page.locator(`#${id}`);
    assert.equal(await w.getByRole('group', { name: 'Tutorial examples' }).count(), 0, `${id}: no chips`);
    assert.equal(await w.locator('.preset-note:visible').count(), 0, `${id}: no example note`);
  }
  // Example 2's widget still computes with the printed weights, and they are not "edited".
  const w2 = page.locator('#widget-2');
  assert.equal(await w2.locator('.edited-badge:visible').count(), 0);
  assert.equal(await w2.getByRole('region', { name: 'Example 2: Layer 1 weight' }).getByLabel('weight[0, 0, 0]', { exact: true }).inputValue(), '-0.2167');
  // Without the attribute the chips are there (the toolbar panel of widget 1 shows them once it is removed).
  await page.evaluate(() => document.querySelector('#widget-1').removeAttribute('presets'));
  await page.locator('#widget-1').getByRole('group', { name: 'Tutorial examples' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("Example 3's link, opened again, shows the example's weights as not edited", async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}index.html`);
  await page.getByRole('button', { name: 'Example 3', exact: true }).click();
  await settled(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).has('w0'));
  const link = page.url();
  await page.context().close();
  const again = await openPage(env.chrome.browser, link);
  await settled(again);
  assert.equal(await again.locator('.edited-badge').isVisible(), false, 'no "14 edited"');
  assert.equal(await again.locator('.cell-input.edited').count(), 0);
  assert.equal(await again.getByRole('button', { name: 'Reset to Example 3' }).isDisabled(), true);
  assert.deepEqual(await pressed(again), ['false', 'false', 'true']);
  // An edit after that is one edit, and Reset returns to the example's printed weights.
  const weights = again.getByRole('region', { name: 'Layer 1 weight' });
  await typeInto(again, weights.getByLabel('weight[0, 0, 0]', { exact: true }), '0.5');
  assert.equal(await again.locator('.edited-badge').textContent(), '1 edited');
  await again.getByRole('button', { name: 'Reset to Example 3' }).click();
  await settled(again);
  assert.equal(await weights.getByLabel('weight[0, 0, 0]', { exact: true }).inputValue(), '-0.0992');
  assert.deepEqual(again.problems, []);
  await again.context().close();
});
