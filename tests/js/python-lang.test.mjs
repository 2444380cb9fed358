// The Python language runtime against CPython: every program of tests/golden/python_lang.json (recorded by
// tests/golden/generate_python_lang.py) must print byte for byte what python3 printed and end in the same error
// (type, message, line). Programs outside the subset must raise NotImplementedError on the recorded line, naming the
// construct, after printing what the lines before it printed. The pure-language programs need no torch: they run in a
// session with no importable modules. Then the budget and size limits, which CPython has no equivalent of.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { createInterpreterSession } from '../../web/python/session.js';
import { fixture } from './golden.mjs';

const golden = fixture('python_lang.json');
const run = (source, options) => createInterpreterSession(new Map(), options).run(source);

function assertSameOutcome(actual, expected, where) {
  assert.equal(actual.stdout, expected.stdout, `${where}: stdout differs from CPython's`);
  if (expected.error === null) {
    assert.equal(actual.error, null, `${where}: CPython raised nothing, the runtime raised ${JSON.stringify(actual.error)}`);
    return;
  }
  assert.ok(actual.error, `${where}: expected ${expected.error.type} on line ${expected.error.line}, but nothing was raised`);
  if ('construct' in expected.error) {
    const { type, line, message } = actual.error;
    assert.deepEqual({ type, line }, { type: expected.error.type, line: expected.error.line }, `${where}: ${message}`);
    assert.ok(message.toLowerCase().includes(expected.error.construct.toLowerCase()),
      `${where}: the message ${JSON.stringify(message)} must name ${expected.error.construct}`);
    return;
  }
  assert.deepEqual(actual.error, expected.error, `${where}: a different error than CPython's`);
}

test('the language golden set has 100+ programs, errors and outside-subset programs among them', () => {
  assert.ok(golden.programs.length >= 100, `${golden.programs.length} programs`);
  assert.ok(golden.programs.filter((p) => p.error?.type === 'NotImplementedError').length >= 10);
  assert.ok(golden.programs.filter((p) => p.error?.type === 'SyntaxError').length >= 5);
});

for (const program of golden.programs) {
  test(program.name, () => assertSameOutcome(run(program.source), program, program.name));
}

test('format(value, spec) agrees with CPython on 3000 random format specs, errors included', () => {
  const session = createInterpreterSession(new Map());
  const differ = golden.formats.filter((c) => {
    const { stdout, error } = session.run(`print(format(${c.value}, ${JSON.stringify(c.spec)}), end='')`);
    const actual = error ? { error: { type: error.type, message: error.message } } : { result: stdout };
    return !isDeepStrictEqual(actual, c.error ? { error: c.error } : { result: c.result });
  });
  assert.equal(golden.formats.length, 3000);
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} specs differ`);
});

test("'%…' % args agrees with CPython on 2000 random conversions, errors included", () => {
  const session = createInterpreterSession(new Map());
  const differ = golden.percents.filter((c) => {
    const { stdout, error } = session.run(`print(${c.source}, end='')`);
    const actual = error ? { error: { type: error.type, message: error.message } } : { result: stdout };
    return !isDeepStrictEqual(actual, c.error ? { error: c.error } : { result: c.result });
  });
  assert.equal(golden.percents.length, 2000);
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} conversions differ`);
});

test('a session keeps variables and functions between cells; each run returns only its own output', () => {
  const session = createInterpreterSession(new Map());
  assert.deepEqual(session.run('x = 2\ndef twice(v):\n    return 2 * v\nprint(x)'), { stdout: '2\n', error: null });
  assert.deepEqual(session.run('print(twice(x) + 0.5)'), { stdout: '4.5\n', error: null });
  const failed = session.run('y = 1\nprint(undefined)');
  assert.deepEqual(failed.error, { type: 'NameError', message: "name 'undefined' is not defined", line: 2 });
  assert.deepEqual(session.run('print(y)'), { stdout: '1\n', error: null }, 'a failed cell keeps what it assigned');
});

test('an endless loop stops at the step budget with a RuntimeError, keeping what it printed', () => {
  const result = run('print("start")\nn = 0\nwhile True:\n    n += 1\n', { maxSteps: 10_000 });
  assert.equal(result.stdout, 'start\n');
  assert.equal(result.error.type, 'RuntimeError');
  assert.match(result.error.message, /exceeded its budget of 10000 steps/);
  assert.ok([3, 4].includes(result.error.line), `line ${result.error.line}`);
});

test('the budget also counts iterations inside builtins (sum over a huge range) and is per run', () => {
  const session = createInterpreterSession(new Map(), { maxSteps: 5_000 });
  assert.equal(session.run('print(sum(range(10 ** 12)))').error.type, 'RuntimeError');
  assert.deepEqual(session.run('print(sum(range(100)))'), { stdout: '4950\n', error: null });
});

test('the default budget allows a million loop iterations', () => {
  const result = run('t = 0\nfor i in range(1000000):\n    t += i\nprint(t)');
  assert.deepEqual(result, { stdout: '499999500000\n', error: null });
});

test('growth past the size limits is a MemoryError, not an exhausted heap', () => {
  for (const source of ['x = [0] * 10 ** 9', "s = 'ab' * 10 ** 9", 'x = 2 ** 10 ** 9', 'x = 1 << 10 ** 8',
    'x = [1]\nwhile True:\n    x = x + x', 'a = []\nwhile True:\n    a.append("x" * 5000000)']) {
    const result = run(`print('before')\n${source}`);
    assert.equal(result.stdout, 'before\n', source);
    assert.equal(result.error?.type, 'MemoryError', `${source}: ${JSON.stringify(result.error)}`);
    assert.match(result.error.message, /exceeds the runtime's limit/);
  }
});

test('printing without end stops at 10 000 000 characters with a MemoryError, keeping what was printed', () => {
  const result = run('while True:\n    print("x" * 99999)');
  assert.equal(result.error?.type, 'MemoryError');
  assert.match(result.error.message, /printing more than 10000000 characters/);
  assert.equal(result.stdout.length, 10_000_000);
});

test('deep recursion is a RecursionError, never a JS stack overflow', () => {
  const result = run('def f(n):\n    return f(n + 1) + 1\nprint("go")\nf(0)');
  assert.equal(result.stdout, 'go\n');
  assert.deepEqual(result.error, { type: 'RecursionError', message: 'maximum recursion depth exceeded', line: 2 });
});

test('run() never throws: a non-string source and a host object throwing a JS Error become Python errors', async () => {
  const { PyBuiltin, PyModule } = await import('../../web/python/values.js');
  assert.equal(createInterpreterSession(new Map()).run(42).error.type, 'TypeError');
  const broken = new PyModule('broken', { boom: new PyBuiltin('boom', () => { throw new Error('host failure'); }) });
  const session = createInterpreterSession(new Map([['broken', broken]]));
  const result = session.run('import broken\nprint(1)\nbroken.boom()');
  assert.deepEqual(result, { stdout: '1\n', error: { type: 'RuntimeError', message: 'host failure', line: 3 } });
});

test('imports resolve through the module map: aliases, dotted names, from-imports; others are NotImplementedError', async () => {
  const { PyBuiltin, PyModule } = await import('../../web/python/values.js');
  const sub = new PyModule('pkg.sub', { f: new PyBuiltin('f', () => 'from sub') });
  const pkg = new PyModule('pkg', { sub, g: new PyBuiltin('g', () => 'from pkg') });
  const session = createInterpreterSession(new Map([['pkg', pkg], ['pkg.sub', sub]]));
  const result = session.run([
    'import pkg', 'import pkg.sub as s', 'from pkg import sub', 'from pkg.sub import f', 'from pkg import g as h',
    'print(pkg.g(), s.f(), sub.f(), f(), h())', 'import numpy as np',
  ].join('\n'));
  assert.equal(result.stdout, 'from pkg from sub from sub from sub from pkg\n');
  assert.equal(result.error.type, 'NotImplementedError');
  assert.equal(result.error.line, 7);
  assert.match(result.error.message, /numpy/);
  assert.equal(session.run('from pkg import nothing').error.type, 'ImportError');
});

test('conv1d-playground/python, imported by name: every run starts at the default seed, a session shares the generator', async () => {
  const { load } = await import('conv1d-playground');
  const { runPython, createSession, DEFAULT_SEED } = await import('conv1d-playground/python');
  const nn = await load();
  assert.equal(DEFAULT_SEED, 67280421310721n);
  assert.deepEqual(runPython(nn, 'import torch\nprint(torch.initial_seed())'), { stdout: `${DEFAULT_SEED}\n`, error: null });
  const whole = runPython(nn, 'import torch\ntorch.manual_seed(1)\nprint(torch.rand(2))\nprint(torch.rand(2))');
  const session = createSession(nn);
  const cells = ['import torch\ntorch.manual_seed(1)', 'print(torch.rand(2))', 'print(torch.rand(2))'].map((c) => session.run(c));
  assert.equal(cells.map((c) => c.stdout).join(''), whole.stdout, 'cells continue one generator, as one program does');
  assert.ok(cells.every((c) => c.error === null));
  const again = runPython(nn, 'import torch\nprint(torch.rand(2))');
  assert.notEqual(again.stdout, runPython(nn, 'import torch\ntorch.manual_seed(1)\nprint(torch.rand(2))').stdout);
  assert.equal(again.stdout, runPython(nn, 'import torch\nprint(torch.rand(2))').stdout, 'a fresh run is reproducible');
});
