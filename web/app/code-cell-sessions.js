// The Python sessions of one page's code cells, by name, in whichever thread runs them (code-cell-worker.js, or
// the page itself when no worker is available): cells naming the same session share its variables and its random
// generator, as a notebook's cells share one kernel.
import { load } from '../lib/index.js';
import { createSession } from '../python/index.js';

export class PythonSessions {
  #nn = null;
  #sessions = new Map();

  /**
   * Runs `source` in session `name` (created on first use): { stdout, error: null | { type, message, line } }.
   * With `program`, `source` runs as runPython runs it (a fresh session, `name` unused) and a run without an error
   * also carries `model`: what the playground can show of it (code-model.js's programModel).
   */
  async run(name, source, { program = false } = {}) {
    try {
      this.#nn ??= load();
      const nn = await this.#nn;
      if (program) {
        const session = createSession(nn);
        const result = session.run(source);
        if (result.error) return result;
        const { programModel } = await import('./code-model.js');
        return { ...result, model: programModel(session.variables()) };
      }
      if (!this.#sessions.has(name)) this.#sessions.set(name, createSession(nn));
      return this.#sessions.get(name).run(source);
    } catch (error) {
      // run() reports Python's own errors; this is the runtime failing to load or a defect in it, still shown in the
      // cell, never a cell that waits forever.
      return { stdout: '', error: { type: 'RuntimeError', message: `internal error: ${error?.message ?? error}`, line: null } };
    }
  }
}
