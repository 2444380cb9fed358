// Training through the JS API, imported by package name: autograd, losses and optimizers replayed against real
// PyTorch 1.13 runs (tests/golden/training_runs.json, from generate_training.py), PyTorch's error messages, and a
// long training loop that leaves the WebAssembly heap as it found it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { fixture } from './golden.mjs';

const nn = await load();
const golden = fixture('training_runs.json');

function build(layers) {
  return new nn.Sequential(layers.map((l) => {
    if (l.type !== 'conv') return new { relu: nn.ReLU, tanh: nn.Tanh, sigmoid: nn.Sigmoid }[l.type]();
    const { type, in_channels: i, out_channels: o, kernel_size: k, ...options } = l;
    return new nn.Conv1d(i, o, k, options);
  }));
}

const lossOf = (spec) => new (spec.type === 'mse' ? nn.MSELoss : nn.L1Loss)({ reduction: spec.reduction });
const optimizerOf = (spec, params) => new (spec.type === 'sgd' ? nn.optim.SGD : nn.optim.Adam)(params, spec.options);

// |a - b| / (atol + rtol * |b|): at most 1 passes.
function worstRatio(actual, expected, rtol, atol) {
  assert.equal(actual.length, expected.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const ratio = Math.abs(actual[i] - expected[i]) / (atol + rtol * Math.abs(expected[i]));
    if (!(ratio <= worst)) {
      worst = ratio;
      at = i;
    }
  }
  return { worst, at };
}

function assertClose(actual, expected, rtol, atol, what) {
  const { worst, at } = worstRatio(actual, expected, rtol, atol);
  assert.ok(worst <= 1, `${what}: index ${at}: ${actual[at]} vs ${expected[at]} (${worst.toFixed(2)} of the tolerance)`);
  return worst;
}

const sameFloats = (actual, expected, what) =>
  assert.deepEqual(Array.from(actual), expected.map(Math.fround), `${what}: not bit-identical to torch's`);

test('golden: 25-step PyTorch training runs replayed (each loss rtol 1e-3, final parameters rtol 1e-3 / atol 1e-4)', (t) => {
  assert.ok(golden.runs.length >= 30);
  let worstLoss = 0;
  let worstParameter = 0;
  for (const run of golden.runs) {
    nn.manualSeed(run.seed);
    const model = build(run.layers);
    const x = nn.randn(run.input_shape);
    const target = nn.randn(run.target_shape);
    sameFloats(x.data, run.input, `${run.name}: input`);
    sameFloats(target.data, run.target, `${run.name}: target`);
    const params = model.parameters();
    assert.equal(params.length, run.initial_parameters.length, run.name);
    params.forEach((p, i) => sameFloats(p.data, run.initial_parameters[i], `${run.name}: parameter ${i}`));

    const lossFn = lossOf(run.loss);
    const opt = optimizerOf(run.optimizer, params);
    const losses = [];
    for (let step = 0; step < golden.steps; step++) {
      opt.zeroGrad();
      const loss = lossFn.forward(model.forward(x), target);
      if (run.loss.reduction === 'none') {
        assert.deepEqual(loss.shape, run.target_shape);
        loss.backward(nn.ones(loss.shape));
        losses.push(loss.data.reduce((a, b) => a + b, 0));
      } else {
        assert.deepEqual(loss.shape, []);
        loss.backward();
        losses.push(loss.item());
      }
      opt.step();
    }
    worstLoss = Math.max(worstLoss, assertClose(losses, run.losses, 1e-3, 1e-7, `${run.name}: losses`));
    model.parameters().forEach((p, i) => {
      worstParameter = Math.max(worstParameter,
        assertClose(p.data, run.final_parameters[i], 1e-3, 1e-4, `${run.name}: final parameter ${i}`));
    });
    model.delete();
  }
  t.diagnostic(`worst loss error: ${worstLoss.toFixed(4)} of rtol 1e-3; worst final parameter: ` +
    `${worstParameter.toFixed(4)} of rtol 1e-3 / atol 1e-4`);
});

test('golden: one backward gives torch\'s input, weight and bias gradients (rtol 1e-4, atol 1e-5 of the largest)', (t) => {
  let worst = 0;
  for (const c of golden.gradients) {
    nn.manualSeed(c.seed);
    const model = build(c.layers);
    const x = nn.randn(c.input_shape).requiresGrad_();
    sameFloats(x.data, c.input, `${c.name}: input`);
    const y = model.forward(x);
    if (c.grad_output) {
      const g = nn.randn(c.output_shape);
      sameFloats(g.data, c.grad_output, `${c.name}: grad_output`);
      y.backward(g);
    } else {
      const target = nn.randn(c.target_shape);
      const loss = lossOf(c.loss).forward(y, target);
      assertClose([loss.item()], [c.loss_value], 1e-5, 0, `${c.name}: loss`);
      loss.backward();
    }
    const check = (actual, expected, what) => {
      const largest = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      worst = Math.max(worst, assertClose(actual.data, expected, 1e-4, 1e-5 * largest + 1e-30, `${c.name}: ${what}`));
    };
    check(x.grad, c.input_grad, 'input gradient');
    model.parameters().forEach((p, i) => {
      assert.deepEqual(p.grad.shape, p.shape);
      check(p.grad, c.parameter_grads[i], `parameter ${i} gradient`);
    });
    model.delete();
  }
  t.diagnostic(`worst gradient error: ${worst.toFixed(4)} of the tolerance`);
});

test('golden: two branches on one input compared by a loss: the input gradient sums both, the target side learns', (t) => {
  assert.ok(golden.branches.length >= 2);
  let worst = 0;
  const check = (actual, expected, what) => {
    const largest = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    worst = Math.max(worst, assertClose(actual.data, expected, 1e-4, 1e-5 * largest + 1e-30, what));
  };
  for (const c of golden.branches) {
    nn.manualSeed(c.seed);
    const a = build(c.a);
    const b = build(c.b);
    const x = nn.randn(c.input_shape).requiresGrad_();
    const loss = lossOf(c.loss).forward(a.forward(x), b.forward(x));
    assertClose([loss.item()], [c.loss_value], 1e-5, 0, `${c.name}: loss`);
    loss.backward();
    check(x.grad, c.input_grad, `${c.name}: input gradient`);
    a.parameters().forEach((p, i) => check(p.grad, c.a_grads[i], `${c.name}: a's parameter ${i}`));
    b.parameters().forEach((p, i) => check(p.grad, c.b_grads[i], `${c.name}: b's parameter ${i}`));
    a.delete();
    b.delete();
  }
  t.diagnostic(`worst gradient error: ${worst.toFixed(4)} of the tolerance`);
});

test('the issue\'s example: scalar loss, .grad copies shaped like the parameters, input gradients', () => {
  nn.manualSeed(3);
  const model = new nn.Sequential(new nn.Conv1d(2, 4, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv1d(4, 1, 3));
  const x = nn.randn(1, 2, 16);
  const target = nn.randn(1, 1, 14);
  const lossFn = new nn.MSELoss();
  const opt = new nn.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  assert.equal(model.at(0).weight.grad, null);
  assert.equal(model.at(0).bias.grad, null);
  assert.equal(model.parameters().length, 4);
  assert.ok(model.parameters().every((p) => p.requiresGrad && p.isLeaf));
  const losses = [];
  for (let step = 0; step < 25; step++) {
    opt.zeroGrad();
    const loss = lossFn.forward(model.forward(x), target);
    assert.deepEqual(loss.shape, []);
    assert.ok(loss.requiresGrad && !loss.isLeaf);
    loss.backward();
    opt.step();
    losses.push(loss.item());
  }
  assert.ok(losses[24] < losses[0] / 4, `the loss falls: ${losses[0]} -> ${losses[24]}`);
  const grad = model.at(0).weight.grad;
  assert.deepEqual(grad.shape, [4, 2, 3]);
  grad.data.fill(42); // a copy: the layer's gradient is untouched
  assert.notEqual(model.at(0).weight.grad.data[0], 42);
  assert.deepEqual(model.at(2).bias.grad.shape, [1]);
  assert.equal(x.grad, null);

  const xi = nn.randn(1, 2, 16).requiresGrad_();
  assert.equal(xi.grad, null);
  const y = model.forward(xi);
  assert.equal(y.grad, null);
  y.backward(nn.ones(1, 1, 14));
  assert.deepEqual(xi.grad.shape, [1, 2, 16]);
  assert.ok(xi.grad.data.some((v) => v !== 0));
  model.delete();
});

test('gradients accumulate across backward calls until zeroGrad; zero tensors afterwards, as torch 1.13', () => {
  nn.manualSeed(5);
  const m = new nn.Conv1d(1, 2, 3);
  const x = nn.randn(1, 1, 8).requiresGrad_();
  const g = nn.randn(1, 2, 6);
  m.forward(x).backward(g);
  const once = m.weight.grad.data.slice();
  const inputOnce = x.grad.data.slice();
  m.forward(x).backward(g);
  assert.deepEqual(Array.from(m.weight.grad.data), Array.from(once, (v) => Math.fround(v + v)));
  assert.deepEqual(Array.from(x.grad.data), Array.from(inputOnce, (v) => Math.fround(v + v)));
  const opt = new nn.optim.SGD(m.parameters(), { lr: 0.1 });
  opt.zeroGrad();
  assert.deepEqual(Array.from(m.weight.grad.data), [0, 0, 0, 0, 0, 0]);
  m.forward(x).backward(g);
  assert.deepEqual(Array.from(m.weight.grad.data), Array.from(once));
  m.zeroGrad();
  assert.deepEqual(Array.from(m.bias.grad.data), [0, 0]);
  m.delete();
});

test('detach, requiresGrad_(false) and frozen parameters', () => {
  nn.manualSeed(7);
  const m = new nn.Conv1d(1, 1, 3);
  const x = nn.randn(1, 1, 6).requiresGrad_();
  const y = m.forward(x);
  const d = y.detach();
  assert.equal(d.requiresGrad, false);
  assert.equal(d.data, y.data, 'detach shares the values');
  assert.throws(() => y.requiresGrad_(false), { message: /^you can only change requires_grad flags of leaf variables/ });
  assert.throws(() => d.backward(nn.ones(1, 1, 4)), { message: 'element 0 of tensors does not require grad and does not have a grad_fn' });
  m.weight.requiresGrad_(false); // the layer's flag: the weight gets no gradient, the bias still does
  assert.equal(m.weight.requiresGrad, false);
  m.forward(x).backward(nn.ones(1, 1, 4));
  assert.equal(m.weight.grad, null);
  assert.deepEqual(Array.from(m.bias.grad.data), [4]);
  assert.deepEqual(x.grad.shape, [1, 1, 6]);
  m.delete();
});

test('ReLU, Tanh, Sigmoid modules, zeros and ones', () => {
  const x = nn.tensor([[-1, 0, 2]]);
  assert.deepEqual(Array.from(new nn.ReLU().forward(x).data), [0, 0, 2]);
  assert.deepEqual(Array.from(new nn.Tanh().forward(x).data), [-1, 0, 2].map((v) => Math.fround(Math.tanh(v))));
  assert.equal(new nn.Sigmoid().forward(x).data[1], 0.5);
  assert.equal(String(new nn.Sigmoid()), 'Sigmoid()');
  assert.deepEqual(new nn.Tanh().forward([[1, 2]]).shape, [1, 2]);
  assert.deepEqual(Array.from(nn.zeros(2, 2).data), [0, 0, 0, 0]);
  assert.deepEqual(nn.ones([2, 3]).shape, [2, 3]);
  assert.deepEqual(Array.from(nn.ones(3).data), [1, 1, 1]);
  assert.throws(() => nn.zeros(-1), RangeError);
});

test('Sequential with activations: shapes, receptive fields, influencing inputs, printing and export', () => {
  nn.manualSeed(1);
  const model = new nn.Sequential(new nn.Tanh(), new nn.Conv1d(1, 2, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv1d(2, 1, 3));
  assert.deepEqual(model.outputShapes([1, 1, 8]), [[1, 1, 8], [1, 2, 8], [1, 2, 8], [1, 1, 6]]);
  assert.equal(model.forwardAll(nn.randn(1, 1, 8)).length, 4);
  assert.deepEqual(model.receptiveFields().map((f) => f.size), [1, 3, 3, 5]);
  assert.deepEqual(model.influencingInputs([1, 1, 8], 0, 4), [4]);
  assert.deepEqual(model.influencingInputs([1, 1, 8], 2, 0), [0, 1]);
  assert.deepEqual(model.influencingInputs([1, 1, 8], 3, 0), model.influencingInputs([1, 1, 8], 3, 0));
  assert.throws(() => model.influencingInputs([1, 1, 8], 4, 0), { argument: 'layer_index' });
  assert.throws(() => model.influencingInputs([1, 1, 8], 0, 8), { argument: 'position' });
  assert.match(String(model), /\(0\): Tanh\(\)\n {2}\(1\): Conv1d\(1, 2/);
  const program = model.toPython([[[1, 2, 3, 4, 5]]]);
  assert.match(program, /torch\.manual_seed\(1\)\nmodel = nn\.Sequential\(\n {4}nn\.Tanh\(\),\n {4}nn\.Conv1d\(1, 2/);
  const lone = new nn.Conv1d(1, 1, 1);
  assert.throws(() => new nn.Sequential(lone, {}), /layer 1 must be a Conv1d, ReLU, Tanh or Sigmoid/);
  lone.delete();
  model.delete();
});

test('errors in PyTorch\'s words, and the module keeps training afterwards', () => {
  nn.manualSeed(2);
  const model = new nn.Sequential(new nn.Conv1d(1, 2, 3), new nn.Sigmoid(), new nn.Conv1d(2, 1, 1));
  const x = nn.randn(1, 1, 8);
  const target = nn.randn(1, 1, 6);
  const lossFn = new nn.L1Loss();
  const opt = new nn.optim.Adam(model.parameters(), { lr: 0.01, weight_decay: 0.01 });
  const y = model.forward(x);
  assert.throws(() => y.backward(), { message: 'grad can be implicitly created only for scalar outputs' });
  assert.throws(() => y.backward(nn.ones(1, 1, 5)), {
    message: 'Mismatch in shape: grad_output[0] has a shape of torch.Size([1, 1, 5]) and output[0] has a shape of ' +
      'torch.Size([1, 1, 6]).',
  });
  assert.throws(() => lossFn.forward(y, nn.ones(1, 1, 5)), {
    message: 'The size of tensor a (6) must match the size of tensor b (5) at non-singleton dimension 2',
    argument: 'target',
  });
  assert.throws(() => lossFn.forward(y, nn.ones(1, 6)), /the target's shape \[1, 6\] differs from the input's \[1, 1, 6\]/);
  assert.throws(() => new nn.MSELoss({ reduction: 'avg' }), { message: 'avg is not a valid value for reduction' });
  const buffer = new ArrayBuffer(24, { maxByteLength: 48 });
  const shrinking = new nn.Tensor(new Float32Array(buffer), [1, 1, 6]);
  buffer.resize(8); // the Tensor's data now holds 2 values, its shape still says 6
  assert.throws(() => lossFn.forward(y, shrinking), { name: 'RangeError', argument: 'target' });
  assert.throws(() => y.backward(shrinking), { name: 'RangeError', argument: 'gradient' });
  assert.throws(() => new nn.ReLU().forward(shrinking), { name: 'RangeError', argument: 'input' });
  assert.equal(model.at(0).weight.grad, null, 'a refused backward changes nothing');

  const loss = lossFn.forward(y, target);
  loss.backward();
  assert.throws(() => loss.backward(), {
    message: 'Trying to backward through the graph a second time (or directly access saved tensors after they have ' +
      'already been freed). Saved intermediate values of the graph are freed when you call .backward() or ' +
      'autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you ' +
      'need to access saved tensors after calling backward.',
  });
  const stale = lossFn.forward(model.forward(x), target);
  opt.step(); // changes the weights the graph saved
  assert.throws(() => stale.backward(), {
    message: /^one of the variables needed for gradient computation has been modified by an inplace operation: \[torch\.FloatTensor \[1, 2, 1\]\] is at version 1; expected version 0 instead\./,
  });
  assert.throws(() => nn.randn(3).backward(), { message: 'element 0 of tensors does not require grad and does not have a grad_fn' });

  const before = lossFn.forward(model.forward(x), target).item();
  for (let step = 0; step < 10; step++) {
    opt.zeroGrad();
    const l = lossFn.forward(model.forward(x), target);
    l.backward();
    opt.step();
  }
  assert.ok(lossFn.forward(model.forward(x), target).item() < before, 'still trains');
  model.delete();
});

test('optimizer arguments are checked as torch checks them', () => {
  const m = new nn.Conv1d(1, 1, 3);
  const params = m.parameters();
  const error = (make, message) => assert.throws(make, { message });
  error(() => new nn.optim.SGD(params), "parameter group didn't specify a value of required optimization parameter lr");
  error(() => new nn.optim.SGD(params, { lr: -1 }), 'Invalid learning rate: -1');
  error(() => new nn.optim.SGD(params, { lr: 0.1, momentum: -0.5 }), 'Invalid momentum value: -0.5');
  error(() => new nn.optim.SGD(params, { lr: 0.1, weightDecay: -1 }), 'Invalid weight_decay value: -1');
  error(() => new nn.optim.SGD(params, { lr: 0.1, nesterov: true }), 'Nesterov momentum requires a momentum and zero dampening');
  error(() => new nn.optim.SGD([], { lr: 0.1 }), 'optimizer got an empty parameter list');
  error(() => new nn.optim.SGD([m.forward([[1, 2, 3]])], { lr: 0.1 }), "can't optimize a non-leaf Tensor");
  error(() => new nn.optim.SGD([1], { lr: 0.1 }), 'optimizer can only optimize Tensors, but one of the params is 1');
  error(() => new nn.optim.SGD([m.weight, m.weight], { lr: 0.1 }), 'optimizer contains a parameter group with duplicate parameters');
  error(() => new nn.optim.SGD(params, { lr: 0.1, weightDecay: 0.1, weight_decay: 0.1 }), /option 'weight_decay' given twice/);
  error(() => new nn.optim.SGD(params, { lr: 0.1, maximize: true }), /unknown option 'maximize'/);
  error(() => new nn.optim.Adam(params, { betas: [1, 0.9] }), 'Invalid beta parameter at index 0: 1');
  error(() => new nn.optim.Adam(params, { betas: [0.9, -0.1] }), 'Invalid beta parameter at index 1: -0.1');
  error(() => new nn.optim.Adam(params, { eps: -1 }), 'Invalid epsilon value: -1');
  error(() => new nn.optim.Adam(params, { lr: -0.1 }), 'Invalid learning rate: -0.1');
  assert.deepEqual(new nn.optim.Adam(params).options, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });

  // A user's leaf tensor can be optimized too: its values change in place.
  const w = nn.tensor([1, 2]).requiresGrad_();
  const opt = new nn.optim.SGD([w], { lr: 0.5 });
  new nn.MSELoss({ reduction: 'sum' }).forward(w, nn.zeros(2)).backward();
  opt.step();
  assert.deepEqual(Array.from(w.data), [0, 0]);
  m.delete();
});

test('100,000 training steps leave the WebAssembly heap as it was (graphs are freed after backward)', () => {
  nn.manualSeed(11);
  const model = new nn.Sequential(new nn.Conv1d(2, 4, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv1d(4, 1, 3));
  const x = nn.randn(1, 2, 16);
  const target = nn.randn(1, 1, 14);
  const lossFn = new nn.MSELoss();
  const opt = new nn.optim.Adam(model.parameters(), { lr: 1e-3 });
  const step = () => {
    opt.zeroGrad();
    const loss = lossFn.forward(model.forward(x), target);
    loss.backward();
    opt.step();
    return loss;
  };
  for (let i = 0; i < 100; i++) step();
  const before = nn.memory();
  let last;
  for (let i = 0; i < 100_000; i++) last = step();
  const after = nn.memory();
  // Not more (fewer happens: layers other tests left to the garbage collector are freed when it runs).
  assert.ok(after.allocatedBytes <= before.allocatedBytes, `${before.allocatedBytes} -> ${after.allocatedBytes} bytes`);
  assert.equal(after.heapBytes, before.heapBytes);
  assert.ok(Number.isFinite(last.item()));
  model.delete();
});

test('a trained layer is exported with its trained values, not as its seed', async () => {
  const nn = await load();
  nn.manualSeed(5);
  const model = new nn.Sequential(new nn.Conv1d(1, 1, 3), new nn.ReLU());
  const x = nn.randn(1, 1, 6);
  assert.doesNotMatch(model.toPython(x), /weight\.copy_/, 'untouched: the seed reproduces it');
  const opt = new nn.optim.SGD(model.parameters(), { lr: 0.1 });
  new nn.MSELoss().forward(model.forward(x), nn.zeros(1, 1, 4)).backward();
  opt.step();
  const program = model.toPython(x);
  assert.match(program, /weight\.copy_/);
  assert.ok(model.at(0).origin.edited);
  model.delete();
});
