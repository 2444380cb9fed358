// Conv1d.explain and the stack's receptive fields through the package, against real outputs and
// a brute-force influence search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { int, prng, randomLayer, randomValues } from './random-layers.mjs';

const nn = await load();

test('explained terms sum to the output and name exactly the inputs that influence it', () => {
  const random = prng(5);
  let explained = 0;
  for (let trial = 0; trial < 200; trial++) {
    const spec = randomLayer(random);
    const batched = random() < 0.5;
    const length = int(random, 3, 9);
    const shape = batched ? [2, spec.inChannels, length] : [spec.inChannels, length];
    nn.manualSeed(trial);
    const m = new nn.Conv1d(spec.inChannels, spec.outChannels, spec.kernelSize, spec.options);
    let plan;
    try {
      plan = m.plan(shape);
    } catch {
      m.delete();
      continue; // PyTorch refuses this input (e.g. reflect padding >= length)
    }
    const x = nn.tensor(randomValues(random, shape.reduce((a, b) => a * b, 1)), shape);
    const y = m.forward(x);
    const n = batched ? int(random, 0, 1) : 0;
    const c = int(random, 0, plan.outChannels - 1);
    const t = int(random, 0, plan.outLength - 1);
    const at = (n * plan.outChannels + c) * plan.outLength + t;
    const e = m.explain(x, n, c, t);
    const where = `${String(m)} on [${shape}] at (${n}, ${c}, ${t})`;
    const sum = e.terms.reduce((s, term) => s + term.input * term.weight, e.bias ?? 0);
    assert.ok(Math.abs(sum - y.data[at]) <= 1e-4 * (1 + Math.abs(y.data[at])), `${where}: ${sum} vs ${y.data[at]}`);
    assert.ok(Math.abs(e.value - y.data[at]) <= 1e-4 * (1 + Math.abs(y.data[at])), where);

    const named = new Set();
    for (const term of e.terms) {
      const offset = ((batched ? n : 0) * spec.inChannels + term.inChannel) * length;
      if (term.source < 0) {
        assert.equal(spec.options.paddingMode, 'zeros', where);
        assert.equal(term.input, 0, where);
      } else {
        assert.equal(term.input, x.data[offset + term.source], `${where}: value at padded position ${term.paddedPosition}`);
        named.add(`${term.inChannel}:${term.source}`);
      }
      const inside = term.paddedPosition >= plan.padLeft && term.paddedPosition < plan.padLeft + length;
      assert.equal(term.padded, !inside, where);
    }
    const observed = new Set();
    for (let ic = 0; ic < spec.inChannels; ic++) {
      for (let i = 0; i < length; i++) {
        const perturbed = x.clone();
        perturbed.data[((batched ? n : 0) * spec.inChannels + ic) * length + i] += 64;
        if (m.forward(perturbed).data[at] !== y.data[at]) observed.add(`${ic}:${i}`);
      }
    }
    assert.deepEqual([...named].sort(), [...observed].sort(), where);
    m.delete();
    explained++;
  }
  assert.ok(explained > 100, `only ${explained} configurations explained`);
});

test('explain() refuses positions outside the output, naming the argument', () => {
  const m = new nn.Conv1d(1, 1, 3);
  assert.throws(() => m.explain([[[1, 2, 3, 4, 5]]], 0, 0, 3), /position=3 is out of range/);
  assert.throws(() => m.explain([[[1, 2, 3, 4, 5]]], 0, 0, 1.5), TypeError);
  m.delete();
});

test('receptive field of a 3-layer dilated stack equals the analytic value', () => {
  const model = new nn.Sequential([1, 2, 4].map((d) => new nn.Conv1d(1, 1, 3, { dilation: d, padding: d })));
  assert.deepEqual(model.receptiveFields(), [
    { size: 3, jump: 1, start: -1 }, { size: 7, jump: 1, start: -3 }, { size: 15, jump: 1, start: -7 },
  ]);
  const seen = model.influencingInputs([1, 1, 40], 2, 20);
  assert.deepEqual(seen, Array.from({ length: 15 }, (_, i) => 13 + i));
  model.delete();
});

test('paddedSources says where every padded position reads from', () => {
  const cases = [
    ['zeros', [-1, -1, 0, 1, 2, 3, -1, -1]],
    ['reflect', [2, 1, 0, 1, 2, 3, 2, 1]],
    ['replicate', [0, 0, 0, 1, 2, 3, 3, 3]],
    ['circular', [2, 3, 0, 1, 2, 3, 0, 1]],
  ];
  for (const [paddingMode, expected] of cases) {
    const m = new nn.Conv1d(1, 1, 3, { padding: 2, paddingMode });
    assert.deepEqual(m.paddedSources(4), expected, paddingMode);
    m.delete();
  }
  const reflect = new nn.Conv1d(1, 1, 3, { padding: 2, paddingMode: 'reflect' });
  assert.throws(() => reflect.paddedSources(2), /Padding size should be less than/);
  reflect.delete();
});
