// Types for `conv1d-playground/python`: PyTorch notebook cells run in JavaScript over the package's API.
import type { Conv1dApi } from '../lib/index.js';

/** A Python exception that stopped a run: its type ('NameError', 'RuntimeError', …), message and 1-based line. */
export interface PythonError {
  type: string;
  message: string;
  /** The line of the innermost statement or expression that raised (the program's own lines). */
  line: number;
}

/** What a run printed (byte for byte what python3 with torch 1.13 prints) and the error that stopped it, if any. */
export interface PythonResult {
  stdout: string;
  error: PythonError | null;
}

export interface PythonSessionOptions {
  /**
   * Evaluation steps (expressions, statements, loop iterations) allowed per run, 10 000 000 by default; a run that
   * exceeds it stops with `RuntimeError: the program exceeded its budget of N steps (an endless loop?)`.
   */
  maxSteps?: number;
}

/** A notebook: cells share variables, functions, imports and torch's random generator. */
export interface PythonSession {
  /** Run one cell; never throws. Output printed before an error is kept. */
  run(source: string): PythonResult;
  /** The session's global variables by name, in Python's globals() order (the order names were first bound); the
   * values are the runtime's own objects (the playground's Code view reads the model a program leaves behind). */
  variables(): Map<string, unknown>;
}

/** torch's default seed (of a new torch.Generator()): every session starts its generator there. */
export const DEFAULT_SEED: bigint;

/** A new session over the loaded package; it seeds the package's generator with DEFAULT_SEED. */
export function createSession(nn: Conv1dApi, options?: PythonSessionOptions): PythonSession;

/** Run one program in a fresh session. */
export function runPython(nn: Conv1dApi, source: string, options?: PythonSessionOptions): PythonResult;
