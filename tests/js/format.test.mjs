// Run: node --test tests/js/format.test.mjs
// Golden data: tests/golden/tensor_str.json, produced from PyTorch 1.13 `str(t)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatTensor, formatValue } from '../../web/lib/format.js';

const GOLDEN = new URL('../golden/tensor_str.json', import.meta.url);
const SPECIAL = { nan: NaN, inf: Infinity, '-inf': -Infinity };
const decode = (v) => (typeof v === 'string' ? SPECIAL[v] : v);

test('golden: every case of tests/golden/tensor_str.json matches torch byte for byte', () => {
  const { cases } = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  assert.ok(cases.length > 0, 'golden file has no cases');
  const failures = [];
  for (const [i, c] of cases.entries()) {
    let actual;
    try {
      actual = formatTensor(c.shape, new Float32Array(c.data.map(decode)));
    } catch (err) {
      actual = `<threw ${err}>`;
    }
    if (actual !== c.str) {
      failures.push(`case ${i} shape=${JSON.stringify(c.shape)}\n--- expected\n${c.str}\n--- actual\n${actual}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length}/${cases.length} golden cases failed:\n\n${failures.join('\n\n')}`);
});

// Small hand-checked cases (outputs taken from PyTorch 1.13).
const HAND = [
  [[1, 1, 3], [-0.277, -0.3462, -0.4155], 'tensor([[[-0.2770, -0.3462, -0.4155]]])'],
  [[3], [0.03125, -0.03125, 0.5], 'tensor([ 0.0312, -0.0312,  0.5000])'], // ties round half-even
  [[3], [NaN, 1.5, 0], 'tensor([   nan, 1.5000, 0.0000])'],
  [[2], [NaN, 0], 'tensor([nan, 0.])'],
  [[2], [100005, 1e9], 'tensor([1.0000e+05, 1.0000e+09])'],
  [[0], [], 'tensor([])'],
  [[0, 3], [], 'tensor([], size=(0, 3))'],
  [[], [-0], 'tensor(-0.)'],
];

test('hand-written cases', () => {
  for (const [shape, data, expected] of HAND) {
    assert.equal(formatTensor(shape, data), expected, `shape=${JSON.stringify(shape)}`);
  }
});

test('formatValue', () => {
  assert.equal(formatValue(0.271), '0.2710');
  assert.equal(formatValue(-0.277), '-0.2770');
  assert.equal(formatValue(1), '1.');
  assert.equal(formatValue(-0), '-0.');
  assert.equal(formatValue(1e-5), '1.0000e-05');
  assert.equal(formatValue(NaN), 'nan');
  assert.equal(formatValue(-Infinity), '-inf');
});
