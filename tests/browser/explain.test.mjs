// In the browser: the breakdown of a selected output (formula, highlights, padding), the animation,
// the receptive field through a dilated stack, the weight heatmaps, keyboard use, and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, screenshotDir, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

const num = (text) => Number(text.trim().replace(/\.$/, ''));

/** Everything the breakdown shows, read from the page. */
async function readBreakdown(page) {
  await settled(page);
  return page.evaluate(() => {
    const panel = document.querySelector('.breakdown');
    // A negative weight or bias is written as subtraction: its sign is the operator before it.
    const sign = (el) => (el.previousElementSibling?.matches('.op') && el.previousElementSibling.textContent === '\u2212' ? '-' : '');
    const terms = [...panel.querySelectorAll('.formula-main .term:not(.bias)')].map((el) => ({
      weight: Number(el.dataset.weight), input: Number(el.dataset.input), ch: Number(el.dataset.ch), tap: Number(el.dataset.tap),
      wText: sign(el) + el.querySelector('.w-num').textContent, xText: el.querySelector('.x-num').textContent,
      pText: el.querySelector('.p-num').textContent,
      padded: el.classList.contains('padded'), tag: el.querySelector('.pad-tag')?.textContent ?? null,
      xSym: el.querySelector('.x-sym').textContent,
    }));
    const bias = panel.querySelector('.formula-main .term.bias');
    const value = panel.querySelector('.formula-value');
    return {
      lhs: panel.querySelector('.formula-main .lhs').textContent,
      terms,
      bias: bias ? { value: Number(bias.dataset.bias), text: sign(bias) + bias.querySelector('.t-num').textContent } : null,
      value: Number(value.dataset.value),
      valueText: value.textContent,
      live: panel.querySelector('[aria-live]').textContent,
      position: panel.querySelector('.anim-position').textContent,
      selected: [...document.querySelectorAll('td.hl-sel')].map((td) => td.textContent),
      read: [...document.querySelectorAll('table[data-layer] td.hl-read, table[data-layer] td.hl-padsrc')].map((td) => ({ key: td.dataset.key, text: td.textContent })),
      weights: [...document.querySelectorAll('.cell-input.hl-weight')].map((i) => ({ index: Number(i.dataset.index), text: i.value })),
    };
  });
}

/** The formula's checks: the core's terms sum to its value; the printed numbers sum to the printed value. */
function checkFormula(b, { outputText }) {
  let exact = Math.fround(0);
  for (const t of b.terms) exact = Math.fround(exact + Math.fround(t.weight * t.input));
  if (b.bias) exact = Math.fround(exact + b.bias.value);
  assert.ok(Math.abs(exact - b.value) <= 1e-5 * (1 + Math.abs(b.value)), `terms sum to ${exact}, value ${b.value}`);
  assert.equal(b.valueText, outputText, 'the formula ends in the value the output table shows');
  // With 4 printed decimals each product is off by at most 0.5e-4·(|w| + |x|) (+ the square): the bound to hold.
  let shown = 0;
  let bound = 0.5e-4;
  for (const t of b.terms) {
    // Each term's product is that of the two numbers printed beside it (the weight's magnitude times the input).
    assert.ok(Math.abs(num(t.pText) - Math.abs(num(t.wText)) * num(t.xText)) < 1e-12, `${t.wText} × ${t.xText} = ${t.pText}`);
    shown += num(t.wText) * num(t.xText);
    bound += 0.5e-4 * (Math.abs(num(t.wText)) + Math.abs(num(t.xText))) + 0.25e-8;
  }
  if (b.bias) {
    shown += num(b.bias.text);
    bound += 0.5e-4;
  }
  assert.ok(Math.abs(shown - num(b.valueText)) <= bound + 1e-9, `printed terms sum to ${shown}, printed value ${b.valueText} (bound ${bound})`);
}

test('each preset: select an output, read its formula and the highlights', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  for (const [n, inC, outC] of [[1, 1, 1], [2, 2, 1], [3, 2, 2]]) {
    await page.getByRole('button', { name: `Example ${n}` }).click();
    const output = page.getByRole('region', { name: 'Output', exact: true });
    // The last element of the last output channel.
    const cell = output.locator(`table.selectable td[data-key="0,${outC - 1},2"]`);
    const outputText = await cell.textContent();
    await cell.click();
    await page.waitForFunction((key) => document.querySelector(`td.hl-sel[data-key="${key}"]`), `0,${outC - 1},2`);
    const b = await readBreakdown(page);
    assert.equal(b.lhs, `out[0, ${outC - 1}, 2]`);
    assert.equal(b.terms.length, inC * 3, 'one term per input channel and tap');
    assert.deepEqual([...new Set(b.terms.map((t) => t.ch))], Array.from({ length: inC }, (_, i) => i), 'grouped by input channel, in order');
    checkFormula(b, { outputText });
    assert.deepEqual(b.selected, [outputText], 'the selected value is marked in the output table');
    // Input positions read: 2, 3, 4 of every channel of the group, marked in the input table with the values used.
    const expectedRead = b.terms.map((t) => `0,${t.ch},${2 + t.tap}`).sort();
    assert.deepEqual(b.read.map((r) => r.key).sort(), expectedRead);
    for (const t of b.terms) assert.equal(b.read.find((r) => r.key === `0,${t.ch},${2 + t.tap}`).text, t.xText);
    // Weights used: w[c, i, k] for every term, marked in the weight table with the same printed values.
    assert.deepEqual(b.weights.map((w) => w.index).sort((x, y) => x - y), b.terms.map((t) => ((outC - 1) * inC + t.ch) * 3 + t.tap).sort((x, y) => x - y));
    assert.deepEqual(b.weights.map((w) => w.text).sort(), b.terms.map((t) => t.wText).sort());
    assert.match(b.live, new RegExp(`^out\\[0, ${outC - 1}, 2\\] = \\(w\\[`), 'the formula is announced');
    assert.match(page.url(), new RegExp(`sel=0,0,${outC - 1},2`));
  }
  // The tutorial's hand check, Example 1, first output: 0.2975·1 − 0.2548·2 − 0.1119·3 + 0.2710 = −0.2770.
  await page.getByRole('button', { name: 'Example 1' }).click();
  await page.locator('table.selectable td[data-key="0,0,0"]').click();
  const b = await readBreakdown(page);
  assert.deepEqual(b.terms.map((t) => `${t.wText}×${t.xText}=${t.pText}`), ['0.2975×1.=0.2975', '-0.2548×2.=0.5096', '-0.1119×3.=0.3357']);
  assert.equal(b.bias.text, '0.2710');
  assert.equal(b.valueText, '-0.2770');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('padding: reflect-padded, dilated, strided, grouped layer shows padded values and their origin', async () => {
  const q = '?seed=1&layer=2,4,3,2,2,2,2,1,reflect&input=[[[1,2,3,4,5,6,7,8,9,10],[1,0,-1,0,1,0,-1,0,1,0]]]&sel=0,0,3,0';
  const page = await openPage(env.chrome.browser, env.server.url + q);
  const outputText = await page.locator('table.selectable td[data-key="0,3,0"]').textContent();
  const b = await readBreakdown(page);
  // groups=2: out channel 3 reads input channel 1 only; taps at padded positions 0, 2, 4 = original -2, 0, 2.
  assert.deepEqual(b.terms.map((t) => t.ch), [1, 1, 1]);
  checkFormula(b, { outputText });
  const padded = b.terms.filter((t) => t.padded);
  assert.equal(padded.length, 1);
  assert.equal(padded[0].tag, 'reflect');
  assert.equal(padded[0].xSym, 'x[0,1,2]', 'reflect padding at -2 copies position 2');
  assert.equal(padded[0].xText, '-1.');
  // The strip shows the padded cell with its value and origin; the source cell is marked in the input table.
  const padCell = page.locator('.strip tr.strip-in td.pad.tap').first();
  assert.match(await padCell.textContent(), /-1\.↤2/);
  // Every padding cell shows its value and origin (the core's paddedSources), not only the ones read so far:
  // reflect padding 2 of length 10 puts x[2], x[1] on the left and x[8], x[7] on the right.
  const pads = await page.locator('.strip tr.strip-in td.pad').evaluateAll((tds) => tds.map((td) => [td.dataset.p, td.querySelector('.v').textContent, td.querySelector('.origin')?.textContent]));
  assert.deepEqual(pads, [['0', '-1.', '↤2'], ['1', '0.', '↤1'], ['12', '1.', '↤8'], ['13', '0.', '↤7']]);
  assert.deepEqual(b.read.map((r) => r.key).sort(), ['0,1,0', '0,1,2'], 'reads positions 0 and 2 (2 also through the padding)');
  // Zero padding: the padded term is a literal zero.
  await page.goto(env.server.url + q.replace('reflect', 'zeros'));
  await page.waitForFunction(() => document.querySelector('.formula-main'));
  const z = await readBreakdown(page);
  const zp = z.terms.find((t) => t.padded);
  assert.equal(zp.xSym, '0');
  assert.equal(zp.xText, '0.');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('animation: step, back, scrub and play move the window and fill the output in; keyboard operable', async () => {
  const q = '?seed=1&layer=1,1,3,1,1,2,1,1,replicate&input=[[[1,2,3,4,5,6,7,8]]]';
  const page = await openPage(env.chrome.browser, env.server.url + q);
  const panel = page.getByRole('region', { name: 'How this output is computed' });
  const step = panel.getByRole('button', { name: 'Next output position' });
  const back = panel.getByRole('button', { name: 'Previous output position' });
  assert.equal((await readBreakdown(page)).position, '0 / 5');
  await step.click();
  await page.waitForFunction(() => document.querySelector('.anim-position').textContent === '1 / 5');
  let b = await readBreakdown(page);
  assert.equal(b.lhs, 'out[0, 0, 1]');
  checkFormula(b, { outputText: await page.locator('table.selectable td[data-key="0,0,1"]').textContent() });
  // The output row fills in: t=0..1 shown, later ones blank; the window's taps moved by the stride.
  const row = await page.locator('.strip tr.strip-out td.out').evaluateAll((tds) => tds.map((td) => [td.dataset.t, td.classList.contains('future'), td.classList.contains('current')]));
  assert.deepEqual(row.map(([t, future]) => [t, future]), ['0', '1', '2', '3', '4', '5'].map((t) => [t, Number(t) > 1]));
  assert.deepEqual(await page.locator('.strip tr.strip-in td.tap').evaluateAll((tds) => tds.map((td) => td.dataset.p)), ['1', '3', '5']);
  await back.click();
  await page.waitForFunction(() => document.querySelector('.anim-position').textContent === '0 / 5');
  // Keyboard: the scrub slider takes arrows and End; the strip takes arrows; focus stays on the control.
  const scrub = panel.getByLabel('position t');
  await scrub.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.anim-position').textContent === '1 / 5');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('.anim-position').textContent === '5 / 5');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('scrub')), true);
  await page.locator('.strip-scroll').focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('.anim-position').textContent === '0 / 5');
  // Play at 4× (a step per 275 ms): it advances by itself, then pause stops it. The page's clock is a fake one that
  // moves only when told to, so a busy machine cannot make the animation run ahead of the test (or to its end).
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await panel.getByLabel('speed').selectOption('4');
  await panel.getByRole('button', { name: 'Play' }).click();
  await page.clock.runFor(2 * 275);
  await page.waitForFunction(() => document.querySelector('.anim-position').textContent === '2 / 5');
  await panel.getByRole('button', { name: 'Pause' }).click();
  await page.clock.runFor(10 * 275);
  assert.equal(await page.locator('.anim-position').textContent(), '2 / 5', 'pause stops the animation');
  await page.clock.resume();
  b = await readBreakdown(page);
  checkFormula(b, { outputText: await page.locator('table.selectable td[data-key="0,0,2"]').textContent() });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: arrow keys in an output table move the selection; the URL keeps it and restores it', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByRole('button', { name: 'Example 3' }).click();
  const first = page.locator('table.selectable td[data-key="0,0,0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('.formula-main .lhs')?.textContent === 'out[0, 1, 1]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), '0,1,1');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('tabindex')), '0', 'one tab stop per table (roving)');
  await page.waitForFunction(() => window.location.search.includes('sel=0,0,1,1'));
  const url = page.url();
  const again = await openPage(env.chrome.browser, url);
  assert.equal(await again.locator('.formula-main .lhs').textContent(), 'out[0, 1, 1]');
  assert.deepEqual(await again.locator('td.hl-sel').evaluateAll((t) => t.map((x) => x.dataset.key)), ['0,1,1']);
  // A selection outside the output is clamped, not refused.
  const clamped = await openPage(env.chrome.browser, url.replace('sel=0,0,1,1', 'sel=0,0,9,99'));
  assert.equal(await clamped.locator('.formula-main .lhs').textContent(), 'out[0, 1, 2]');
  for (const p of [page, again, clamped]) {
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});

test('receptive field of a 3-layer dilated stack equals the analytic value', async () => {
  // kernel_size, stride, dilation, padding per layer.
  const layers = [[3, 1, 1, 1], [3, 2, 2, 0], [3, 1, 4, 0]];
  const spec = layers.map(([k, s, d, p], i) => `layer=${i === 0 ? 1 : 2},2,${k},${s},${p},${d},1,1,zeros`).join('&');
  const input = `[[[${Array.from({ length: 40 }, (_, i) => i % 7).join(',')}]]]`;
  const page = await openPage(env.chrome.browser, `${env.server.url}?seed=1&${spec}&input=${input}&sel=2,0,1,3`);
  // r_k = r_{k-1} + (k-1)·d·j_{k-1}, j_k = j_{k-1}·s, start_k = start_{k-1} - p·j_{k-1}  (r_0 = j_0 = 1, start_0 = 0)
  let r = 1;
  let j = 1;
  let start = 0;
  const expected = layers.map(([k, s, d, p]) => {
    start -= p * j;
    r += (k - 1) * d * j;
    j *= s;
    return [String(r), String(j)];
  });
  const rows = await page.locator('.rf-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[2].textContent, tr.children[3].textContent]));
  assert.deepEqual(rows, expected);
  assert.deepEqual(expected.at(-1), ['23', '2']);
  // Output t=3 of layer 3 spans start + t·jump … + size − 1.
  const first = start + 3 * j;
  assert.equal(await page.locator('.rf-range').textContent(), `${first} … ${first + r - 1}`);
  // Positions marked in the original input table: inside that span, and exactly the ones the core lists.
  const marked = await page.locator('table[data-layer="-1"] td.hl-rf').evaluateAll((t) => t.map((x) => Number(x.dataset.key.split(',')[2])));
  assert.ok(marked.length > 0);
  for (const p of marked) assert.ok(p >= first && p <= first + r - 1, `position ${p} is inside the receptive field`);
  const listed = await page.locator('.rf-summary').textContent();
  assert.match(listed, new RegExp(`reads ${marked.length} of them`));
  // Brute force: which original inputs change out[0, c, 3] of layer 3 when perturbed, computed with the package.
  const influencing = await page.evaluate(async ({ spec, t }) => {
    const { load } = await import('./lib/index.js');
    const nn = await load();
    nn.manualSeed(1);
    const ms = spec.map(([k, s, d, p], i) => new nn.Conv1d(i === 0 ? 1 : 2, 2, k, { stride: s, dilation: d, padding: p }));
    const seq = new nn.Sequential(ms);
    const base = Array.from({ length: 40 }, (_, i) => i % 7);
    const out = (x) => seq.forward([[x]]).data;
    const y0 = out(base);
    const len = y0.length / 2;
    const hits = [];
    for (let i = 0; i < 40; i += 1) {
      const x = base.slice();
      x[i] += 1;
      const y = out(x);
      if (y[t] !== y0[t] || y[len + t] !== y0[len + t]) hits.push(i);
    }
    return hits;
  }, { spec: layers, t: 3 });
  assert.deepEqual(marked.sort((a, b) => a - b), influencing);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('weight heatmap: legend, and hover/focus links it with the editable table', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByRole('button', { name: 'Example 3' }).click();
  await settled(page);
  const heat = page.locator('.heatmap').first();
  assert.match(await heat.locator('.heatmap-legend').textContent(), /-0\.4066.*0\.4066/);
  // Focusing a table cell marks it in the heatmap's readout.
  await page.getByLabel('weight[1, 0, 2]').focus();
  assert.equal(await heat.locator('.heatmap-readout').textContent(), 'w[1, 0, 2] = 0.2652');
  // Hovering a heatmap cell marks the table cell: cell (out 0, in 1, tap 0) of a 3-wide kernel.
  const box = await heat.locator('canvas').boundingBox();
  // 2 × 2 × 3 weights: 26 px cells, a 2 px gap between the two input channels' blocks (158 px wide).
  const scale = box.width / 158;
  await page.mouse.move(box.x + (3 * 26 + 2 + 13) * scale, box.y + 13 * scale);
  const linked = await page.locator('.cell-input.linked').getAttribute('aria-label');
  assert.equal(linked, 'weight[0, 1, 0]');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('selection re-renders only the breakdown: time per selection change on the 3 × 16-channel stack', async (t) => {
  const L16 = '16,16,3,1,1,1,1,1,zeros';
  const page = await openPage(env.chrome.browser, `${env.server.url}?seed=1&layer=${L16}&layer=${L16}&layer=${L16}&gen=sine&n=1&c=16&len=256`);
  const times = await page.evaluate(async () => {
    const cells = [...document.querySelectorAll('table.selectable td[data-key]')];
    const out = [];
    for (let i = 0; i < 30; i += 1) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      cells[i % cells.length].click();
      void document.body.offsetHeight;
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  });
  const median = times[15];
  const line = `selection change, 3 × Conv1d(16, 16, 3) on (1, 16, 256): median ${median.toFixed(1)} ms, p90 ${times[27].toFixed(1)} ms`;
  t.diagnostic(line);
  console.log(line);
  // Reported always; held to one frame only with STRICT_TIMING=1 (shared machines are too noisy to time).
  if (process.env.STRICT_TIMING === '1') assert.ok(median < 16, line);
  const b = await readBreakdown(page);
  assert.equal(b.terms.length, 7 * 3, '16 input channels: the first six and the last are written out, the rest folded');
  await page.getByRole('button', { name: 'Show all 48 terms' }).click();
  assert.equal((await readBreakdown(page)).terms.length, 48);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('worker path: a heavy configuration explains its outputs in the worker', async () => {
  const heavy = '?seed=1&layer=64,64,9,1,4,1,1,1,zeros&layer=64,64,9,1,4,1,1,1,zeros&gen=noise&n=2&c=64&len=4096';
  const page = await openPage(env.chrome.browser, env.server.url + heavy);
  await page.waitForFunction(() => window.conv1dPlayground.timing.lastMode === 'worker' && !window.conv1dPlayground.busy
    && document.querySelector('.formula-main'));
  assert.equal(await page.locator('.formula-main .lhs').textContent(), 'out[0, 0, 0]');
  const cell = page.locator('table.selectable td[data-key="1,63,4095"]');
  const text = await cell.textContent();
  await cell.click();
  await page.waitForFunction(() => document.querySelector('.formula-main .lhs').textContent === 'out[1, 63, 4095]');
  assert.equal(await page.locator('.formula-value').textContent(), text);
  assert.equal(await page.evaluate(() => window.conv1dPlayground.timing.lastMode), 'worker');
  assert.match(await page.locator('.rf-range').textContent(), /^4087 … 4103$/, 'two k=9 layers: size 17, padding 4 each');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('screenshots of the breakdown at 1280 px and 375 px, no horizontal page scroll', async () => {
  const q = '?seed=1&layer=2,4,3,2,2,2,2,1,reflect&layer=4,2,3,1,1,2,1,1,zeros&input=[[[1,2,3,4,5,6,7,8,9,10],[1,0,-1,0,1,0,-1,0,1,0]]]&all=1&sel=1,0,1,2';
  for (const [width, name] of [[1280, 'explain-desktop-1280'], [375, 'explain-phone-375']]) {
    const page = await openPage(env.chrome.browser, env.server.url + q, { width, height: 900 });
    await page.evaluate(() => document.querySelectorAll('.layer-detail, .input-view').forEach((el) => { el.style.contentVisibility = 'visible'; }));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))); // drawn
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `${name}: page is ${scroll}px wide at ${width}px`);
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    await page.locator('.breakdown').screenshot({ path: join(screenshotDir, `${name}-panel.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
