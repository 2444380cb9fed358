// Where a state is computed: on the main thread for light states, in a Web Worker for heavy ones, through one
// message protocol either way. A job is { id, kind, state } with kind 'run' (the whole result), 'explain' (the
// breakdown of state.sel, reusing the last run) or 'python' (the Export program); the reply is { id, kind, value }
// or { id, kind, error }. Only the newest run counts: an older one still computing is dropped (a busy worker is
// replaced, not waited for), and an explanation asked before the newest run is ignored.
import { Engine, estimateCost } from './model.js';
import { pythonProgram } from './exchange.js';

// States estimated above this much work are computed in a Web Worker so typing never stutters.
export const WORKER_THRESHOLD = 3_000_000;

/** Computes one job with `engine`: what the worker does with a message, and the main thread with a light state. */
export function perform(engine, { kind, state, options }) {
  if (kind === 'run') return engine.run(state);
  if (kind === 'explain') return engine.explainOnly(state);
  if (kind === 'python') return pythonProgram(engine, state, options);
  throw new Error(`unknown job '${kind}'`);
}

export class Scheduler {
  /**
   * nn: the loaded package; createWorker: () => a Worker running worker.js, or null to compute everything here;
   * onResult(result, { mode, computeMs }): a run finished (fatal worker errors arrive as a result of errors);
   * onExplain(explain): the breakdown asked with explain() arrived; clock: () => milliseconds.
   */
  constructor({ nn, createWorker = null, onResult, onExplain, clock = () => performance.now() }) {
    this.engine = new Engine(nn);
    this.createWorker = createWorker;
    this.onResult = onResult;
    this.onExplain = onExplain;
    this.clock = clock;
    this.worker = null;
    this.workerBusy = false;
    this.nextId = 0;
    this.runId = 0; // the newest run: replies to older ones are dropped
    this.explainId = 0; // the newest explanation asked of the worker
    this.waiting = new Map(); // id → { job, resolve, reject } of jobs answered by a promise (Export)
    this.mode = 'sync'; // where the last run was computed: 'sync' or 'worker'
    this.busy = false;
    this.state = null; // the state of the newest run
  }

  /** Computes `state`: at once here when it is light (onResult is called before run returns), else in the worker. */
  run(state) {
    const id = (this.runId = this.#id());
    this.state = state;
    this.explainId = -1; // a breakdown the worker is still computing explains the state before this one
    if (!this.createWorker || estimateCost(state) < WORKER_THRESHOLD) {
      const t0 = this.clock();
      const result = perform(this.engine, { kind: 'run', state });
      this.mode = 'sync';
      this.busy = false;
      this.onResult(result, { mode: 'sync', computeMs: this.clock() - t0 });
      return;
    }
    // Heavy: hand it to the worker. A worker still busy with an older state is replaced, not waited for.
    if (this.worker && this.workerBusy) {
      this.worker.terminate();
      this.worker = null;
    }
    this.#post({ id, kind: 'run', state });
    this.workerBusy = true;
    this.busy = true;
  }

  /** The breakdown of state.sel for the newest run's state with a new selection: where the layers live. */
  explain(state) {
    if (this.mode === 'worker' && this.worker) {
      const id = (this.explainId = this.#id());
      this.worker.postMessage({ id, kind: 'explain', state });
      return;
    }
    this.onExplain(perform(this.engine, { kind: 'explain', state }));
  }

  /** The Export program for `state`, computed where the layers live (it reuses their last run): a promise. */
  /** The Python program for `state` (pythonProgram's options), as a promise. */
  python(state, options) {
    if (this.mode !== 'worker' || !this.worker) {
      try {
        return Promise.resolve(perform(this.engine, { kind: 'python', state, options }));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => {
      const job = { id: this.#id(), kind: 'python', state, options };
      this.waiting.set(job.id, { job, resolve, reject });
      this.worker.postMessage(job);
    });
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.waiting.values()) reject(new Error('the playground was closed'));
    this.waiting.clear();
    this.engine.dispose();
  }

  #id() {
    this.nextId += 1;
    return this.nextId;
  }

  #post(message) {
    if (!this.worker) {
      this.worker = this.createWorker();
      this.worker.onmessage = (event) => this.#reply(event.data);
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.workerBusy = false;
        this.busy = false;
        this.onResult(fatalResult(this.state, event.message || 'the worker failed'), { mode: 'worker', computeMs: 0 });
      };
      // Jobs waiting on a replaced worker are asked again of the new one.
      for (const { job } of this.waiting.values()) this.worker.postMessage(job);
    }
    this.worker.postMessage(message);
  }

  #reply({ id, kind, value, error }) {
    if (kind === 'python') {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (error) waiting?.reject(new Error(error));
      else waiting?.resolve(value);
      return;
    }
    if (kind === 'explain') {
      if (id === this.explainId && !error) this.onExplain(value);
      return;
    }
    this.workerBusy = false;
    if (id !== this.runId) return;
    this.mode = 'worker';
    this.busy = false;
    this.onResult(error ? fatalResult(this.state, error) : value, { mode: 'worker', computeMs: value?.ms ?? 0 });
  }
}

/** A state's result while the worker computes it. */
export function pendingResult(state) {
  return { pending: true, seedError: null, input: null, inputError: null, layers: state.layers.map(() => ({
    pending: true, error: null, editErrors: [], plan: null, output: null, runError: null, blockedBy: null,
  })) };
}

/** The result of a state the worker failed to compute: every part reports `message`. */
function fatalResult(state, message) {
  return { seedError: null, input: null, inputError: { message, field: 'input' }, layers: state.layers.map(() => ({
    error: { message, field: 'layer' }, editErrors: [], plan: null, output: null, runError: null, blockedBy: null,
  })) };
}
