// The JS API, imported by package name as users do: tutorial examples, every option, golden replay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { bitsOf, firstMismatch, fixture, layerOptions } from './golden.mjs';

const nn = await load();
const close = (actual, expected, tolerance = 1e-4) => {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= tolerance, `index ${i}: ${a} vs ${expected[i]}`));
};

test('load() returns the same instance every time', async () => {
  assert.equal(await load(), nn);
});

test('tutorial example 1: seed 1, Conv1d(1, 1, 3) reproduces the printed numbers', () => {
  nn.manualSeed(1);
  const m = new nn.Conv1d(1, 1, 3, { bias: true });
  assert.equal(m.weight.toString(), 'tensor([[[ 0.2975, -0.2548, -0.1119]]])');
  assert.equal(m.bias.toString(), 'tensor([0.2710])');
  const y = m.forward(nn.tensor([[[1, 2, 3, 4, 5]]]));
  assert.deepEqual(y.shape, [1, 1, 3]);
  assert.ok(y.data instanceof Float32Array);
  assert.equal(y.toString(), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  assert.equal(String(m), 'Conv1d(1, 1, kernel_size=(3,), stride=(1,))');
  m.delete();
});

test('tutorial example 2: two input channels, the printed weights', () => {
  const m = new nn.Conv1d(2, 1, 3);
  m.weight = [[[-0.2167, 0.1201, -0.1179], [-0.0448, -0.3925, -0.1946]]];
  m.bias = [0.2215];
  const y = m.forward([[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]]);
  // The tutorial printed -1.5224 from unrounded weights; its 4-decimal weights give -1.5223 (its own hand check).
  close(y.data, [-1.5224, -2.3688, -3.2152], 2e-4);
  m.delete();
});

test('tutorial example 3: two in, two out', () => {
  const m = new nn.Conv1d(2, 2, 3);
  m.weight = [[[-0.0992, 0.4066, 0.3272], [-0.0191, -0.2725, 0.2486]],
    [[0.1267, -0.2639, 0.2652], [0.2478, 0.3621, -0.2288]]];
  m.bias = [-0.0672, -0.0079];
  const y = m.forward([[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]]);
  // 4-decimal weights: each of 13 terms may be off by 5e-5 times an input up to 5.
  close(y.data, [1.8103, 2.4019, 2.9936, 0.6720, 1.1810, 1.6901], 5e-4);
  m.delete();
});

test('golden: every PyTorch case replayed through the JS API (bit-exact init, outputs within tolerance)', () => {
  const { cases } = fixture('conv1d_cases.json');
  assert.ok(cases.length >= 200);
  for (const c of cases) {
    nn.manualSeed(c.seed);
    const layers = c.layers.map((l) => new nn.Conv1d(l.in_channels, l.out_channels, l.kernel_size, layerOptions(l)));
    layers.forEach((m, i) => {
      const expected = c.layers[i];
      assert.deepEqual(m.weight.shape, expected.weight_shape, c.name);
      assert.deepEqual(bitsOf(m.weight), expected.weight_bits, `${c.name}: weight bits of layer ${i}`);
      if (expected.bias_bits) assert.deepEqual(bitsOf(m.bias), expected.bias_bits, `${c.name}: bias bits`);
      assert.equal(m.bias === null, !expected.bias, `${c.name}: bias presence`);
    });
    const model = new nn.Sequential(layers);
    const outputs = model.forwardAll(nn.tensor(c.input, c.input_shape));
    outputs.forEach((y, i) => {
      assert.deepEqual(y.shape, c.outputs[i].shape, `${c.name}: shape of layer ${i}`);
      assert.equal(firstMismatch(y.data, c.outputs[i].data), -1, `${c.name}: output of layer ${i}`);
    });
    assert.deepEqual(model.outputShapes(c.input_shape), c.outputs.map((o) => o.shape));
    model.delete();
  }
});

test('golden: every rejection gives PyTorch\'s message', () => {
  const { cases } = fixture('conv1d_errors.json');
  for (const c of cases) {
    const l = c.layer;
    const build = () => new nn.Conv1d(l.in_channels, l.out_channels, l.kernel_size, layerOptions(l));
    if (c.error_type === 'TypeError') {
      assert.throws(build, TypeError, c.name);
    } else if (c.stage === 'construct') {
      assert.throws(build, { message: c.message }, c.name);
    } else {
      const m = build();
      const input = nn.tensor(new Float32Array(c.input_shape.reduce((a, b) => a * b, 1)), c.input_shape);
      assert.throws(() => m.forward(input), { message: c.message }, c.name);
      assert.throws(() => m.outputShape(c.input_shape), { message: c.message }, c.name);
      m.delete();
    }
  }
});

test('every option is read and reported back', () => {
  const m = new nn.Conv1d(4, 6, [5], { stride: 2, padding: 3, dilation: 2, groups: 2, bias: false, paddingMode: 'circular' });
  assert.deepEqual(m.options, { stride: 2, padding: 3, dilation: 2, groups: 2, bias: false, paddingMode: 'circular' });
  assert.deepEqual([m.inChannels, m.outChannels, m.kernelSize], [4, 6, 5]);
  assert.deepEqual(m.weight.shape, [6, 2, 5]);
  assert.equal(m.bias, null);
  assert.equal(String(m),
    'Conv1d(4, 6, kernel_size=(5,), stride=(2,), padding=(3,), dilation=(2,), groups=2, bias=False, padding_mode=circular)');
  assert.deepEqual(m.plan([1, 4, 10]), {
    batched: true, batch: 1, inChannels: 4, length: 10, padLeft: 3, padRight: 3, paddedLength: 16,
    outChannels: 6, outLength: 4, outputShape: [1, 6, 4],
  });
  m.delete();
  const same = new nn.Conv1d({ inChannels: 1, outChannels: 1, kernelSize: 4, padding: 'same', padding_mode: 'reflect' });
  const plan = same.plan([1, 7]);
  assert.deepEqual([plan.padLeft, plan.padRight, plan.outputShape], [1, 2, [1, 7]]);
  assert.equal(same.padding, 'same');
  same.delete();
});

test('unbatched input and nested arrays are accepted', () => {
  nn.manualSeed(7);
  const m = new nn.Conv1d(2, 3, 2);
  const batched = m.forward(nn.tensor([[[1, 2, 3], [4, 5, 6]]]));
  const unbatched = m.forward([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(unbatched.shape, [3, 2]);
  assert.deepEqual(Array.from(unbatched.data), Array.from(batched.data));
  assert.deepEqual(unbatched.toArray().length, 3);
  m.delete();
});

test('NaN and Infinity values propagate as in PyTorch', () => {
  const m = new nn.Conv1d(1, 1, 2, { bias: false });
  m.weight = [[[1, 1]]];
  const y = m.forward([[[1, NaN, 2, Infinity]]]);
  assert.ok(Number.isNaN(y.data[0]) && Number.isNaN(y.data[1]));
  assert.equal(y.data[2], Infinity);
  m.delete();
});

test('parameters are replaced only with their own shape; bias can be removed and restored', () => {
  const m = new nn.Conv1d(1, 2, 3);
  assert.throws(() => { m.weight = [[[1, 2, 3]]]; },
    { message: 'weight must have shape [2, 1, 3] (out_channels, in_channels / groups, kernel_size), but got [1, 1, 3]' });
  assert.throws(() => { m.bias = [1, 2, 3]; }, { message: 'bias must have shape [2] (out_channels), but got [3]' });
  assert.throws(() => { m.weight = [[[1, 'a', 3]]]; }, TypeError);
  m.bias = null;
  assert.equal(m.bias, null);
  m.bias = [0.5, -0.5];
  assert.deepEqual(Array.from(m.bias.data), [0.5, -0.5]);
  m.delete();
});

test('manualSeed follows torch: low 32 bits, negative seeds wrap, out-of-range refused', () => {
  const weightsAfter = (seed) => {
    nn.manualSeed(seed);
    const m = new nn.Conv1d(1, 1, 3);
    const bits = bitsOf(m.weight);
    m.delete();
    return bits;
  };
  assert.deepEqual(weightsAfter(2 ** 32 + 1), weightsAfter(1));
  assert.deepEqual(weightsAfter(-1), weightsAfter(2n ** 64n - 1n));
  assert.equal(nn.initialSeed(), 2n ** 64n - 1n);
  assert.throws(() => nn.manualSeed(2n ** 64n), RangeError);
  assert.throws(() => nn.manualSeed(1.5), TypeError);
  assert.throws(() => nn.manualSeed('1'), TypeError);
});

test('wrong argument types name the argument, and the module keeps working', () => {
  const cases = [
    [() => new nn.Conv1d(1, 1), TypeError, /kernel_size/],
    [() => new nn.Conv1d('1', 1, 3), TypeError, /in_channels/],
    [() => new nn.Conv1d(1, NaN, 3), TypeError, /out_channels/],
    [() => new nn.Conv1d(1, 1, 2 ** 40), RangeError, /kernel_size/],
    [() => new nn.Conv1d(1, 1, 3, { stride: 1.5 }), TypeError, /stride/],
    [() => new nn.Conv1d(1, 1, 3, { bias: 'yes' }), TypeError, /bias/],
    [() => new nn.Conv1d(1, 1, 3, { paddingMode: 3 }), TypeError, /padding_mode/],
    [() => new nn.Conv1d(1, 1, 3, { padding: {} }), TypeError, /padding/],
    [() => new nn.Conv1d(1, 1, 3, { kernel: 3 }), TypeError, /unknown option 'kernel'/],
    [() => new nn.Conv1d(1, 1, 3, 2), TypeError, /options/],
    [() => new nn.Conv1d(1, 1, 3, { get stride() { throw new Error('boom'); } }), TypeError, /stride.*boom/],
    [() => nn.tensor([[1, 2], [3]]), RangeError, /ragged/],
    [() => nn.tensor([[1, 2], 3]), TypeError, /ragged/],
    [() => nn.tensor([1, null]), TypeError, /number/],
    [() => nn.tensor(new Float32Array(3), [2, 2]), RangeError, /invalid for input of size 3/],
    [() => nn.tensor(new Float32Array(1), [65536, 65536]), RangeError, /maximum/],
    [() => nn.tensor('abc'), TypeError, /nested arrays/],
    [() => new nn.Sequential(new nn.Conv1d(1, 1, 1), {}), TypeError, /layer 1/],
  ];
  for (const [run, type, pattern] of cases) assert.throws(run, (e) => e instanceof type && pattern.test(e.message), String(run));
  nn.manualSeed(1);
  const m = new nn.Conv1d(1, 1, 3);
  assert.equal(m.forward([[[1, 2, 3, 4, 5]]]).toString(), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  m.delete();
});

test('use after delete() and a second delete() throw clear errors', () => {
  const m = new nn.Conv1d(1, 1, 1);
  m.delete();
  assert.equal(m.isDeleted(), true);
  assert.throws(() => m.forward([[[1]]]), /deleted/);
  assert.throws(() => m.weight, /deleted/);
  assert.throws(() => m.delete(), /already been deleted/);
});

test('Sequential reports intermediate outputs, shapes, the failing layer and prints like PyTorch', () => {
  nn.manualSeed(1);
  const model = new nn.Sequential(new nn.Conv1d(1, 4, 3, { padding: 1 }), new nn.Conv1d(4, 2, 3, { dilation: 2 }));
  assert.deepEqual(model.outputShapes([1, 1, 10]), [[1, 4, 10], [1, 2, 6]]);
  const outputs = model.forwardAll([[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]);
  assert.equal(outputs.length, 2);
  assert.deepEqual(Array.from(model.forward([[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]]).data), Array.from(outputs[1].data));
  assert.throws(() => model.outputShapes([1, 1, 4]), (e) => e.layerIndex === 1 && /Kernel size can't be greater/.test(e.message));
  assert.equal(String(model), 'Sequential(\n  (0): Conv1d(1, 4, kernel_size=(3,), stride=(1,), padding=(1,))\n' +
    '  (1): Conv1d(4, 2, kernel_size=(3,), stride=(1,), dilation=(2,))\n)');
  model.delete();
});

test('100,000 construct -> forward -> delete cycles leave the WASM heap where it started', () => {
  // Warm-up: the first padded forward sizes the reusable padding scratch once.
  const warm = new nn.Conv1d(2, 2, 3, { padding: 2 });
  warm.forward([[[1, 2, 3, 4], [5, 6, 7, 8]]]);
  warm.delete();
  const before = nn.memory();
  const input = nn.tensor([[[1, 2, 3, 4], [5, 6, 7, 8]]]);
  for (let i = 0; i < 100_000; i++) {
    const m = new nn.Conv1d(2, 2, 3, { padding: i % 3 });
    m.forward(input);
    m.delete();
  }
  const after = nn.memory();
  console.log(`heap: allocated ${before.allocatedBytes} -> ${after.allocatedBytes} bytes, ` +
    `heap size ${before.heapBytes} -> ${after.heapBytes} bytes`);
  assert.equal(after.allocatedBytes, before.allocatedBytes);
  assert.equal(after.heapBytes, before.heapBytes);
});

test('errors do not leak: 10,000 failed calls leave the heap unchanged', () => {
  const m = new nn.Conv1d(2, 2, 3);
  const fail = () => {
    assert.throws(() => m.forward([[[1, 2]]]));
    assert.throws(() => new nn.Conv1d(2, 3, 3, { groups: 2 }));
  };
  fail(); // the first error sizes the message buffer once
  const before = nn.memory().allocatedBytes;
  for (let i = 0; i < 10_000; i++) {
    fail();
  }
  assert.equal(nn.memory().allocatedBytes, before);
  m.delete();
});

test('errors name the argument at fault, from the core and from the JS checks alike', () => {
  const blamed = (run) => {
    try {
      run();
    } catch (error) {
      return error.argument;
    }
    return 'nothing thrown';
  };
  assert.equal(blamed(() => new nn.Conv1d(2, 3, 3, { groups: 2 })), 'groups');
  assert.equal(blamed(() => new nn.Conv1d(1, 100_000_000, 3)), 'out_channels');
  assert.equal(blamed(() => new nn.Conv1d(2, 2, 3, { groups: 0 })), 'groups');
  assert.equal(blamed(() => new nn.Conv1d(1, 1, 3, { padding: 'full' })), 'padding');
  assert.equal(blamed(() => new nn.Conv1d(1, 1, 3, { paddingMode: 'zero' })), 'padding_mode');
  assert.equal(blamed(() => new nn.Conv1d(1, 1, 2.5)), 'kernel_size');
  const m = new nn.Conv1d(2, 1, 5);
  assert.equal(blamed(() => m.forward([[[1, 2, 3]]])), 'in_channels');
  assert.equal(blamed(() => m.forward([[[1, 2], [3, 4]]])), 'kernel_size');
  assert.equal(blamed(() => m.forward([1, 2, 3])), 'input');
  assert.equal(blamed(() => { m.weight = [[[1]]]; }), 'weight');
  assert.equal(blamed(() => m.forward([[1, 2], [3]])), 'input');
  m.delete();
});
