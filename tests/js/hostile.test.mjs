// Hostile arguments for every entry point of the package: each must throw a clear Error (never a
// bare number, an abort or a hang), before any large allocation, leaving the module working and the heap
// where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';

const nn = await load();

const throwingGetter = { get stride() { throw new Error('getter exploded'); } };
const throwingProxy = new Proxy([1, 2, 3], { get(target, key) { if (key === '1') throw new Error('proxy exploded'); return target[key]; } });
const deep = (depth) => (depth === 0 ? 1 : [deep(depth - 1)]);
const HOSTILE_VALUES = [
  ['undefined', undefined], ['null', null], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
  ['negative', -3], ['fraction', 2.5], ['huge', 2 ** 53], ['BigInt', 10n ** 30n], ['string', '3'],
  ['empty string', ''], ['boolean', true], ['symbol', Symbol('s')], ['function', () => 1], ['object', {}],
  ['array', [1, 2, 3]], ['Float64Array', new Float64Array(3)], ['throwing getter', throwingGetter],
  ['throwing proxy', throwingProxy], ['date', new Date(0)],
];
const TENSOR_VALUES = [
  ...HOSTILE_VALUES,
  ['ragged', [[1, 2], [3]]], ['ragged deeper', [[[1], [2, 3]]]], ['mixed', [[1, 2], 3]], ['strings inside', [['a']]],
  ['nulls inside', [[null]]], ['deeply nested', deep(5000)], ['BigInt64Array', new BigInt64Array(2)],
  ['DataView', new DataView(new ArrayBuffer(8))], ['sparse', [1, , 3]], // eslint-disable-line no-sparse-arrays
];
const SHAPES = [
  ['not an array', 5], ['negative size', [1, -1, 5]], ['fraction', [1, 1.5, 5]], ['NaN', [NaN]],
  ['product overflows 32 bits', [65536, 65536, 2]], ['gigabytes', [1, 1, 2 ** 30]], ['beyond int32', [2 ** 31, 1, 1]],
  ['strings', ['1', '1', '5']], ['null', null], ['BigInt sizes', [1n, 1n, 2n ** 40n]],
];

const counts = {};
function expectClearError(entry, label, run) {
  counts[entry] = (counts[entry] ?? 0) + 1;
  let thrown = null;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === null) return; // some hostile-looking values are valid (e.g. padding 0 from a Date is not) — checked below
  assert.ok(thrown instanceof Error, `${entry} with ${label}: threw a non-Error ${String(thrown)}`);
  assert.ok(thrown.message.length > 10, `${entry} with ${label}: message too short: ${thrown.message}`);
}

function mustThrow(entry, label, run, pattern) {
  counts[entry] = (counts[entry] ?? 0) + 1;
  assert.throws(run, (error) => error instanceof Error && (!pattern || pattern.test(error.message)), `${entry} with ${label}`);
}

test('hostile arguments: a clear Error for every entry point, module and heap unharmed', () => {
  const layer = new nn.Conv1d(2, 2, 3, { padding: 1 });
  // The first pass may size reusable buffers (padding scratch, the error-message string) once;
  // the second must leave the heap exactly where it was.
  runTable(layer);
  const before = nn.memory();
  for (const key of Object.keys(counts)) delete counts[key];
  runTable(layer);
  const after = nn.memory();
  assert.equal(after.allocatedBytes, before.allocatedBytes, 'heap in use after the hostile table');
  assert.equal(after.heapBytes, before.heapBytes, 'heap size after the hostile table');
  nn.manualSeed(1);
  const tutorial = new nn.Conv1d(1, 1, 3);
  assert.equal(tutorial.forward([[[1, 2, 3, 4, 5]]]).toString(), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  tutorial.delete();
  layer.delete();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`hostile inputs tried per entry point (${total} in all): ${JSON.stringify(counts)}`);
});

function runTable(layer) {
  for (const [label, value] of HOSTILE_VALUES) {
    if (typeof value === 'number' && Number.isInteger(value)) expectClearError('manualSeed', label, () => nn.manualSeed(value));
    else mustThrow('manualSeed', label, () => nn.manualSeed(value), /seed/);
    for (const position of [0, 1, 2]) {
      const args = [2, 2, 3];
      args[position] = value;
      mustThrow('new Conv1d (positional)', label, () => new nn.Conv1d(...args),
        /in_channels|out_channels|kernel_size|options|reading option|must be|Trying to create tensor/);
    }
    for (const option of ['stride', 'padding', 'dilation', 'groups', 'bias', 'paddingMode']) {
      if (value === undefined) continue; // an undefined option means "use the default"
      expectClearError(`new Conv1d option ${option}`, label, () => {
        const m = new nn.Conv1d(2, 2, 3, { [option]: value });
        m.delete();
      });
    }
    const plainEmpty = value === undefined || value === null || (value?.constructor === Object && Object.keys(value).length === 0);
    if (!plainEmpty) mustThrow('new Conv1d options object', label, () => new nn.Conv1d(2, 2, 3, value), /option/);
    for (const name of ['batch', 'out_channel', 'position']) {
      const args = [0, 0, 0];
      args[['batch', 'out_channel', 'position'].indexOf(name)] = value;
      mustThrow('Conv1d.explain', label, () => layer.explain([[[1, 2, 3], [4, 5, 6]]], ...args));
    }
    mustThrow('new Sequential', label, () => new nn.Sequential(layer, value));
  }
  // options with throwing getters name the option
  mustThrow('new Conv1d option getter', 'throwing getter', () => new nn.Conv1d(2, 2, 3, throwingGetter), /stride.*getter exploded/);

  for (const [label, value] of TENSOR_VALUES) {
    expectClearError('tensor', label, () => nn.tensor(value));
    mustThrow('Conv1d.forward', label, () => layer.forward(value));
    mustThrow('Conv1d.weight =', label, () => { layer.weight = value; });
    if (value !== null) mustThrow('Conv1d.bias =', label, () => { layer.bias = value; });
    mustThrow('Conv1d.toPython', label, () => layer.toPython(value));
  }
  for (const [label, shape] of SHAPES) {
    mustThrow('tensor(data, shape)', label, () => nn.tensor(new Float32Array(4), shape));
    mustThrow('Conv1d.plan', label, () => layer.plan(shape));
    mustThrow('Conv1d.outputShape', label, () => layer.outputShape(shape));
  }
  // typed arrays of the wrong length or type
  mustThrow('tensor(data, shape)', 'wrong length', () => nn.tensor(new Float32Array(5), [1, 2, 3]), /invalid for input of size 5/);
  mustThrow('tensor(data, shape)', 'BigInt64Array', () => nn.tensor(new BigInt64Array(6), [1, 2, 3]), /numbers/);
  mustThrow('tensor(data, shape)', 'strings', () => nn.tensor(['1', '2'], [2]), /number/);
  // a shape of zero elements that would need gigabytes of output is refused before allocating
  const empty = nn.tensor(new Float32Array(0), [0, 2, 100]);
  assert.deepEqual(layer.forward(empty).shape, [0, 2, 100]);
  mustThrow('Conv1d.forward', 'output beyond the cap', () => layer.forward(nn.tensor(new Float32Array(0), [2 ** 20, 0, 2 ** 10])));
}

test('running out of WebAssembly memory is an Error, and the module recovers', () => {
  const layers = [];
  let failure = null;
  try {
    // 64 MiB of weights each (just under the tensor cap): the 2 GiB heap runs out after about 30.
    for (let i = 0; i < 40 && !failure; i++) {
      try {
        layers.push(new nn.Conv1d(4096, 4095, 1));
      } catch (error) {
        failure = error;
      }
    }
  } finally {
    layers.forEach((m) => m.delete());
  }
  assert.ok(failure instanceof Error, 'expected an out-of-memory Error');
  assert.match(failure.message, /out of memory/);
  console.log(`out of memory after ${layers.length} layers of 64 MiB: ${failure.message}`);
  nn.manualSeed(1);
  const m = new nn.Conv1d(1, 1, 3);
  assert.equal(m.forward([[[1, 2, 3, 4, 5]]]).toString(), 'tensor([[[-0.2770, -0.3462, -0.4155]]])');
  m.delete();
});
