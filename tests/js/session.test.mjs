// The session without a page: the rules every change follows (web/app/session.js) — a rebuild resets weight edits
// with an undo, one history entry per field being edited, read-only instances take only the whitelisted actions,
// values that are not numbers are reported and change nothing — checked in Node, with results from the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../../web/lib/index.js';
import { Engine } from '../../web/app/model.js';
import { preset, stateToQuery } from '../../web/app/state.js';
import { READ_ONLY_ACTIONS, Session } from '../../web/app/session.js';

const nn = await load();

/** A session whose every change that asks for it is computed by an Engine, as the scheduler does. */
function computed(state = preset(1), options) {
  const session = new Session(state, options);
  const engine = new Engine(nn);
  const act = (name, ...args) => {
    const effect = session.act(name, ...args);
    if (effect?.kind === 'compute') session.setResult(engine.run(session.state));
    return effect;
  };
  session.setResult(engine.run(session.state));
  return { session, act, engine };
}

test('an edited weight is kept, in the state and the link, and the result uses it', () => {
  const { session, act } = computed();
  const effect = act('editParam', 0, 'weight', 1, '0.5');
  assert.deepEqual(effect, { kind: 'compute', push: true, structural: false });
  assert.deepEqual(session.state.layers[0].weightEdits, { 1: 0.5 });
  assert.equal(session.result.layers[0].weight.data[1], 0.5);
  assert.match(stateToQuery(session.state), /&w0=1:0.5&/);
  assert.equal(session.state.preset, 1, 'an edit is not a rebuild: the example is still the one shown');
});

test('a rebuild (seed or argument) resets the edits with an undo that brings them back', () => {
  const { session, act } = computed();
  act('editParam', 0, 'weight', 0, '2');
  const edited = session.state;
  act('setLayerArg', 0, 'kernel_size', '2');
  assert.deepEqual(session.state.layers[0].weightEdits, {});
  assert.equal(session.state.preset, null);
  assert.equal(session.notice.kind, 'reset');
  assert.match(session.notice.text, /torch\.manual_seed\(1\)/);
  assert.equal(session.undo, edited);
  const effect = act('undoReset');
  assert.deepEqual(effect, { kind: 'compute', push: true, structural: true });
  assert.deepEqual(session.state, edited);
  assert.equal(session.notice, null);
  assert.equal(session.undo, null);
  assert.equal(session.result.layers[0].weight.data[0], 2);
  assert.equal(act('undoReset'), null, 'nothing left to undo');
});

test('a rebuild without edits clears a reset notice once another field is edited, not while typing on', () => {
  const { session, act } = computed();
  act('editParam', 0, 'weight', 0, '2');
  act('setSeed', '7');
  assert.equal(session.notice.kind, 'reset');
  act('setSeed', '70'); // the same field: the notice stays
  assert.equal(session.notice.kind, 'reset');
  act('setLayerArg', 0, 'stride', '2');
  assert.equal(session.notice, null);
});

test('history: one entry per field being edited, a new one for another field or after the field ends', () => {
  const { session, act } = computed();
  assert.equal(act('setLayerArg', 0, 'kernel_size', '1').push, true);
  assert.equal(act('setLayerArg', 0, 'kernel_size', '12').push, false, 'typing "12" is one step back');
  assert.equal(act('setLayerArg', 0, 'stride', '2').push, true);
  assert.equal(act('setLayerArg', 0, 'stride', '3', true).push, true, 'a committed change (a choice) begins its own');
  assert.equal(act('setLayerArg', 0, 'stride', '4', true).push, true);
  assert.equal(act('editParam', 0, 'weight', 0, '1').push, true);
  assert.equal(act('editParam', 0, 'weight', 0, '1.5').push, false);
  session.endField(); // the cell lost focus
  assert.equal(act('editParam', 0, 'weight', 0, '2').push, true);
  assert.deepEqual(act('select', { layer: 0, n: 0, c: 0, t: 0 }), { kind: 'explain', push: true });
  assert.equal(act('select', { layer: 0, n: 0, c: 0, t: 1 }).push, false);
});

test('text that is not a number changes nothing and is reported per table, until a number is typed', () => {
  const { session, act } = computed();
  const before = session.state;
  assert.deepEqual(act('editParam', 0, 'weight', 2, '0.5.'), { kind: 'render' });
  assert.equal(session.state, before);
  assert.equal(session.pasteErrors.get('0.weight'), "'0.5.' is not a number (weight[2] unchanged).");
  act('editParam', 0, 'weight', 2, '0.5');
  assert.equal(session.pasteErrors.size, 0);
});

test('a pasted tensor must have the parameter\'s shape; a right one replaces every value', () => {
  const { session, act } = computed(preset(3));
  assert.deepEqual(act('pasteParam', 0, 'bias', '[1, 2, 3]'), { kind: 'render' });
  assert.equal(session.pasteErrors.get('0.bias'), 'Paste refused: bias must have shape [2], but the pasted tensor has shape [3]');
  act('pasteParam', 0, 'bias', 'tensor([0.5, -1.])');
  assert.deepEqual(session.state.layers[0].biasEdits, { 0: 0.5, 1: -1 });
  assert.deepEqual(Array.from(session.result.layers[0].bias.data), [0.5, -1]);
  assert.equal(session.pasteErrors.size, 0);
});

test('generating an input starts from the typed tensor\'s shape; back to text keeps the values shown', () => {
  const { session, act } = computed(preset(2));
  act('setInput', { kind: 'ramp' }, true);
  assert.deepEqual(session.state.input, { kind: 'ramp', text: '[[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]]', batch: '1', channels: '2', length: '5', batched: true });
  const shown = session.inputText();
  assert.match(shown, /^\[\[\[/);
  act('setInput', { kind: 'text' }, true);
  assert.equal(session.state.input.text, shown);
});

test('layers: add, duplicate, move and remove are structural rebuilds; a move out of the stack is nothing', () => {
  const { session, act } = computed(preset(3));
  assert.deepEqual(act('addLayer'), { kind: 'compute', push: true, structural: true });
  assert.equal(session.state.layers[1].in_channels, '2', 'a new layer reads the last one\'s channels');
  act('setLayerArg', 1, 'out_channels', '4');
  act('duplicateLayer', 1);
  assert.equal(session.state.layers.length, 3);
  assert.equal(act('moveLayer', 2, 1), null);
  act('moveLayer', 2, -1);
  act('removeLayer', 0);
  assert.deepEqual(session.state.layers.map((l) => l.out_channels), ['4', '4']);
  assert.equal(session.result.layers.length, 2);
});

test('read-only: only looking is taken; every other action changes nothing and asks for a render', () => {
  const { session, act } = computed(preset(1), { readOnly: true });
  const before = session.state;
  for (const [name, ...args] of [['setSeed', '2'], ['editParam', 0, 'weight', 0, '1'], ['addLayer'], ['loadPreset', 2],
    ['importState', preset(3), 'Imported']]) {
    assert.deepEqual(act(name, ...args), { kind: 'render' }, name);
  }
  assert.equal(session.state, before);
  assert.deepEqual(READ_ONLY_ACTIONS, ['dismissNotice', 'setShowAll', 'select']);
  assert.equal(act('select', { layer: 0, n: 0, c: 0, t: 2 }).kind, 'explain');
  assert.equal(act('setShowAll', true).kind, 'compute');
  assert.deepEqual(session.state.sel, { layer: 0, n: 0, c: 0, t: 2 });
  assert.throws(() => session.act('launchMissiles'), /unknown action 'launchMissiles'/);
});

test('an import replaces the state with an undo and a notice; replace() without history writes no entry', () => {
  const { session, act } = computed();
  const before = session.state;
  act('importState', preset(2), 'Imported 1 layer.');
  assert.deepEqual(session.notice, { kind: 'imported', text: 'Imported 1 layer.' });
  assert.equal(session.undo, before);
  assert.deepEqual(session.replace(preset(3), { history: false }), { kind: 'compute', push: null, structural: true });
  assert.equal(session.notice, null);
  assert.equal(session.undo, null);
});
