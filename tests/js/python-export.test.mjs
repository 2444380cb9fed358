// Export to PyTorch: programs written by toPython run in real PyTorch 1.13 (Debian's python3-torch)
// and print what the package computes. Without torch the test says it skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { load } from 'conv1d-playground';
import { int, prng, randomLayer, randomValues } from './random-layers.mjs';
import { firstMismatch } from './golden.mjs';

const nn = await load();
const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

// Runs every program in one Python process; returns each program's y as { shape, data }.
const RUNNER = `
import contextlib, io, json, sys, torch
torch.set_num_threads(1)
results = []
for source in json.load(sys.stdin):
    scope = {}
    with contextlib.redirect_stdout(io.StringIO()):  # the programs' own print(y)
        exec(source, scope)
    y = scope['y']
    results.append({'shape': list(y.shape), 'data': [float(v) for v in y.flatten().tolist()]})
print(json.dumps(results))
`;

function randomState(random, trial) {
  const depth = int(random, 1, 3);
  const seed = trial % 5 === 0 ? -trial - 1 : trial * 7919;
  nn.manualSeed(seed);
  const layers = [];
  let channels;
  for (let i = 0; i < depth; i++) {
    const spec = randomLayer(random, channels);
    layers.push(new nn.Conv1d(spec.inChannels, spec.outChannels, spec.kernelSize, spec.options));
    channels = spec.outChannels;
  }
  if (trial % 3 === 1) layers[0].weight = nn.tensor(randomValues(random, layers[0].weight.numel()), layers[0].weight.shape);
  if (trial % 7 === 2) layers.at(-1).bias = null;
  const model = new nn.Sequential(layers);
  const shape = [int(random, 1, 2), layers[0].inChannels, int(random, 8, 16)];
  const input = nn.tensor(randomValues(random, shape.reduce((a, b) => a * b, 1)), shape);
  return { model, input };
}

test('toPython programs reproduce our outputs in PyTorch 1.13', { skip: !hasTorch && 'python3-torch is not installed' }, () => {
  const random = prng(11);
  const cases = [];
  for (let trial = 0; cases.length < 60 && trial < 400; trial++) {
    const { model, input } = randomState(random, trial);
    try {
      cases.push({ program: model.toPython(input), expected: model.forward(input), seeded: !model.toPython(input).includes('copy_') });
    } catch {
      // a configuration PyTorch refuses for this input (e.g. kernel larger than the padded input)
    } finally {
      model.delete();
    }
  }
  nn.manualSeed(1);
  const tutorial = new nn.Conv1d(1, 1, 3);
  cases.push({ program: tutorial.toPython([[[1, 2, 3, 4, 5]]]), expected: tutorial.forward([[[1, 2, 3, 4, 5]]]), seeded: true });
  tutorial.delete();

  const results = JSON.parse(execFileSync(PYTHON, ['-c', RUNNER], {
    input: JSON.stringify(cases.map((c) => c.program)), encoding: 'utf8', maxBuffer: 1 << 26,
  }));
  const seeded = cases.filter((c) => c.seeded).length;
  console.log(`ran ${cases.length} exported programs in PyTorch ${execFileSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'],
    { encoding: 'utf8' }).trim()} (${seeded} reproduced from the seed, ${cases.length - seeded} with explicit weights)`);
  assert.ok(seeded >= 10 && cases.length - seeded >= 10);
  cases.forEach((c, i) => {
    assert.deepEqual(results[i].shape, c.expected.shape, c.program);
    assert.equal(firstMismatch(c.expected.data, results[i].data), -1, c.program);
  });
});
