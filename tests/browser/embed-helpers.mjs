// Shared by the embed tests: a server for web/ plus the test pages in tests/browser/pages (at /test-pages/), and
// helpers to open a static page and reach into a <conv1d-playground>'s shadow root (Playwright pierces open ones).
import { join } from 'node:path';
import sirv from 'sirv';
import { listen, root, WAIT_GUARD_MS } from './helpers.mjs';

export async function startEmbedServer() {
  const web = sirv(join(root, 'web'), { dev: true });
  const pages = sirv(join(root, 'tests/browser/pages'), { dev: true });
  return listen((req, res) => {
    if (req.url.startsWith('/test-pages/')) {
      req.url = req.url.slice('/test-pages'.length);
      pages(req, res);
    } else {
      web(req, res);
    }
  });
}

/**
 * Opens a page, records problems (console errors/warnings, page errors), waits for `count` widgets or the page.
 * `init`: a function run in the page before its own scripts.
 */
export async function openStatic(browser, url, { count = 0, width = 1280, height = 900, page: isPage = false, init = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(WAIT_GUARD_MS);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') page.problems.push(`console.${msg.type()}: ${msg.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  if (isPage) await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  if (count) {
    await page.waitForFunction((n) => {
      const all = [...document.querySelectorAll('conv1d-playground')];
      return all.length === n && all.every((e) => e.dataset.ready === 'true' && e.dataset.renders);
    }, count);
  }
  return page;
}

export const widget = (page, selector) => page.locator(selector);

/**
 * An init script for openStatic: counts the workers the page creates in window.workersCreated (an element served
 * from another origin must create none: they would fail).
 */
export function countWorkers() {
  const Native = window.Worker;
  window.workersCreated = 0;
  window.Worker = class extends Native {
    constructor(...args) {
      window.workersCreated += 1;
      super(...args);
    }
  };
}
