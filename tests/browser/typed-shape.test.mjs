// In the browser: with the input typed as text ("as typed"), the N, C and L fields show the typed tensor's shape
// after every keystroke (blank while the text is not a tensor, never an older shape) and do not take typing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

/** The N, C, L fields, the batched box and the page's own shape line. */
async function fields(page) {
  await settled(page);
  const value = (label) => page.getByLabel(label, { exact: true }).inputValue();
  return {
    ncl: [await value('batch N'), await value('channels C'), await value('length L')],
    batched: await page.getByLabel(/^batched/).isChecked(),
    shape: await page.locator('.input-card .shape-line').textContent(),
  };
}

/** Types `text` into the input box key by key, checking the fields after each key; returns what they showed. */
async function typeChecking(page, text) {
  const box = page.getByLabel(/^input/);
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  const seen = [];
  for (const key of text) {
    await page.keyboard.type(key);
    const f = await fields(page);
    seen.push(f.ncl.join(','));
    const shape = f.shape.match(/^shape \(([\d, ]+)\)/)?.[1].split(', ');
    if (!shape) {
      assert.deepEqual(f.ncl, ['', '', ''], `after "${await box.inputValue()}": no tensor, no shape shown`);
    } else {
      const expected = shape.length === 2 ? ['', ...shape] : shape;
      assert.deepEqual(f.ncl, expected, `after "${await box.inputValue()}": the fields show the typed shape`);
      assert.equal(f.batched, shape.length === 3);
    }
  }
  return seen;
}

test('as typed: N, C, L follow the typed tensor key by key and are read-only', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByRole('button', { name: 'Example 1' }).click();
  assert.equal(await page.getByLabel('generate input').inputValue(), 'text');
  const seen = await typeChecking(page, '[[[1, 2, 3, 4, 5, 6, 7]], [[7, 6, 5, 4, 3, 2, 1]]]');
  // Until the last bracket the text is not a tensor: blank fields, not Example 1's (1, 1, 5).
  assert.deepEqual([...new Set(seen.slice(0, -1))], [',,']);
  let f = await fields(page);
  assert.deepEqual(f.ncl, ['2', '1', '7']);
  assert.equal(f.batched, true);
  // Typing into a field changes nothing: the text decides the shape.
  for (const label of ['batch N', 'channels C', 'length L']) {
    const field = page.getByLabel(label, { exact: true });
    assert.equal(await field.evaluate((el) => el.readOnly || el.disabled), true, `${label} is read-only`);
    await field.click();
    await page.keyboard.type('9');
  }
  f = await fields(page);
  assert.deepEqual(f.ncl, ['2', '1', '7'], 'typing into the fields is ignored');
  assert.match(f.shape, /^shape \(2, 1, 7\)/);
  // An unbatched (C, L) tensor: no N, and the batched box unticked.
  await typeChecking(page, '[[1, 2, 3, 4]]');
  f = await fields(page);
  assert.deepEqual(f.ncl, ['', '1', '4']);
  assert.equal(f.batched, false);
  // A generator starts from the typed shape, and its fields are editable again.
  await typeChecking(page, '[[[1, 2, 3], [4, 5, 6]]]');
  await page.getByLabel('generate input').selectOption('ramp');
  f = await fields(page);
  assert.deepEqual(f.ncl, ['1', '2', '3']);
  assert.equal(await page.getByLabel('length L', { exact: true }).evaluate((el) => el.readOnly), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
