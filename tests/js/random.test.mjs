// nn.rand / nn.randn against torch.rand / torch.randn (tests/golden/random_streams.json): the values, and the
// generator's position afterwards, so a program that draws an input before building layers gets torch's weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { bitsOf, fixture } from './golden.mjs';

const nn = await load();

test('rand and randn follow torch value for value and draw for draw', () => {
  const { cases } = fixture('random_streams.json');
  for (const c of cases) {
    nn.manualSeed(c.seed);
    for (const call of c.calls) {
      const t = call.kind === 'rand' ? nn.rand(call.size) : nn.randn([call.size]);
      assert.deepEqual(t.shape, [call.size]);
      assert.deepEqual(bitsOf(t), call.bits, `seed ${c.seed}: ${call.kind}(${call.size}), bit for bit`);
    }
    assert.deepEqual(bitsOf(nn.rand(4)), c.next_rand_bits, `seed ${c.seed}: the stream is in step afterwards`);
  }
});

test('shapes as varargs or an array; bad sizes refused before allocating', () => {
  assert.deepEqual(nn.randn(2, 3, 4).shape, [2, 3, 4]);
  assert.deepEqual(nn.rand([5]).shape, [5]);
  assert.throws(() => nn.randn(-1), /negative size/);
  assert.throws(() => nn.rand(65536, 65536), /maximum/);
  assert.throws(() => nn.rand('3'), TypeError);
});
