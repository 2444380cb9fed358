// Links and fields a person can break: every address the page writes reloads to the same state and fits
// LIMITS.linkLength, a state too large for one says so and offers the JSON export; a worker's breakdown of an older
// state is dropped; the seed box refuses 0x10 and empty in a sentence; no field error reads "null"; the element's
// page attribute takes only http(s) and relative addresses. Driven with the keyboard, key by key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, outputPrintout, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';
import { LIMITS } from '../../web/app/state.js';

const env = useBrowser(startEmbedServer);

// Every address the page writes into the address bar, in order.
function recordUrls() {
  window.writtenUrls = [];
  for (const name of ['pushState', 'replaceState']) {
    const native = history[name].bind(history);
    history[name] = (data, unused, url) => {
      native(data, unused, url);
      window.writtenUrls.push(window.location.href);
    };
  }
}

/** Waits until the page has written the address for its last change (it does so in a 0 ms timer after it). */
async function urlWritten(page) {
  await settled(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function retype(page, locator, text) {
  await locator.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

// The page's state as its query, in the form a browser shows it (which percent-encodes [ and ]).
const stateQuery = (page) => page.evaluate(async () => {
  const { stateToQuery } = await import('/app/state.js');
  return new URLSearchParams(stateToQuery(window.conv1dPlayground.state)).toString();
});

test('a pasted input too large for a link: the address keeps the last state that fit, a notice offers the JSON; every written address reloads', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}index.html`, { page: true, init: recordUrls });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  const box = page.getByRole('textbox', { name: /^input/ });
  const seed = page.getByLabel('seed', { exact: true });
  await retype(page, seed, '0x10');
  await urlWritten(page);
  await retype(page, seed, '2');
  await retype(page, box, '[[[1, 2, 3, 4, 6]]]');
  await urlWritten(page);
  const fitting = await page.evaluate(() => window.location.href);
  assert.equal(new URL(fitting).searchParams.get('seed'), '2');
  assert.equal(new URL(fitting).searchParams.get('input'), '[[[1, 2, 3, 4, 6]]]');

  // Paste 20,000 values (185,000 characters of link).
  const big = `[[[${Array.from({ length: 20_000 }, (_, i) => (Math.sin(i) * 5).toFixed(4)).join(', ')}]]]`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), big);
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const notice = page.locator('.notice-link');
  await notice.waitFor();
  assert.match(await notice.textContent(), /This state is too large for a link \((at least )?[\d,]+ characters; a link holds at most 8,000\), so the address bar still shows the last state that fit/);
  assert.equal(await page.evaluate(() => window.location.href), fitting);
  assert.equal((await page.evaluate(() => window.conv1dPlayground.state.input.text)).length, big.length, 'the paste itself is kept');
  await notice.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(await page.locator('.exchange pre').textContent());
  assert.equal(json.state.input.text, big);

  // A generated input of 20,000 values is linked as its generator; written out as text, it no longer fits.
  await page.getByLabel('generate input').selectOption('sine');
  await retype(page, page.getByLabel('length L'), '20000');
  await urlWritten(page);
  assert.equal(await notice.count(), 0);
  const generated = await page.evaluate(() => window.location.href);
  assert.equal(new URL(generated).searchParams.get('gen'), 'sine');
  assert.equal(new URL(generated).searchParams.get('len'), '20000');
  await page.getByLabel('generate input').selectOption('text');
  await urlWritten(page);
  await notice.waitFor();
  assert.equal(await page.evaluate(() => window.location.href), generated);

  // A short input again: the address follows and the notice goes.
  await retype(page, box, '[[[5, 4, 3]]]');
  await urlWritten(page);
  assert.equal(await notice.count(), 0);
  assert.equal(await page.evaluate(() => new URLSearchParams(window.location.search).get('input')), '[[[5, 4, 3]]]');

  const written = [...new Set(await page.evaluate(() => window.writtenUrls))];
  assert.ok(written.length >= 5, `${written.length} addresses written`);
  for (const url of written) {
    assert.ok(url.length <= LIMITS.linkLength, `${url.length} characters`);
    assert.doesNotMatch(url, /seed=0x/, 'an address with a seed the page refuses is never written');
  }
  const reader = await openPage(env.chrome.browser, `${env.server.url}index.html`);
  for (const url of written) {
    await reader.goto(url);
    await reader.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.equal(await reader.locator('.notice-refused').count(), 0, url);
    assert.equal(await stateQuery(reader), new URL(url).searchParams.toString(), url);
  }
  assert.deepEqual([...page.problems, ...reader.problems], []);
  await reader.context().close();
  await page.context().close();
});

test("a worker's breakdown of an older state is dropped once the state is recomputed on the page", async () => {
  // Holds the worker's breakdown replies until the test lets them through, as a slow worker would.
  const holdReplies = () => {
    window.heldReplies = null;
    const Native = window.Worker;
    window.Worker = class extends Native {
      set onmessage(fn) {
        super.onmessage = (event) => {
          if (event.data.kind === 'explain' && window.heldReplies) window.heldReplies.push(() => fn(event));
          else fn(event);
        };
      }
      get onmessage() { return super.onmessage; }
    };
  };
  const heavy = '?seed=1&layer=64,64,9,1,4,1,1,1,zeros&layer=64,64,9,1,4,1,1,1,zeros&gen=noise&n=2&c=64&len=4096';
  const page = await openStatic(env.chrome.browser, `${env.server.url}index.html${heavy}`, { page: true, init: holdReplies });
  await page.waitForFunction(() => window.conv1dPlayground.timing.lastMode === 'worker' && !window.conv1dPlayground.busy
    && document.querySelector('.formula-main'));
  await page.evaluate(() => { window.heldReplies = []; });
  await page.locator('table.selectable td[data-key="0,1,2"]').click();
  await page.waitForFunction(() => window.heldReplies.length === 1);
  // The input shrinks to length 5: light enough to compute on the page, which explains out[0, 1, 2] itself.
  await retype(page, page.getByLabel('length L'), '5');
  await settled(page);
  assert.equal(await page.evaluate(() => window.conv1dPlayground.timing.lastMode), 'sync');
  const fresh = await page.locator('.formula-value').textContent();
  await page.evaluate(() => window.heldReplies.splice(0).forEach((deliver) => deliver()));
  await settled(page);
  assert.equal(await page.locator('.formula-main .lhs').textContent(), 'out[0, 1, 2]');
  const shown = await page.locator('table.selectable td[data-key="0,1,2"]').textContent();
  assert.equal(await page.locator('.formula-value').textContent(), shown, 'the breakdown explains the number the output table shows');
  assert.equal(fresh, shown);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the seed box refuses 0x10, 0b11, empty and words in a sentence; no field error reads null', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}index.html`);
  const seed = page.getByLabel('seed', { exact: true });
  const seedError = page.locator('.field-seed .field-error');
  for (const [text, message] of [['0x10', /^The seed must be a whole number such as 42 or -7, not '0x10'\.$/],
    ['0b11', /, not '0b11'\.$/], ['', /^The seed is empty: type a whole number, such as 1\.$/], ['abc', /, not 'abc'\.$/],
    ['1e3', /, not '1e3'\.$/]]) {
    await retype(page, seed, text);
    await settled(page);
    assert.match(await seedError.textContent(), message, JSON.stringify(text));
  }
  await retype(page, seed, '1');
  await settled(page);
  assert.equal(await seedError.isVisible(), false);
  assert.equal(await outputPrintout(page), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');

  const layer = page.getByRole('group', { name: 'Layer 1' });
  for (const name of ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups']) {
    const field = layer.getByLabel(name, { exact: true });
    const before = await field.inputValue();
    for (const text of ['', '0', '-1', '99']) {
      await retype(page, field, text);
      await settled(page);
      const errors = await page.locator('.field-error:visible').allTextContents();
      for (const e of errors) assert.doesNotMatch(e, /null|undefined|NaN/, `${name}=${JSON.stringify(text)}: ${e}`);
    }
    await retype(page, field, '');
    await settled(page);
    if (name !== 'padding') assert.equal(await layer.locator(`.field-${name} .field-error .error-text`).textContent(), `${name} must be a whole number`);
    await retype(page, field, before);
  }
  assert.equal(await outputPrintout(page), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('<conv1d-playground page="javascript:…">: refused with a message; Copy link throws nothing and links to http(s)', async () => {
  const page = await openStatic(env.chrome.browser, `${env.server.url}test-pages/page-attribute.html`, { count: 2 });
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  const hostile = page.locator('#hostile');
  assert.match(await hostile.getByRole('alert').first().textContent(),
    /page must be an http\(s\) address or a relative one, not 'javascript:alert\(document\.domain\)'/);
  const copied = async (widget) => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await widget.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const link = new URL(await copied(hostile));
  assert.equal(`${link.origin}${link.pathname}`, `${env.server.url}index.html`, "the element's own page instead");
  assert.equal(link.searchParams.get('input'), '[[[1, 2, 3, 4, 5]]]');
  const relative = new URL(await copied(page.locator('#relative')));
  assert.equal(`${relative.origin}${relative.pathname}`, `${env.server.url}playground/index.html`);
  assert.equal(relative.searchParams.get('seed'), '1');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
