// The breakdown's data and views stay bounded at any setting: explainSelection keeps the terms, strip columns
// and influencing positions the views show (exactly the core's), and the formula and strip built from them are a
// few dozen terms and columns however many the element reads. Work is counted, never timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { Engine, estimateCost } from '../../web/app/model.js';
import { FULL_TERMS, STRIP_COLUMNS } from '../../web/app/explain.js';
import { defaultLayer, preset } from '../../web/app/state.js';
import { formulaLayout, formulaView } from '../../web/app/views/formula.js';
import { stripView } from '../../web/app/views/strip.js';

const nn = await load();

const stateOf = (layer, input = preset(1).input, sel = null) => ({ ...preset(1), preset: null, sel, layers: [defaultLayer(layer)], input });
const noise = (channels, length) => ({ kind: 'noise', text: '', batch: '1', channels: String(channels), length: String(length), batched: true });

/** Counts virtual nodes (dom.js v()) by a predicate on their class. */
function count(vn, has) {
  if (!vn || typeof vn !== 'object') return 0;
  return (has(vn.props?.class ?? '') ? 1 : 0) + vn.children.reduce((a, c) => a + count(c, has), 0);
}

function run(state) {
  const engine = new Engine(nn);
  const result = engine.run(state);
  return { engine, result, ex: result.explain, m: engine.layers[0], x: engine.inputs[0] };
}

/** The views the breakdown draws from `ex`, as virtual nodes. */
function views({ ex, result }, layer) {
  const info = result.layers[0];
  const args = { stride: Number(layer.stride ?? 1), dilation: Number(layer.dilation ?? 1), kernel: Number(layer.kernel_size), mode: layer.padding_mode ?? 'zeros' };
  return {
    formula: formulaView(ex, { mode: args.mode }),
    strip: stripView({ ex, input: result.input, output: info.output, plan: info.plan, args, known: new Map(), filling: false }),
  };
}

const termKey = (t) => `${t.inChannel}:${t.tap}`;

test('a small explanation is kept whole and drawn as before', () => {
  const r = run(stateOf({}));
  const whole = r.m.explain(r.x, 0, 0, 0).terms;
  assert.deepEqual(r.ex.terms, whole);
  assert.equal(r.ex.termCount, 3);
  assert.deepEqual(r.ex.strip.runs, [[0, 4]]);
  assert.deepEqual(r.ex.strip.sources, [Array.from(r.m.paddedSources(5))]);
  assert.equal(count(views(r, { kernel_size: '3' }).formula, (c) => /\bterm\b/.test(c) && !/bias/.test(c)), 3);
});

test("kernel_size=20000, padding='same': a few exact terms of 20000, a strip of at most STRIP_COLUMNS columns", () => {
  const layer = { kernel_size: '20000', padding: 'same' };
  const r = run(stateOf(layer));
  const ex = r.ex;
  assert.equal(ex.error, null);
  assert.equal(ex.termCount, 20000);
  assert.ok(ex.terms.length <= 64, `kept terms: ${ex.terms.length}`);
  const whole = r.m.explain(r.x, 0, 0, 0).terms;
  for (const t of ex.terms) assert.deepEqual(t, whole[t.tap], `term ${termKey(t)} is the core's`);
  const taps = ex.terms.map((t) => t.tap);
  for (const tap of [0, 1, 2, 19997, 19998, 19999]) assert.ok(taps.includes(tap), `tap ${tap} kept`);
  assert.deepEqual(ex.window, { lo: 0, hi: 19999 });
  const columns = ex.strip.runs.reduce((a, [from, to]) => a + to - from + 1, 0);
  assert.ok(columns <= STRIP_COLUMNS, `strip columns: ${columns}`);
  const sources = r.m.paddedSources(5);
  ex.strip.runs.forEach(([from, to], i) => assert.deepEqual(ex.strip.sources[i], Array.from(sources.slice(from, to + 1))));
  // The selected output's neighbourhood: padded positions 9999..10003 hold the input (out[0] sits at 9999).
  assert.ok(ex.strip.runs.some(([from, to]) => from <= 9999 && to >= 10003), JSON.stringify(ex.strip.runs));
  const v = views(r, layer);
  assert.ok(count(v.formula, (c) => /\bterm\b/.test(c)) <= 8);
  assert.deepEqual(formulaLayout(ex).flatMap((p) => p.items ?? []).filter((t) => t.gap).map((t) => t.gap), [19994]);
  assert.ok(count(v.strip, (c) => /\btap\b/.test(c)) <= STRIP_COLUMNS);
  assert.ok(JSON.stringify(v.strip).length < 60_000, 'the strip is a few dozen cells');
});

test('a window 4000000 positions wide: its three taps drawn, the gaps summarised', () => {
  const layer = { padding: 'same', dilation: '4000000' };
  const r = run(stateOf(layer));
  const columns = r.ex.strip.runs.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
  assert.ok(columns.length <= STRIP_COLUMNS);
  for (const p of [0, 4000000, 8000000]) assert.ok(columns.includes(p), `tap at ${p} shown`);
  assert.ok(r.ex.strip.runs.length === 3, JSON.stringify(r.ex.strip.runs));
});

test('many input channels: the formula folds the middle ones and keeps only what it writes', () => {
  const r = run(stateOf({ in_channels: '64', kernel_size: '9', padding: '4' }, noise(64, 32)));
  assert.equal(r.ex.termCount, 64 * 9);
  assert.ok(r.ex.termCount > FULL_TERMS);
  assert.deepEqual([...new Set(r.ex.terms.map((t) => t.inChannel))], [0, 1, 2, 3, 4, 5, 63]);
  const layout = formulaLayout(r.ex);
  assert.deepEqual(layout.filter((p) => p.fold).map((p) => p.fold), [{ channels: 57, terms: 57 * 9 }]);
  const whole = r.m.explain(r.x, 0, 0, 0).terms;
  for (const t of r.ex.terms) assert.deepEqual(t, whole[t.inChannel * 9 + t.tap]);
});

test('a summarised explanation keeps the terms reading the input positions a summarised table shows', () => {
  const r = run(stateOf({ kernel_size: '600', padding: '100' }, noise(1, 1000), { layer: 0, n: 0, c: 0, t: 0 }));
  assert.ok(r.ex.terms.length < r.ex.termCount);
  const whole = r.m.explain(r.x, 0, 0, 0).terms;
  const kept = new Set(r.ex.terms.map(termKey));
  for (const t of whole.filter((w) => w.source >= 0 && w.source < 3)) assert.ok(kept.has(termKey(t)), `tap ${t.tap} reads x[${t.source}]`);
});

test('influencing positions: the ends of a long list and its count', () => {
  const r = run(stateOf({ kernel_size: '3000' }, noise(1, 4000), { layer: 0, n: 0, c: 0, t: 10 }));
  assert.equal(r.ex.influencingCount, 3000);
  assert.equal(r.ex.influencing.length, 1024);
  assert.deepEqual(r.ex.influencing.slice(0, 2), [10, 11]);
  assert.deepEqual(r.ex.influencing.slice(-2), [3008, 3009]);
});

test('the cost estimate counts padding, dilation and the kernel span', () => {
  const base = estimateCost(stateOf({}));
  const heavy = (layer) => estimateCost(stateOf(layer));
  // A padded input or an output of millions, or a kernel of 20000 taps to explain, costs millions.
  for (const layer of [{ padding: '8388600' }, { kernel_size: '20000', padding: 'same' }, { dilation: '4000000', padding: 'same' },
    { out_channels: '4096', kernel_size: '4096' }]) {
    assert.ok(heavy(layer) > 1000 * base && heavy(layer) > 3_000_000, `${JSON.stringify(layer)}: ${heavy(layer)}`);
  }
  // So does an input of a million values, generated or parsed on whichever thread computes.
  const input = estimateCost(stateOf({}, { ...noise(16, 1024), batch: '64' }));
  assert.ok(input > 3_000_000, `a (64, 16, 1024) input: ${input}`);
  assert.ok(base < 10_000, `the tutorial's example: ${base}`);
});
