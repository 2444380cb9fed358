// No sideways scrolling of the page at 375 and 1280 px with every panel open: each Export tab (the Python
// program and the JSON have long lines), Import with a refused paste, the breakdown and every printout, for each
// tutorial example; the same in ?embed=1 and in the lesson's full widget. Screenshots with Export open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshotDir, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);
const WIDTHS = [1280, 375];

/** How far the page scrolls sideways (0 when it does not). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Opens each Export/Import tab in `scope` and records the overflow after each step in `found`. */
async function exchangeTabs(page, scope, where, found) {
  const check = async (step) => {
    const excess = await overflow(page);
    if (excess > 0) found.push(`${where}, ${step}: ${excess} px too wide`);
  };
  const toggle = scope.locator('.export-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await check('Export (Python)');
  await scope.getByRole('tab', { name: 'JSON' }).click();
  await check('Export (JSON)');
  await scope.getByRole('tab', { name: 'Import' }).click();
  await scope.getByRole('textbox', { name: /Paste print\(model\)/ }).click();
  await page.keyboard.type('input: tensor([[[1., 2., ..., 5.]]])');
  await scope.getByRole('button', { name: 'Import', exact: true }).click();
  await scope.locator('.exchange-error').waitFor();
  await check('Import refused');
  await scope.getByRole('tab', { name: 'Python' }).click();
  await check('back to Python');
}

for (const width of WIDTHS) {
  test(`the page at ${width} px does not scroll sideways with every panel open`, async () => {
    const page = await openStatic(env.chrome.browser, `${env.server.url}index.html`, { page: true, width, height: width > 800 ? 900 : 812 });
    await page.waitForFunction(() => document.documentElement.dataset.renders);
    await page.emulateMedia({ reducedMotion: 'reduce' }); // screenshots show the tabs as they end up, not mid-fade
    const found = [];
    for (const n of [1, 2, 3]) {
      await page.getByRole('button', { name: `Example ${n}` }).click();
      await settled(page);
      await page.locator('table.selectable td[data-key="0,0,1"]').first().click();
      const closed = page.locator('details:not([open]) > summary');
      while (await closed.count()) await closed.first().click();
      await settled(page);
      await exchangeTabs(page, page.locator('body'), `Example ${n}`, found);
      if (n === 1) await page.screenshot({ path: join(screenshotDir, `export-open-${width}.png`) });
    }
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

const STACK = '?seed=1&layer=2,4,3,1,same,1,2,1,reflect&layer=4,4,5,1,4,2,1,1,circular&layer=4,1,2,1,0,1,1,1,zeros&gen=sine&n=2&c=2&len=24&all=1';

for (const width of WIDTHS) {
  test(`a three-layer stack at ${width} px with every help line, intermediate output and printout open does not scroll sideways`, async () => {
    const page = await openStatic(env.chrome.browser, `${env.server.url}index.html${STACK}`, { page: true, width, height: width > 800 ? 900 : 812 });
    await page.waitForFunction(() => document.documentElement.dataset.renders);
    await settled(page);
    const help = page.locator('.help-toggle[aria-expanded="false"]');
    while (await help.count()) await help.first().click();
    const closed = page.locator('details:not([open]) > summary');
    while (await closed.count()) await closed.first().click();
    await page.locator('table.selectable td[data-key="1,0,3"]').first().click();
    await settled(page);
    assert.equal(await page.getByRole('region', { name: 'Layer 2 output', exact: true }).count(), 1, 'intermediate outputs shown');
    assert.equal(await overflow(page), 0);
    await page.screenshot({ path: join(screenshotDir, `stack-all-open-${width}.png`), fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('?embed=1 and the lesson\'s full widget do not scroll sideways with Export/Import open', async () => {
  const found = [];
  for (const width of WIDTHS) {
    const embed = await openStatic(env.chrome.browser, `${env.server.url}index.html?embed=1&seed=1`, { page: true, width });
    await embed.waitForFunction(() => document.documentElement.dataset.renders);
    await embed.getByRole('button', { name: 'Change the model' }).click(); // every panel open: the model unfolded too
    if (await overflow(embed) > 0) found.push(`embed ${width}, model unfolded: ${await overflow(embed)} px too wide`);
    await exchangeTabs(embed, embed.locator('body'), `embed ${width}`, found);
    await embed.context().close();
    const lesson = await openStatic(env.chrome.browser, `${env.server.url}examples/conv1d-lesson.html`, { count: 4, width });
    await lesson.emulateMedia({ reducedMotion: 'reduce' });
    await exchangeTabs(lesson, lesson.locator('#widget-1'), `lesson ${width}`, found);
    await lesson.screenshot({ path: join(screenshotDir, `lesson-export-open-${width}.png`) });
    await lesson.context().close();
  }
  assert.deepEqual(found, []);
});
