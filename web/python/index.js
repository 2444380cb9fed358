/**
 * Python notebook cells over the package's PyTorch-compatible API: `runPython(nn, source)` runs a program in a fresh
 * session; `createSession(nn)` keeps variables and the random generator across cells, as a notebook does.
 * A session starts the generator at 67280421310721, the seed of a new `torch.Generator()` (real torch seeds a new
 * process randomly), so runs are reproducible.
 * @module conv1d-playground/python
 */
import { createInterpreterSession } from './session.js';
import { createTorchModules } from './torch/index.js';

/** The seed every session starts at: torch's default seed for a new torch.Generator(). */
export const DEFAULT_SEED = 67280421310721n;

/**
 * A notebook session: `run(source)` → `{ stdout, error: null | { type, message, line } }`.
 * @param {object} nn the loaded package (`await load()`)
 * @param {{ maxSteps?: number }} [options] maxSteps: evaluation steps allowed per run (default 10 000 000)
 */
export function createSession(nn, options = {}) {
  const modules = createTorchModules(nn);
  nn.manualSeed(DEFAULT_SEED);
  return createInterpreterSession(modules, options);
}

/** Run one program in a fresh session. */
export function runPython(nn, source, options = {}) {
  return createSession(nn, options).run(source);
}
