/**
 * Python notebook cells over the package's PyTorch-compatible API: `runPython(nn, source)` runs a program in a fresh
 * session; `createSession(nn)` keeps variables and the random generator across cells, as a notebook does.
 * A session starts the generator at DEFAULT_SEED (67280421310721, the seed of a new `torch.Generator()`; real torch
 * seeds a new process randomly), so runs are reproducible.
 * @module conv1d-playground/python
 */
import { createInterpreterSession } from './session.js';
import { DEFAULT_SEED, createTorchModules } from './torch/index.js';

export { DEFAULT_SEED };

/**
 * A notebook session: `run(source)` → `{ stdout, error: null | { type, message, line } }`.
 * @param {object} nn the loaded package (`await load()`); the session seeds its generator with DEFAULT_SEED
 * @param {{ maxSteps?: number }} [options] maxSteps: evaluation steps allowed per run (default 10 000 000)
 */
export function createSession(nn, options = {}) {
  return createInterpreterSession(createTorchModules(nn), options);
}

/** Run one program in a fresh session. */
export function runPython(nn, source, options = {}) {
  return createSession(nn, options).run(source);
}
