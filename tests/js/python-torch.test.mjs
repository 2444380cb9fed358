// The torch side of the Python runtime (web/python/torch/) against real PyTorch 1.13: the programs of
// tests/golden/generate_python_torch.py (recorded into python_torch_programs.json) print byte for byte what torch
// printed, float32 bits included (tolist()/item() print every bit), and end in torch's error; programs named
// 'outside: X' must raise NotImplementedError naming X on their last line. Then the host objects directly: the
// modules a session gets, its seed, and torch's summation order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { createSession, runPython } from 'conv1d-playground/python';
import { createTorchModules } from '../../web/python/torch/index.js';
import { cascadeSum, columnSum } from '../../web/python/torch/sum.js';
import { fixture } from './golden.mjs';

const nn = await load();
const golden = fixture('python_torch_programs.json');

for (const program of golden.programs) {
  test(program.name, () => {
    const { stdout, error } = runPython(nn, program.source);
    assert.equal(stdout, program.stdout);
    if (program.name.startsWith('outside: ')) {
      const construct = program.name.slice('outside: '.length);
      assert.equal(error?.type, 'NotImplementedError', JSON.stringify(error));
      assert.equal(error.line, program.source.trimEnd().split('\n').length);
      assert.ok(error.message.includes(construct), `${JSON.stringify(error.message)} names ${construct}`);
    } else {
      assert.deepEqual(error && { type: error.type, message: error.message, line: error.line }, program.error);
    }
  });
}

test('a session: torch, torch.nn, torch.nn.functional, torch.autograd, torch.optim; the default seed', () => {
  const modules = createTorchModules(nn);
  assert.deepEqual([...modules.keys()], ['torch', 'torch.nn', 'torch.nn.functional', 'torch.autograd', 'torch.optim']);
  assert.equal(modules.get('torch').getAttr('nn'), modules.get('torch.nn'));
  assert.equal(modules.get('torch').getAttr('initial_seed').fn([], new Map()), 67280421310721n);
  assert.throws(() => modules.get('torch').getAttr('cat'),
    (e) => e.type === 'NotImplementedError' && e.message.includes('torch.cat'));
});

test("a program's modules as the package's objects (the playground shows the model a program leaves behind)", () => {
  const nnModule = createTorchModules(nn).get('torch.nn');
  const make = (name, ...args) => nnModule.getAttr(name).call(args, new Map());
  const conv = make('Conv1d', 1n, 2n, 3n);
  const model = make('Sequential', conv, make('Tanh'));
  assert.equal(conv.toPackage() instanceof nn.Conv1d, true);
  assert.equal(String(model.toPackage()), String(model.repr()));
  assert.equal(model.toPackage().at(0), conv.toPackage());
  assert.equal(make('MSELoss').toPackage(), null);
  assert.equal(make('Sequential', model).toPackage(), null); // the package's Sequential holds no Sequential
});

test('each session keeps its own generator, whatever other sessions and the page draw in between', () => {
  const draws = 'x = torch.randn(3)\nprint(x.tolist(), torch.nn.Conv1d(1, 1, 2).weight.tolist())';
  const alone = createSession(nn);
  alone.run('import torch\ntorch.manual_seed(5)');
  const expected = [alone.run(draws).stdout, alone.run(draws).stdout];
  const [a, b] = [createSession(nn), createSession(nn)];
  a.run('import torch\ntorch.manual_seed(5)');
  b.run('import torch\ntorch.manual_seed(5)');
  assert.equal(a.run(draws).stdout, expected[0]);
  nn.manualSeed(99); // the page's own use of the package
  nn.randn(7);
  assert.equal(b.run(draws).stdout, expected[0]);
  assert.equal(a.run(draws).stdout, expected[1]);
  assert.equal(b.run(draws).stdout, expected[1]);
});

test('cells of a session share tensors, layers and the generator; no_grad ends with its block, even on errors', () => {
  const session = createSession(nn);
  assert.deepEqual(session.run('import torch\nimport torch.nn as nn\ntorch.manual_seed(1)\nm = nn.Conv1d(1, 1, 3)'),
    { stdout: '', error: null });
  const failed = session.run('with torch.no_grad():\n    y = m(torch.ones(1, 1, 2))');
  assert.equal(failed.error?.type, 'RuntimeError');
  assert.deepEqual(session.run('print(m.weight.data)\nprint(m(torch.ones(1, 1, 3)).requires_grad)'),
    { stdout: 'tensor([[[ 0.2975, -0.2548, -0.1119]]])\nTrue\n', error: null });
});

test("torch's summation order: lanes, interleaved partial sums and cascade levels change the float32 result", () => {
  // 1 and 63 halves of its ulp: a left-to-right float32 sum drops every half; torch's 8 lanes of 4 interleaved
  // partial sums pair them up first (lane 0 keeps 1 + 3 ulps, each other lane 4 ulps).
  const values = new Float32Array(64).fill(2 ** -24);
  values[0] = 1;
  let sequential = 0;
  for (const v of values) sequential = Math.fround(sequential + v);
  assert.equal(sequential, 1);
  assert.equal(cascadeSum(values), 1 + 31 * 2 ** -23);
  // Columns: a block of 3 rows by 5 columns, its first 4 columns row by row, the last one as row_sum.
  const block = Float32Array.from({ length: 15 }, (_, i) => i);
  assert.deepEqual([0, 1, 2, 3, 4].map((j) => columnSum(block, 3, 5, j)), [15, 18, 21, 24, 27]);
});
