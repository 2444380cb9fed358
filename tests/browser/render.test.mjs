// Re-render timing (reported; held to one frame only with STRICT_TIMING=1, since a shared CI machine's timings
// are noise and performance claims belong in `npm run bench`), the Web Worker path for heavy
// configurations, and screenshots at 375 px and 1280 px (saved in build/screenshots/ to be looked at).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { measureRerender, openPage, outputPrintout, screenshotDir, useBrowser } from './helpers.mjs';

const env = useBrowser();

const STRICT = process.env.STRICT_TIMING === '1';
const L16 = '16,16,3,1,1,1,1,1,zeros';
const BIG = `?seed=1&layer=${L16}&layer=${L16}&layer=${L16}&gen=sine&n=1&c=16&len=256`;

const fmt = (s) => `median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (every region current after ${s.complete.toFixed(1)} ms)`;

test('re-render time for the presets and a 3-layer, 16-channel, length-256 stack', async (t) => {
  const report = [];
  for (const n of [1, 2, 3]) {
    const page = await openPage(env.chrome.browser, env.server.url);
    await page.getByRole('button', { name: `Example ${n}` }).click();
    const input = await measureRerender(page, '.field-input textarea', ['[[[1, 2, 3, 4, 5]' + (n > 1 ? ', [1, 2, 3, 4, 5]' : '') + ']]',
      '[[[1, 2, 3, 4, 6]' + (n > 1 ? ', [1, 2, 3, 4, 5]' : '') + ']]']);
    const kernel = await measureRerender(page, '.layer-card .field-stride input', ['2', '1']);
    report.push(`Example ${n}: input edit ${fmt(input)}; stride change (rebuild from seed) ${fmt(kernel)}`);
    if (STRICT) assert.ok(input.median < 16 && kernel.median < 16, report.at(-1));
    await page.context().close();
  }
  const page = await openPage(env.chrome.browser, env.server.url + BIG);
  assert.equal(await page.evaluate(() => window.conv1dPlayground.timing.lastMode), 'sync');
  const length = await measureRerender(page, '.field-length input', ['255', '256']);
  const kernel = await measureRerender(page, '.layer-card:nth-child(2) .field-kernel_size input', ['5', '3']);
  const sBig = [length, kernel];
  report.push(`3 × Conv1d(16, 16, 3), input (1, 16, 256): input length change ${fmt(sBig[0])}; layer 2 kernel_size change ${fmt(sBig[1])}`);
  for (const line of report) t.diagnostic(line);
  console.log(report.join('\n'));
  if (STRICT) assert.ok(sBig.every((s) => s.median < 16), report.at(-1));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a heavy configuration computes in the worker with a visible busy state; typing stays responsive', async () => {
  const heavy = '?seed=1&layer=64,64,9,1,4,1,1,1,zeros&layer=64,64,9,1,4,1,1,1,zeros&gen=noise&n=2&c=64&len=4096';
  const page = await openPage(env.chrome.browser, env.server.url + heavy);
  await page.waitForFunction(() => window.conv1dPlayground.timing.lastMode === 'worker' && !window.conv1dPlayground.busy);
  // Change it: the busy indicator shows while the worker computes, and the main thread answers at once.
  const t0 = Date.now();
  await page.getByRole('group', { name: 'Layer 2' }).getByLabel('kernel_size', { exact: true }).fill('7');
  const busyShown = await page.locator('.busy-indicator').isVisible();
  const answered = await page.evaluate(() => 1 + 1);
  assert.equal(answered, 2);
  if (STRICT) assert.ok(Date.now() - t0 < 1000, 'the page answered while the worker computed');
  await page.waitForFunction(() => !window.conv1dPlayground.busy);
  assert.ok(busyShown || (await page.evaluate(() => window.conv1dPlayground.timing.lastMode)) === 'worker');
  assert.match(await outputPrintout(page), /^tensor\(\[\[\[/);
  assert.match(await page.getByRole('region', { name: 'Output', exact: true }).locator('.badge').first().textContent(), /\(2, 64, 4098\)/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('screenshots: 375 px phone without horizontal scrolling, and 1280 px desktop', async () => {
  for (const [width, query, name] of [[375, '', 'phone-375-example1'], [375, '?seed=1&layer=2,4,3,1,0,2,2,1,zeros&layer=4,2,2,1,0,1,1,1,zeros&input=[[[1,2,3,4,5,6,7,8,9,10],[1,0,-1,0,1,0,-1,0,1,0]]]&all=1', 'phone-375-stack'],
    [1280, '', 'desktop-1280-example1'], [1280, '?seed=1&layer=2,2,3,1,0,1,1,1,zeros&w0=0:-0.0992&input=[[[1,2,3,4,5],[1,2,3,4,5]]]&layer=2,1,2,1,same,1,1,0,reflect&all=1', 'desktop-1280-stack']]) {
    const page = await openPage(env.chrome.browser, env.server.url + query, { width, height: 800 });
    // Off-screen result regions use content-visibility: auto; render them all for the full-page picture.
    await page.evaluate(() => document.querySelectorAll('.layer-detail, .input-view').forEach((el) => { el.style.contentVisibility = 'visible'; }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))); // drawn
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `${name}: page is ${scroll}px wide at ${width}px`);
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
