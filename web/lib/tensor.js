// Tensors on the JS side: a shape and a contiguous row-major Float32Array. No WASM memory is held,
// so tensors need no delete() and can be passed around freely.
import { formatTensor } from './format.js';
import { MAX_DIMS, argumentError, checkShape, describe, elementsOf } from './checks.js';
import { GradSlot, backward } from './autograd.js';

// Package-internal access to a tensor's autograd fields (set in the class's static block); not exported by index.js.
export const internals = {};

export class Tensor {
  #shape;
  #data;
  #node = null; // the autograd Node that computed this tensor (not a leaf), or null
  #slot = null; // a leaf's GradSlot once it requires grad (a layer's parameter shares its layer's)

  static {
    internals.node = (t) => t.#node;
    internals.setNode = (t, node) => { t.#node = node; };
    internals.slot = (t) => t.#slot;
    internals.setSlot = (t, slot) => { t.#slot = slot; };
    // A leaf's slot, made (not requiring grad) if it has none: what an optimizer holds.
    internals.ensureSlot = (t) => {
      if (!t.#slot) {
        const data = t.#data;
        t.#slot = new GradSlot(t.#shape.slice(), () => data.slice(), (values) => data.set(values));
        t.#slot.requiresGrad = false;
      }
      return t.#slot;
    };
    internals.toTensor = null; // nested arrays to a Tensor, set by load()
  }

  /**
   * A tensor over `data` (a Float32Array, used as it is, not copied) with `shape`, whose element count
   * must be the array's. `nn.tensor(...)` converts and copies anything else.
   */
  constructor(data, shape) {
    const where = 'Tensor()';
    if (!(data instanceof Float32Array)) {
      throw new TypeError(`${where}: 'data' must be a Float32Array, but got ${describe(data)} (nn.tensor() converts)`);
    }
    const dims = checkShape(shape, where, 'shape');
    const count = dims.reduce((a, b) => a * b, 1);
    if (count !== elementsOf(data)) {
      throw new RangeError(`${where}: shape [${dims.join(', ')}] is invalid for input of size ${elementsOf(data)}`);
    }
    this.#data = data;
    this.#shape = dims;
  }

  /** The sizes, as a new plain array, e.g. `[1, 1, 3]`. */
  get shape() { return this.#shape.slice(); }
  /** Contiguous row-major float32 values (the tensor's own storage). */
  get data() { return this.#data; }
  /** Number of dimensions. */
  get ndim() { return this.#shape.length; }
  /** Number of elements. */
  numel() { return this.#shape.reduce((a, b) => a * b, 1); }
  /** Like torch's `size()`: all sizes, or the size of one dimension (negative counts from the end). */
  size(dim) {
    if (dim === undefined) return this.shape;
    const d = dim < 0 ? dim + this.#shape.length : dim;
    if (!Number.isInteger(d) || d < 0 || d >= this.#shape.length) {
      throw new RangeError(`size(): dimension out of range (expected to be in range of [${-this.#shape.length}, ` +
        `${this.#shape.length - 1}], but got ${describe(dim)})`);
    }
    return this.#shape[d];
  }
  /** The value of a one-element tensor. */
  item() {
    if (this.numel() !== 1) {
      throw new RangeError(`item(): a Tensor with ${this.numel()} elements cannot be converted to a number`);
    }
    return this.#data[0];
  }
  /** Nested arrays of numbers, like torch's `tolist()`. */
  toArray() {
    const build = (dim, offset, stride) => {
      if (dim === this.#shape.length) return this.#data[offset];
      const inner = stride / (this.#shape[dim] || 1);
      return Array.from({ length: this.#shape[dim] }, (_, i) => build(dim + 1, offset + i * inner, inner));
    };
    return build(0, 0, this.numel());
  }
  clone() { return new Tensor(this.#data.slice(), this.#shape.slice()); }

  /** Whether gradients flow to or through this tensor: a leaf after requiresGrad_(), a parameter, or a result. */
  get requiresGrad() { return this.#node !== null || (this.#slot !== null && this.#slot.requiresGrad); }
  /** True unless an operation on tensors that require grad computed this one. */
  get isLeaf() { return this.#node === null; }
  /**
   * Like torch's requires_grad_(): a leaf's gradients land in `.grad` from then on (a parameter's flag is its
   * layer's). Returns this tensor.
   */
  requiresGrad_(requiresGrad = true) {
    if (typeof requiresGrad !== 'boolean') {
      throw argumentError(TypeError, `requiresGrad_(): argument 'requires_grad' must be a boolean, but got ${describe(requiresGrad)}`,
        'requires_grad');
    }
    if (this.#node) {
      if (!requiresGrad) {
        throw new Error('you can only change requires_grad flags of leaf variables. If you want to use a computed ' +
          "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
      }
      return this;
    }
    if (requiresGrad || this.#slot) internals.ensureSlot(this).requiresGrad = requiresGrad;
    return this;
  }
  /**
   * The gradient accumulated by backward() calls (a copy, shaped like this tensor), or null before any; a
   * parameter's is its layer's. Always null for a computed (non-leaf) tensor.
   */
  get grad() {
    const grad = this.#node ? null : this.#slot?.grad;
    return grad ? new Tensor(grad.slice(), this.#shape.slice()) : null;
  }
  /** The same values (shared, not copied) cut off from the graph: a leaf that does not require grad. */
  detach() { return new Tensor(this.#data, this.#shape.slice()); }
  /**
   * Computes the gradient of this tensor with respect to every leaf that requires grad (accumulated into their
   * `.grad`) and frees the graph. `gradient` (shaped like this tensor) is required unless it is a scalar.
   */
  backward(gradient) { backward(this, gradient, internals.toTensor); }
  /** As PyTorch prints it: `tensor([[[-0.2770, -0.3462, -0.4155]]])`. */
  toString() { return formatTensor(this.#shape, this.#data); }
  toJSON() { return { shape: this.shape, data: Array.from(this.#data) }; }
  get [Symbol.toStringTag]() { return 'Tensor'; }
}

/** The element count of `shape`; a RangeError naming `where` when it exceeds `maxElements`. */
export function checkElementCount(shape, where, maxElements) {
  let count = 1;
  for (const size of shape) count *= size;
  if (count > maxElements) {
    throw new RangeError(`${where}: a tensor of shape [${shape.join(', ')}] has ${count} elements, ` +
      `more than the maximum of ${maxElements}`);
  }
  return count;
}

/**
 * Makes `tensor(values, shape?)`, refusing anything larger than `maxElements` before allocating.
 * `values`: nested arrays of numbers, a number (0-d), a Tensor (copied), or a typed array / plain
 * array of numbers with an explicit `shape`.
 */
export function tensorFactory(maxElements) {
  const checkSize = (shape, where) => checkElementCount(shape, where, maxElements);

  return function tensor(values, shape) {
    try {
      return convert(values, shape);
    } catch (error) {
      // A getter or proxy of the caller's that throws while being read: say which call it broke.
      if (error instanceof Error && error.message.startsWith('tensor()')) throw error;
      throw new TypeError(`tensor(): reading the values failed: ${error?.message ?? describe(error)}`);
    }
  };

  function convert(values, shape) {
    const where = 'tensor()';
    if (values instanceof Tensor) {
      if (shape !== undefined) return convert(values.data, shape);
      return values.clone();
    }
    if (shape !== undefined) {
      const dims = checkShape(shape, where, 'shape');
      const count = checkSize(dims, where);
      if (!isNumberTypedArray(values) && !Array.isArray(values)) {
        throw new TypeError(`${where}: with a shape, 'data' must be a typed array or an array of numbers, ` +
          `but got ${describe(values)}`);
      }
      const sizeError = (size) => new RangeError(`${where}: shape [${dims.join(', ')}] is invalid for input of size ${size}`);
      if (Array.isArray(values)) {
        const length = values.length;
        if (length !== count) throw sizeError(length);
        return new Tensor(copyNumbers(values, count, where), dims);
      }
      // The count is the copy's: a typed array's `length` property can be redefined to say anything.
      const data = new Float32Array(values);
      if (data.length !== count) throw sizeError(data.length);
      return new Tensor(data, dims);
    }
    if (typeof values === 'number') return new Tensor(Float32Array.of(values), []);
    if (isNumberTypedArray(values)) {
      checkSize([elementsOf(values)], where);
      return new Tensor(new Float32Array(values), [elementsOf(values)]);
    }
    if (!Array.isArray(values)) {
      throw new TypeError(`${where}: expected nested arrays of numbers, a typed array or a Tensor, ` +
        `but got ${describe(values)}`);
    }
    const dims = inferShape(values, where);
    const data = new Float32Array(checkSize(dims, where));
    fill(values, dims, 0, data, 0, [], where);
    return new Tensor(data, dims);
  }
}

// Typed arrays of numbers (a BigInt64Array holds BigInts, a DataView bytes).
function isNumberTypedArray(values) {
  return ArrayBuffer.isView(values) && !(values instanceof DataView) && !(values instanceof BigInt64Array) &&
    !(values instanceof BigUint64Array);
}

// The first `count` entries of a plain array into a Float32Array, each read once and checked.
function copyNumbers(values, count, where) {
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new TypeError(`${where}: expected a number at index ${i}, but got ${describe(v)}`);
    data[i] = v;
  }
  return data;
}

function inferShape(values, where) {
  const dims = [];
  let level = values;
  while (Array.isArray(level)) {
    if (dims.length === MAX_DIMS) throw new RangeError(`${where}: more than ${MAX_DIMS} nested dimensions`);
    dims.push(level.length);
    level = level[0];
  }
  return dims;
}

// Copies nested `values` into `data`, checking that every row has the size `dims` promises.
function fill(values, dims, dim, data, offset, index, where) {
  const at = () => `[${index.join(', ')}]`;
  if (!Array.isArray(values)) {
    throw new TypeError(`${where}: ragged nested array: expected a list of ${dims[dim]} at index ${at()}, ` +
      `but got ${describe(values)}`);
  }
  if (values.length !== dims[dim]) {
    throw new RangeError(`${where}: ragged nested array: expected sequence of length ${dims[dim]} at dim ${dim} ` +
      `(index ${at()}), but got ${values.length}`);
  }
  if (dim === dims.length - 1) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number') {
        throw new TypeError(`${where}: expected a number at index ${at().slice(0, -1)}${index.length ? ', ' : ''}${i}], ` +
          `but got ${describe(v)}`);
      }
      data[offset + i] = v;
    }
    return;
  }
  const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
  for (let i = 0; i < values.length; i++) {
    index.push(i);
    fill(values[i], dims, dim + 1, data, offset + i * inner, index, where);
    index.pop();
  }
}
