// A training run of the page's model, without the DOM: the stack the page builds (Engine, from the seed and the
// example's own weights), a target, a loss and an optimizer; step() trains, reset() returns to the seed's weights.
// Every number comes from the package. A run starts from the seed's weights, so a link's step count replays it.
import { Engine } from '../model.js';
import { constructorArgs, layerOptions } from '../fields.js';
import { parseTensorText } from '../parse.js';
import { float32Literal } from '../../lib/python.js';
import { baseEdits, cloneState } from '../state.js';
import { LOSSES, OPTIMIZERS, SIGNAL_LENGTH, TARGETS, TEACHER_SEED, presetSignal, presetWeight } from './targets.js';

export const SGD_MOMENTUM = 0.9;
export const DEFAULT_SETTINGS = Object.freeze({ target: 'edge', loss: 'mse', optimizer: 'sgd', lr: 0.05, targetText: '' });
// The longest training signal a preset grows to when a stack needs a longer input than SIGNAL_LENGTH.
const MAX_SIGNAL = 4096;

const plain = (t) => (t ? { shape: t.shape.slice(), data: t.data } : null);
const sameShape = (a, b) => a.length === b.length && a.every((size, i) => size === b[i]);

/**
 * The tutorial example (2 or 3) whose printed weights a run of this state starts from, or null (the seed's): the
 * run's own `base` once it has one (a link keeps it; the page's `preset` is not in a link), else the page's example.
 */
export function runBase(pageState) {
  if (pageState.train) return pageState.train.base ?? null;
  return pageState.preset === 2 || pageState.preset === 3 ? pageState.preset : null;
}

/** The page state with its weights back to the seed's (or the example's printed ones): where a run starts. */
export function startState(pageState) {
  const state = cloneState(pageState);
  const from = { ...pageState, preset: runBase(pageState) };
  state.layers.forEach((layer, i) => Object.assign(layer, structuredClone(baseEdits(from, i))));
  state.sel = null;
  return state;
}

/** What a run depends on in the page state: a change here starts a new run; trained weights do not. */
export function modelKey(pageState) {
  const s = startState(pageState);
  return JSON.stringify([s.seed, s.layers, s.input]);
}

export class TrainSession {
  #nn;
  #engine = null;
  #layers = [];
  #teacherWeights = null;
  #input = null;
  #target = null;
  #lossFn = null;
  #optimizer = null;
  #steps = 0;
  #history = [];
  #evaluation = null;

  /**
   * pageState: the page's state (seed, layers, input). settings: { target (a TARGETS id), loss (LOSSES), optimizer
   * (OPTIMIZERS), lr, targetText (for 'custom': a tensor shaped like the model's output on the page's input) }.
   */
  constructor(nn, pageState, settings = DEFAULT_SETTINGS) {
    this.#nn = nn;
    this.pageState = cloneState(pageState);
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.error = null;
    this.reset();
  }

  get steps() { return this.#steps; }
  /** The loss at the weights after 0, 1, ..., steps steps (the last is the current one). */
  get history() { return this.#history.slice(); }
  get loss() { return this.#history[this.#history.length - 1] ?? null; }
  get layerCount() { return this.#layers.length; }

  /** Back to the seed's weights, step 0, with the current settings. */
  reset() {
    this.#dispose();
    this.#steps = 0;
    this.#history = [];
    this.error = null;
    try {
      this.#build();
      this.#evaluate();
    } catch (error) {
      this.#dispose();
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** New settings start a new run: a run's numbers depend on them from its first step. */
  configure(settings) {
    this.settings = { ...this.settings, ...settings };
    this.reset();
  }

  /** `count` optimizer steps, each on the gradient of the current weights; stops at a loss that is not finite. */
  step(count = 1) {
    for (let i = 0; i < count && !this.error && !this.diverged(); i++) {
      this.#optimizer.step();
      this.#steps += 1;
      this.#evaluate();
    }
  }

  /** True when the loss is NaN or infinite (the learning rate is too high): stepping further changes nothing useful. */
  diverged() { return this.loss !== null && !Number.isFinite(this.loss); }

  /**
   * Layer i's weight and bias now, the gradients at these weights (what the next step applies) and, for the
   * kernel presets, the teacher's weight: plain { shape, data }.
   */
  layer(i) {
    const m = this.#layers[i];
    return {
      weight: plain(m.weight), bias: plain(m.bias), weightGrad: plain(m.weight.grad), biasGrad: plain(m.bias?.grad),
      targetWeight: this.#teacherWeights?.[i] ?? null,
    };
  }

  /** What the model computes on the training input now, what it should, and that input. */
  get output() { return plain(this.#evaluation?.output); }
  get target() { return plain(this.#target); }
  get input() { return plain(this.#input); }

  /** Why layer i's gradient of { weight: [o, i, k] } or { bias: o } has its value (Conv1d.explainGrad). */
  explainGrad(i, which, maxTerms) {
    const { inputs, gradOutputs } = this.#evaluation;
    return this.#layers[i].explainGrad(inputs[i], gradOutputs[i], maxTerms === undefined ? which : { ...which, maxTerms });
  }

  /** The page's edits of the run's start (the seed's weights, or its example's): what step 0 shows. */
  startEdits() {
    return startState(this.pageState).layers.map((l) => ({ weightEdits: l.weightEdits, biasEdits: l.biasEdits }));
  }

  /**
   * The page's weight and bias edits that show the trained parameters: { weightEdits, biasEdits } per layer, each
   * value the shortest decimal that reads back as the same float32 (so the link stays short, and exact).
   */
  edits() {
    const shortest = (v) => (Number.isFinite(v) ? Number(float32Literal(v)) : v);
    const asEdits = (t) => Object.fromEntries(Array.from(t?.data ?? [], (v, k) => [String(k), shortest(v)]));
    return this.#layers.map((m) => ({ weightEdits: asEdits(m.weight), biasEdits: asEdits(m.bias) }));
  }

  dispose() { this.#dispose(); }

  #dispose() {
    this.#engine?.dispose();
    this.#engine = null;
    this.#layers = [];
    this.#evaluation = null;
  }

  #build() {
    const nn = this.#nn;
    const state = startState(this.pageState);
    this.#engine = new Engine(nn);
    const result = this.#engine.run(state);
    const failed = result.inputError ?? result.seedError ?? result.layers.map((l) => l.error ?? l.runError).find(Boolean);
    if (failed) throw new Error(`The model does not run: ${failed.message}`);
    if (!result.layers.length) throw new Error('The model has no layers to train.');
    this.#layers = this.#engine.layers;
    const { target, loss, optimizer, lr } = this.settings;
    if (!Object.hasOwn(TARGETS, target)) throw new Error(`Unknown target '${target}'.`);
    if (!Object.hasOwn(LOSSES, loss)) throw new Error(`Unknown loss '${loss}'.`);
    if (!Object.hasOwn(OPTIMIZERS, optimizer)) throw new Error(`Unknown optimizer '${optimizer}'.`);
    if (!(typeof lr === 'number' && lr > 0 && Number.isFinite(lr))) throw new Error('The learning rate must be a positive number.');
    if (target === 'custom') this.#useTypedTarget();
    else this.#useTeacher(state, target);
    this.#lossFn = new (loss === 'mse' ? nn.MSELoss : nn.L1Loss)();
    const params = this.#layers.flatMap((m) => m.parameters());
    this.#optimizer = optimizer === 'sgd'
      ? new nn.optim.SGD(params, { lr, momentum: SGD_MOMENTUM })
      : new nn.optim.Adam(params, { lr });
    // What an export needs to replay the run: the layers, their starting parameters, the data, the settings.
    this.startRecipe = {
      layers: this.#layers.map((m) => ({ inChannels: m.inChannels, outChannels: m.outChannels, kernelSize: m.kernelSize,
        options: m.options, weight: plain(m.weight), bias: plain(m.bias) })),
      input: plain(this.#input), target: plain(this.#target), settings: { ...this.settings },
    };
  }

  // The page's input, and the typed tensor as the target: it must have the shape of the model's output on it.
  #useTypedTarget() {
    this.#teacherWeights = null;
    this.#input = this.#engine.inputTensor;
    const text = this.settings.targetText.trim();
    if (!text) throw new Error('Type a target tensor, shaped like the model\'s output.');
    const target = this.#nn.tensor(parseTensorText(text));
    const shape = this.#forwardAll(this.#input).shape;
    if (!sameShape(target.shape, shape)) {
      throw new Error(`The target has shape [${target.shape.join(', ')}], but the model's output has shape [${shape.join(', ')}].`);
    }
    this.#target = target;
  }

  // The page's architecture with the preset's kernels (or the teacher seed's), run on the preset's signal.
  #useTeacher(state, target) {
    const nn = this.#nn;
    const channels = this.#layers[0].inChannels;
    let length = SIGNAL_LENGTH;
    while (length < MAX_SIGNAL && !this.#runs([1, channels, length])) length *= 2;
    this.#input = nn.tensor(presetSignal(channels, length));
    if (target === 'teacher') nn.manualSeed(TEACHER_SEED);
    const teacher = state.layers.map((layerState) => new nn.Conv1d(...constructorArgs(layerOptions(layerState))));
    try {
      if (target !== 'teacher') {
        for (const m of teacher) {
          m.weight = nn.tensor(presetWeight(target, m.weight.shape), m.weight.shape);
          if (m.bias) m.bias = nn.zeros(m.bias.shape);
        }
        this.#teacherWeights = teacher.map((m) => plain(m.weight));
      } else {
        this.#teacherWeights = null; // hidden: the learner finds it from the outputs alone
      }
      let y = this.#input;
      for (const m of teacher) y = m.forward(y);
      this.#target = y.detach();
    } finally {
      for (const m of teacher) m.delete();
    }
  }

  #runs(shape) {
    try {
      this.#layers.reduce((s, m) => m.outputShape(s), shape);
      return true;
    } catch {
      return false;
    }
  }

  #forwardAll(x) {
    let y = x;
    for (const m of this.#layers) y = m.forward(y);
    return y;
  }

  // The loss and every gradient at the current weights. Each layer's output is cut from the graph and made a leaf,
  // so that its gradient (∂L/∂y of that layer: what explainGrad needs) can be read before it flows on.
  #evaluate() {
    for (const m of this.#layers) m.zeroGrad();
    const inputs = [];
    const outputs = [];
    let h = this.#input;
    for (const m of this.#layers) {
      inputs.push(h);
      const out = m.forward(h);
      outputs.push(out);
      h = out.detach().requiresGrad_();
    }
    const loss = this.#lossFn.forward(h, this.#target);
    loss.backward();
    const gradOutputs = [];
    let grad = h.grad;
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      gradOutputs[i] = grad;
      outputs[i].backward(grad);
      grad = inputs[i].requiresGrad ? inputs[i].grad : null;
    }
    this.#evaluation = { inputs, gradOutputs, output: h.detach() };
    this.#history.push(loss.item());
  }
}
