// The page renders the session's notice into a live region only when the notice changed (web/app/page.js): while a
// person goes on typing with a notice shown, the notice's element stays the one announced; a new notice replaces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, useBrowser } from '../browser/helpers.mjs';

const env = useBrowser();

test('a shown notice is not rewritten by the keys typed after it; a new one replaces it, Dismiss removes it', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const act = (name, ...args) => page.evaluate(({ name, args }) => window.conv1dPlayground.actions[name](...args), { name, args });
  await act('editParam', 0, 'weight', 0, '2');
  const seed = page.getByLabel('seed', { exact: true });
  await seed.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await settled(page);
  const notice = await page.locator('.notice-reset').elementHandle();
  assert.match(await notice.textContent(), /rebuilt from torch\.manual_seed\(7\)/);
  await page.keyboard.type('0'); // the same field: the notice stays
  await act('setShowAll', true); // a render that changes no notice
  await settled(page);
  assert.match(await notice.textContent(), /torch\.manual_seed\(7\)/);
  assert.equal(await notice.evaluate((el) => el.isConnected), true, 'the same element, not a re-announced copy');
  await act('editParam', 0, 'weight', 1, '3');
  await act('setSeed', '8');
  await settled(page);
  assert.equal(await notice.evaluate((el) => el.isConnected), false);
  assert.match(await page.locator('.notice-reset').textContent(), /torch\.manual_seed\(8\)/);
  await page.locator('.notice-reset').getByRole('button', { name: 'Dismiss' }).click();
  await settled(page);
  assert.equal(await page.locator('.notice-area').evaluate((el) => el.childElementCount), 0);
  assert.deepEqual(page.problems, []);
});
