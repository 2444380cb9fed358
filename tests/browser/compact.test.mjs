// Compact embeds and a page that holds still: the default <conv1d-playground> at 720 px wide is at most 900 px
// tall with its output in the first 600 px (the model folded behind one button); ?embed=1 takes the element's
// presets, label and panels options; scrolling through the page does not change its height (content-visibility
// placeholders are sized like what they stand for).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshotDir, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);

test('the default element at 720 px: at most 900 px tall, the output in its first 600 px; the model unfolds', async () => {
  // 720 px of content: the test page's body has 8 px margins.
  const page = await openStatic(env.chrome.browser, `${env.server.url}test-pages/one-widget.html`, { count: 1, width: 736, height: 900 });
  const widget = page.locator('#widget');
  const box = await widget.boundingBox();
  assert.equal(Math.round(box.width), 720);
  assert.ok(box.height <= 900, `the widget is ${box.height} px tall`);
  const output = await widget.getByRole('region', { name: 'Output', exact: true }).boundingBox();
  assert.ok(output.y + output.height - box.y <= 600, `the output ends ${output.y + output.height - box.y} px from the widget's top`);
  await page.screenshot({ path: join(screenshotDir, 'element-default-720.png'), fullPage: true });
  const unfold = widget.getByRole('button', { name: 'Change the model' });
  assert.equal(await unfold.getAttribute('aria-expanded'), 'false');
  await unfold.click();
  assert.equal(await widget.getByRole('button', { name: 'Hide the model' }).getAttribute('aria-expanded'), 'true');
  assert.equal(await widget.getByRole('group', { name: 'Layer 1', exact: true }).getByLabel('kernel_size', { exact: true }).inputValue(), '3');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('?embed=1 takes presets, label and panels as the element does', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}index.html?embed=1&presets=off&label=Lesson%20widget&panels=output,breakdown&seed=1`,
    { page: true, width: 720 });
  await page.waitForFunction(() => document.documentElement.dataset.renders);
  assert.equal(await page.getByRole('group', { name: 'Tutorial examples' }).count(), 0, 'no example chips');
  assert.equal(await page.getByRole('region', { name: 'Lesson widget: Output', exact: true }).count(), 1, 'regions named by the label');
  assert.equal(await page.locator('.input-card').isVisible(), false, 'panels: no controls');
  assert.equal(await page.getByRole('region', { name: 'Lesson widget: How this output is computed' }).isVisible(), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const [name, query] of [['a 3 × Conv1d(16, 16, 3) stack', '?seed=1&layer=16,16,3,1,1,1,1,1,zeros&layer=16,16,3,1,1,1,1,1,zeros&layer=16,16,3,1,1,1,1,1,zeros&gen=sine&n=1&c=16&len=256'],
  ['Example 1', '']]) {
  for (const width of [1280, 375]) {
    test(`${name} at ${width} px: scrolling through the page does not change its height`, async () => {
      const page = await openStatic(env.chrome.browser, `${env.server.url}index.html${query}`, { page: true, width, height: width > 800 ? 800 : 812 });
      await page.waitForFunction(() => document.documentElement.dataset.renders);
      await settled(page);
      const height = () => page.evaluate(() => document.documentElement.scrollHeight);
      const before = await height();
      const seen = [];
      for (let y = 0; y <= before; y += 400) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); }));
        seen.push(await height());
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); }));
      const jumps = seen.filter((h) => Math.abs(h - before) > 1);
      assert.deepEqual(jumps, [], `the page was ${before} px tall before scrolling`);
      assert.equal(await height(), before);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}
