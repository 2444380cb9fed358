// Run: node --test tests/js/format.test.mjs
// Golden data: tests/golden/tensor_str.json, produced from PyTorch 1.13 `str(t)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatParameter, formatTensor, formatValue } from '../../web/lib/format.js';

const GOLDEN = new URL('../golden/tensor_str.json', import.meta.url);
const SPECIAL = { nan: NaN, inf: Infinity, '-inf': -Infinity };
const decode = (v) => (typeof v === 'string' ? SPECIAL[v] : v);

/** Format a golden case according to its kind: plain tensor, module output (has a grad_fn) or nn.Parameter. */
function formatCase(c) {
  const data = new Float32Array(c.data.map(decode));
  if (c.kind === 'parameter') return formatParameter(c.shape, data);
  if (c.kind === 'module_output') {
    // The grad_fn class name is autograd metadata the case does not carry separately; take it from
    // the expected string. Its placement (line wrapping) is still checked.
    const gradFn = /grad_fn=<(\w+)>\)$/.exec(c.str)?.[1] ?? '<missing grad_fn>';
    return formatTensor(c.shape, data, { gradFn });
  }
  return formatTensor(c.shape, data);
}

test('golden: every case of tests/golden/tensor_str.json matches torch byte for byte', () => {
  const { cases } = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  assert.ok(cases.length > 0, 'golden file has no cases');
  const failures = [];
  for (const [i, c] of cases.entries()) {
    let actual;
    try {
      actual = formatCase(c);
    } catch (err) {
      actual = `<threw ${err}>`;
    }
    for (const [field, expected] of [['str', c.str], ['repr', c.repr ?? c.str]]) {
      if (actual === expected) continue;
      failures.push(`case ${i} ${c.name ?? ''} (${field}) shape=${JSON.stringify(c.shape)}\n--- expected\n${expected}\n--- actual\n${actual}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} check(s) failed over ${cases.length} golden cases:\n\n${failures.join('\n\n')}`);
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

test('autograd suffixes and parameters', () => {
  assert.equal(formatTensor([1], [0.271], { gradFn: 'AddBackward0' }), 'tensor([0.2710], grad_fn=<AddBackward0>)');
  assert.equal(formatTensor([1], [0.271], { requiresGrad: true }), 'tensor([0.2710], requires_grad=True)');
  assert.equal(formatParameter([1], [0.271]), 'Parameter containing:\ntensor([0.2710], requires_grad=True)');
  // torch moves a suffix that would overflow 80 columns onto its own line, indented 7.
  assert.equal(
    formatTensor([8], [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5], { gradFn: 'MulBackward0' }),
    'tensor([0.5000, 1.5000, 2.5000, 3.5000, 4.5000, 5.5000, 6.5000, 7.5000],\n       grad_fn=<MulBackward0>)',
  );
});

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

test('formatElements: cells share the printout\'s mode', async () => {
  const { formatElements } = await import('../../web/lib/format.js');
  assert.deepEqual(formatElements([1, 2, 3]), ['1.', '2.', '3.']);
  assert.deepEqual(formatElements([0.5, -0.25]), ['0.5000', '-0.2500']);
  assert.deepEqual(formatElements([1e-5, 1]), ['1.0000e-05', '1.0000e+00']);
  assert.deepEqual(formatElements([NaN, 2]), ['nan', '2.']);
});
