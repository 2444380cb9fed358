// How long an edit takes to reach the screen, as a person makes it: real key presses (Chromium's input pipeline,
// not synthetic events) on the 3 × Conv1d(16, 16, 3) stack over a (1, 16, 256) input, each timed in the page from
// the key's event to the painted frame (requestAnimationFrame after the render, then the task after that frame), and
// to the end of its handlers plus the style and layout they cause (the work the frame holds). Also the cold start:
// navigation to the first rendered output, in a fresh browser context (nothing cached), and the bytes it transfers,
// served as files are (sirv) and as `npm start` serves them (compressed).
//   node bench/page-edit.mjs [--rounds 8]
import { fileURLToPath } from 'node:url';
import { launch, openPage, settled, startServer } from '../tests/browser/helpers.mjs';
import { listenFrom, playgroundServer } from '../scripts/serve.mjs';

const L16 = '16,16,3,1,1,1,1,1,zeros';
export const STACK = `?seed=1&layer=${L16}&layer=${L16}&layer=${L16}&gen=sine&n=1&c=16&len=256`;

// Installed before the page's scripts: every key press is timed from its keydown to the end of the input event's
// handlers (+ forced style and layout) and to the task after the next frame.
function timeEdits() {
  window.editTimes = [];
  let start = null;
  addEventListener('keydown', (event) => { start = event.timeStamp; }, true);
  addEventListener('input', () => {
    if (start === null) return;
    const t0 = start;
    start = null;
    void document.body.offsetHeight;
    const work = performance.now() - t0;
    requestAnimationFrame(() => setTimeout(() => window.editTimes.push({ work, painted: performance.now() - t0 }), 0));
  });
  // The first render: the page writes data-renders on <html> after it.
  new MutationObserver((_, observer) => {
    if (!document.documentElement.dataset.renders) return;
    observer.disconnect();
    const rendered = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      const transfer = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .reduce((sum, entry) => sum + entry.transferSize, 0);
      window.firstOutput = { rendered, painted: performance.now(), transfer };
    }, 0));
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-renders'] });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const at = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const stats = (xs) => ({ median: at(xs, 0.5), p90: at(xs, 0.9), count: xs.length });

/** Presses `keys` one at a time, each after the previous one's frame was painted; returns their times. */
async function press(page, keys) {
  const before = await page.evaluate(() => window.editTimes.length);
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.editTimes.length >= n, before + i + 1);
  }
  await settled(page);
  return page.evaluate((n) => window.editTimes.slice(n), before);
}

async function openStack(browser, url) {
  const page = await openPage(browser, url);
  await page.addInitScript(timeEdits);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && window.firstOutput);
  await settled(page);
  return page;
}

/** { name: { work, painted } } of each edit, and the cold start's. */
export async function measureEdits({ rounds = 8 } = {}) {
  const server = await startServer();
  const chrome = await launch();
  const results = {};
  try {
    const page = await openStack(chrome.browser, server.url + STACK);
    // Typing into a weight cell of Layer 1, key by key, as a person does: select its text, type a decimal.
    const cell = page.locator('section.layer-detail').first().getByLabel('weight[0, 0, 0]', { exact: true });
    const typed = [];
    const texts = ['0.5', '-0.3', '1.25', '0.1'];
    for (let r = 0; r < rounds; r += 1) {
      await cell.click();
      await page.keyboard.press('Control+A');
      typed.push(...await press(page, [...texts[r % texts.length]]));
    }
    results['a Layer 1 weight cell, typed key by key'] = typed;
    // A kernel_size step (ArrowUp / ArrowDown in the field): Layer 2 is rebuilt from the seed, Layer 3 recomputed.
    const kernel = page.getByRole('group', { name: 'Layer 2' }).getByLabel('kernel_size', { exact: true });
    await kernel.focus();
    const steps = [];
    for (let r = 0; r < rounds; r += 1) steps.push(...await press(page, ['ArrowUp', 'ArrowDown']));
    results['Layer 2 kernel_size, one step (rebuild from seed)'] = steps;
    await page.context().close();

    // Cold: a fresh context (empty cache, no compiled module) per navigation, to the first painted output.
    const cold = async (url) => {
      const runs = [];
      for (let r = 0; r < Math.max(3, Math.ceil(rounds / 2)); r += 1) {
        const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 900 } });
        const fresh = await context.newPage();
        await fresh.addInitScript(timeEdits);
        await fresh.goto(url + STACK);
        await fresh.waitForFunction(() => window.firstOutput, null, { timeout: 180_000 });
        runs.push(await fresh.evaluate(() => window.firstOutput));
        await context.close();
      }
      return runs;
    };
    results.cold = { 'files as they are': await cold(server.url) };
    const npmStart = playgroundServer();
    try {
      results.cold['npm start (compressed)'] = await cold(`http://127.0.0.1:${await listenFrom(npmStart, 0)}/`);
    } finally {
      await new Promise((resolve) => { npmStart.close(resolve); });
    }
  } finally {
    await chrome.close();
    await server.close();
  }
  return results;
}

/** Lines of a markdown table of measureEdits' results. */
export function editReport(results) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const lines = ['| edit on 3 × Conv1d(16, 16, 3) over (1, 16, 256) | key → painted frame: median | p90 | work in the frame: median | p90 | edits |',
    '|---|---|---|---|---|---|'];
  for (const [name, times] of Object.entries(results)) {
    if (name === 'cold') continue;
    const painted = stats(times.map((t) => t.painted));
    const work = stats(times.map((t) => t.work));
    lines.push(`| ${name} | ${ms(painted.median)} | ${ms(painted.p90)} | ${ms(work.median)} | ${ms(work.p90)} | ${painted.count} |`);
  }
  lines.push('', '| cold start (fresh context), served as | navigation → first output rendered: median | painted: median | bytes transferred |',
    '|---|---|---|---|');
  for (const [name, runs] of Object.entries(results.cold)) {
    const kb = (stats(runs.map((c) => c.transfer)).median / 1024).toFixed(0);
    lines.push(`| ${name} | ${ms(stats(runs.map((c) => c.rendered)).median)} | ${ms(stats(runs.map((c) => c.painted)).median)} | ${kb} KB |`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--rounds');
  const rounds = i >= 0 ? Number(process.argv[i + 1]) : 8;
  console.log(editReport(await measureEdits({ rounds })).join('\n'));
}
