// Import from PyTorch: real PyTorch 1.13 printouts (tests/golden/pytorch_printouts.json, written by
// tests/golden/generate_printouts.py) read back into the page's state give PyTorch's layers, weights and input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { load } from 'conv1d-playground';
import { Engine } from '../../web/app/model.js';
import { importText, pythonProgram } from '../../web/app/exchange.js';
import { defaultState, preset } from '../../web/app/state.js';
import { parseSelection, stateFromAttributes, parsePanels } from '../../web/app/options.js';
import { seededParams } from '../../web/app/exchange.js';

const nn = await load();
const golden = JSON.parse(readFileSync(new URL('../golden/pytorch_printouts.json', import.meta.url), 'utf8'));

function compare(name, got, want, exact) {
  assert.deepEqual(Array.from(got.shape), want.shape, `${name} shape`);
  want.data.forEach((v, i) => {
    const g = got.data[i];
    if (exact) assert.ok(Object.is(g, Math.fround(v)), `${name}[${i}] = ${g}, PyTorch ${v}`);
    else assert.ok(Math.abs(g - v) <= 5.1e-5 * Math.max(1, Math.abs(v)), `${name}[${i}] = ${g}, PyTorch ${v}`);
  });
}

for (const c of golden.cases) {
  test(`imports ${c.name} (${golden.torch_version})`, () => {
    if (c.error) {
      assert.throws(() => importText(nn, c.text, defaultState()), (e) => /summarised form \('\.\.\.'\)/.test(e.message) && /set_printoptions/.test(e.message));
      return;
    }
    const { state } = importText(nn, c.text, defaultState());
    const engine = new Engine(nn);
    const result = engine.run(state);
    c.layers.forEach((args, i) => {
      const l = state.layers[i];
      for (const [k, v] of Object.entries(args)) assert.equal(String(l[k]), String(v), `layer ${i} ${k}`);
      compare(`layer ${i} weight`, result.layers[i].weight, c.weights[i], c.exact);
      if (c.biases[i]) compare(`layer ${i} bias`, result.layers[i].bias, c.biases[i], c.exact);
      else assert.equal(result.layers[i].bias, null);
    });
    assert.equal(state.layers.length, c.layers.length);
    compare('input', result.input, c.input, c.exact);
    engine.dispose();
  });
}

test('a state exported as a program comes back unchanged from its printed output (no torch needed: the tail is simulated)', () => {
  // The program's own print lines, as PyTorch would print them, are what Import reads; here we check that the
  // program asks for them (the real run is in tests/browser/embed-export.test.mjs).
  const engine = new Engine(nn);
  const program = pythonProgram(engine, preset(3));
  assert.match(program, /print\(model\.state_dict\(\)\)/);
  assert.match(program, /torch\.set_printoptions\(precision=17\)/);
  assert.match(program, /torch\.manual_seed\(1\)/);
  engine.dispose();
});

test('refuses what it cannot import, saying why', () => {
  for (const [text, message] of [
    ['', /nothing to import/],
    ['hello', /found no Conv1d/],
    ['Conv1d(1, 1, kernel_size=(3,), stride=(1,), padding_mode=mirror)', /unknown padding_mode/],
    ['Sequential(\n  (0): Conv1d(1, 1, kernel_size=(3,), stride=(1,))\n  (1): ReLU()\n)', /ReLU/],
    ["Conv1d(1, 1, kernel_size=(3,), stride=(1,))\nOrderedDict([('weight', tensor([[[1., 2.]]]))])", /shape \[1, 1, 2\].*\[1, 1, 3\]/],
    ["Conv1d(1, 1, kernel_size=(3,), stride=(1,), bias=False)\nbias: tensor([1.])", /bias=False/],
    ['{"format": "other"}', /not a conv1d-playground state/],
    ['{"format": "conv1d-playground/state", "query": "?seed=x"}', /refused: seed/],
  ]) {
    assert.throws(() => importText(nn, text, defaultState()), message, text);
  }
});

test('element attributes: PyTorch notation, a selection, panels; bad values are refused with the attribute named', () => {
  const initial = (s) => seededParams(nn, s);
  const s = stateFromAttributes({ layers: 'nn.Conv1d(2, 1, kernel_size=3)', input: '[[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]]',
    weights: 'weight: tensor([[[-0.2167,  0.1201, -0.1179],\n [-0.0448, -0.3925, -0.1946]]])\nbias: tensor([0.2215])', selected: '0, 0, 1' }, initial);
  assert.equal(s.layers[0].in_channels, '2');
  assert.equal(Object.keys(s.layers[0].weightEdits).length, 6);
  assert.deepEqual(s.sel, { layer: 0, n: 0, c: 0, t: 1 });
  assert.deepEqual(parseSelection('layer 2: 0, 1, 3'), { layer: 1, n: 0, c: 1, t: 3 });
  assert.deepEqual(parseSelection('2, 0, 1, 3'), { layer: 1, n: 0, c: 1, t: 3 });
  assert.deepEqual(parsePanels('weights, output'), ['weights', 'output']);
  assert.throws(() => parsePanels('weights, plots'), /unknown panel 'plots'/);
  assert.throws(() => stateFromAttributes({ seed: 'abc' }, initial), /seed must be an integer/);
  assert.throws(() => stateFromAttributes({ layers: 'Linear(2, 3)' }, initial), /layers/);
  assert.throws(() => stateFromAttributes({ weights: 'weight: tensor([1., ..., 2.])' }, initial), /weights: .*summarised/);
  assert.equal(stateFromAttributes({ example: '2' }, initial).preset, 2);
});

test('the element module imports in Node without touching the DOM', async () => {
  const mod = await import('../../web/app/element.js');
  assert.equal(typeof mod.Conv1dPlaygroundElement, 'function');
  assert.equal(typeof globalThis.document, 'undefined');
});
