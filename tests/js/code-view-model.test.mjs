// The Code view's rule (web/app/code-model.js): the model is the last variable holding an nn.Conv1d or nn.Sequential,
// the input the first tensor variable that fits it; anything the playground cannot hold is refused with a message.
// The state it leads to (exchange.js's importedProgram) runs to what the program printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../../web/lib/index.js';
import { createSession } from '../../web/python/index.js';
import { programModel } from '../../web/app/code-model.js';
import { importedProgram, pythonProgram } from '../../web/app/exchange.js';
import { Engine } from '../../web/app/model.js';
import { defaultState, preset, stateToQuery } from '../../web/app/state.js';

const nn = await load();
const HEAD = 'import torch\nimport torch.nn as nn\n';

function modelOf(source) {
  const session = createSession(nn);
  const result = session.run(HEAD + source);
  assert.equal(result.error, null, result.error?.message);
  return { ...programModel(session.variables()), stdout: result.stdout };
}

test('the last model variable and the first tensor that fits it; outputs and Parameters are not inputs', () => {
  const m = modelOf([
    'w0 = nn.Conv1d(1, 1, 3).weight', // a Parameter of the right shape: not an input
    'first = nn.Conv1d(1, 1, 2)',
    'other = torch.ones(1, 3, 4)', // 3 channels: does not fit
    'x = torch.tensor([[[1., 2, 3, 4, 5]]])',
    'model = nn.Sequential(nn.Conv1d(1, 2, 3, padding=1), nn.Conv1d(2, 1, 2, bias=False))',
    'y = model(x)', // fits too, but comes after x
  ].join('\n'));
  assert.equal(m.name, 'model');
  assert.equal(m.inputName, 'x');
  assert.deepEqual(m.parsed.layers.map((l) => [l.in_channels, l.out_channels, l.kernel_size, l.padding, l.bias]),
    [['1', '2', '3', '1', true], ['2', '1', '2', '0', false]]);
  assert.deepEqual(m.parsed.params.map((p) => [p.label, p.shape]), [['0.weight', [2, 1, 3]], ['0.bias', [2]], ['1.weight', [1, 2, 2]]]);
  assert.deepEqual(m.parsed.input, { values: [[[1, 2, 3, 4, 5]]], shape: [1, 1, 5] });
});

test('an unbatched (C, L) input fits; float32 values come back as their shortest decimals', () => {
  const m = modelOf('m = nn.Conv1d(2, 1, 2)\nx = torch.tensor([[0.1, 0.2, 0.3], [1.5, -2.0, 3.25]])\n');
  assert.deepEqual(m.parsed.input, { values: [[0.1, 0.2, 0.3], [1.5, -2, 3.25]], shape: [2, 3] });
});

test('no tensor fits the model: no input (the page keeps its own)', () => {
  const m = modelOf('x = torch.ones(1, 1, 5)\nm = nn.Conv1d(3, 1, 2)\n');
  assert.equal(m.inputName, null);
  assert.equal(m.parsed.input, null);
  const { state } = importedProgram(nn, m.parsed, defaultState());
  assert.equal(state.input.text, defaultState().input.text);
  assert.equal(state.layers[0].in_channels, '3');
});

test('no model, an activation, a nested Sequential: a message, no state', () => {
  assert.deepEqual(programModel(new Map([['x', 1n]])), { problem: 'the program leaves no nn.Conv1d or nn.Sequential in a variable' });
  assert.match(modelOf('m = nn.Sequential(nn.Conv1d(1, 1, 3), nn.ReLU())').problem, /^m: the model contains ReLU: the playground holds only Conv1d layers/);
  assert.match(modelOf('m = nn.Sequential(nn.Sequential(nn.Conv1d(1, 1, 3)))').problem, /^m: the playground holds only Conv1d layers/);
  assert.match(modelOf('m = nn.Sequential()').problem, /^m: .*Sequential\(\)/);
});

test('a program\'s model becomes a state that computes what the program printed; the Export program comes back as it was', () => {
  const m = modelOf('torch.manual_seed(3)\nm = nn.Conv1d(2, 3, 2, stride=2)\nx = torch.randn(1, 2, 6)\nwith torch.no_grad():\n    print(m(x))\n');
  const { state, message } = importedProgram(nn, m.parsed, defaultState());
  assert.match(message, /^Ran the program: imported 1 layer, 2 parameter tensors \(\d+ values differ from the seed's\), input \(1, 2, 6\)\.$/);
  const engine = new Engine(nn);
  const program = pythonProgram(engine, state, { roundTrip: false });
  const session = createSession(nn);
  assert.equal(session.run(program).stdout, m.stdout);

  // The Code view's text, run unchanged, leads back to the same state.
  for (const start of [defaultState(), preset(3)]) {
    const again = modelOf(pythonProgram(engine, start, { roundTrip: false }).replace(HEAD, ''));
    const back = importedProgram(nn, again.parsed, start).state;
    assert.deepEqual(back.layers, start.layers);
    assert.equal(back.input.text, start.input.text);
    assert.equal(stateToQuery(back), stateToQuery(start));
    assert.equal(pythonProgram(engine, back), pythonProgram(engine, start));
  }
  engine.dispose();
});
