// The Python runtime against real PyTorch 1.13: every program of tests/golden/python/ (recorded by
// tests/golden/generate_python.py into python_programs.json) must print byte for byte what python3 printed, and end in
// the same error (type, message, line). Programs outside the runtime's subset are recorded with the line Python cannot
// judge: there the runtime must raise NotImplementedError on that line, naming the construct, after printing what the
// lines before it printed. Sessions replay a notebook's cells in one createSession().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'conv1d-playground';
import { fixture } from './golden.mjs';

const nn = await load();
const golden = fixture('python_programs.json');
// Imported lazily so that, while the runtime is being built, each program fails with its own name instead of the
// whole file failing at its first line.
const runtime = await import('../../web/python/index.js').catch((error) => error);

function python() {
  if (runtime instanceof Error) assert.fail(`web/python/index.js does not load: ${runtime.message}`);
  return runtime;
}

// A program whose first line is `# tolerance: <why>` prints numbers that went through torch's BLAS or oneDNN sums
// (FMA, blocked orders that depend on the CPU): its text must match exactly and its numbers within NUMBER_RTOL.
const NUMBER_RTOL = 1e-5;
const NUMBER = /-?\d+(?:\.\d*)?(?:e[-+]?\d+)?/g;

function assertSameStdout(actual, expected, source, where) {
  if (!source?.startsWith('# tolerance:')) {
    assert.equal(actual, expected, `${where}: stdout differs from PyTorch's`);
    return;
  }
  assert.equal(actual.replace(NUMBER, '#'), expected.replace(NUMBER, '#'), `${where}: stdout's text differs from PyTorch's`);
  const numbers = (text) => text.match(NUMBER)?.map(Number) ?? [];
  const [got, want] = [numbers(actual), numbers(expected)];
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= NUMBER_RTOL * Math.abs(w) + 1e-7,
    `${where}: number ${i} is ${got[i]}, PyTorch printed ${w}`));
}

function assertSameOutcome(actual, expected, where) {
  assert.equal(typeof actual?.stdout, 'string', `${where}: run() must return { stdout, error }`);
  assertSameStdout(actual.stdout, expected.stdout, expected.source, where);
  if (expected.error === null) {
    assert.equal(actual.error, null, `${where}: PyTorch raised nothing, the runtime raised ${JSON.stringify(actual.error)}`);
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
  const { type, message, line } = actual.error;
  assert.deepEqual({ type, message, line }, expected.error, `${where}: a different error than PyTorch's`);
}

test('the golden set covers issue 15: >= 150 programs and the tutorial notebook as a session', () => {
  assert.ok(golden.programs.length >= 150, `${golden.programs.length} programs`);
  assert.ok(golden.sessions.some((s) => s.name === 'tutorial' && s.cells.length === 6));
});

for (const program of golden.programs) {
  test(program.name, () => {
    assertSameOutcome(python().runPython(nn, program.source), program, program.name);
  });
}

for (const session of golden.sessions) {
  test(`session ${session.name}`, () => {
    const s = python().createSession(nn);
    session.cells.forEach((cell, i) => assertSameOutcome(s.run(cell.source), cell, `${session.name} cell ${i + 1}`));
  });
}
