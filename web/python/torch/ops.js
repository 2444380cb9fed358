// Tensor operations with torch's float32 arithmetic (one rounding per op, Math.fround), broadcasting, int64
// results where torch gives them, and autograd through the package's tape (recordResult): each differentiable
// result records the grad_fn torch names (AddBackward0, RsubBackward1, SelectBackward0, …).
import { PyException, PySlice, PyTuple, NotImplemented, isInt, typeName } from '../values.js';
import { Tensor } from '../../lib/tensor.js';
import { edgeOf, recordResult } from '../../lib/autograd.js';
import { TorchTensor, bool, checkDType, float32 } from './tensor.js';
import { notSupported } from './errors.js';
import { tensorArg } from './args.js';
import { sumDims } from './sum.js';

const f = Math.fround;
const product = (shape) => shape.reduce((a, b) => a * b, 1);

/**
 * A float result of `inputs` (tensors or null for constants): when grad mode is on and an input requires grad, it
 * records `name`, whose `run(grad)` returns the inputs' gradients in order.
 */
export function floatResult(ctx, data, shape, name, inputs, run) {
  const edgeOfInput = (t) => (t instanceof TorchTensor && t.isFloat ? edgeOf(t.js()) : null);
  const edges = ctx.gradEnabled ? inputs.map(edgeOfInput) : [];
  return TorchTensor.float(ctx, recordResult(data, shape, name, edges, run));
}

/** A package Tensor (e.g. a layer's output) as a result of the session: cut from the graph under no_grad. */
export function wrapResult(ctx, tensor) {
  return TorchTensor.float(ctx, ctx.gradEnabled ? tensor : new Tensor(tensor.data, tensor.shape));
}

// ---- broadcasting

/** The broadcast shape of `a` and `b`, or torch's RuntimeError. */
export function broadcastShapes(a, b) {
  const n = Math.max(a.length, b.length);
  const out = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new PyException('RuntimeError',
        `The size of tensor a (${x}) must match the size of tensor b (${y}) at non-singleton dimension ${i}`);
    }
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** For each element of `outShape` (row-major), the index of the element of `inShape` broadcast there. */
function broadcastIndex(outShape, inShape) {
  const n = outShape.length;
  const strides = new Array(n).fill(0);
  let stride = 1;
  for (let d = inShape.length - 1; d >= 0; d--) {
    strides[d + n - inShape.length] = inShape[d] === 1 ? 0 : stride;
    stride *= inShape[d];
  }
  const count = product(outShape);
  const index = new Int32Array(count);
  const counter = new Array(n).fill(0);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    index[i] = offset;
    for (let d = n - 1; d >= 0; d--) {
      counter[d]++;
      offset += strides[d];
      if (counter[d] < outShape[d]) break;
      offset -= strides[d] * outShape[d];
      counter[d] = 0;
    }
  }
  return index;
}

// A gradient over the broadcast `shape` summed back to an input's shape, in torch's order (sum_to_size).
function sumTo(grad, shape, inShape) {
  const aligned = [...new Array(shape.length - inShape.length).fill(1), ...inShape];
  if (aligned.every((size, d) => size === shape[d])) return grad;
  return sumDims(grad, shape, aligned.map((size, d) => size === 1 && shape[d] !== 1));
}

// ---- elementwise arithmetic

function powf(x, y) {
  if (y === 2) return f(x * x);
  if (y === 3) return f(f(x * x) * x);
  if (y === 0.5) return f(Math.sqrt(x));
  if (y === -0.5) return f(1 / f(Math.sqrt(x)));
  if (y === -1) return f(1 / x);
  if (y === -2) return f(1 / f(x * x));
  return f(x ** y);
}

// torch.remainder: the sign of the divisor, as Python's %.
function remainderf(x, y) {
  const mod = f(x % y);
  return mod !== 0 && (y < 0) !== (mod < 0) ? f(mod + y) : mod;
}

// torch's div_floor_floating: the quotient of the exact remainder's complement, then floored (and rounded when the
// division lands just below an integer), so that a // b agrees with a % b.
function floorDivf(x, y) {
  if (y === 0) return f(x / y);
  const mod = f(x % y);
  let div = f(f(x - mod) / y);
  if (mod !== 0 && (y < 0) !== (mod < 0)) div = f(div - 1);
  if (div === 0) { // zero with the quotient's sign
    const q = f(x / y);
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  let floored = Math.floor(div);
  if (f(div - floored) > 0.5) floored += 1;
  return f(floored);
}

const FLOAT_OPS = {
  '+': (x, y) => f(x + y),
  '-': (x, y) => f(x - y),
  '*': (x, y) => f(x * y),
  '/': (x, y) => f(x / y),
  '**': powf,
  '//': floorDivf,
  '%': remainderf,
};

function floorDiv(x, y) {
  if (y === 0n) throw new PyException('RuntimeError', 'ZeroDivisionError');
  const q = x / y;
  return (x % y !== 0n) && ((x < 0n) !== (y < 0n)) ? q - 1n : q;
}

const INT_OPS = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '//': floorDiv,
  '%': (x, y) => x - floorDiv(x, y) * y,
  '**': (x, y) => {
    if (y < 0n) throw new PyException('RuntimeError', 'Integers to negative integer powers are not allowed.');
    let result = 1n; // by squaring, wrapping to int64 at each step as torch's int64 arithmetic does
    for (let base = x, e = y; e > 0n; e >>= 1n, base = BigInt.asIntN(64, base * base)) {
      if (e & 1n) result = BigInt.asIntN(64, result * base);
    }
    return result;
  },
};

/** The element count of a new tensor of `shape`, refused (RuntimeError) past the package's maximum. */
export function checkedCount(ctx, shape, where) {
  const count = product(shape);
  if (count > ctx.nn.maxTensorElements) {
    throw new PyException('RuntimeError', `${where}: a tensor of shape [${shape.join(', ')}] has ${count} elements, ` +
      `more than the maximum of ${ctx.nn.maxTensorElements}`);
  }
  return count;
}

function isScalar(value) { return isInt(value) || typeof value === 'number'; }

// An operand as { values, shape, tensor }, converted to the result's dtype.
function operand(value, isFloat) {
  if (value instanceof TorchTensor) {
    const values = value.values();
    const converted = isFloat && !value.isFloat ? Float32Array.from(values, Number) : values;
    return { values: converted, shape: value.shape, tensor: value };
  }
  if (isFloat) return { values: Float32Array.of(Number(value)), shape: [], tensor: null };
  return { values: BigInt64Array.of(BigInt(value)), shape: [], tensor: null };
}

/** `a op b` for tensors and Python numbers (at least one a tensor), as torch computes it. */
export function arithmetic(ctx, op, a, b) {
  const isFloat = op === '/' || [a, b].some((x) => (x instanceof TorchTensor ? x.isFloat : typeof x === 'number'));
  const x = operand(a, isFloat);
  const y = operand(b, isFloat);
  const shape = broadcastShapes(x.shape, y.shape);
  const count = checkedCount(ctx, shape, `the result of ${op}`);
  const xi = broadcastIndex(shape, x.shape);
  const yi = broadcastIndex(shape, y.shape);
  if (!isFloat) {
    const fn = INT_OPS[op];
    const out = new BigInt64Array(count);
    for (let i = 0; i < count; i++) out[i] = BigInt.asIntN(64, fn(x.values[xi[i]], y.values[yi[i]]));
    return TorchTensor.int(ctx, out, shape);
  }
  if (op === '/' && !x.tensor) return arithmetic(ctx, '*', reciprocal(ctx, b), a); // torch: other.reciprocal() * self
  const fn = FLOAT_OPS[op];
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = fn(x.values[xi[i]], y.values[yi[i]]);
  const [name, gradients] = backwardOf(op, x, y, out, xi, yi);
  return floatResult(ctx, out, shape, name, [x.tensor, y.tensor], (g) => gradients(g).map((gi, k) =>
    gi && sumTo(gi, shape, k === 0 ? x.shape : y.shape)));
}

// The grad_fn name and the gradients (each over the broadcast output) of `x op y`.
function backwardOf(op, x, y, out, xi, yi) {
  const n = out.length;
  const each = (fn) => {
    const g = new Float32Array(n);
    return (grad) => {
      for (let i = 0; i < n; i++) g[i] = fn(grad[i], x.values[xi[i]], y.values[yi[i]], out[i]);
      return g.slice();
    };
  };
  const scalarRight = !y.tensor;
  switch (op) {
    case '+': return ['AddBackward0', (g) => [g, g.slice()]]; // two arrays: the tape sums into them in place
    case '-': {
      const neg = each((g) => -g);
      if (!x.tensor) return ['RsubBackward1', (g) => [null, neg(g)]];
      return ['SubBackward0', (g) => [g, neg(g)]];
    }
    case '*': return ['MulBackward0', (g) => [each((gi, a, b) => f(gi * b))(g), each((gi, a) => f(gi * a))(g)]];
    case '/': return ['DivBackward0', (g) => [each((gi, a, b) => f(gi / b))(g),
      each((gi, a, b) => f(-gi * f(f(a / b) / b)))(g)]];
    case '**': {
      const dBase = each((gi, a, b) => (b === 0 ? 0 : f(gi * f(b * powf(a, f(b - 1))))));
      if (scalarRight) return ['PowBackward0', (g) => [dBase(g), null]];
      return ['PowBackward1', (g) => [dBase(g), each((gi, a, b, r) => f(gi * f(r * f(Math.log(a)))))(g)]];
    }
    case '%': return ['RemainderBackward0', (g) => [g, each((gi, a, b) => f(-gi * Math.floor(f(a / b))))(g)]];
    default: return ['NotImplemented', () => {
      throw new PyException('RuntimeError', "the derivative for 'floor_divide' is not implemented.");
    }];
  }
}

/** 1 / t, as torch's reciprocal (ReciprocalBackward0). */
function reciprocal(ctx, t) {
  const source = operand(t, true);
  const out = source.values.map((v) => f(1 / v));
  return floatResult(ctx, out, source.shape, 'ReciprocalBackward0', [t],
    (g) => [g.map((gi, i) => f(-gi * f(out[i] * out[i])))]);
}

/** `tensor op other` from the interpreter (`reflected`: `other op tensor`). */
export function binaryOp(t, op, other, reflected) {
  if (op === '@') throw notSupported('matrix multiplication (@)');
  if (!(op in FLOAT_OPS)) return NotImplemented;
  if (!(other instanceof TorchTensor) && !isScalar(other)) return NotImplemented;
  return reflected ? arithmetic(t.ctx, op, other, t) : arithmetic(t.ctx, op, t, other);
}

/** `t op other` for == != < <= > >=: a bool tensor (NotImplemented for operands torch does not compare). */
export function comparison(t, op, other) {
  if (!(other instanceof TorchTensor) && !isScalar(other)) return NotImplemented;
  const isFloat = t.isFloat || (other instanceof TorchTensor ? other.isFloat : typeof other === 'number');
  const x = operand(t, isFloat);
  const y = operand(other, isFloat);
  const shape = broadcastShapes(x.shape, y.shape);
  checkedCount(t.ctx, shape, `the result of ${op}`);
  const xi = broadcastIndex(shape, x.shape);
  const yi = broadcastIndex(shape, y.shape);
  const test = COMPARISONS[op];
  const out = new BigInt64Array(xi.length);
  for (let i = 0; i < out.length; i++) out[i] = test(x.values[xi[i]], y.values[yi[i]]) ? 1n : 0n;
  return TorchTensor.int(t.ctx, out, shape, bool);
}

const COMPARISONS = {
  '==': (a, b) => a === b, '!=': (a, b) => a !== b, '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** The element of a one-element tensor as a Python value: float, int or bool. */
export function scalarOf(t) {
  const value = t.values()[0];
  if (t.isFloat) return Number(value);
  return t.isBool ? value !== 0n : value;
}

/** `-t` (NegBackward0). */
export function neg(t) {
  if (t.isBool) {
    throw new PyException('RuntimeError', 'Negation, the `-` operator, on a bool tensor is not supported. If you are ' +
      'trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
  if (!t.isFloat) return TorchTensor.int(t.ctx, t.values().map((v) => BigInt.asIntN(64, -v)), t.shape);
  const out = t.values().map((v) => -v);
  return floatResult(t.ctx, out, t.shape, 'NegBackward0', [t], (g) => [g.map((v) => -v)]);
}

/** torch's refusal of in-place changes to a leaf that requires grad (outside no_grad). */
function checkInPlace(t, view = false) {
  if (!t.ctx.gradEnabled || !t.requiresGrad) return;
  if (t.isLeaf) {
    const what = view ? 'a view of a leaf Variable' : 'a leaf Variable';
    throw new PyException('RuntimeError', `${what} that requires grad is being used in an in-place operation.`);
  }
  throw notSupported('an in-place operation on a tensor that has a grad_fn');
}

/** `t op= other` in place (torch's __iadd__ and friends); the result keeps t's dtype. */
export function inPlaceOp(t, op, other) {
  if (!['+', '-', '*', '/'].includes(op)) return NotImplemented;
  if (!(other instanceof TorchTensor) && !isScalar(other)) return NotImplemented;
  checkInPlace(t);
  const result = arithmetic(t.ctx, op, t, other);
  assignInto(t, result, false);
  return t;
}

// Writes `source`'s values (broadcast to t's shape) into t. Into an int64 tensor, copy_ (`convert`) truncates floats;
// the in-place arithmetic refuses a float result, as torch does.
function assignInto(t, source, convert) {
  const shape = t.shape;
  const from = source instanceof TorchTensor ? source : null;
  const sourceShape = from ? from.shape : [];
  const out = broadcastShapes(shape, sourceShape);
  if (out.length !== shape.length || out.some((size, i) => size !== shape[i])) {
    throw new PyException('RuntimeError', `output with shape [${shape.join(', ')}] doesn't match the broadcast shape ` +
      `[${out.join(', ')}]`);
  }
  const index = broadcastIndex(shape, sourceShape);
  const values = from ? from.values() : [source];
  if (t.isFloat) {
    t.assign(Float32Array.from(index, (i) => Number(values[i])));
    return;
  }
  const isFloat = from ? from.isFloat : typeof source === 'number';
  if (isFloat && !convert) {
    throw new PyException('RuntimeError', "result type Float can't be cast to the desired output type Long");
  }
  t.assign(BigInt64Array.from(index, (i) => (isFloat ? BigInt(Math.trunc(values[i])) : BigInt(values[i]))));
}

/** t.copy_(src): in place, broadcasting src; refused on a leaf that requires grad outside no_grad. */
export function copyInto(t, source) {
  checkInPlace(t);
  if (!isScalar(source)) tensorArg(source, 'copy_()', 'src');
  assignInto(t, source, true);
  return t;
}

/** t.fill_(value) / t.zero_(). */
export function fillWith(t, value) {
  checkInPlace(t);
  if (t.isFloat) t.assign(new Float32Array(t.numel()).fill(Number(value)));
  else t.assign(new BigInt64Array(t.numel()).fill(BigInt(typeof value === 'number' ? Math.trunc(value) : value)));
  return t;
}

// ---- reductions

function dimensionError(n, dim) {
  return new PyException('IndexError',
    `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
}

/** Normalises a dim argument for a tensor of `ndim` dims (0-d tensors accept 0 and -1). */
export function normalizeDim(dim, ndim, where = 'dim') {
  if (!isInt(dim)) throw new PyException('TypeError', `${where}(): argument 'dim' must be int, not ${typeName(dim)}`);
  const d = Number(dim);
  const n = Math.max(ndim, 1);
  if (d < -n || d >= n) {
    throw dimensionError(n, d);
  }
  return d < 0 ? d + n : d;
}

/** t.sum(dim=None, keepdim=False) and t.mean(…): torch's cascade summation, SumBackward0/1, MeanBackward0/1. */
export function reduce(t, kind, dim, keepdim) {
  const ctx = t.ctx;
  const shape = t.shape;
  if (kind === 'mean' && !t.isFloat) {
    throw new PyException('RuntimeError', 'mean(): could not infer output dtype. Input dtype must be either a ' +
      `floating point or complex dtype. Got: ${t.isBool ? 'Bool' : 'Long'}`);
  }
  if (dim !== null && dim !== undefined && !isInt(dim)) throw notSupported(`${kind}() over several dims`);
  const values = t.values();
  const all = dim === null || dim === undefined;
  const d = all ? -1 : normalizeDim(dim, shape.length, kind);
  const outer = all ? 1 : product(shape.slice(0, d));
  const size = all ? values.length : shape.length ? shape[d] : 1;
  const inner = all ? 1 : product(shape.slice(d + 1));
  const outShape = all ? [] : keepdim ? shape.map((s, i) => (i === d ? 1 : s)) : shape.filter((_, i) => i !== d);
  if (!t.isFloat) {
    const out = new BigInt64Array(outer * inner);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        let s = 0n;
        for (let k = 0; k < size; k++) s += values[(o * size + k) * inner + j];
        out[o * inner + j] = BigInt.asIntN(64, s);
      }
    }
    return TorchTensor.int(ctx, out, outShape);
  }
  const out = sumDims(values, shape, shape.map((_, i) => all || i === d));
  if (kind === 'mean') for (let i = 0; i < out.length; i++) out[i] = f(out[i] / size);
  const name = `${kind === 'sum' ? 'Sum' : 'Mean'}Backward${all ? 0 : 1}`;
  return floatResult(ctx, out, outShape, name, [t], (g) => {
    const gi = new Float32Array(values.length);
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < size; k++) {
        for (let j = 0; j < inner; j++) {
          const v = g[o * inner + j];
          gi[(o * size + k) * inner + j] = kind === 'mean' ? f(v / size) : v;
        }
      }
    }
    return [gi];
  });
}

/** |t| (AbsBackward0: the gradient times the sign). */
export function absolute(t) {
  const values = t.values();
  if (!t.isFloat) return TorchTensor.int(t.ctx, values.map((v) => (v < 0n ? -v : v)), t.shape, t.dtype);
  return floatResult(t.ctx, values.map(Math.abs), t.shape, 'AbsBackward0', [t],
    (g) => [g.map((gi, i) => f(gi * Math.sign(values[i])))]);
}

// ---- shapes (results share their input's values, as torch's views do)

function sameValues(t, shape, name) {
  if (!t.isFloat) return TorchTensor.int(t.ctx, t.values(), shape, t.dtype);
  return floatResult(t.ctx, t.values(), shape, name, [t], (g) => [g]); // the same elements in the same order
}

/** t.view(*shape) / t.reshape(*shape), with one -1 inferred. */
export function reshape(t, sizes, kind) {
  const count = t.numel();
  const inferred = sizes.filter((s) => s === -1).length;
  if (inferred > 1) throw new PyException('RuntimeError', 'only one dimension can be inferred');
  const negative = sizes.find((s) => s < -1);
  if (negative !== undefined) throw new PyException('RuntimeError', `invalid shape dimension ${negative}`);
  const known = product(sizes.filter((s) => s !== -1));
  const shape = sizes.map((s) => (s === -1 ? (known === 0 ? -1 : count / known) : s));
  if (product(shape) !== count || shape.some((s) => s < 0 || !Number.isInteger(s))) {
    throw new PyException('RuntimeError', `shape '[${sizes.join(', ')}]' is invalid for input of size ${count}`);
  }
  return sameValues(t, shape, kind === 'view' ? 'ViewBackward0' : 'ReshapeAliasBackward0');
}

export function unsqueeze(t, dim) {
  const shape = t.shape;
  const n = shape.length + 1;
  if (!isInt(dim)) {
    throw new PyException('TypeError', `unsqueeze(): argument 'dim' (position 1) must be int, not ${typeName(dim)}`);
  }
  const raw = Number(dim);
  if (raw < -n || raw >= n) {
    throw dimensionError(n, raw);
  }
  const d = raw < 0 ? raw + n : raw;
  return sameValues(t, [...shape.slice(0, d), 1, ...shape.slice(d)], 'UnsqueezeBackward0');
}

export function squeeze(t, dim) {
  const shape = t.shape;
  if (dim === null || dim === undefined) return sameValues(t, shape.filter((s) => s !== 1), 'SqueezeBackward0');
  const d = normalizeDim(dim, shape.length, 'squeeze');
  return sameValues(t, shape.length && shape[d] === 1 ? shape.filter((_, i) => i !== d) : shape, 'SqueezeBackward1');
}

/** t.float(): a float32 copy of an int64 tensor (ToCopyBackward0 is not needed: ints carry no grad), else t. */
export function toDType(t, dtype) {
  const target = checkDType(dtype) ?? float32;
  if (target === t.dtype) return t;
  if (target === float32) return TorchTensor.floatOf(t.ctx, Float32Array.from(t.values(), Number), t.shape);
  if (target === bool) throw notSupported('converting to torch.bool');
  if (!t.isFloat) return TorchTensor.int(t.ctx, t.values().slice(), t.shape, target);
  if (t.requiresGrad && t.ctx.gradEnabled) throw notSupported('converting a tensor that requires grad to int64');
  return TorchTensor.int(t.ctx, BigInt64Array.from(t.values(), (v) => BigInt(Math.trunc(v))), t.shape);
}

// ---- indexing

// The key as a list of index items: bigint, PySlice, null (None) or 'ellipsis'.
function indexItems(key) {
  const items = key instanceof PyTuple ? key.items : [key];
  return items.map((item) => {
    if (isInt(item)) return BigInt(item);
    if (item instanceof PySlice || item === null) return item;
    if (item?.typeName === 'ellipsis') return 'ellipsis';
    if (item instanceof TorchTensor) throw notSupported('indexing a tensor with a tensor');
    throw new PyException('IndexError', 'only integers, slices (`:`), ellipsis (`...`), None and long or byte ' +
      `Variables are valid indices (got ${typeName(item)})`);
  });
}

function sliceBounds(slice, size) {
  const step = slice.step === null ? 1 : Number(slice.step);
  if (step <= 0) {
    if (step === 0) throw new PyException('ValueError', 'slice step cannot be zero');
    throw new PyException('ValueError', 'step must be greater than zero');
  }
  const clamp = (v, fallback) => {
    if (v === null) return fallback;
    let x = Number(v);
    if (x < 0) x += size;
    return Math.min(Math.max(x, 0), size);
  };
  const start = clamp(slice.start, 0);
  const stop = Math.max(clamp(slice.stop, size), start);
  return { start, step, length: Math.ceil((stop - start) / step) };
}

/**
 * For `t[key]`: the result's shape, the source index of each of its elements, and the grad_fn of the last
 * indexing step (torch applies them one by one).
 */
function plan(shape, key) {
  const items = indexItems(key);
  const ellipses = items.filter((item) => item === 'ellipsis').length;
  if (ellipses > 1) throw new PyException('IndexError', 'an index can only have a single ellipsis (\'...\')');
  const consuming = items.filter((item) => item !== null && item !== 'ellipsis').length;
  if (consuming > shape.length) {
    throw new PyException('IndexError', `too many indices for tensor of dimension ${shape.length}`);
  }
  const expanded = [];
  for (const item of items) {
    if (item === 'ellipsis') for (let i = 0; i < shape.length - consuming; i++) expanded.push(new PySlice());
    else expanded.push(item);
  }
  // The dims the key leaves out: all of each.
  while (expanded.filter((item) => item !== null).length < shape.length) expanded.push(undefined);
  const strides = [];
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d];
  }
  let offsets = [0];
  const outShape = [];
  let name = null;
  let dim = 0;
  for (const item of expanded) {
    if (item === null) {
      outShape.push(1);
      name = 'UnsqueezeBackward0';
      continue;
    }
    const size = shape[dim];
    if (typeof item === 'bigint') {
      let i = Number(item);
      if (i < -size || i >= size) {
        throw new PyException('IndexError', `index ${i} is out of bounds for dimension ${dim} with size ${size}`);
      }
      if (i < 0) i += size;
      offsets = offsets.map((o) => o + i * strides[dim]);
      name = 'SelectBackward0';
    } else {
      const whole = { start: 0, step: 1, length: size };
      const { start, step, length } = item === undefined ? whole : sliceBounds(item, size);
      const next = [];
      for (const o of offsets) for (let k = 0; k < length; k++) next.push(o + (start + k * step) * strides[dim]);
      offsets = next;
      outShape.push(length);
      if (item !== undefined) name = 'SliceBackward0';
    }
    dim++;
  }
  return { outShape, offsets: Int32Array.from(offsets), name: name ?? 'AliasBackward0' };
}

/** `t[key]`. */
export function index(t, key) {
  const shape = t.shape;
  if (shape.length === 0 && !(key instanceof PyTuple && key.items.length === 0) && key !== null) {
    throw new PyException('IndexError', 'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or ' +
      '`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number');
  }
  const { outShape, offsets, name } = plan(shape, key);
  const values = t.values();
  if (!t.isFloat) {
    const contiguous = offsets.every((o, i) => o === offsets[0] + i); // then a view sharing the values
    const ints = contiguous ? values.subarray(offsets[0] ?? 0, (offsets[0] ?? 0) + offsets.length)
      : BigInt64Array.from(offsets, (o) => values[o]);
    return TorchTensor.int(t.ctx, ints, outShape, t.dtype);
  }
  const count = values.length;
  const result = floatResult(t.ctx, Float32Array.from(offsets, (o) => values[o]), outShape, name, [t], (g) => {
    const gi = new Float32Array(count);
    offsets.forEach((o, i) => { gi[o] = f(gi[o] + g[i]); });
    return [gi];
  });
  return viewOf(t, result.js(), offsets);
}

// `t[key]` as torch's view of t: it reads t's current values, and what is written into it lands in t.
function viewOf(source, tensor, offsets) {
  return TorchTensor.stored(source.ctx, {
    get: () => {
      const values = source.values();
      const data = tensor.data;
      for (let i = 0; i < data.length; i++) data[i] = values[offsets[i]];
      return tensor;
    },
    set: (values) => {
      tensor.data.set(values);
      const updated = source.values().slice();
      offsets.forEach((o, i) => { updated[o] = values[i]; });
      source.assign(updated);
    },
  });
}

/** `t[key] = value`, in place. */
export function setIndex(t, key, value) {
  checkInPlace(t, true);
  const { outShape, offsets } = plan(t.shape, key);
  const target = t.isFloat ? TorchTensor.floatOf(t.ctx, new Float32Array(offsets.length), outShape)
    : TorchTensor.int(t.ctx, new BigInt64Array(offsets.length), outShape, t.dtype);
  copyInto(target, value);
  const values = t.values().slice();
  const source = target.values();
  offsets.forEach((o, i) => { values[o] = source[i]; });
  t.assign(values);
}
