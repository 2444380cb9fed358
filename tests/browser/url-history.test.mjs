// The address bar gets one history entry per real change and none for a change that leaves the state as it was,
// also when the page was opened from a link written in another (equally valid) encoding — the embed's
// "Open full playground" link writes `,` as %2C, and the browser keeps a link's own spelling in location.search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);

/** Waits until the page has computed the last change and its URL write (a 0 ms timer queued with it) has run. */
async function flushed(page) {
  await settled(page);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Selects the field's text and types `text` over it, key by key, as a person does. */
async function retype(page, field, text) {
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await flushed(page);
}

test('a no-op edit adds no history entry, a real change adds exactly one, and Back returns to the link', async () => {
  // The embed's state, as its docs write it; its "Open full playground" link carries it as %2C-encoded parameters.
  const state = 'seed=1&layer=1,1,3,1,0,1,1,1,zeros&input=[[[1, 2, 3, 4, 5, 6]]]';
  const embed = await openStatic(env.chrome.browser, `${env.server.url}index.html?embed=1&${state}`, { page: true });
  const [page] = await Promise.all([
    embed.context().waitForEvent('page'),
    embed.getByRole('link', { name: /Open full playground/ }).click(),
  ]);
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(msg.text()); });
  await ready(page);
  const opened = await page.evaluate(() => [window.history.length, window.location.search]);
  assert.match(opened[1], /layer=1%2C1%2C3/);
  assert.deepEqual(await page.evaluate(() => window.conv1dPlayground.result.layers[0].output.shape), [1, 1, 4]);
  const kernel = page.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true });
  assert.equal(await kernel.inputValue(), '3');

  // Typing the value the field already holds: the same state, so the same address and no new entry.
  await retype(page, kernel, '3');
  assert.deepEqual(await page.evaluate(() => [window.history.length, window.location.search]), opened);

  // A real change in the same field: exactly one entry.
  await retype(page, kernel, '2');
  assert.equal(await page.evaluate(() => window.history.length), opened[0] + 1);
  assert.match(await page.evaluate(() => window.location.search), /layer=1,1,2,/);
  // …and Back goes to the state the link opened, not off the page.
  await page.goBack();
  await page.waitForFunction(() => window.conv1dPlayground.state.layers[0].kernel_size === '3');
  assert.equal(await kernel.inputValue(), '3');
  assert.equal(await page.evaluate(() => window.location.search), opened[1]);

  // Re-selecting the same padding_mode: no entry either.
  const before = await page.evaluate(() => window.history.length);
  const mode = page.getByRole('group', { name: 'Layer 1' }).getByLabel('padding_mode', { exact: true });
  await mode.selectOption(await mode.inputValue());
  await flushed(page);
  assert.equal(await page.evaluate(() => window.history.length), before);
  assert.deepEqual([...embed.problems, ...page.problems], []);
  await embed.context().close();
});
