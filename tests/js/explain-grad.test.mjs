// Conv1d.explainGrad through the package: every weight's and bias's explained value is the very float backward
// gives, its terms are the products the formula names (padding modes included), and bad requests throw named errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { int, prng, randomLayer, randomValues } from './random-layers.mjs';

const nn = await load();

test('explained gradients equal backward\'s bit for bit, and their terms are ∂L/∂y[n, o, t] · x[source]', () => {
  const random = prng(11);
  const seen = { configurations: 0, groups: 0, dilation: 0, stride: 0, padded: new Set() };
  for (let trial = 0; trial < 150; trial++) {
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
    const g = nn.tensor(randomValues(random, plan.outputShape.reduce((a, b) => a * b, 1)), plan.outputShape);
    m.forward(x).backward(g);
    const weightGrad = m.weight.grad;
    const [outs, ins, taps] = weightGrad.shape;
    const where = `${String(m)} on [${shape}]`;
    const gradAt = (n, o, t) => g.data[(n * plan.outChannels + o) * plan.outLength + t];
    const inputAt = (n, c, p) => x.data[(n * plan.inChannels + c) * plan.length + p];
    for (let o = 0; o < outs; o++) {
      for (let i = 0; i < ins; i++) {
        for (let k = 0; k < taps; k++) {
          const e = m.explainGrad(x, g, { weight: [o, i, k] });
          assert.ok(Object.is(e.value, weightGrad.data[(o * ins + i) * taps + k]), `${where}: w[${o}, ${i}, ${k}]`);
          assert.equal(e.termCount, plan.batch * plan.outLength);
          assert.equal(e.terms.length, e.termCount);
          assert.equal(e.inputChannel, e.group * ins + i);
          for (const term of e.terms) {
            assert.equal(term.paddedPosition, term.position * m.stride + k * m.dilation);
            assert.equal(term.gradOutput, gradAt(term.batch, o, term.position));
            assert.equal(term.input, term.source < 0 ? 0 : inputAt(term.batch, e.inputChannel, term.source));
            const inside = term.paddedPosition - plan.padLeft;
            assert.equal(term.padded, inside < 0 || inside >= plan.length);
            if (!term.padded) assert.equal(term.source, inside);
            if (term.padded) seen.padded.add(`${m.paddingMode}:${term.source < 0 ? 'zero' : 'read'}`);
          }
        }
      }
      if (m.bias) {
        const b = m.explainGrad(x, g, { bias: o });
        assert.ok(Object.is(b.value, m.bias.grad.data[o]), `${where}: b[${o}]`);
        assert.deepEqual(b.terms.map((term) => term.gradOutput), b.terms.map((term) => gradAt(term.batch, o, term.position)));
      }
    }
    seen.configurations++;
    if (m.groups > 1) seen.groups++;
    if (m.dilation > 1) seen.dilation++;
    if (m.stride > 1) seen.stride++;
    m.delete();
  }
  assert.ok(seen.configurations >= 80 && seen.groups >= 10 && seen.dilation >= 10 && seen.stride >= 10,
    JSON.stringify({ ...seen, padded: [...seen.padded] }));
  // Zero padding's terms are listed as zeros (source -1); the other modes name the position they read.
  for (const kind of ['zeros:zero', 'reflect:read', 'replicate:read', 'circular:read']) assert.ok(seen.padded.has(kind), kind);
  assert.ok(![...seen.padded].some((kind) => kind.endsWith(':zero') && !kind.startsWith('zeros')));
});

test('maxTerms lists only the first terms while the value still sums them all', () => {
  nn.manualSeed(4);
  const m = new nn.Conv1d(1, 1, 3, { padding: 'same', paddingMode: 'circular' });
  const x = nn.randn(3, 1, 50);
  const g = nn.randn(3, 1, 50);
  const all = m.explainGrad(x, g, { weight: [0, 0, 2] });
  const some = m.explainGrad(x, g, { weight: [0, 0, 2], maxTerms: 4 });
  assert.equal(all.termCount, 150);
  assert.equal(some.termCount, 150);
  assert.deepEqual(some.terms, all.terms.slice(0, 4));
  assert.equal(some.value, all.value);
  assert.equal(m.explainGrad(x, g, { bias: 0, maxTerms: 0 }).terms.length, 0);
  m.delete();
});

test('bad requests throw errors naming the argument, and the layer keeps working', () => {
  nn.manualSeed(1);
  const m = new nn.Conv1d(2, 2, 3, { bias: false });
  const x = nn.randn(1, 2, 6);
  const g = nn.randn(1, 2, 4);
  const argumentOf = (which, grad = g, input = x) => {
    try {
      m.explainGrad(input, grad, which);
    } catch (error) {
      return [error.argument, error.message];
    }
    return null;
  };
  assert.deepEqual(argumentOf({ weight: [0, 0, 0] }, nn.randn(1, 2, 5)), ['grad_output',
    'Mismatch in shape: grad_output[0] has a shape of torch.Size([1, 2, 5]) and output[0] has a shape of torch.Size([1, 2, 4]).']);
  assert.equal(argumentOf({ weight: [0, 0, 0] }, g, nn.randn(1, 3, 6))[0], 'in_channels');
  assert.equal(argumentOf({ weight: [0, 0, 3] })[0], 'tap');
  assert.equal(argumentOf({ weight: [2, 0, 0] })[0], 'out_channel');
  assert.equal(argumentOf({ weight: [0, 1.5, 0] })[0], 'in_channel');
  assert.equal(argumentOf({ weight: 3 })[0], 'weight');
  assert.deepEqual(argumentOf({ bias: 0 }), ['bias', 'explain_bias_gradient(): the layer has no bias']);
  assert.equal(argumentOf({ weight: [0, 0, 0], bias: 0 })[0], 'which');
  assert.equal(argumentOf({})[0], 'which');
  assert.equal(argumentOf(null)[0], 'which');
  assert.equal(argumentOf({ weight: [0, 0, 0], maxTerms: -1 })[0], 'maxTerms');
  assert.equal(m.explainGrad(x, g, { weight: [1, 1, 2] }).termCount, 4);
  m.delete();
});
