// The page as an attack surface: script-injection payloads through every URL field and every
// input box must never run script, inject elements or log errors; the CSP forbids inline script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, ready, settled, useBrowser } from './helpers.mjs';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(2)</script>',
  "'-alert(3)-'",
  'javascript:alert(4)',
  '<svg onload=alert(5)>',
  '${alert(6)}',
  '{{constructor.constructor("alert(7)")()}}',
  '</textarea><iframe src=javascript:alert(8)>',
];
const LAYER_FIELDS = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode'];
const DEFAULT_LAYER = ['1', '1', '3', '1', '0', '1', '1', '1', 'zeros'];

const env = useBrowser();

// Opens `query`, records dialogs, and checks that nothing foreign reached the DOM.
async function visit(query) {
  const page = await openPage(env.chrome.browser, env.server.url + query);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return { page, dialogs };
}

async function assertClean(page, dialogs, what) {
  // Whatever the last change set off has run: the page is settled, then a frame and a task have passed.
  await settled(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  assert.deepEqual(dialogs, [], `${what}: a dialog opened`);
  const injected = await page.evaluate(() =>
    document.querySelectorAll('img, iframe, object, embed, script:not([src]), [onerror], [onload], svg [onload]').length);
  assert.equal(injected, 0, `${what}: an element was injected`);
  assert.deepEqual(page.problems, [], `${what}: console errors`);
}

function urlVariants(payload) {
  const encoded = encodeURIComponent(payload);
  const variants = [
    `?seed=${encoded}&layer=${DEFAULT_LAYER.join(',')}`,
    `?seed=1&input=${encoded}`,
    `?seed=1&gen=${encoded}`,
    `?seed=1&gen=ramp&n=${encoded}`,
    `?seed=1&gen=ramp&c=${encoded}`,
    `?seed=1&gen=ramp&len=${encoded}`,
    `?seed=1&layer=${DEFAULT_LAYER.join(',')}&all=${encoded}`,
    `?seed=1&layer=${DEFAULT_LAYER.join(',')}&embed=${encoded}`,
    `?seed=1&layer=${DEFAULT_LAYER.join(',')}&sel=${encoded}`,
    `?seed=1&layer=${DEFAULT_LAYER.join(',')}&w0=${encoded}`,
    `?seed=1&layer=${DEFAULT_LAYER.join(',')}&b0=${encoded}`,
    `?seed=1&layer=${DEFAULT_LAYER.join(',')}&${encoded}=1`,
  ];
  LAYER_FIELDS.forEach((_, i) => {
    const fields = DEFAULT_LAYER.slice();
    fields[i] = encoded;
    variants.push(`?seed=1&layer=${fields.join(',')}`);
  });
  return variants;
}

test('payloads in every URL field: refused or shown as text, never run', async () => {
  // One tab, navigated to each link afresh: each load parses the link as a first visit does, without the cost
  // of a new browser context per link (168 of them).
  const { page, dialogs } = await visit('');
  let tried = 0;
  for (const payload of PAYLOADS) {
    for (const query of urlVariants(payload)) {
      await page.goto(env.server.url + query);
      await ready(page);
      await assertClean(page, dialogs, query);
      tried++;
    }
  }
  console.log(`URL payloads tried: ${tried}`);
  await page.context().close();
});

test('payloads typed into every input box: shown as text, never run', async () => {
  const { page, dialogs } = await visit('');
  const boxes = await page.locator('input:not([type=checkbox]):not([type=radio]):not([type=range]), textarea').count();
  assert.ok(boxes >= 10, `only ${boxes} input boxes found`);
  let tried = 0;
  for (let i = 0; i < boxes; i++) {
    for (const payload of PAYLOADS) {
      const box = page.locator('input:not([type=checkbox]):not([type=radio]):not([type=range]), textarea').nth(i);
      if (!(await box.isVisible()) || !(await box.isEditable())) continue;
      const type = await box.getAttribute('type');
      if (type === 'number') continue; // a number field cannot hold text; its URL form is tested above
      // Typed as people type, key by key (a cell or field reacts to every keystroke, not to a pasted whole).
      await box.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(payload);
      await page.keyboard.press('Tab');
      await settled(page);
      await assertClean(page, dialogs, `box ${i} (${await box.getAttribute('aria-label') ?? await box.getAttribute('id')}) with ${payload}`);
      tried++;
    }
    await page.goto(env.server.url); // back to the default state for the next box
  }
  console.log(`input-box payloads tried: ${tried} over ${boxes} boxes`);
  assert.ok(tried >= 16);
  await page.context().close();
});

test('the Content-Security-Policy forbids inline script', async () => {
  const { page } = await visit('');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const ran = await page.evaluate(() => {
    window.__injected = false;
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return window.__injected;
  });
  assert.equal(ran, false, 'an inline script ran despite the CSP');
  page.problems.length = 0; // the CSP violation report itself is expected here
  await page.context().close();
});
