// In the browser: the breakdown's sanity check adds up. Each term shows its product, a negative weight is written
// as subtraction, the 4-decimal hand sum (−0.2768 for Example 1) is explained in visible text next to the value
// (−0.2770), and a "full precision" toggle, operated by keyboard and by touch, shows the float32 numbers the
// package computed with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, PHONE_TOUCH, screenshotDir, settled, useBrowser } from './helpers.mjs';
import { expectedExplanation } from './expected.mjs';

const env = useBrowser();
const MINUS = '\u2212';

// Example 1: torch.manual_seed(1); nn.Conv1d(1, 1, 3) on [[[1, 2, 3, 4, 5]]], output element 0.
const example1 = () => expectedExplanation({ args: [1, 1, 3], input: [[[1, 2, 3, 4, 5]]], at: [0, 0, 0] });

/** The formula as written: per term the operator before it, the weight, input and product texts; bias; value. */
async function readFormula(page) {
  await settled(page);
  return page.evaluate(() => {
    const main = document.querySelector('.breakdown .formula-main');
    const opBefore = (el) => (el.previousElementSibling?.matches('.op') ? el.previousElementSibling.textContent : null);
    const bias = main.querySelector('.term.bias');
    return {
      text: main.innerText,
      terms: [...main.querySelectorAll('.term:not(.bias)')].map((el) => ({
        op: opBefore(el), w: el.querySelector('.w-num').textContent, x: el.querySelector('.x-num').textContent,
        product: el.querySelector('.p-num').textContent,
      })),
      bias: { op: opBefore(bias), text: bias.querySelector('.t-num').textContent },
      value: main.querySelector('.formula-value').textContent,
    };
  });
}

/** A written number with the sign its operator gives it. */
const signedNumber = (op, text) => (op === MINUS ? -1 : 1) * Number(text.replace(/\.$/, ''));

async function selectFirstOutput(page, how = 'click') {
  await page.getByRole('button', { name: 'Example 1' })[how]();
  await page.getByRole('region', { name: 'Output', exact: true }).locator('table.selectable td[data-key="0,0,0"]')[how]();
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-main .lhs')?.textContent === 'out[0, 0, 0]');
}

/** Checks the full-precision formula against the package's float32 numbers. */
function checkFullPrecision(f, expected) {
  f.terms.forEach((t, i) => {
    const { weight, input } = expected.terms[i];
    assert.equal(Math.fround(signedNumber(t.op ?? '+', t.w)), weight, `weight ${i}: ${t.op ?? ''}${t.w} is the float32 ${weight}`);
    assert.equal(Math.fround(Number(t.x)), input, `input ${i}`);
    const product = Math.abs(weight) * input;
    assert.ok(Math.abs(Number(t.product) - product) <= 1e-8 * Math.abs(product), `product ${i}: ${t.product} ≈ ${product}`);
  });
  assert.equal(Math.fround(signedNumber(f.bias.op, f.bias.text)), expected.bias);
  assert.equal(Math.fround(Number(f.value)), Math.fround(expected.value), `value ${f.value}`);
  assert.match(f.value, /^-0\.27695996/, 'the float32 value is visible: −0.27696…');
}

test('Example 1: products, subtraction signs, and −0.2768 against −0.2770 explained in visible text', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await selectFirstOutput(page);
  const f = await readFormula(page);
  assert.deepEqual(f.terms, [
    { op: null, w: '0.2975', x: '1.', product: '0.2975' },
    { op: MINUS, w: '0.2548', x: '2.', product: '0.5096' },
    { op: MINUS, w: '0.1119', x: '3.', product: '0.3357' },
  ]);
  assert.deepEqual(f.bias, { op: '+', text: '0.2710' });
  assert.equal(f.value, '-0.2770');
  assert.doesNotMatch(f.text, /\+\s*[-−]/, 'no "+ -0.2548": a negative weight is subtracted');
  // The plain-text version says the same.
  const panel = page.getByRole('region', { name: 'How this output is computed' });
  await panel.getByText('As plain text').click();
  const plain = await panel.locator('.formula-plain code').textContent();
  assert.ok(plain.includes(`out[0, 0, 0] = (0.2975 × 1. ${MINUS} 0.2548 × 2. ${MINUS} 0.1119 × 3.) + 0.2710 = -0.2770`), plain);
  assert.ok(plain.includes(`out[0, 0, 0] = (0.2975 ${MINUS} 0.5096 ${MINUS} 0.3357) + 0.2710 = -0.2770`), plain);
  // The hand sum of the printed numbers and why it is not the value: visible text, not a tooltip.
  const expected = await example1();
  const note = panel.getByText(/Adding the printed numbers/);
  assert.ok(await note.isVisible(), 'the explanation is on the page');
  const said = await note.textContent();
  assert.ok(said.includes(`0.2975 ${MINUS} 0.5096 ${MINUS} 0.3357 + 0.2710 = ${MINUS}0.2768, not ${MINUS}0.2770`), said);
  const full = said.match(/give −(0\.\d+)/);
  assert.ok(full, said);
  assert.equal(Math.fround(-Number(full[1])), Math.fround(expected.value), 'it quotes the float32 value');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('full precision: the keyboard turns it on and off; it shows the float32 numbers the package used', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await selectFirstOutput(page);
  const expected = await example1();
  // Tab from the breakdown's first line of text to the toggle, then Space.
  await page.locator('.breakdown .region-sub').click();
  const toggle = page.getByLabel(/full precision/);
  for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el === el.getRootNode().activeElement)); i += 1) await page.keyboard.press('Tab');
  assert.equal(await toggle.evaluate((el) => el === el.getRootNode().activeElement), true, 'Tab reaches the toggle');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-value')?.textContent.length > 7);
  const f = await readFormula(page);
  checkFullPrecision(f, expected);
  assert.doesNotMatch(f.text, /\+\s*[-−]/);
  const note = await page.locator('.breakdown .sum-note').textContent();
  assert.match(note, new RegExp(`${MINUS}0\\.27695996.*${MINUS}0\\.2770`), note);
  assert.equal(await toggle.evaluate((el) => el === el.getRootNode().activeElement), true, 'focus stays on the toggle');
  await page.screenshot({ path: join(screenshotDir, 'sanity-check-precise-1280-page.png') });
  await page.locator('.breakdown').screenshot({ path: join(screenshotDir, 'sanity-check-precise-1280.png') });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-value')?.textContent === '-0.2770');
  assert.equal((await readFormula(page)).terms[1].w, '0.2548');
  await page.locator('.breakdown').screenshot({ path: join(screenshotDir, 'sanity-check-1280.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('full precision on a phone: a tap turns it on', async () => {
  const page = await openPage(env.chrome.browser, env.server.url, PHONE_TOUCH);
  await selectFirstOutput(page, 'tap');
  await page.locator('.breakdown').screenshot({ path: join(screenshotDir, 'sanity-check-375.png') });
  await page.getByText(/^full precision/).tap();
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-value')?.textContent.length > 7);
  checkFullPrecision(await readFormula(page), await example1());
  await page.locator('.breakdown').screenshot({ path: join(screenshotDir, 'sanity-check-precise-375.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
