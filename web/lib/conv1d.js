// nn.Conv1d over the WASM core: argument checks and data movement; every PyTorch rule is the core's.
// Every value of the caller's is read and checked here, once, before the core is called: no getter can run
// (or delete the layer) in the middle of a core call, and no JS exception can unwind through WASM frames.
import { Tensor, internals } from './tensor.js';
import { GradSlot, edgeOf, modifiedError, recordResult } from './autograd.js';
import { argumentError, checkInt, checkIntOrSingleton, describe, elementsOf, readOption, readSizes, unwrap } from './checks.js';
import { formatLayer } from './repr.js';
import { pythonProgram } from './python.js';
import { withHeapFloats } from './heap.js';

const WHERE = 'Conv1d()';

// Option names in camelCase, with the snake_case spelling PyTorch users may type.
const OPTIONS = {
  stride: 'stride', padding: 'padding', dilation: 'dilation', groups: 'groups', bias: 'bias',
  paddingMode: 'padding_mode', padding_mode: 'padding_mode',
};

function isPlainObject(value) {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Turns the JS call into the core's LayerArguments, checking only what JS can know. */
function layerArguments(inChannels, outChannels, kernelSize, options) {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) {
    throw argumentError(TypeError, `${WHERE}: 'options' must be an object such as { stride: 2, padding: 'same' }, ` +
      `but got ${describe(options)}`, 'options');
  }
  const given = {};
  for (const key of Object.keys(options)) {
    const name = Object.hasOwn(OPTIONS, key) ? OPTIONS[key] : undefined;
    if (!name) {
      throw argumentError(TypeError, `${WHERE}: unknown option '${key}'; expected one of stride, padding, dilation, ` +
        'groups, bias, paddingMode', 'options');
    }
    if (name in given) {
      throw argumentError(TypeError, `${WHERE}: option '${name}' given twice (as '${key}' and its other spelling)`, name);
    }
    given[name] = readOption(options, key, WHERE);
  }
  const required = (value, name) => {
    if (value === undefined) throw argumentError(TypeError, `${WHERE}: missing required argument '${name}'`, name);
    return checkIntOrSingleton(value, WHERE, name);
  };
  const optional = (name, fallback) => (given[name] === undefined ? fallback : checkIntOrSingleton(given[name], WHERE, name));

  const args = {
    inChannels: required(inChannels, 'in_channels'),
    outChannels: required(outChannels, 'out_channels'),
    kernelSize: required(kernelSize, 'kernel_size'),
    stride: optional('stride', 1),
    padding: 0,
    paddingIsString: false,
    paddingString: '',
    dilation: optional('dilation', 1),
    groups: checkInt(given.groups ?? 1, WHERE, 'groups'),
    bias: true,
    paddingMode: 'zeros',
  };
  const padding = given.padding ?? 0;
  if (typeof padding === 'string') {
    args.paddingIsString = true;
    args.paddingString = padding;
  } else {
    args.padding = checkIntOrSingleton(padding, WHERE, 'padding');
  }
  if (given.bias !== undefined) {
    if (typeof given.bias !== 'boolean') {
      throw argumentError(TypeError, `${WHERE}: argument 'bias' must be a boolean, but got ${describe(given.bias)}`, 'bias');
    }
    args.bias = given.bias;
  }
  if (given.padding_mode !== undefined) {
    if (typeof given.padding_mode !== 'string') {
      throw argumentError(TypeError,
        `${WHERE}: argument 'padding_mode' must be a string, but got ${describe(given.padding_mode)}`, 'padding_mode');
    }
    args.paddingMode = given.padding_mode;
  }
  return args;
}

const POSITIONAL = {
  inChannels: 'in_channels', in_channels: 'in_channels', outChannels: 'out_channels', out_channels: 'out_channels',
  kernelSize: 'kernel_size', kernel_size: 'kernel_size',
};

/** Accepts `new Conv1d(in, out, k, options)` and `new Conv1d({ inChannels, outChannels, kernelSize, ... })`. */
function normalizeCall(first, outChannels, kernelSize, options) {
  if (!isPlainObject(first)) return [first, outChannels, kernelSize, options];
  const positional = {};
  const rest = {};
  for (const key of Object.keys(first)) {
    const value = readOption(first, key, WHERE);
    if (POSITIONAL[key]) positional[POSITIONAL[key]] = value;
    else rest[key] = value;
  }
  return [positional.in_channels, positional.out_channels, positional.kernel_size, rest];
}

// Indices (e.g. channels): a new ascending list of distinct integers, each checked.
function readIndices(list, where, name) {
  if (!Array.isArray(list) || list.length > 2 ** 24) {
    throw argumentError(TypeError, `${where}: argument '${name}' must be an array of indices, but got ${describe(list)}`, name);
  }
  const indices = [];
  for (let i = 0; i < list.length; i++) indices.push(checkInt(list[i], where, `${name}[${i}]`));
  return [...new Set(indices)].sort((a, b) => a - b);
}

// One end of a range of positions: a non-negative integer.
function checkIndex(value, where, name) {
  const index = checkInt(value, where, name);
  if (index < 0) throw argumentError(RangeError, `${where}: argument '${name}' must not be negative, but got ${index}`, name);
  return index;
}

/**
 * `seedState()` returns { seed, draws }: the global generator's seed and the values drawn since, which
 * tell whether a layer was built straight after seeding (then the seed alone reproduces it in Python).
 */
export function conv1dClass(core, toTensor, registry, seedState) {
  const heapF32 = () => core.HEAPF32;

  // Copies a tensor into a temporary WASM buffer for the duration of `use(pointer)`.
  const withWasmCopy = (tensor, use) =>
    withHeapFloats(core, tensor.numel(), (pointer) => {
      copyIntoHeap(tensor, pointer, tensor.numel());
      return use(pointer);
    });
  // The one place tensor data enters WASM memory: the buffer holds `capacity` floats, and the data must
  // be exactly that many (a Float32Array over a resizable buffer can change size after the Tensor is made).
  const copyIntoHeap = (tensor, pointer, capacity) => {
    const data = tensor.data;
    if (elementsOf(data) !== capacity) {
      throw new RangeError(`the tensor's data holds ${elementsOf(data)} elements, but its shape ` +
        `[${tensor.shape.join(', ')}] needs ${capacity}`);
    }
    heapF32().set(data, pointer >> 2);
  };

  return class Conv1d {
    #handle;
    #origin;
    #preparedKey = null;
    #plan = null;
    #weightSlot;
    #biasSlot = null;

    /**
     * @param {number} inChannels
     * @param {number} outChannels
     * @param {number} kernelSize
     * @param {object} [options] stride, padding (number | 'same' | 'valid'), dilation, groups, bias, paddingMode
     */
    constructor(inChannels, outChannels, kernelSize, options) {
      const args = layerArguments(...normalizeCall(inChannels, outChannels, kernelSize, options));
      const before = seedState();
      const handle = unwrap(core.LayerHandle.create(args));
      this.#handle = handle;
      this.#origin = { seed: before.seed, drawsBefore: before.draws, drawsAfter: seedState().draws, edited: false };
      registry.register(this, handle, this);
      this.#weightSlot = this.#parameterSlot('weight');
      if (handle.hasBias()) this.#biasSlot = this.#parameterSlot('bias');
    }

    // Where the gradients of a parameter accumulate; an optimizer reads and writes the values through it.
    #parameterSlot(name) {
      const read = () => this[name].data;
      const write = (values) => {
        this.#setParameter(name, new Tensor(values, name === 'weight' ? this.#weightShape() : [values.length]));
        this.#origin.edited = true; // the seed alone no longer reproduces the layer (toPython writes its values)
      };
      return new GradSlot(name === 'weight' ? this.#weightShape() : [this.#live().weightShape()[0]], read, write);
    }
    #weightShape() { return Array.from(this.#live().weightShape()); }
    #setParameter(name, tensor) {
      const handle = this.#live();
      withWasmCopy(tensor, (pointer) =>
        unwrap(name === 'weight' ? handle.setWeight(tensor.shape, pointer) : handle.setBias(tensor.shape, pointer)));
    }
    // A parameter's values as a Tensor that shares the layer's gradient slot (`.grad`, requiresGrad_()).
    #parameterTensor(data, shape, slot) {
      const tensor = new Tensor(data, shape);
      internals.setSlot(tensor, slot);
      return tensor;
    }

    #live() {
      if (!this.#handle) throw new Error('Conv1d: this layer has been deleted; create a new one');
      return this.#handle;
    }

    #args() { return this.#live().arguments(); }
    get inChannels() { return this.#args().inChannels; }
    get outChannels() { return this.#args().outChannels; }
    get kernelSize() { return this.#args().kernelSize; }
    get stride() { return this.#args().stride; }
    /** A number, or 'same' / 'valid'. */
    get padding() {
      const a = this.#args();
      return a.paddingIsString ? a.paddingString : a.padding;
    }
    get dilation() { return this.#args().dilation; }
    get groups() { return this.#args().groups; }
    get paddingMode() { return this.#args().paddingMode; }
    /** The constructor options, normalised: enough to build an identical layer. */
    get options() {
      const a = this.#args();
      return {
        stride: a.stride, padding: a.paddingIsString ? a.paddingString : a.padding, dilation: a.dilation,
        groups: a.groups, bias: a.bias, paddingMode: a.paddingMode,
      };
    }

    /** Shape [out_channels, in_channels / groups, kernel_size]; a copy. */
    get weight() {
      const handle = this.#live();
      const shape = Array.from(handle.weightShape());
      const start = handle.weightBuffer() >> 2;
      return this.#parameterTensor(heapF32().slice(start, start + shape[0] * shape[1] * shape[2]), shape, this.#weightSlot);
    }
    set weight(value) {
      const tensor = toTensor(value, 'weight');
      this.#setParameter('weight', tensor);
      this.#weightSlot.version++;
      this.#origin.edited = true;
    }
    /** Shape [out_channels], or null when the layer has no bias; a copy. */
    get bias() {
      const handle = this.#live();
      if (!handle.hasBias()) return null;
      const start = handle.biasBuffer() >> 2;
      const count = handle.weightShape()[0];
      return this.#parameterTensor(heapF32().slice(start, start + count), [count], this.#biasSlot);
    }
    set bias(value) {
      if (value === null) {
        this.#live().removeBias();
        this.#biasSlot = null;
      } else {
        const tensor = toTensor(value, 'bias');
        this.#setParameter('bias', tensor);
        if (this.#biasSlot) this.#biasSlot.version++;
        else this.#biasSlot = this.#parameterSlot('bias');
      }
      this.#origin.edited = true;
    }

    /** Draws weight and bias again from the global generator, as constructing the layer would. */
    resetParameters() {
      this.#live().resetParameters();
      this.#weightSlot.version++;
      if (this.#biasSlot) this.#biasSlot.version++;
      this.#origin.edited = true;
    }

    /** The weight, then the bias if any: Tensors whose `.grad` is the layer's gradient (for an optimizer). */
    parameters() {
      const bias = this.bias;
      return bias ? [this.weight, bias] : [this.weight];
    }

    /** Sets the parameters' gradients to zero (torch 1.13's module.zero_grad(), set_to_none=False). */
    zeroGrad() {
      this.#live();
      for (const slot of [this.#weightSlot, this.#biasSlot]) slot?.grad?.fill(0);
    }

    /**
     * Where the parameters came from: { seed, drawsBefore, drawsAfter, edited }. A layer whose
     * drawsBefore is 0 and that is not edited is reproduced by torch.manual_seed(seed) alone.
     */
    get origin() { return { ...this.#origin }; }

    /**
     * Validates an input shape as PyTorch's forward would and describes the call: output shape,
     * padding on each side, padded and output lengths. Throws PyTorch's error otherwise.
     */
    plan(inputShape) {
      const sizes = readSizes(inputShape, 'Conv1d.plan()', 'input_shape');
      return structuredClone(this.#prepare(sizes));
    }
    /** The output shape for an input shape, without running the layer. */
    outputShape(inputShape) { return this.plan(inputShape).outputShape; }

    // The core's plan for checked sizes; the last one is kept, since a forward pass needs it prepared.
    #prepare(sizes) {
      const handle = this.#live();
      const key = sizes.join(',');
      if (key !== this.#preparedKey) {
        this.#preparedKey = null;
        const plan = unwrap(handle.prepare(sizes));
        plan.outputShape = Array.from(plan.outputShape);
        this.#plan = plan;
        this.#preparedKey = key;
      }
      return this.#plan;
    }

    /** input: a Tensor, nested arrays, (N, C_in, L) or (C_in, L). */
    forward(input) {
      const x = toTensor(input, 'input');
      const handle = this.#live();
      const { outputShape } = this.#prepare(x.shape);
      unwrap(handle.reserve());
      copyIntoHeap(x, handle.inputBuffer(), x.numel());
      unwrap(handle.run());
      const start = handle.outputBuffer() >> 2;
      const count = outputShape.reduce((a, b) => a * b, 1);
      const data = heapF32().slice(start, start + count);
      const weightSlot = this.#weightSlot;
      const biasSlot = this.#biasSlot;
      const edges = [edgeOf(x), weightSlot.requiresGrad ? { slot: weightSlot } : null,
        biasSlot?.requiresGrad ? { slot: biasSlot } : null];
      const weightVersion = weightSlot.version;
      const inputSlot = internals.slot(x);
      const inputVersion = inputSlot?.version;
      const check = () => {
        this.#live();
        if (weightSlot.version !== weightVersion) throw modifiedError(weightSlot.shape, weightSlot.version, weightVersion);
        if (inputSlot && inputSlot.version !== inputVersion) throw modifiedError(x.shape, inputSlot.version, inputVersion);
      };
      return recordResult(data, outputShape.slice(), 'ConvolutionBackward0', edges, (grad) => {
        const g = this.#gradients(x, new Tensor(grad, outputShape.slice()));
        return [g.input, g.weight, this.#biasSlot === biasSlot ? g.bias : null];
      }, check);
    }

    // The core's gradients of input, weight and bias for `input` and the output's gradient `grad`.
    #gradients(input, grad) {
      const handle = this.#live();
      return unwrap(withWasmCopy(input, (inputPointer) =>
        withWasmCopy(grad, (gradPointer) => handle.backward(input.shape, inputPointer, gradPointer))));
    }

    /**
     * Where each position of the padded input reads from, for an input of `length`: an input index,
     * or -1 for a zero of zero-padding. Only padded positions [start, end) when given (a long input's
     * padding can be millions of positions). Throws PyTorch's error when the padding cannot apply.
     */
    paddedSources(length, start, end) {
      const where = 'Conv1d.paddedSources()';
      const sources = this.#live().paddedSources(checkInt(length, where, 'length'),
        start === undefined ? 0 : checkIndex(start, where, 'start'),
        end === undefined ? Number.MAX_SAFE_INTEGER : checkIndex(end, where, 'end'));
      return Array.from(unwrap(sources));
    }

    /**
     * The output element (batch, outChannel, position) of `input`, term by term:
     * { terms: [{ inChannel, tap, paddedPosition, source, padded, input, weight }], termCount, bias, value, group, ... }.
     * `source` is the input position a term reads (-1 for a zero of the padding). For (C, L) input, batch is 0.
     * `options.channels`: list the terms of these input channels only (offsets within the group, e.g. [0, 1]);
     * the value still sums all `termCount` terms, which can be millions.
     */
    explain(input, batch, outChannel, position, options = {}) {
      const where = 'Conv1d.explain()';
      const x = toTensor(input, 'input');
      const n = checkInt(batch, where, 'batch');
      const c = checkInt(outChannel, where, 'out_channel');
      const t = checkInt(position, where, 'position');
      const channelsOption = readOption(options ?? {}, 'channels', where);
      const channels = channelsOption === undefined ? null : readIndices(channelsOption, where, 'channels');
      const handle = this.#live();
      const result = unwrap(withWasmCopy(x, (pointer) => handle.explain(x.shape, pointer, n, c, t, channels)));
      const { inChannel, tap, paddedPosition, source, padded, input: values, weight } = result.terms;
      result.terms = Array.from(inChannel, (_, i) => ({
        inChannel: inChannel[i], tap: tap[i], paddedPosition: paddedPosition[i], source: source[i],
        padded: padded[i] === 1, input: values[i], weight: weight[i],
      }));
      return result;
    }

    /**
     * Why one parameter's gradient has its value, for `input` and the gradient of the loss w.r.t. this layer's
     * output, `gradOutput` (shaped like forward(input)'s output): what backward computes, term by term.
     * `which`: { weight: [o, i, k] } gives ∂L/∂w[o, i, k] = Σ_n Σ_t ∂L/∂y[n, o, t] · x_padded[n, c, t·stride + k·dilation]
     * (c = group·in/groups + i) as { value, termCount, terms: [{ batch, position, gradOutput, input, paddedPosition,
     * source, padded }], outChannel, inChannel, tap, group, inputChannel }; { bias: o } gives ∂L/∂b[o] = Σ ∂L/∂y[n, o, t]
     * as { value, termCount, terms: [{ batch, position, gradOutput }], outChannel }. The value (float32, equal to the
     * gradient backward gives) sums all termCount terms; `which.maxTerms` lists only the first ones (by batch, then
     * position). A term in zero padding has source -1 and input 0; in reflect/replicate/circular padding, source
     * says where the value was read.
     */
    explainGrad(input, gradOutput, which) {
      const where = 'Conv1d.explainGrad()';
      const x = toTensor(input, 'input');
      const grad = toTensor(gradOutput, 'grad_output');
      if (which === null || typeof which !== 'object') {
        throw argumentError(TypeError, `${where}: argument 'which' must be { weight: [o, i, k] } or { bias: o }, ` +
          `but got ${describe(which)}`, 'which');
      }
      const weightIndex = readOption(which, 'weight', where);
      const biasIndex = readOption(which, 'bias', where);
      const maxTerms = readOption(which, 'maxTerms', where);
      const limit = maxTerms === undefined ? -1 : checkIndex(maxTerms, where, 'maxTerms');
      if ((weightIndex === undefined) === (biasIndex === undefined)) {
        throw argumentError(TypeError, `${where}: argument 'which' must name exactly one of weight: [o, i, k] or ` +
          'bias: o', 'which');
      }
      const handle = this.#live();
      const explainWith = (call) => unwrap(withWasmCopy(x, (inputPointer) =>
        withWasmCopy(grad, (gradPointer) => call(inputPointer, gradPointer))));
      if (biasIndex !== undefined) {
        const o = checkInt(biasIndex, where, 'bias');
        const result = explainWith((xp, gp) => handle.explainBiasGradient(x.shape, xp, grad.shape, gp, o, limit));
        const { batch, position, gradOutput: g } = result.terms;
        result.terms = Array.from(batch, (_, i) => ({ batch: batch[i], position: position[i], gradOutput: g[i] }));
        return result;
      }
      if (!Array.isArray(weightIndex) || weightIndex.length !== 3) {
        throw argumentError(TypeError, `${where}: argument 'weight' must be an index [o, i, k], but got ` +
          `${describe(weightIndex)}`, 'weight');
      }
      const [o, i, k] = ['out_channel', 'in_channel', 'tap'].map((name, d) => checkInt(weightIndex[d], where, name));
      const result = explainWith((xp, gp) => handle.explainWeightGradient(x.shape, xp, grad.shape, gp, o, i, k, limit));
      const { batch, position, gradOutput: g, input: values, paddedPosition, source, padded } = result.terms;
      result.terms = Array.from(batch, (_, t) => ({
        batch: batch[t], position: position[t], gradOutput: g[t], input: values[t], paddedPosition: paddedPosition[t],
        source: source[t], padded: padded[t] === 1,
      }));
      return result;
    }

    /** A runnable PyTorch program reproducing this layer on `input` (nested arrays or a Tensor). */
    toPython(input) {
      const x = toTensor(input, 'input');
      this.plan(x.shape); // only programs that run: PyTorch would refuse what plan() refuses
      const o = this.#origin;
      const seeded = o.drawsBefore === 0 && !o.edited;
      return pythonProgram({ layers: [this], seed: seeded ? o.seed : null, input: x, sequential: false });
    }

    /** Frees the layer's WebAssembly memory. Using the layer afterwards throws. */
    delete() {
      if (!this.#handle) throw new Error('Conv1d.delete(): this layer has already been deleted');
      registry.unregister(this);
      this.#handle.delete();
      this.#handle = null;
    }
    isDeleted() { return this.#handle === null; }
    /** Internal: the embind handle, for stack-level queries. */
    get _handle() { return this.#live(); }

    /** As PyTorch prints the module: `Conv1d(1, 1, kernel_size=(3,), stride=(1,))`. */
    toString() {
      return formatLayer({ inChannels: this.inChannels, outChannels: this.outChannels, kernelSize: this.kernelSize,
        ...this.options });
    }
    get [Symbol.toStringTag]() { return 'Conv1d'; }
  };
}
