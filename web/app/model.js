// Runs a page state through the package: seed, construct every layer in order (as re-running the notebook
// does), apply edited weights on top, then forward through the stack. No DOM here, no convolution math:
// every number and every rule comes from the package. Used on the main thread and in the worker.
import { parseTensorText } from './parse.js';
import { generateInput } from './generate.js';
import { seedValue } from './state.js';
import { constructorArgs, FIELD_NAMES, layerOptions } from './fields.js';
import { FOLD, FULL_TERMS, explainSelection } from './explain.js';

/** Which control an error belongs to: the package names the argument at fault (error.argument). */
export function errorField(error) {
  if (FIELD_NAMES.includes(error.argument)) return error.argument;
  return error.argument === 'input' ? 'input' : 'layer';
}

/** The input tensor's nested values from the input state. */
export function inputValues(input, seed) {
  if (input.kind === 'text') return parseTensorText(input.text);
  const size = (v) => Number(v);
  return generateInput(input.kind, {
    batch: size(input.batch), channels: size(input.channels), length: size(input.length), batched: input.batched,
  }, seed);
}

// What explaining one term costs, in the units of one multiply-add: the core packs each term into a JS object.
const TERM_COST = 200;
// What reading one input value costs (parsing its text or generating it as nested arrays, then the tensor).
const INPUT_COST = 30;

/**
 * A rough count of the work a state asks for, in multiply-adds, to decide between main thread and worker: the
 * input's values, and per layer the padded copy of its input, the multiply-adds of its output, its weights, and the terms the
 * breakdown explains — all from the lengths padding, dilation and stride give, so a window millions wide or a
 * padding of millions counts as what it costs. Unreadable arguments count as 1 (the layer then reports them).
 */
export function estimateCost(state) {
  const num = (v, d = 1) => {
    const n = Math.abs(Number(v));
    return Number.isFinite(n) ? n : d;
  };
  let batch;
  let channels;
  let length;
  if (state.input.kind === 'text') {
    batch = 1;
    channels = Math.max(1, num(state.layers[0]?.in_channels));
    length = state.input.text.length / 2 / channels;
  } else {
    batch = state.input.batched ? num(state.input.batch) : 1;
    channels = num(state.input.channels);
    length = num(state.input.length);
  }
  let cost = batch * channels * length * INPUT_COST;
  for (const l of state.layers) {
    const inC = num(l.in_channels);
    const outC = num(l.out_channels);
    const k = num(l.kernel_size);
    const dilation = num(l.dilation);
    const span = dilation * Math.max(0, k - 1);
    const text = String(l.padding).trim();
    const padding = text === 'same' ? span : text === 'valid' ? 0 : 2 * num(text, 0);
    const padded = length + padding;
    const outLength = Math.max(1, Math.floor((padded - span - 1) / Math.max(1, num(l.stride))) + 1);
    const inner = inC / Math.max(1, num(l.groups));
    const weights = outC * inner * k;
    // The breakdown sums every term of an element but lists only the shown channels' past FULL_TERMS.
    const listed = inner * k <= FULL_TERMS ? inner * k : Math.min(inner, FOLD) * k;
    cost += batch * inC * padded + batch * outC * outLength * inner * k + weights * 4 + inner * k + listed * TERM_COST;
    length = outLength;
  }
  return cost;
}

const plain = (t) => ({ shape: t.shape, data: t.data });

/**
 * `next`, or `prev` when it holds the same values. Rebuilding the stack from the seed draws equal numbers for
 * the layers before a changed one; handing back the arrays the views already show lets them skip all work
 * (they memoise on array identity: arrays are replaced, never mutated).
 */
function keepIfSame(prev, next) {
  if (!prev || !next || prev.data.length !== next.data.length || prev.shape.length !== next.shape.length) return next;
  for (let i = 0; i < prev.shape.length; i += 1) if (prev.shape[i] !== next.shape[i]) return next;
  const a = prev.data;
  const b = next.data;
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) return next;
  return prev;
}
const asError = (error, field) => ({ message: error instanceof Error ? error.message : String(error), field });

/**
 * Owns the live layers for one page (or one worker) and rebuilds them only when the seed, the arguments or the
 * edits change. run(state) returns plain data (structured-clonable): no Tensor objects, no WASM handles.
 */
export class Engine {
  constructor(nn) {
    this.nn = nn;
    this.layers = [];
    this.key = null;
    this.built = null;
  }

  #build(state) {
    const key = JSON.stringify([state.seed, state.layers]);
    if (key === this.key) return this.built;
    for (const m of this.layers) if (m && !m.isDeleted()) m.delete();
    this.layers = [];
    const previous = this.built?.layers ?? [];
    const nn = this.nn;
    const built = { seedError: null, layers: [] };
    try {
      nn.manualSeed(seedValue(state.seed));
    } catch (error) {
      built.seedError = asError(error, 'seed');
      nn.manualSeed(1);
    }
    for (const layerState of state.layers) {
      // options: the layer's arguments as numbers and words (fields.js), for every view that shows them.
      const info = { error: null, editErrors: [], repr: null, options: null };
      let m = null;
      try {
        info.options = layerOptions(layerState);
        m = new nn.Conv1d(...constructorArgs(info.options));
        info.repr = String(m);
      } catch (error) {
        info.error = asError(error, error.field ?? errorField(error));
      }
      if (m) {
        const weight = m.weight;
        info.initialWeight = plain(weight);
        const bias = m.bias;
        info.initialBias = bias ? plain(bias) : null;
        this.#applyEdits(m, weight, layerState.weightEdits, 'weight', info);
        if (bias) this.#applyEdits(m, bias, layerState.biasEdits, 'bias', info);
        const before = previous[built.layers.length];
        info.weight = keepIfSame(before?.weight, plain(m.weight));
        info.bias = m.bias ? keepIfSame(before?.bias, plain(m.bias)) : null;
      }
      this.layers.push(m);
      built.layers.push(info);
    }
    this.key = key;
    this.built = built;
    return built;
  }

  #applyEdits(m, tensor, edits, name, info) {
    const entries = Object.entries(edits);
    if (!entries.length) return;
    const data = tensor.data;
    for (const [index, value] of entries) {
      const i = Number(index);
      if (i < data.length) data[i] = value;
      else info.editErrors.push(`${name} edit at index ${i} is outside the ${name} (${data.length} values); ignored`);
    }
    m[name] = this.nn.tensor(data, tensor.shape);
  }

  run(state) {
    const started = performance.now();
    const built = this.#build(state);
    const result = { seedError: built.seedError, input: null, inputError: null, layers: [] };
    const previous = this.lastRun?.result.layers ?? [];
    this.inputs = []; // the tensor each layer read, kept for explain()
    let x = null;
    try {
      // The input tensor is kept while the input (and, for noise, the seed) is unchanged.
      const inputKey = JSON.stringify([state.input, state.input.kind === 'noise' ? state.seed : null]);
      if (inputKey !== this.inputKey) {
        this.inputKey = null;
        this.inputTensor = this.nn.tensor(inputValues(state.input, state.seed));
        this.inputKey = inputKey;
      }
      x = this.inputTensor;
      result.input = plain(x);
    } catch (error) {
      result.inputError = asError(error, 'input');
    }
    let blocked = x ? null : 'input';
    built.layers.forEach((info, i) => {
      const m = this.layers[i];
      const out = { ...info, plan: null, output: null, runError: null, blockedBy: null };
      if (!m) {
        blocked ??= i;
      } else if (blocked !== null) {
        out.blockedBy = blocked;
      } else {
        try {
          out.plan = m.plan(x.shape);
          this.inputs[i] = x;
          x = m.forward(x);
          out.output = keepIfSame(previous[i]?.output, plain(x));
        } catch (error) {
          out.runError = asError(error, errorField(error));
          if (out.runError.field === 'in_channels' && i === 0) out.runError.alsoInput = true;
          blocked = i;
        }
      }
      result.layers.push(out);
    });
    this.lastRun = { key: JSON.stringify([state.seed, state.layers, state.input]), result };
    result.explain = explainSelection(this, state, result);
    result.ms = performance.now() - started;
    return result;
  }

  /** The result for `state`: the last run's when only the selection or the view options differ, else a new run. */
  resultFor(state) {
    const key = JSON.stringify([state.seed, state.layers, state.input]);
    return this.lastRun?.key === key ? this.lastRun.result : this.run(state);
  }

  /** The breakdown of state.sel only, reusing the last run when only the selection changed. */
  explainOnly(state) {
    const key = JSON.stringify([state.seed, state.layers, state.input]);
    if (this.lastRun?.key !== key) return this.run(state).explain;
    return explainSelection(this, state, this.lastRun.result);
  }

  dispose() {
    for (const m of this.layers) if (m && !m.isDeleted()) m.delete();
    this.layers = [];
    this.key = null;
  }
}
