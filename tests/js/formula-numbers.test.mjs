// The breakdown's written numbers (web/app/views/formula.js): each term's product is exactly that of the two
// numbers printed beside it, the hand sum is exact decimal arithmetic on what is printed, and the full-precision
// text of a float32 reads back as that float32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { float32Text, handSum, sumNote, termNumbers } from '../../web/app/views/formula.js';

const nn = await load();
const at = { batched: true, n: 0, c: 0, t: 0 };
const term = (weight, input) => ({ weight, input, inChannel: 0, tap: 0, paddedPosition: 0, source: 0, padded: false });

test("Example 1: the printed numbers add up to −0.2768, and the note says why PyTorch's value is −0.2770", () => {
  nn.manualSeed(1);
  const m = new nn.Conv1d(1, 1, 3);
  const e = m.explain([[[1, 2, 3, 4, 5]]], 0, 0, 0);
  const ex = { ...e, at };
  assert.deepEqual(e.terms.map((t) => termNumbers(t, false)), [
    { op: '+', w: '0.2975', x: '1.', product: '0.2975' },
    { op: '\u2212', w: '0.2548', x: '2.', product: '0.5096' },
    { op: '\u2212', w: '0.1119', x: '3.', product: '0.3357' },
  ]);
  assert.deepEqual(handSum(ex), { parts: ['0.2975', '-0.5096', '-0.3357', '0.2710'], sum: '-0.2768', matches: false, roundsTo: false });
  const note = sumNote(ex, false);
  assert.match(note, /0\.2975 − 0\.5096 − 0\.3357 \+ 0\.2710 = −0\.2768, not −0\.2770/);
  assert.ok(note.includes(`−${float32Text(e.value).slice(1)}`), note);
  assert.equal(Math.fround(Number(float32Text(e.value))), Math.fround(e.value));
  m.delete();
});

test('negative inputs, scientific notation and non-finite numbers', () => {
  // A negative input is parenthesised by the view; the operator is the weight's sign, the product |w|·x.
  assert.deepEqual(termNumbers(term(-0.25, -2), false), { op: '\u2212', w: '0.2500', x: '-2.', product: '-0.5000' });
  // Products and sums keep every digit the printed factors give, however small.
  const ex = { terms: [term(1.2345e-5, 2), term(-3e-7, 0.25)], termCount: 2, bias: null, value: 2.469e-5 - 7.5e-8, at };
  assert.deepEqual(handSum(ex).parts, ['2.469e-05', '-7.5e-08']);
  assert.equal(handSum(ex).sum, '2.4615e-05');
  assert.equal(handSum({ ...ex, terms: [term(Infinity, 1)], termCount: 1 }), null);
  // A sum with more digits than the value prints, which rounds to it, is said to.
  const close = { terms: [term(0.2822, 0.8158)], termCount: 1, bias: null, value: 0.2822 * 0.8158, at };
  assert.deepEqual(handSum(close), { parts: ['0.23021876'], sum: '0.23021876', matches: false, roundsTo: true });
  assert.match(sumNote(close, false), /= 0\.23021876, which rounds to 0\.2302, the value shown\.$/);
});

test('full precision: the shortest text that reads back as the same float32', () => {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  let state = 12345;
  for (let i = 0; i < 2000; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    u32[0] = state;
    const x = f32[0];
    if (!Number.isFinite(x)) continue;
    const text = float32Text(x);
    assert.equal(Math.fround(Number(text)), x, `${text} reads back as ${x}`);
    const digits = Math.abs(Number(text)).toExponential().replace(/e.*$/, '').replace('.', '').length;
    assert.ok(digits <= 9, `${text}: at most 9 significant digits`);
  }
});
