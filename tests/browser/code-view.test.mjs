// The Code view: the page's state as a program in an editable <conv1d-code program> cell. An edit typed key by key
// runs with the button and with Ctrl+Enter, prints what runPython prints for that text, and the page then shows the
// program's model (output and URL), with Undo; an error program prints its line and changes nothing; axe finds
// nothing serious at 1280 and 375 px with the view open, and the page never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { load } from '../../web/lib/index.js';
import { runPython } from '../../web/python/index.js';
import { openPage, outputPrintout, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();
const nn = await load();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openCodeView(width) {
  const page = await openPage(env.chrome.browser, env.server.url, { width, height: width > 800 ? 900 : 812 });
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const cell = page.locator('conv1d-code[program]');
  const editor = cell.getByRole('textbox', { name: 'Program: Python code' });
  await page.waitForFunction((el) => el.shadowRoot?.querySelector('textarea')?.value.includes('nn.Conv1d'), await cell.elementHandle());
  return { page, cell, editor };
}

/** Does `action` and waits until the cell has run once more; returns what its output shows. */
async function runAndRead(cell, action) {
  const runs = Number((await cell.getAttribute('data-runs')) ?? 0);
  await action();
  await cell.page().waitForFunction(([el, n]) => Number(el.dataset.runs ?? 0) > n, [await cell.elementHandle(), runs]);
  const text = async (selector) => {
    const block = cell.locator(selector);
    return (await block.count()) ? block.textContent() : '';
  };
  return { stdout: await text('.output pre.stdout'), error: await text('.output pre.error') };
}

/** Moves the caret just after `needle` in the editor (Ctrl+Home, then ArrowRight key by key). */
async function caretAfter(page, editor, needle) {
  const at = (await editor.inputValue()).indexOf(needle);
  assert.ok(at >= 0, `the program has no '${needle}'`);
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at + needle.length; i += 1) await page.keyboard.press('ArrowRight');
}

async function audit(page, where) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target)) })));
  return violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${where}: ${v.id} (${v.impact}): ${v.targets.join(' ')}`);
}

test('kernel_size=3 → 2 typed key by key, run by button and Ctrl+Enter: runPython\'s output, and the page follows', async () => {
  const { page, cell, editor } = await openCodeView(1280);
  const before = await editor.inputValue();
  assert.equal(await cell.getByRole('button', { name: 'Reset to the current state' }).isVisible(), false);

  await caretAfter(page, editor, 'kernel_size=3');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  const source = await editor.inputValue();
  assert.equal(source, before.replace('kernel_size=3', 'kernel_size=2'));
  assert.ok(await cell.getByRole('button', { name: 'Reset to the current state' }).isVisible());

  const expected = runPython(nn, source);
  assert.equal(expected.error, null);
  const byButton = await runAndRead(cell, () => cell.getByRole('button', { name: 'Run Program' }).click());
  assert.deepEqual(byButton, { stdout: expected.stdout, error: '' });
  // The page now holds the program's model: its output is the one the program printed, its URL the new layer.
  assert.equal(await outputPrintout(page), expected.stdout.trim());
  assert.match(new URL(page.url()).search, /layer=1,1,2,/);
  assert.equal(await page.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).inputValue(), '2');
  assert.equal(await page.locator('.code-status').textContent(), 'The playground now shows model with x as its input.');
  assert.match(await page.locator('.notice').textContent(), /^Ran the program: imported 1 layer/);

  await editor.focus();
  const byKeys = await runAndRead(cell, () => page.keyboard.press('Control+Enter'));
  assert.deepEqual(byKeys, byButton);

  // Undo, as after an import. The text the person ran is the state's own program, so it follows the state back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await settled(page);
  assert.match(new URL(page.url()).search, /layer=1,1,3,/);
  await page.waitForFunction((el) => el.code.includes('kernel_size=3'), await cell.elementHandle());
  assert.equal(await editor.inputValue(), before);

  // An edit not run yet stays while the state changes; Reset puts the state's program back.
  await caretAfter(page, editor, 'print(y)');
  await page.keyboard.type('\nprint(x)');
  await page.getByRole('button', { name: 'Example 2' }).click();
  await settled(page);
  assert.ok((await editor.inputValue()).includes('print(x)'));
  await cell.getByRole('button', { name: 'Reset to the current state' }).click();
  await page.waitForFunction((el) => el.code.includes('nn.Conv1d(2, 1'), await cell.elementHandle());
  assert.ok(!(await editor.inputValue()).includes('print(x)'));
  // Reset hides itself once there is nothing to put back; the keyboard focus goes to the code.
  assert.equal(await cell.getByRole('button', { name: 'Reset to the current state' }).isVisible(), false);
  assert.equal(await cell.evaluate((el) => el.shadowRoot.activeElement?.tagName), 'TEXTAREA');
  assert.deepEqual(page.problems, []);
});

test('a weight typed into the program comes back as an edit of the page', async () => {
  const { page, cell, editor } = await openCodeView(1280);
  await caretAfter(page, editor, "model = nn.Conv1d(1, 1, kernel_size=3)\n");
  await page.keyboard.type('with torch.no_grad():\n');
  await page.keyboard.type('model.weight[0, 0, 1] = 2.5');
  const source = await editor.inputValue();
  const expected = runPython(nn, source);
  assert.equal(expected.error, null);
  assert.deepEqual(await runAndRead(cell, () => page.keyboard.press('Control+Enter')), { stdout: expected.stdout, error: '' });
  assert.equal(await outputPrintout(page), expected.stdout.trim());
  assert.match(new URL(page.url()).search, /w0=1:2\.5/);
});

test('an error program prints its line and leaves the page as it was', async () => {
  const { page, cell, editor } = await openCodeView(1280);
  const url = page.url();
  const out = await outputPrintout(page);
  await caretAfter(page, editor, 'nn.Conv1d(1');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  const source = await editor.inputValue();
  const expected = runPython(nn, source);
  assert.equal(expected.error.type, 'RuntimeError');
  const shown = await runAndRead(cell, () => page.keyboard.press('Control+Enter'));
  assert.equal(shown.stdout, expected.stdout);
  assert.match(shown.error, new RegExp(`^RuntimeError: .*\\n  on line ${expected.error.line}: `));
  assert.match(await page.locator('.code-status').textContent(), /stopped with RuntimeError on line \d+: the playground is unchanged/);
  assert.equal(page.url(), url);
  assert.equal(await outputPrintout(page), out);

  // A program without a model says so and changes nothing either.
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type("print('hello')");
  const none = await runAndRead(cell, () => page.keyboard.press('Control+Enter'));
  assert.deepEqual(none, { stdout: 'hello\n', error: '' });
  assert.match(await page.locator('.code-status').textContent(), /^Nothing to show: the program leaves no nn\.Conv1d/);
  assert.equal(page.url(), url);
});

for (const width of [1280, 375]) {
  test(`the Code view at ${width} px: axe-clean, no sideways scrolling`, async () => {
    const { page, cell } = await openCodeView(width);
    const url = page.url();
    await runAndRead(cell, () => cell.getByRole('button', { name: 'Run Program' }).click());
    // The state's own program, run unchanged, is no change: no notice, no Undo, the same link.
    assert.equal(await page.locator('.code-status').textContent(), 'The playground already shows model with x as its input.');
    assert.equal(await page.locator('.notice').count(), 0);
    assert.equal(page.url(), url);
    await page.screenshot({ path: `/tmp/shots/code-view-${width}.png`, fullPage: false });
    await cell.screenshot({ path: `/tmp/shots/code-view-cell-${width}.png` });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    assert.deepEqual(await audit(page, `code view ${width}`), []);
  });
}

test('an embed choosing panels=code,output shows the Code view open (no toolbar to open it) and runs it', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}?embed=1&panels=code,output`);
  const cell = page.locator('conv1d-code[program]');
  await page.waitForFunction((el) => el.code.includes('nn.Conv1d'), await cell.elementHandle());
  assert.equal(await page.getByRole('button', { name: 'Code', exact: true }).isVisible(), false);
  const shown = await runAndRead(cell, () => cell.getByRole('button', { name: 'Run Program' }).click());
  assert.deepEqual(shown, { stdout: runPython(nn, await cell.evaluate((el) => el.code)).stdout, error: '' });
  await page.screenshot({ path: '/tmp/shots/code-view-embed.png' });
  assert.deepEqual(page.problems, []);
});
