// Settings a person can type that once froze the page for seconds to minutes (a 20000-tap kernel, a window
// millions of positions wide, a weight of 16 million values): every view stays bounded. The assertions count
// work (formula terms, strip columns, canvas pixels, where the state was computed), never time, so they hold on
// a loaded machine; timeouts are only guards against a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, screenshotDir, useBrowser } from './helpers.mjs';

const env = useBrowser();
const GUARD = { timeout: 240_000 };

/** Types `text` into a labelled control of Layer 1 (or the page) as a person does: select all, then type. */
async function type(page, name, text, { page: onPage = false } = {}) {
  const scope = onPage ? page : page.getByRole('group', { name: 'Layer 1' });
  await scope.getByLabel(name, { exact: true }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function settle(page) {
  await page.waitForFunction(() => !window.conv1dPlayground.busy && !window.conv1dPlayground.pending, null, GUARD);
}

/** What the page drew: the work each view did, counted. */
function measure(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.breakdown');
    return {
      mode: window.conv1dPlayground.timing.lastMode,
      terms: panel.querySelectorAll('.formula-main .term:not(.bias)').length,
      taps: [...panel.querySelectorAll('.formula-main .term:not(.bias)')].map((el) => Number(el.dataset.tap)),
      fold: [...panel.querySelectorAll('.formula-main .fold')].map((el) => el.textContent),
      plain: panel.querySelector('.formula-plain code')?.textContent.length ?? 0,
      columns: panel.querySelectorAll('.strip thead th').length,
      stripTaps: [...panel.querySelectorAll('.strip tr.strip-in td.tap')].map((td) => Number(td.dataset.p)),
      current: panel.querySelector('.strip td.out.current')?.dataset.t ?? null,
      value: panel.querySelector('.formula-value')?.textContent ?? null,
      caption: panel.querySelector('.strip-caption')?.textContent.length ?? 0,
      breakdownNodes: panel.querySelectorAll('*').length,
      pixels: [...document.querySelectorAll('canvas')].map((c) => c.width * c.height),
      page: document.querySelectorAll('*').length,
    };
  });
}

test("kernel_size=20000, padding='same': the formula and the strip are summarised, the rest exact", async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await type(page, 'kernel_size', '20000');
  await type(page, 'padding', 'same');
  await settle(page);
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-main'), null, GUARD);
  const m = await measure(page);
  assert.equal(m.mode, 'worker', 'the estimate counts the 20000 explained terms and the padded input');
  assert.ok(m.terms <= 16, `formula terms written: ${m.terms}`);
  assert.deepEqual(m.taps.slice(0, 3), [0, 1, 2], 'the first taps');
  assert.deepEqual(m.taps.slice(-3), [19997, 19998, 19999], 'the last taps');
  assert.ok(m.fold.some((t) => /19994 more terms/.test(t)), `the gap says what it leaves out: ${m.fold}`);
  assert.ok(m.plain < 2000, `plain-text formula: ${m.plain} characters`);
  assert.ok(m.columns <= 40, `strip columns: ${m.columns}`);
  assert.ok(m.caption < 600, `strip caption: ${m.caption} characters`);
  assert.ok(m.breakdownNodes < 1500, `breakdown nodes: ${m.breakdownNodes}`);
  assert.ok(m.page < 5000, `page nodes: ${m.page}`);
  assert.ok(Math.max(...m.pixels) <= 1_000_000, `canvas pixels: ${m.pixels}`);
  // The selected output's neighbourhood is exact: out[0, 0, 0] sits under its window's centre, and the taps
  // over the real input (positions 0..4, padded positions 9999..10003) are drawn with their weights.
  assert.equal(m.current, '0');
  for (const p of [9999, 10000, 10001, 10002, 10003]) assert.ok(m.stripTaps.includes(p), `tap at padded position ${p}`);
  const table = await page.locator('table.selectable td[data-key="0,0,0"]').textContent();
  assert.equal(m.value, table, 'the formula ends in the value the output table shows');
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('.breakdown').scrollIntoViewIfNeeded();
    await page.locator('.breakdown').screenshot({ path: join(screenshotDir, `bounded-breakdown-${width}.png`) });
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('kernel_size=1000000 finishes, computed in the worker, with a bounded breakdown', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await type(page, 'padding', 'same');
  await type(page, 'kernel_size', '1000000');
  await settle(page);
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-value'), null, GUARD);
  const m = await measure(page);
  assert.equal(m.mode, 'worker');
  assert.ok(m.terms <= 16 && m.columns <= 40 && m.breakdownNodes < 1500, JSON.stringify(m));
  assert.ok(Math.max(...m.pixels) <= 1_000_000, `canvas pixels: ${m.pixels}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("dilation=4000000, padding='same' and padding=8388600: windows millions wide, strips of a few columns", async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await type(page, 'padding', 'same');
  await type(page, 'dilation', '4000000');
  await settle(page);
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-value'), null, GUARD);
  let m = await measure(page);
  assert.equal(m.mode, 'worker', 'a padded input of 8 million positions is heavy');
  assert.equal(m.terms, 3);
  assert.ok(m.columns <= 40, `strip columns: ${m.columns}`);
  // The window's three taps are 4000000 apart: each is drawn, with the gaps between them summarised.
  assert.deepEqual(m.stripTaps, [0, 4000000, 8000000]);
  assert.ok(m.caption < 600, `strip caption: ${m.caption} characters`);

  await type(page, 'dilation', '1');
  await type(page, 'padding', '8388600');
  await settle(page);
  m = await measure(page);
  assert.equal(m.mode, 'worker', 'an output of 16777203 values is heavy');
  assert.ok(m.columns <= 40 && m.breakdownNodes < 1500, JSON.stringify(m));
  assert.match(await page.getByRole('region', { name: 'Output', exact: true }).locator('.badge').first().textContent(), /\(1, 1, 16777203\)/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Conv1d(1, 4096, 4096): the heatmap canvas is sized by pixels, not by weights', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await type(page, 'out_channels', '4096');
  await type(page, 'kernel_size', '4096');
  await settle(page);
  const canvas = page.getByRole('region', { name: 'Layer 1 weight' }).locator('canvas');
  await page.waitForFunction(() => document.querySelector('.heatmap-canvas')?.getAttribute('aria-label')?.includes('4096 output channels'), null, GUARD);
  const size = await canvas.evaluate((c) => ({ w: c.width, h: c.height, label: c.getAttribute('aria-label') }));
  assert.equal((await measure(page)).mode, 'worker');
  assert.ok(size.w > 0 && size.h > 0 && size.w * size.h <= 1_000_000, `canvas ${size.w}×${size.h}`);
  assert.match(size.label, /4096 output channels × 1 input channels × 4096 taps/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"Show all" writes a weight out only up to PyTorch\'s print threshold (1000 values)', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}?seed=1&layer=16,16,3,1,0,1,1,1,zeros&gen=noise&n=1&c=16&len=64`);
  const region = page.getByRole('region', { name: 'Layer 1 weight' });
  await region.getByRole('button', { name: 'Show all' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-param="weight"] input').length === 768);
  // 16 × 16 × 62 = 15872 weights: no button that would lay out 15872 editable cells.
  await type(page, 'kernel_size', '62');
  await settle(page);
  await page.waitForFunction(() => document.querySelector('[data-param="weight"] .hint')?.textContent.startsWith('15872 values'));
  assert.equal(await region.getByRole('button', { name: 'Show all' }).count(), 0);
  const inputs = await page.locator('[data-param="weight"] input').count();
  assert.ok(inputs <= 7 * 7 * 7, `editable weight cells: ${inputs} (the first and last 3 along each dimension)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
