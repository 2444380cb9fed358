// Hover preview: pointing at an output value (table cell or plot point) or focusing it shows its breakdown at
// once, without selecting it; a click pins it, and the pinned one stays when the pointer leaves. Previews leave
// the address bar alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

const badge = (page) => page.getByRole('region', { name: 'How this output is computed' }).locator('.region-head .badge').textContent();
const value = (page) => page.locator('.formula-value').first().textContent();
const cell = (page, t) => page.getByRole('region', { name: 'Output', exact: true }).locator(`td[data-key="0,0,${t}"]`);

test('hovering an output value previews its breakdown; a click pins it; leaving returns to the pinned one', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const search = await page.evaluate(() => location.search);
  assert.match(await badge(page), /^out\[0, 0, 0\]/);
  await cell(page, 2).hover();
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 2\] · preview/);
  assert.equal(await value(page), await cell(page, 2).textContent());
  await page.getByRole('heading', { name: 'Conv1d playground' }).hover();
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 0\]/, 'back to the selection once the pointer leaves');

  await cell(page, 1).click();
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 1\]$/, 'pinned');
  // A plot point previews too.
  const point = page.getByRole('region', { name: 'Output', exact: true }).locator('svg.plot g[data-s="0"] circle.hit[data-t="2"]');
  await point.hover();
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 2\] · preview/);
  await page.getByRole('heading', { name: 'Conv1d playground' }).hover();
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 1\]$/, 'the pinned one stays');
  assert.equal(await value(page), await cell(page, 1).textContent());
  await page.waitForFunction((before) => location.search !== before, search);
  assert.match(await page.evaluate(() => location.search), /sel=/, 'a click selects (in the link); a hover did not');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('focusing an output value with the keyboard previews it; the arrow keys select', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await cell(page, 0).focus();
  await cell(page, 2).evaluate((td) => td.focus());
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 2\] · preview/);
  assert.equal(await value(page), await cell(page, 2).textContent());
  await page.keyboard.press('ArrowLeft');
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 1\]$/);
  await page.keyboard.press('Tab');
  await settled(page);
  assert.match(await badge(page), /^out\[0, 0, 1\]$/, 'leaving keeps the selection');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
