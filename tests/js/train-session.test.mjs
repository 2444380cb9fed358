// The Train panel's session without a page: presets that really teach with their default settings, a run that
// is the JS API's own training loop, gradients that explainGrad explains exactly, reset, typed targets, and Play
// driven by a scheduler the test advances by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { DEFAULT_SETTINGS, TrainSession, modelKey, startState } from '../../web/app/train/session.js';
import { Player } from '../../web/app/train/player.js';
import { defaultLayer, preset } from '../../web/app/state.js';

const nn = await load();
const STEPS = 100;

const stack = () => ({ ...preset(1), preset: null, layers: [defaultLayer({ padding: '1' }), defaultLayer({ out_channels: '2' })] });

function maxDifference(a, b) {
  assert.equal(a.length, b.length);
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);
}

test('every kernel preset teaches its kernel within 100 steps with its default settings (Examples 1 and 3)', () => {
  for (const example of [1, 3]) {
    for (const target of ['average', 'edge', 'shift']) {
      const session = new TrainSession(nn, preset(example), { ...DEFAULT_SETTINGS, target });
      assert.equal(session.error, null);
      const first = session.loss;
      session.step(STEPS);
      const where = `Example ${example}, ${target}`;
      assert.equal(session.steps, STEPS);
      assert.ok(session.loss < 1e-4 * first, `${where}: loss ${first} → ${session.loss}`);
      const { weight, targetWeight, bias } = session.layer(0);
      assert.ok(maxDifference(weight.data, targetWeight.data) < 0.01, `${where}: ${weight.data} vs ${targetWeight.data}`);
      assert.ok(Math.abs(bias.data[0]) < 0.01, `${where}: bias ${bias.data[0]}`);
      session.dispose();
    }
  }
  // The edge detector is [-1, 0, 1]: what the learner should see the kernel become.
  const edge = new TrainSession(nn, preset(1), DEFAULT_SETTINGS);
  assert.deepEqual(Array.from(edge.layer(0).targetWeight.data), [-1, 0, 1]);
  edge.dispose();
});

test('the hidden teacher is matched, on one layer and on a stack, with both optimizers', () => {
  for (const [name, state] of [['Example 1', preset(1)], ['a stack', stack()]]) {
    for (const optimizer of ['sgd', 'adam']) {
      const session = new TrainSession(nn, state, { ...DEFAULT_SETTINGS, target: 'teacher', optimizer });
      const first = session.loss;
      session.step(2 * STEPS);
      assert.ok(session.loss < 1e-3 * first, `${name}, ${optimizer}: ${first} → ${session.loss}`);
      assert.equal(session.layer(0).targetWeight, null, 'the teacher stays hidden');
      session.dispose();
    }
  }
});

test('a run is the JS API\'s training loop: the same losses and weights as nn.Sequential, MSELoss/L1Loss and the optimizer', () => {
  for (const [loss, optimizer, lr] of [['mse', 'sgd', 0.05], ['l1', 'adam', 0.02]]) {
    const settings = { target: 'edge', loss, optimizer, lr, targetText: '' };
    const session = new TrainSession(nn, stack(), settings);
    session.step(25);
    const { input, target } = session;

    nn.manualSeed(1);
    const model = new nn.Sequential(new nn.Conv1d(1, 1, 3, { padding: 1 }), new nn.Conv1d(1, 2, 3));
    const lossFn = new (loss === 'mse' ? nn.MSELoss : nn.L1Loss)();
    const opt = optimizer === 'sgd'
      ? new nn.optim.SGD(model.parameters(), { lr, momentum: 0.9 }) : new nn.optim.Adam(model.parameters(), { lr });
    const x = nn.tensor(input.data, input.shape);
    const y = nn.tensor(target.data, target.shape);
    const losses = [];
    for (let step = 0; step < 25; step++) {
      opt.zeroGrad();
      const l = lossFn.forward(model.forward(x), y);
      l.backward();
      opt.step();
      losses.push(l.item());
    }
    assert.deepEqual(session.history.slice(0, 25), losses, `${loss}, ${optimizer}`);
    assert.deepEqual(Array.from(session.layer(1).weight.data), Array.from(model.at(1).weight.data));
    model.delete();
    session.dispose();
  }
});

test('each weight\'s gradient is what explainGrad explains, on every layer of a stack, before and after steps', () => {
  const session = new TrainSession(nn, stack(), { ...DEFAULT_SETTINGS, target: 'teacher' });
  for (const steps of [0, 3]) {
    session.step(steps);
    for (let i = 0; i < session.layerCount; i++) {
      const { weightGrad, biasGrad } = session.layer(i);
      const [outs, ins, taps] = weightGrad.shape;
      for (let o = 0; o < outs; o++) {
        for (let c = 0; c < ins; c++) {
          for (let k = 0; k < taps; k++) {
            const e = session.explainGrad(i, { weight: [o, c, k] });
            assert.ok(Object.is(e.value, weightGrad.data[(o * ins + c) * taps + k]), `layer ${i}, w[${o}, ${c}, ${k}]`);
          }
        }
        assert.ok(Object.is(session.explainGrad(i, { bias: o }, 2).value, biasGrad.data[o]), `layer ${i}, b[${o}]`);
      }
    }
  }
  assert.ok(session.layer(0).weightGrad.data.some((g) => g !== 0), 'the first layer receives a gradient through the second');
  session.dispose();
});

test('reset goes back to the seed\'s weights and step 0, and replays the same run; settings start a new run', () => {
  const session = new TrainSession(nn, preset(2), DEFAULT_SETTINGS);
  const start = session.layer(0);
  // Example 2's weights are the tutorial's printed ones: the run starts from them.
  assert.deepEqual(Array.from(start.weight.data), [-0.2167, 0.1201, -0.1179, -0.0448, -0.3925, -0.1946].map(Math.fround));
  session.step(7);
  const history = session.history;
  assert.equal(history.length, 8);
  session.reset();
  assert.equal(session.steps, 0);
  assert.deepEqual(session.layer(0).weight, start.weight);
  session.step(7);
  assert.deepEqual(session.history, history);
  // The page's edits hold the trained floats exactly, in their shortest decimals.
  const { weightEdits, biasEdits } = session.edits()[0];
  const trainedWeight = session.layer(0).weight.data;
  assert.deepEqual(Float32Array.from(Object.values(weightEdits)), trainedWeight);
  assert.ok(Object.values(weightEdits).every((v) => String(v).length <= 12), JSON.stringify(weightEdits));
  assert.equal(Math.fround(biasEdits[0]), session.layer(0).bias.data[0]);
  session.configure({ lr: 0.01 });
  assert.equal(session.steps, 0);
  assert.equal(session.history.length, 1);
  // A link has no 'preset': the run's base says it started from Example 2's printed weights.
  const linked = { ...preset(2), preset: null, train: { ...DEFAULT_SETTINGS, steps: 7, base: 2 } };
  const replay = new TrainSession(nn, linked, DEFAULT_SETTINGS);
  replay.step(7);
  assert.deepEqual(replay.history, history);
  replay.dispose();
  assert.deepEqual(startState({ ...preset(2), preset: null }).layers[0].weightEdits, {}, 'no base: the seed\'s weights');
  // Trained weights in the page's state do not change the run; a new layer argument does.
  const trained = { ...preset(2), layers: [{ ...preset(2).layers[0], ...session.edits()[0] }] };
  assert.equal(modelKey(trained), modelKey(preset(2)));
  assert.notEqual(modelKey({ ...preset(2), seed: '3' }), modelKey(preset(2)));
  session.dispose();
});

test('a typed target must have the output\'s shape on the page\'s input, and then trains', () => {
  const bad = new TrainSession(nn, preset(1), { ...DEFAULT_SETTINGS, target: 'custom', targetText: '[[[1, 2]]]' });
  assert.equal(bad.error, 'The target has shape [1, 1, 2], but the model\'s output has shape [1, 1, 3].');
  bad.configure({ targetText: '' });
  assert.match(bad.error, /Type a target tensor/);
  bad.configure({ targetText: '[[[0.5, 1, 1.5]]]' }); // reachable: a ramp's outputs are affine in t
  assert.equal(bad.error, null);
  assert.deepEqual(bad.input.data, Float32Array.from([1, 2, 3, 4, 5]));
  bad.configure({ optimizer: 'adam', lr: 0.1 });
  bad.step(300);
  assert.ok(maxDifference(bad.output.data, [0.5, 1, 1.5]) < 0.01, String(bad.output.data));
  for (const [settings, message] of [[{ lr: -1 }, /learning rate/], [{ loss: 'huber' }, /Unknown loss/],
    [{ target: 'nope' }, /Unknown target/]]) {
    bad.configure({ ...DEFAULT_SETTINGS, ...settings });
    assert.match(bad.error, message);
    assert.equal(bad.layerCount, 0);
  }
  const broken = new TrainSession(nn, { ...preset(1), layers: [defaultLayer({ kernel_size: '9' })] }, DEFAULT_SETTINGS);
  assert.match(broken.error, /The model does not run: .*Kernel size can't be greater than actual input size/);
});

test('Play steps on each tick of the injected scheduler, at its speed, until paused or diverged', () => {
  const queue = [];
  const scheduler = { schedule: (fn) => { queue.push(fn); return queue.length; }, cancel: () => { queue.length = 0; } };
  const session = new TrainSession(nn, preset(1), DEFAULT_SETTINGS);
  let ticks = 0;
  const player = new Player(session, scheduler, () => { ticks++; });
  player.speed = 5;
  player.play();
  player.play(); // already playing: no second loop
  assert.equal(queue.length, 1);
  for (let i = 0; i < 3; i++) queue.shift()();
  assert.equal(session.steps, 15);
  assert.equal(ticks, 3);
  assert.ok(player.playing);
  player.pause();
  assert.equal(queue.length, 0);
  assert.ok(!player.playing);

  session.configure({ lr: 1e6 });
  player.play();
  for (let i = 0; i < 20 && queue.length; i++) queue.shift()();
  assert.ok(session.diverged(), `loss ${session.loss}`);
  assert.ok(!player.playing, 'a diverged run stops playing');
  const steps = session.steps;
  session.step(3);
  assert.equal(session.steps, steps);
  session.dispose();
});
