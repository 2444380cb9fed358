// torch.Tensor as a Python host object: float32 tensors over the package's Tensor (so layers and the autograd tape
// work on them), int64 and bool tensors over their own BigInt64Array. What a tensor does is in ops.js and
// methods.js; this file holds what a tensor is: its storage, its dtype, and how it prints.
import { PyObject, PyException, NotImplemented, typeName } from '../values.js';
import { Tensor, internals } from '../../lib/tensor.js';
import { formatIntegerTensor, formatParameter, formatTensor } from '../../lib/format.js';
import { formatValue } from '../format-spec.js';
import { notSupported } from './errors.js';
import { HostClass } from './classes.js';
import { bind, tensorArg } from './args.js';
import * as ops from './ops.js';
import { setTensorAttr, tensorAttr } from './methods.js';

/**
 * torch.dtype: `torch.float32`, `torch.int64` and `torch.bool` (comparisons' results) are supported; the others exist
 * to be refused by name.
 */
class DType extends PyObject {
  constructor(name, supported = true) {
    super();
    this.name = name;
    this.supported = supported;
  }

  get typeName() { return 'dtype'; }
  repr() { return `torch.${this.name}`; }
}

export const float32 = new DType('float32');
export const int64 = new DType('int64');
export const bool = new DType('bool');
export const DTYPES = {
  float32, float: float32, int64, long: int64,
  float64: new DType('float64', false), double: new DType('float64', false), float16: new DType('float16', false),
  half: new DType('float16', false), int32: new DType('int32', false), int: new DType('int32', false), bool,
};

/** The dtype argument of a factory: float32, int64, or NotImplementedError naming the dtype. */
export function checkDType(dtype) {
  if (dtype === null || dtype === undefined) return null;
  if (!(dtype instanceof DType)) throw new PyException('TypeError', `dtype must be torch.dtype, not ${typeof dtype}`);
  if (!dtype.supported) {
    throw notSupported(`dtype=torch.${dtype.name} (only torch.float32, torch.int64 and torch.bool are)`);
  }
  return dtype;
}

/**
 * Where a float tensor's values live: `get()` gives the package Tensor (with its autograd node or gradient slot),
 * `set(values)` writes new values in place (what copy_, zero_, `t[i] = …` and `m.weight.data = …` do).
 */
export function plainStorage(tensor) {
  return {
    get: () => tensor,
    set: (values) => {
      const slot = internals.slot(tensor);
      if (slot) slot.write(values);
      else tensor.data.set(values);
    },
  };
}

/** nn.Parameter(data, requires_grad=True): a leaf Parameter holding a copy of the data. */
function newParameter(args, kwargs) {
  const params = ['data=', 'requires_grad='];
  const { data, requires_grad: requiresGrad } = bind('Parameter()', args, kwargs, params, { requires_grad: true });
  const t = data === null ? null : tensorArg(data, 'Parameter()');
  if (!t || !t.isFloat) throw notSupported('a Parameter that is not float32');
  const values = new Tensor(t.values().slice(), t.shape);
  if (requiresGrad === true) values.requiresGrad_(true);
  return TorchTensor.stored(t.ctx, plainStorage(values), true);
}

export const TENSOR_CLASS = new HostClass('torch.Tensor', (value) => value instanceof TorchTensor);
export const PARAMETER_CLASS = new HostClass('torch.nn.parameter.Parameter',
  (value) => value instanceof TorchTensor && value.isParameter, newParameter);

export class TorchTensor extends PyObject {
  #ctx;
  #storage; // float32: see plainStorage
  #ints; // int64 and bool: BigInt64Array (a bool's elements are 0n and 1n)
  #intShape;
  #dtype;

  /** Use the factories below. `ctx` is the session's torch state ({ nn, gradEnabled }). */
  constructor(ctx, { storage = null, ints = null, shape = null, dtype = int64, parameter = false }) {
    super();
    this.#ctx = ctx;
    this.#dtype = ints ? dtype : float32;
    this.#storage = storage;
    this.#ints = ints;
    this.#intShape = shape;
    this.isParameter = parameter;
  }

  static float(ctx, tensor) { return new TorchTensor(ctx, { storage: plainStorage(tensor) }); }
  static floatOf(ctx, data, shape) { return TorchTensor.float(ctx, new Tensor(data, shape)); }
  /** An int64 tensor (or a bool one with `dtype` bool) over a BigInt64Array. */
  static int(ctx, ints, shape, dtype = int64) { return new TorchTensor(ctx, { ints, shape, dtype }); }
  static stored(ctx, storage, parameter = false) { return new TorchTensor(ctx, { storage, parameter }); }

  get ctx() { return this.#ctx; }
  get typeName() { return this.isParameter ? 'Parameter' : 'Tensor'; }
  get pyClass() { return this.isParameter ? PARAMETER_CLASS : TENSOR_CLASS; }
  get dtype() { return this.#dtype; }
  get isBool() { return this.#dtype === bool; }
  get isFloat() { return this.#ints === null; }
  /** The package Tensor (float32 only): its data is the live storage unless the storage is a layer's. */
  js() { return this.#storage.get(); }
  get shape() { return this.#ints ? this.#intShape.slice() : this.js().shape; }
  numel() { return this.shape.reduce((a, b) => a * b, 1); }
  /** The values: a Float32Array or a BigInt64Array. Callers must not keep or change it. */
  values() { return this.#ints ?? this.js().data; }
  /** Writes `values` (same length and kind as values()) in place. */
  assign(values) {
    if (this.#ints) this.#ints.set(values);
    else this.#storage.set(values);
  }

  /** The same values without autograd (`.data`, `.detach()`): writes go to this tensor's storage. */
  detached() {
    if (!this.isFloat) return TorchTensor.int(this.#ctx, this.#ints, this.#intShape, this.#dtype);
    const storage = this.#storage;
    if (!storage.replace) { // values of its own: one new leaf over them
      const tensor = storage.get();
      return TorchTensor.float(this.#ctx, new Tensor(tensor.data, tensor.shape));
    }
    return TorchTensor.stored(this.#ctx, { // a layer's parameter: read from the layer each time
      get: () => {
        const tensor = storage.get();
        return new Tensor(tensor.data, tensor.shape);
      },
      set: storage.set,
      replace: storage.replace,
    });
  }

  /** `t.data = other`: a layer's parameter takes any shape its layer accepts; other tensors keep their shape. */
  replaceData(other) {
    if (this.isFloat && other.isFloat && this.#storage.replace) {
      this.#storage.replace(other.js());
      return;
    }
    const shape = this.shape;
    const otherShape = other.shape;
    if (this.dtype !== other.dtype || shape.length !== otherShape.length || shape.some((s, i) => s !== otherShape[i])) {
      throw notSupported('assigning .data of another shape or dtype');
    }
    this.assign(other.values().slice());
  }

  get requiresGrad() { return this.isFloat && this.js().requiresGrad; }
  get gradFn() { return this.isFloat ? internals.node(this.js())?.name ?? null : null; }
  get isLeaf() { return this.gradFn === null; }

  repr() {
    if (this.isBool) {
      const words = Array.from(this.#ints, (v) => (v ? 'True' : 'False'));
      return formatIntegerTensor(this.#intShape, words, { dtype: 'torch.bool' });
    }
    if (!this.isFloat) return formatIntegerTensor(this.#intShape, this.#ints);
    const tensor = this.js();
    if (this.isParameter) return formatParameter(tensor.shape, tensor.data, { requiresGrad: tensor.requiresGrad });
    const decorations = { gradFn: this.gradFn ?? undefined, requiresGrad: tensor.requiresGrad };
    return formatTensor(tensor.shape, tensor.data, decorations);
  }

  /** f"{t:.4f}": a 0-d tensor formats its value (torch's Tensor.__format__); others only with an empty spec. */
  format(spec) {
    if (this.shape.length === 0) return formatValue(ops.scalarOf(this), spec);
    if (spec === '') return this.repr();
    throw new PyException('TypeError', 'unsupported format string passed to Tensor.__format__');
  }

  getAttr(name) { return tensorAttr(this, name); }
  setAttr(name, value) { return setTensorAttr(this, name, value); }
  getItem(key) { return ops.index(this, key); }
  setItem(key, value) { ops.setIndex(this, key, value); }
  binaryOp(op, other, reflected) { return ops.binaryOp(this, op, other, reflected); }
  inPlaceOp(op, other) { return ops.inPlaceOp(this, op, other); }
  unaryOp(op) {
    if (op === '-') return ops.neg(this);
    if (op === '+') return this;
    return NotImplemented;
  }
  compare(op, other) { return ops.comparison(this, op, other); }
  abs() { return ops.absolute(this); }
  round() { throw new PyException('TypeError', "type Tensor doesn't define __round__ method"); } // as in torch 1.13
  /** `item in t`: torch's (t == item).any(). */
  contains(item) {
    const equal = ops.comparison(this, '==', item);
    if (equal === NotImplemented) {
      throw new PyException('RuntimeError', 'Tensor.__contains__ only supports Tensor or scalar, but you passed in a ' +
        `<class '${typeName(item)}'>.`);
    }
    return equal.values().some((v) => v !== 0n);
  }

  length() {
    const shape = this.shape;
    if (shape.length === 0) throw new PyException('TypeError', 'len() of a 0-d tensor');
    return shape[0];
  }
  *iterate() {
    const shape = this.shape;
    if (shape.length === 0) throw new PyException('TypeError', 'iteration over a 0-d tensor');
    for (let i = 0; i < shape[0]; i++) yield ops.index(this, BigInt(i));
  }

  #scalar() {
    if (this.numel() !== 1) {
      throw new PyException('ValueError', 'only one element tensors can be converted to Python scalars');
    }
    return this.values()[0];
  }
  toFloat() { return Number(this.#scalar()); }
  toInt() {
    const value = this.#scalar();
    return typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  }
  truthy() {
    if (this.numel() !== 1) {
      const what = this.numel() === 0 ? 'no values' : 'more than one value';
      throw new PyException('RuntimeError', `Boolean value of Tensor with ${what} is ambiguous`);
    }
    return Number(this.values()[0]) !== 0;
  }
}
