// The page's input parsing and URL state (web/app): PyTorch literals and printouts, and hostile URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTensorText, parseNumber, ParseError } from '../../web/app/parse.js';
import { parseState, stateToQuery, preset, StateError } from '../../web/app/state.js';

test('reads PyTorch literals and printouts', () => {
  assert.deepEqual(parseTensorText('[[[1, 2, 3, 4, 5]]]'), [[[1, 2, 3, 4, 5]]]);
  assert.deepEqual(parseTensorText('tensor([[[ 0.2975, -0.2548, -0.1119]]])'), [[[0.2975, -0.2548, -0.1119]]]);
  assert.deepEqual(parseTensorText('weights: tensor([[[-0.2167,  0.1201],\n         [-0.0448, -0.3925]]])'), [[[-0.2167, 0.1201], [-0.0448, -0.3925]]]);
  assert.deepEqual(parseTensorText('Parameter containing:\ntensor([0.2710], requires_grad=True)'), [0.271]);
  assert.deepEqual(parseTensorText('tensor([[[1., 2.]]], grad_fn=<ConvolutionBackward0>)'), [[[1, 2]]]);
  assert.deepEqual(parseTensorText('[1e-3, .5, -inf, 2,]'), [0.001, 0.5, -Infinity, 2]);
  assert.ok(Number.isNaN(parseTensorText('[nan]')[0]));
});

test('refuses what it cannot read, saying where', () => {
  for (const [text, message] of [['[[1, 2], [3]]', /different lengths/], ['[1, 2', /missing '\]'/], ['', /empty/],
    ['tensor([1., ..., 5.])', /summarised/], ['[1, 2] x', /unexpected 'x'/], ['[1; 2]', /expected ',' or '\]'/],
    [`${'['.repeat(100)}1${']'.repeat(100)}`, /too many nested/]]) {
    assert.throws(() => parseTensorText(text), (e) => e instanceof ParseError && message.test(e.message), text);
  }
});

test('parseNumber accepts one number only', () => {
  assert.equal(parseNumber(' -0.25 '), -0.25);
  assert.equal(parseNumber('1e3'), 1000);
  assert.equal(parseNumber('1.2.3'), null);
  assert.equal(parseNumber('abc'), null);
});

test('state round-trips through the URL, including edits and odd text typed into fields', () => {
  for (const n of [1, 2, 3]) {
    const state = preset(n);
    const back = parseState(stateToQuery(state));
    assert.deepEqual({ ...back, preset: null }, { ...state, preset: null });
  }
  const state = preset(1);
  state.layers[0].padding = 'a,b c%';
  state.layers[0].kernel_size = '';
  state.seed = '-18446744073709551615'.slice(0, 20);
  state.input = { kind: 'sine', text: '', batch: '1', channels: '3', length: '64', batched: false };
  assert.deepEqual(parseState(stateToQuery(state)), { ...state, preset: null });
});

test('hostile URL state is refused', () => {
  for (const q of ['?seed=x', '?layer=1,1,3', '?seed=1&layer=1,1,3,1,0,1,1,1,evil', '?seed=1&w0=0:1',
    '?seed=1&layer=1,1,3,1,0,1,1,1,zeros&w0=a:b', '?seed=1&gen=noise&n=64&c=1024&len=65536', '?seed=1&foo=1',
    `?seed=1&input=${'1'.repeat(200_001)}`]) {
    assert.throws(() => parseState(q), StateError, q);
  }
  assert.equal(parseState(''), null);
});
