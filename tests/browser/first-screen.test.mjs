// The first screen is the convolution: at 1280×800 the input signal, the kernel sliding over it, the output and
// the selected output's breakdown are on screen without scrolling; on a phone (375×812) the output and its
// breakdown come first and the controls follow. Each layer's weights sit in its own card, under its arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, PHONE_TOUCH, screenshotDir, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

/** The bounding box of `locator`'s first element, or null when it has none. */
const box = async (locator) => locator.first().boundingBox();

/** A note for each box that does not lie inside the viewport. */
function outside(boxes, viewport) {
  return Object.entries(boxes).filter(([, b]) => !b || b.y < 0 || b.x < 0 || b.y + b.height > viewport.height
    || b.x + b.width > viewport.width).map(([name, b]) => `${name}: ${JSON.stringify(b)}`);
}

test('at 1280×800 the input, the kernel over it, the output and its breakdown are all on the first screen', async () => {
  const viewport = { width: 1280, height: 800 };
  const page = await openPage(env.chrome.browser, env.server.url, viewport);
  await settled(page);
  const output = page.getByRole('region', { name: 'Output', exact: true });
  const breakdown = page.getByRole('region', { name: 'How this output is computed' });
  const boxes = {
    'input plot': await box(page.getByRole('region', { name: 'Input', exact: true }).locator('svg.plot')),
    'kernel strip': await box(breakdown.locator('table.strip')),
    'output plot': await box(output.locator('svg.plot')),
    'output values': await box(output.locator('table.selectable')),
    'breakdown sum': await box(breakdown.locator('.formula-main')),
  };
  assert.deepEqual(outside(boxes, viewport), []);
  await page.screenshot({ path: join(screenshotDir, 'first-screen-1280.png') });
  await page.context().close();
});

test('at 375×812 the output and its breakdown come first, the controls after them', async () => {
  const page = await openPage(env.chrome.browser, env.server.url, PHONE_TOUCH);
  await settled(page);
  const output = page.getByRole('region', { name: 'Output', exact: true });
  const breakdown = page.getByRole('region', { name: 'How this output is computed' });
  assert.deepEqual(outside({ 'output plot': await box(output.locator('svg.plot')), 'output values': await box(output.locator('table.selectable')) },
    { width: 375, height: 812 }), []);
  const top = async (locator) => (await box(locator)).y;
  assert.ok(await top(breakdown) < 812, 'the breakdown starts on the first screen');
  assert.ok(await top(breakdown) < await top(page.getByRole('group', { name: 'Input', exact: true })), 'the controls follow the breakdown');
  await page.screenshot({ path: join(screenshotDir, 'first-screen-375.png') });
  await page.context().close();
});

test("each layer's weights and bias sit in its card, right under its arguments", async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}?seed=1&layer=1,2,3,1,0,1,1,1,zeros&layer=2,1,2,1,0,1,1,1,zeros`);
  await settled(page);
  for (const n of [1, 2]) {
    const card = page.getByRole('group', { name: `Layer ${n}`, exact: true });
    assert.equal(await card.getByRole('region', { name: `Layer ${n} weight`, exact: true }).count(), 1, `Layer ${n} weight in its card`);
    assert.equal(await card.getByRole('region', { name: `Layer ${n} bias`, exact: true }).count(), 1, `Layer ${n} bias in its card`);
    const fields = await box(card.locator('.field-grid'));
    const weights = await box(card.getByRole('region', { name: `Layer ${n} weight`, exact: true }));
    assert.ok(weights.y - (fields.y + fields.height) < 300, `Layer ${n}'s weights ${weights.y - fields.y - fields.height} px below its fields`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
