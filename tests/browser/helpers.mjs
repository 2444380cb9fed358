// Shared set-up for the browser tests: a static server for web/ on a free port (no build step: the tests use
// the WASM module already built into web/lib/core) and headless Debian Chromium driven by playwright-core.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
// How long a wait or an action may take before the test fails: a guard against a hang, never a measure of speed,
// so it is generous enough for a machine at load average 10 on 2 cores (where a page can take 10-20 s to start).
export const WAIT_GUARD_MS = 180_000;
export const screenshotDir = join(root, 'build', 'screenshots');

/** Serves `handler` on a free port of 127.0.0.1: { origin, url (origin + '/'), close() }. */
export async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: `${origin}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Serves `directory` (default: web/) on a free port of 127.0.0.1. */
export async function startServer(directory = join(root, 'web')) {
  if (!existsSync(join(root, 'web/lib/core/conv1d-core.mjs'))) {
    throw new Error('web/lib/core/conv1d-core.mjs is missing: run `scripts/build.sh wasm` (or `npm start` once) first');
  }
  return listen(sirv(directory, { dev: true }));
}

/** Serves `directory` as unpkg or jsDelivr serve a package's files: as they are, with CORS allowed for every origin. */
export function serveLikeCdn(directory) {
  const files = sirv(directory, { dev: true });
  return listen((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    files(req, res);
  });
}

export async function launch() {
  // playwright's launch() already gives every browser a fresh temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}

/** A phone held by a person: 375 px wide, and taps rather than clicks. */
export const PHONE_TOUCH = { width: 375, height: 812, touch: true };

/**
 * Opens the page and records console errors, page errors and CSP violations in `page.problems`.
 * Waits until the playground has rendered. `touch`: a touch screen (page.tap works, as on a phone).
 */
export async function openPage(browser, url, { width = 1280, height = 900, touch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch });
  context.setDefaultTimeout(WAIT_GUARD_MS);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') page.problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await ready(page);
  return page;
}

export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.documentElement.dataset.renders);
}

/** Text of the final output's PyTorch printout. */
export async function outputPrintout(page) {
  await settled(page);
  return page.getByRole('region', { name: 'Output', exact: true }).locator('pre').textContent();
}

/** Waits until the page is not computing and every region shows the last change (off-screen ones included). */
export async function settled(page) {
  await page.waitForFunction(() => !window.conv1dPlayground.busy && !window.conv1dPlayground.pending);
}

/** The "As PyTorch prints it" text of a region (opening its <details> if needed). */
export async function printout(page, name) {
  await settled(page);
  const region = page.getByRole('region', { name, exact: true });
  const details = region.locator('details.printout').first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  const code = region.locator('pre code').first();
  await code.waitFor();
  return code.textContent();
}

/**
 * Changes the control at `selector` `runs` times (cycling through `values`) and measures, in the page, the
 * synchronous work of one change (event handler: compute + DOM) plus the style and layout it causes (forced with
 * offsetHeight): what the frame showing the change costs. Regions below the fold are redrawn after that frame
 * (web/app/offscreen.js); `complete` is the time until they are too, waiting for the painted frame included.
 * Returns { median, p90, max, complete } in milliseconds (complete: its median).
 */
export async function measureRerender(page, selector, values, runs = 30) {
  const { frame, complete } = await page.evaluate(async ({ selector, values, runs }) => {
    const el = document.querySelector(selector);
    const app = window.conv1dPlayground;
    const frame = [];
    const complete = [];
    for (let i = 0; i < runs; i += 1) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      el.value = values[i % values.length];
      el.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight;
      frame.push(performance.now() - t0);
      while (app.pending || app.busy) await new Promise((r) => setTimeout(r, 0));
      complete.push(performance.now() - t0);
    }
    const sort = (a) => a.sort((x, y) => x - y);
    return { frame: sort(frame), complete: sort(complete) };
  }, { selector, values, runs });
  const median = (a) => a[Math.floor(a.length / 2)];
  return { median: median(frame), p90: frame[Math.floor(frame.length * 0.9)], max: frame.at(-1), complete: median(complete) };
}

/**
 * For a test file: starts a server (`start`, default: web/ alone) and a browser before its tests and closes both
 * after them.
 * Returns an object whose `server` ({ url }) and `chrome` ({ browser }) are set once they are up.
 */
export function useBrowser(start = startServer) {
  const env = { server: null, chrome: null };
  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    env.server = await start();
    env.chrome = await launch();
  });
  after(async () => {
    await env.chrome?.close();
    await env.server?.close();
  });
  return env;
}
