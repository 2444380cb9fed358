// <conv1d-code> in the example lesson: the tutorial's cells, verbatim, print what real PyTorch printed for them
// (tests/golden/python_programs.json, session "tutorial"); a reader's edit typed key by key runs with the button and
// with Ctrl+Enter; a Python error shows with its line; cells of one session share variables; Reset restores the code;
// the keyboard leaves the editor by Escape, Tab; the worker path and the main-thread path print the same; axe finds
// nothing serious at 1280 and 375 px, and the page never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, screenshotDir, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);
const golden = JSON.parse(readFileSync(join(root, 'tests/golden/python_programs.json'), 'utf8'));
const tutorial = golden.sessions.find((s) => s.name === 'tutorial').cells;
const program = (name) => golden.programs.find((p) => p.name === name);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LABELS = ['Imports', 'Example 1', 'Sanity check', 'Example 2', 'Sanity check 2', 'Example 3'];

/** The lesson once it has stopped moving: its widgets drawn and the live check's sentence (several lines) written. */
async function openLesson(width = 1280) {
  const page = await openStatic(env.chrome.browser, `${env.server.url}examples/conv1d-lesson.html`,
    { count: 4, width, height: width > 800 ? 900 : 812 });
  await page.waitForFunction(() => document.documentElement.dataset.lessonReady === 'true');
  return page;
}
const cellLabelled = (page, label) => page.locator(`conv1d-code[label="${label}"]`);

/** Does `action` and waits until `cell` has run once more; returns what its output shows. */
async function runAndRead(cell, action) {
  const runs = Number((await cell.getAttribute('data-runs')) ?? 0);
  await action();
  try {
    await cell.page().waitForFunction(([el, n]) => Number(el.dataset.runs ?? 0) > n, [await cell.elementHandle(), runs]);
  } catch (error) {
    // '[ ]': the action never reached the cell; '[*]': it is queued or running and never came back.
    throw new Error(`${await cell.getAttribute('label')} did not run (prompt ${await cell.locator('.prompt').textContent()}): ${error.message}`);
  }
  return shown(cell);
}

async function shown(cell) {
  const text = async (selector) => {
    const block = cell.locator(selector);
    return (await block.count()) ? block.textContent() : '';
  };
  return { stdout: await text('.output pre.stdout'), error: await text('.output pre.error') };
}

/** Replaces a cell's code by typing `source` key by key (Enter keeps indentation, so `source` has none). */
async function typeInto(cell, source) {
  const editor = cell.getByRole('textbox');
  await editor.click();
  await cell.page().keyboard.press('Control+A');
  await cell.page().keyboard.press('Delete');
  await cell.page().keyboard.type(source);
  assert.equal(await editor.inputValue(), source);
}

/** Appends cells to the lesson (as an author would write them): [{ code, session?, label }]. */
function appendCells(page, cells) {
  return page.evaluate((list) => {
    const section = document.querySelector('article section:last-of-type');
    for (const { code, session, label } of list) {
      const cell = document.createElement('conv1d-code');
      if (session) cell.setAttribute('session', session);
      cell.setAttribute('label', label);
      cell.textContent = code;
      section.append(cell);
    }
  }, cells);
}

async function audit(page, where) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target)) })));
  return violations.filter((v) => ['serious', 'critical'].includes(v.impact) || ['region', 'landmark-unique'].includes(v.id))
    .map((v) => `${where}: ${v.id} (${v.impact}): ${v.targets.join(' ')}`);
}

for (const width of [1280, 375]) {
  test(`the lesson at ${width} px: the notebook's cells, verbatim, run in order print what PyTorch printed; axe-clean`, async () => {
    const page = await openLesson(width);
    const cells = page.locator('conv1d-code');
    assert.equal(await cells.count(), tutorial.length);
    for (const [i, cell] of tutorial.entries()) {
      const element = cells.nth(i);
      assert.equal(await element.getAttribute('label'), LABELS[i]);
      assert.equal(await element.getByRole('textbox').inputValue(), cell.source.replace(/\n$/, ''), `${LABELS[i]}: verbatim`);
      const out = await runAndRead(element, () => page.getByRole('button', { name: `Run ${LABELS[i]}`, exact: true }).click());
      assert.deepEqual(out, { stdout: cell.stdout, error: '' }, `${LABELS[i]} prints what PyTorch printed`);
    }
    assert.equal(await cells.nth(5).locator('.prompt').textContent(), '[6]', 'the session counts its runs like a notebook');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `the lesson scrolls sideways at ${width} px (${scrollWidth})`);
    await page.screenshot({ path: join(screenshotDir, `code-cell-lesson-${width}.png`), fullPage: true });
    await cellLabelled(page, 'Example 3').screenshot({ path: join(screenshotDir, `code-cell-example-3-${width}.png`) });
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await audit(page, `lesson ${width}`), []); // last: axe's own inline styles break the page's CSP
    await page.context().close();
  });
}

test('running a later cell first runs the cells above it in its session, in order', async () => {
  const page = await openLesson();
  const out = await runAndRead(cellLabelled(page, 'Example 3'), () => page.getByRole('button', { name: 'Run Example 3' }).click());
  assert.deepEqual(out, { stdout: tutorial[5].stdout, error: '' });
  for (const [i, cell] of tutorial.entries()) assert.equal((await shown(page.locator('conv1d-code').nth(i))).stdout, cell.stdout);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an edit typed key by key runs with Ctrl+Enter and with the button; Reset restores the code', async () => {
  const page = await openLesson();
  const cell = cellLabelled(page, 'Sanity check');
  const edit = program('003-tutorial-sanity-check-2.py');
  await typeInto(cell, edit.source.replace(/\n$/, ''));
  assert.deepEqual(await runAndRead(cell, () => page.keyboard.press('Control+Enter')), { stdout: edit.stdout, error: '' });
  // Highlighted as typed: the numbers and the builtin are coloured spans of the overlay.
  assert.ok(await cell.locator('.highlight .tok-number').count() >= 7);
  assert.equal(await cell.locator('.highlight .tok-builtin').textContent(), 'print');

  await cell.getByRole('textbox').press('End');
  await page.keyboard.type(' # edited');
  assert.deepEqual(await runAndRead(cell, () => page.getByRole('button', { name: 'Run Sanity check', exact: true }).click()),
    { stdout: edit.stdout, error: '' });

  await page.getByRole('button', { name: 'Reset Sanity check', exact: true }).click();
  assert.equal(await cell.getByRole('textbox').inputValue(), tutorial[2].source.replace(/\n$/, ''));
  assert.deepEqual(await runAndRead(cell, () => page.getByRole('button', { name: 'Run Sanity check', exact: true }).click()),
    { stdout: tutorial[2].stdout, error: '' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a Python error shows as Type: message with its line, after what the lines before it printed', async () => {
  const page = await openLesson(375);
  const errorProgram = program('189-error-channel-mismatch.py');
  const outside = program('218-outside-try-except.py');
  await appendCells(page, [{ code: '', label: 'Mismatch' }, { code: outside.source, label: 'Outside' }]);
  const cell = cellLabelled(page, 'Mismatch');
  await typeInto(cell, errorProgram.source.replace(/\n$/, ''));
  const out = await runAndRead(cell, () => page.getByRole('textbox', { name: 'Mismatch: Python code' }).press('Control+Enter'));
  const { type, message, line } = errorProgram.error;
  const lineText = errorProgram.source.split('\n')[line - 1];
  assert.deepEqual(out, { stdout: errorProgram.stdout, error: `${type}: ${message}\n  on line ${line}: ${lineText}` });
  assert.equal(await cell.locator('.line-mark').isVisible(), true, 'the failing line is marked in the editor');
  await cell.screenshot({ path: join(screenshotDir, 'code-cell-error-375.png') });

  const other = await runAndRead(cellLabelled(page, 'Outside'), () => page.getByRole('button', { name: 'Run Outside' }).click());
  assert.equal(other.stdout, outside.stdout);
  assert.match(other.error, new RegExp(`^NotImplementedError: .*${outside.error.construct}[^]*on line ${outside.error.line}: try:$`));
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 375, `an error's long message wraps inside the cell (${scrollWidth})`);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await audit(page, 'errors 375'), []);
  await page.context().close();
});

test('cells with the same session share variables; a cell without one has its own', async () => {
  const page = await openLesson();
  await appendCells(page, [
    { code: 'x = 41', session: 'shared', label: 'Define' },
    { code: 'print(x + 1)', session: 'shared', label: 'Use' },
    { code: 'print(x + 1)', label: 'Alone' },
  ]);
  const use = await runAndRead(cellLabelled(page, 'Use'), () => page.getByRole('button', { name: 'Run Use' }).click());
  assert.deepEqual(use, { stdout: '42\n', error: '' });
  assert.equal(await cellLabelled(page, 'Define').getAttribute('data-runs'), '1', 'the cell above ran first');
  const alone = await runAndRead(cellLabelled(page, 'Alone'), () => page.getByRole('button', { name: 'Run Alone' }).click());
  assert.deepEqual(alone, { stdout: '', error: "NameError: name 'x' is not defined\n  on line 1: print(x + 1)" });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: Tab indents, Enter keeps the indentation, Shift+Tab dedents, Escape then Tab moves on', async () => {
  const page = await openLesson();
  await appendCells(page, [{ code: '', label: 'Loop' }]);
  const cell = cellLabelled(page, 'Loop');
  const editor = cell.getByRole('textbox');
  await editor.click();
  await page.keyboard.type('for i in range(3):\nprint(i * 2)\n');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('print("done")');
  await page.keyboard.press('Tab');
  await page.keyboard.type('# a comment');
  assert.equal(await editor.inputValue(), 'for i in range(3):\n    print(i * 2)\nprint("done")    # a comment');
  assert.deepEqual(await runAndRead(cell, () => page.keyboard.press('Control+Enter')), { stdout: '0\n2\n4\ndone\n', error: '' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.tagName;
  });
  assert.notEqual(focused, 'TEXTAREA', 'Escape, Tab leaves the editor');
  assert.equal(await editor.inputValue(), 'for i in range(3):\n    print(i * 2)\nprint("done")    # a comment');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without a worker (its script unavailable) the cells run on the main thread and print the same', async () => {
  const context = await env.chrome.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/code-cell-worker.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${env.server.url}examples/conv1d-lesson.html`);
  const cell = cellLabelled(page, 'Example 2');
  const out = await runAndRead(cell, () => page.getByRole('button', { name: 'Run Example 2', exact: true }).click());
  assert.deepEqual(out, { stdout: tutorial[3].stdout, error: '' });
  await context.close();
});

test('an endless loop runs in the worker and stops at the runtime\'s step budget with an error on its line', async () => {
  const page = await openLesson();
  await appendCells(page, [{ code: 'n = 0\nwhile True:\n    n += 1', label: 'Forever' }]);
  const out = await runAndRead(cellLabelled(page, 'Forever'), () => page.getByRole('button', { name: 'Run Forever' }).click());
  assert.equal(out.stdout, '');
  assert.match(out.error, /^RuntimeError: .*budget[^]*\n {2}on line \d: /);
  assert.ok(page.workers().some((w) => w.url().endsWith('/app/code-cell-worker.js')), 'the cell ran in a worker');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
