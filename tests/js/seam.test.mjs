// The JS/WASM seam: a caller's values cannot write or read outside their buffers, interrupt a core call,
// or leak memory, however they lie (redefined lengths, holes, getters, proxies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { load } from 'conv1d-playground';

const nn = await load();

// A Float32Array whose `length` property lies.
function lyingArray(realLength, claimedLength) {
  const data = new Float32Array(realLength).fill(7);
  Object.defineProperty(data, 'length', { value: claimedLength });
  return data;
}

// Runs `attack` and checks that a bystander layer's parameters and the module survive it.
function withBystander(attack) {
  nn.manualSeed(0);
  const bystander = new nn.Conv1d(1, 4, 3);
  const weight = bystander.weight.data.slice();
  attack();
  assert.deepEqual(bystander.weight.data, weight, "the other layer's weights are untouched");
  bystander.delete();
  assert.equal(new nn.Conv1d(1, 1, 3).forward([[[1, 2, 3]]]).shape.join(), '1,1,1', 'the module still works');
}

test('a typed array whose length property lies is measured by its real length', () => {
  withBystander(() => {
    assert.throws(() => nn.tensor(lyingArray(100000, 5), [1, 1, 5]), /invalid for input of size 100000/);
    assert.throws(() => new nn.Tensor(lyingArray(100000, 5), [1, 1, 5]), /invalid for input of size 100000/);
    assert.throws(() => new nn.Tensor(lyingArray(2, 5), [1, 1, 5]), /invalid for input of size 2/);
    const m = new nn.Conv1d(1, 1, 3);
    assert.throws(() => m.forward(new nn.Tensor(lyingArray(100000, 5), [1, 1, 5])), RangeError);
    assert.throws(() => { m.weight = new nn.Tensor(lyingArray(3, 100000), [1, 1, 3]).data; }, /size/);
    assert.equal(nn.tensor(lyingArray(3, 100000)).numel(), 3);
    m.delete();
  });
});

test('a plain array claiming another length than its shape is refused before anything is read', () => {
  const proxy = new Proxy([1, 2, 3], { get: (target, key) => (key === 'length' ? 1e9 : target[key]) });
  assert.throws(() => nn.tensor(proxy, [1, 1, 3]), /invalid for input of size 1000000000/);
});

test('data that changes size after the Tensor is made is refused at the seam', () => {
  withBystander(() => {
    const buffer = new ArrayBuffer(20, { maxByteLength: 400000 });
    const x = new nn.Tensor(new Float32Array(buffer), [1, 1, 5]);
    buffer.resize(400000); // the length-tracking view now holds 100000 floats
    const m = new nn.Conv1d(1, 1, 3);
    assert.throws(() => m.forward(x), /holds 100000 elements, but its shape \[1, 1, 5\] needs 5/);
    assert.throws(() => m.explain(x, 0, 0, 0), /holds 100000 elements/);
    m.delete();
  });
});

test('a Tensor is made only from a Float32Array and a valid shape', () => {
  assert.throws(() => new nn.Tensor([1, 2, 3], [3]), /must be a Float32Array/);
  assert.throws(() => new nn.Tensor(new Float32Array(3), [1, , 3]), TypeError); // eslint-disable-line no-sparse-arrays
  assert.throws(() => new nn.Tensor(new Float32Array(3), [-1, -3]), /negative size/);
  assert.deepEqual(new nn.Tensor(new Float32Array(6), [2, 3]).shape, [2, 3]);
});

// Every failed call must leave the heap (and Emscripten's stack) where it was: 20,000 calls that each leaked
// 16-40 bytes before would show here, long before the ~164,000 that broke the module.
function assertNoLeak(label, call) {
  assert.throws(call); // the first failure may size reusable buffers (the message string) once
  const before = nn.memory().allocatedBytes;
  for (let i = 0; i < 20000; i++) assert.throws(call);
  assert.equal(nn.memory().allocatedBytes, before, `${label}: heap in use after 20,000 failed calls`);
}

test('caller values that throw or lie are refused in JS, before the core is called', () => {
  const model = new nn.Sequential(new nn.Conv1d(1, 1, 3), new nn.Conv1d(1, 1, 3));
  const m = model.at(0);
  const throwingShape = [1, 1, 5];
  Object.defineProperty(throwingShape, 1, { get() { throw new Error('getter exploded'); } });
  assertNoLeak('influencingInputs(null)', () => model.influencingInputs(null, 0, 0));
  assertNoLeak('influencingInputs(throwing shape)', () => model.influencingInputs(throwingShape, 0, 0));
  assertNoLeak('plan(throwing shape)', () => m.plan(throwingShape));
  assertNoLeak('plan(bad shape for the core)', () => m.plan([1, 2, 5]));
  assert.equal(m.forward([[[1, 2, 3, 4, 5]]]).numel(), 3);
  model.delete();
});

test('a getter that deletes the layer mid-call finds it deleted before the core runs', () => {
  const m = new nn.Conv1d(1, 1, 3);
  const shape = [1, 1, 5];
  Object.defineProperty(shape, 2, { get() { m.delete(); return 5; } });
  assert.throws(() => m.plan(shape), /has been deleted/);
  const m2 = new nn.Conv1d(1, 1, 3);
  const row = [1, 2, 3];
  Object.defineProperty(row, 0, { get() { if (!m2.isDeleted()) m2.delete(); return 1; } });
  assert.throws(() => m2.forward([[row]]), /has been deleted/);
  const heap = nn.memory().heapBytes;
  assert.equal(new nn.Conv1d(1, 1, 3).forward([[[1, 2, 3]]]).numel(), 1);
  assert.equal(nn.memory().heapBytes, heap, 'the heap did not grow');
});

test('shapes: no cached plan for strings, no holes, integers only', () => {
  const m = new nn.Conv1d(1, 1, 3);
  assert.deepEqual(m.plan([1, 1, 5]).outputShape, [1, 1, 3]);
  assert.throws(() => m.plan(['1', '1', '5']), /'input_shape\[0\]' must be an integer, but got "1"/);
  assert.throws(() => m.plan([1, , 5]), /'input_shape\[1\]' must be an integer, but got undefined/); // eslint-disable-line no-sparse-arrays
  assert.throws(() => m.plan(new Array(65).fill(1)), /65 dimensions, more than the maximum of 64/);
  const huge = new Proxy([], { get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : 1) });
  assert.throws(() => m.plan(huge), /more than the maximum of 64/);
  m.delete();
});

test('influencingInputs: integers only, and a layer index out of range is named as given', () => {
  const model = new nn.Sequential(new nn.Conv1d(1, 1, 3), new nn.Conv1d(1, 1, 3));
  assert.deepEqual(model.influencingInputs([1, 1, 7], 1, 0), [0, 1, 2, 3, 4]);
  for (const bad of [7.9, '1', { valueOf: () => 1 }, null, 1n << 40n]) {
    assert.throws(() => model.influencingInputs([1, 1, 7], bad, 0), /layer_index/);
    assert.throws(() => model.influencingInputs([1, 1, 7], 0, bad), /position/);
    assert.throws(() => model.influencingInputs([1, bad, 7], 0, 0), /input_shape\[1\]/);
  }
  assert.throws(() => model.influencingInputs([1, 1, 7], -1, 0), (error) =>
    /layer_index=-1 is out of range for a stack of 2 layers/.test(error.message) && error.argument === 'layer_index');
  assert.throws(() => model.influencingInputs([1, 1, 7], 2, 0), /layer_index=2 is out of range/);
  model.delete();
});

test("option names that live on Object.prototype are unknown options", () => {
  for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
    const options = JSON.parse(`{"${key}": 1}`);
    assert.throws(() => new nn.Conv1d(1, 1, 3, options), new RegExp(`unknown option '${key}'`), key);
  }
});

test('Sequential: holes are not layers; an empty stack exports a program that runs', () => {
  assert.throws(() => new nn.Sequential(new Array(3)), /layer 0 must be a Conv1d, ReLU, Tanh or Sigmoid, but got undefined/);
  const m = new nn.Conv1d(1, 1, 3);
  assert.throws(() => new nn.Sequential([m, , m]), /layer 1 must be a Conv1d/); // eslint-disable-line no-sparse-arrays
  m.delete();
  const empty = new nn.Sequential();
  assert.deepEqual(empty.forward([[[1, 2]]]).toArray(), [[[1, 2]]]);
  const program = empty.toPython([[[1, 2]]]);
  // Python's own parser: a `with` block without a body is an IndentationError.
  execFileSync('/usr/bin/python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: program });
  assert.doesNotMatch(program, /no_grad\(\):\n\s*\n/);
});

test('NUL characters do not cut error messages short', () => {
  assert.throws(() => new nn.Conv1d(1, 1, 3, { paddingMode: 'ze\0ros' }),
    (error) => error.message.endsWith("but got padding_mode='ze\0ros'") && error.argument === 'padding_mode');
  assert.throws(() => new nn.Conv1d(1, 1, 3, { padding: 'sa\0me' }),
    (error) => error.message.includes("'sa\0me'") && error.message.endsWith("{'same', 'valid'}"));
});

test('paddedSources: a window of the padded positions, as the whole would give', () => {
  const m = new nn.Conv1d(1, 1, 5, { padding: 3, paddingMode: 'reflect' });
  const all = m.paddedSources(6);
  assert.deepEqual(all, [3, 2, 1, 0, 1, 2, 3, 4, 5, 4, 3, 2]);
  assert.deepEqual(m.paddedSources(6, 2, 5), all.slice(2, 5));
  assert.deepEqual(m.paddedSources(6, 10, 1000), all.slice(10));
  assert.throws(() => m.paddedSources(6, -1, 3), /'start' must not be negative/);
  const long = new nn.Conv1d(1, 1, 3, { padding: 8388600 });
  assert.deepEqual(long.paddedSources(4, 8388598, 8388606), [-1, -1, 0, 1, 2, 3, -1, -1]);
  m.delete();
  long.delete();
});

test('explain lists the channels asked for; the value sums all terms', () => {
  nn.manualSeed(2);
  const m = new nn.Conv1d(6, 2, 4, { groups: 2, padding: 'same', paddingMode: 'circular' });
  const x = nn.randn(1, 6, 7);
  const whole = m.explain(x, 0, 1, 3);
  const some = m.explain(x, 0, 1, 3, { channels: [2, 0, 2] });
  assert.equal(whole.termCount, 12);
  assert.equal(some.termCount, 12);
  assert.equal(some.value, whole.value);
  assert.deepEqual(some.terms, [...whole.terms.slice(0, 4), ...whole.terms.slice(8)]);
  assert.throws(() => m.explain(x, 0, 1, 3, { channels: [3] }), /channels=3 is out of range for the group's input channels of size 3/);
  assert.throws(() => m.explain(x, 0, 1, 3, { channels: ['0'] }), /'channels\[0\]' must be an integer/);
  // An element that reads 16.7 million terms is explained without listing them.
  const wide = new nn.Conv1d(4096, 1, 4096);
  const big = wide.explain(nn.rand(1, 4096, 4096), 0, 0, 0, { channels: [0, 4095] });
  assert.equal(big.termCount, 4096 * 4096);
  assert.equal(big.terms.length, 2 * 4096);
  wide.delete();
  m.delete();
});
