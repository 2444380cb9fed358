// In the browser: the line plots' axes and points. Tick labels are round numbers (one step of 1, 2 or 5 × 10^k),
// no two labels overlap and no marker or highlight covers a tick label, and every point has a tap target at
// least 24 px across while its marker keeps its 6 px look.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, PHONE_TOUCH, screenshotDir, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

// Example 1, a two-channel ramp through a strided stack (first and last output selected), and a long sine (x ticks beyond min/mid/max).
const PAGES = [
  ['example-1', '?seed=1&layer=1,1,3,1,0,1,1,1,zeros&input=[[[1,2,3,4,5]]]&sel=0,0,0,0'],
  ['stack', '?seed=1&layer=2,2,3,2,1,1,1,1,zeros&layer=2,1,3,1,0,1,1,1,zeros&gen=ramp&n=1&c=2&len=12&all=1&sel=1,0,0,0'],
  ['stack-last', '?seed=1&layer=2,2,3,2,1,1,1,1,zeros&layer=2,1,3,1,0,1,1,1,zeros&gen=ramp&n=1&c=2&len=12&all=1&sel=1,0,0,3'],
  ['sine-256', '?seed=1&layer=1,1,5,1,2,1,1,1,zeros&gen=sine&n=1&c=1&len=256&sel=0,0,0,0'],
];

/** Every plot's tick labels and the boxes of its texts, markers and highlights (page coordinates). */
async function readPlots(page) {
  await settled(page);
  return page.evaluate(() => [...document.querySelectorAll('svg.plot')].map((svg) => {
    const box = (el, grow = 0) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
    };
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, anchor: t.getAttribute('text-anchor'),
      tick: t.classList.contains('plot-tick'), box: box(t) }));
    const selected = [...svg.querySelectorAll('circle.hl-sel')].map((c) => box(c, Number(getComputedStyle(c).strokeWidth) / 2));
    const overlays = [...svg.querySelectorAll('.plot-overlay rect')].map((r) => box(r));
    return { label: svg.getAttribute('aria-label'), texts, shapes: [...selected, ...overlays] };
  }));
}

/** The labels' numbers are equally spaced by one round step and are its multiples. */
function assertRound(labels, what) {
  const values = labels.map(Number).sort((a, b) => a - b);
  assert.ok(values.every(Number.isFinite), `${what}: ${labels}`);
  if (values.length < 2) return;
  const step = values[1] - values[0];
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  assert.ok([1, 2, 5, 10].some((m) => Math.abs(step - m * power) <= 1e-9 * power), `${what}: step ${step} of ${labels} is 1, 2 or 5 × 10^k`);
  values.forEach((v, i) => {
    assert.ok(Math.abs(v - values[0] - i * step) <= 1e-6 * step, `${what}: ${labels} are equally spaced`);
    assert.ok(Math.abs(v / step - Math.round(v / step)) <= 1e-6, `${what}: ${v} is a multiple of ${step}`);
  });
}

const overlap = (a, b, gap = 1) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

for (const width of [1280, 375]) {
  test(`${width} px: round tick labels, no label overlaps another or sits under a marker or highlight`, async () => {
    for (const [name, query] of PAGES) {
      const page = await openPage(env.chrome.browser, env.server.url + query, { width, height: 900 });
      const plots = await readPlots(page);
      assert.ok(plots.length >= 2, `${name}: plots drawn`);
      for (const plot of plots) {
        const what = `${name} ${width}px, ${plot.label}`;
        const y = plot.texts.filter((t) => t.tick && t.anchor === 'end');
        const x = plot.texts.filter((t) => t.tick && t.anchor === 'middle');
        assert.ok(y.length >= 2 && x.length >= 2, `${what}: ticks on both axes`);
        assertRound(y.map((t) => t.text), `${what} y`);
        assertRound(x.map((t) => t.text), `${what} x`);
        plot.texts.forEach((a, i) => plot.texts.slice(i + 1).forEach((b) => {
          assert.ok(!overlap(a.box, b.box), `${what}: "${a.text}" and "${b.text}" overlap`);
        }));
        for (const t of [...y, ...x]) {
          for (const shape of plot.shapes) assert.ok(!overlap(t.box, shape, 0), `${what}: tick "${t.text}" is covered`);
        }
      }
      if (name === 'example-1') await page.locator('.plot-figure').first().screenshot({ path: join(screenshotDir, `plot-axes-${width}.png`) });
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });
}

test('every plot point has a tap target of at least 24 px; a tap beside the marker selects it', async () => {
  const page = await openPage(env.chrome.browser, env.server.url + PAGES[0][1], PHONE_TOUCH);
  await settled(page);
  // At 11.5 px from each point's centre, in four directions, the element hit is a circle of that point.
  const plots = page.locator('svg.plot');
  let checked = 0;
  for (let i = 0; i < await plots.count(); i += 1) {
    await plots.nth(i).scrollIntoViewIfNeeded();
    const targets = await plots.nth(i).evaluate((svg) => [...svg.querySelectorAll('g[data-s]')].flatMap((g) => {
      // The drawn markers (the enlarged ones of the breakdown's marks included), not what takes the taps.
      const markers = [...g.querySelectorAll('circle[data-t]')].filter((c) => c.getBoundingClientRect().width < 16);
      return markers.map((c) => {
        const r = c.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const hits = [[11.5, 0], [-11.5, 0], [0, 11.5], [0, -11.5]].map(([dx, dy]) => {
          const hit = document.elementFromPoint(cx + dx, cy + dy)?.closest('circle[data-t]');
          if (!hit) return null;
          const size = hit.getBoundingClientRect();
          return { t: hit.dataset.t, s: hit.parentNode.dataset.s, size: Math.min(size.width, size.height) };
        });
        return { t: c.dataset.t, s: g.dataset.s, look: r.width, marked: /\bhl-/.test(c.getAttribute('class') ?? ''), hits };
      });
    }));
    for (const p of targets) {
      checked += 1;
      if (!p.marked) assert.equal(p.look, 6, 'the marker keeps its 6 px look');
      for (const hit of p.hits) {
        assert.ok(hit && hit.t === p.t && hit.s === p.s, `plot ${i} point t=${p.t}: 11.5 px away still hits it (${JSON.stringify(hit)})`);
        assert.ok(hit.size >= 24, `plot ${i} point t=${p.t}: tap target ${hit.size} px`);
      }
    }
  }
  assert.ok(checked >= 6, `points checked: ${checked}`);
  // A finger lands 10 px beside output point t=2: that point is selected.
  const output = page.locator('svg.plot[data-layer="0"]');
  await output.scrollIntoViewIfNeeded();
  const box = await output.locator('g[data-s="0"] circle[data-t="2"]').first().boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2 + 7, box.y + box.height / 2 + 7);
  await page.waitForFunction(() => document.querySelector('.breakdown .formula-main .lhs')?.textContent === 'out[0, 0, 2]');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
