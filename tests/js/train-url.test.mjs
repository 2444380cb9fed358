// A training run in the page's link: written and read back exactly, inside the page's state, and refused with a
// message naming the parameter when a link is malformed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LINK_STEPS, isTrainKey, readTrainParams, writeTrainParams } from '../../web/app/train/url.js';
import { linkQuery, parseState, preset, stateToQuery, StateError } from '../../web/app/state.js';

const refuse = (message) => { throw new StateError(message); };
const roundTrip = (train) => {
  const params = new URLSearchParams();
  writeTrainParams(params, train);
  return readTrainParams(new URLSearchParams(params.toString()), refuse);
};

test('a run round-trips through URLSearchParams, every key prefixed train', () => {
  const runs = [
    { target: 'edge', loss: 'mse', optimizer: 'sgd', lr: 0.05, steps: 40, targetText: '', base: null },
    { target: 'teacher', loss: 'l1', optimizer: 'adam', lr: 1.5e-3, steps: 0, targetText: '', base: 3 },
    { target: 'custom', loss: 'mse', optimizer: 'adam', lr: 0.1, steps: MAX_LINK_STEPS, targetText: '[[[0.5, 1, 1.5]]]', base: 2 },
  ];
  for (const train of runs) {
    assert.deepEqual(roundTrip(train), train);
    const params = new URLSearchParams();
    writeTrainParams(params, train);
    assert.ok([...params.keys()].every((key) => key.startsWith('train') && isTrainKey(key)));
  }
  const none = new URLSearchParams('seed=1');
  writeTrainParams(none, null);
  assert.equal(none.toString(), 'seed=1');
  assert.equal(readTrainParams(none, refuse), null);
});

test('the page\'s state carries the run, and its link reloads to it', () => {
  const state = { ...preset(1), train: { target: 'shift', loss: 'l1', optimizer: 'sgd', lr: 0.2, steps: 12, targetText: '', base: null } };
  const query = stateToQuery(state);
  assert.match(query, /&train=shift&trainloss=l1&trainopt=sgd&trainlr=0.2&trainsteps=12$/);
  assert.deepEqual(parseState(query).train, state.train);
  assert.equal(linkQuery(state).query, query);
  assert.equal(parseState(stateToQuery(preset(1))).train, undefined);
});

test('malformed runs are refused, naming the parameter', () => {
  const cases = [
    ['train=nope', /'train' must be one of average, edge, shift, teacher, custom/],
    ['train=edge&trainloss=huber', /'trainloss'/],
    ['train=edge&trainopt=rmsprop', /'trainopt'/],
    ['train=edge&trainlr=-1', /'trainlr'/],
    ['train=edge&trainlr=0', /'trainlr'/],
    ['train=edge&trainlr=1e9', /'trainlr'/],
    ['train=edge&trainlr=nan', /'trainlr'/],
    ['train=edge&trainsteps=1.5', /'trainsteps'/],
    [`train=edge&trainsteps=${MAX_LINK_STEPS + 1}`, /'trainsteps'/],
    ['train=edge&trainsteps=1&trainsteps=2', /'trainsteps' is given twice/],
    ['trainsteps=3', /'trainsteps' needs 'train'/],
    ['train=edge&traintarget=[1]', /'traintarget' belongs to train=custom only/],
    [`train=custom&traintarget=${'1'.repeat(10_001)}`, /'traintarget' is too long/],
    ['train=edge&trainbase=1', /'trainbase' must be 2 or 3/],
  ];
  for (const [query, message] of cases) {
    assert.throws(() => readTrainParams(new URLSearchParams(query), refuse), (error) => error instanceof StateError && message.test(error.message), query);
    assert.throws(() => parseState(`?seed=1&layer=1,1,3,1,0,1,1,1,zeros&${query}`), StateError, query);
  }
});
