// Tensor factories: torch.tensor, randn, rand, zeros, ones, arange, linspace (torch 1.13's dtypes and arithmetic).
import { PyException, PyList, PyTuple, isInt, typeName } from '../values.js';
import { TorchTensor, bool, checkDType, float32, int64 } from './tensor.js';
import { bind, numberArg, sizesArg, tensorArg, unexpectedKeyword } from './args.js';
import { notSupported, pyErrors } from './errors.js';
import { checkedCount, scalarOf } from './ops.js';

const f = Math.fround;

function lengthError(expected, dim, got) {
  return new PyException('ValueError', `expected sequence of length ${expected} at dim ${dim} (got ${got})`);
}

// Nested lists/tuples of numbers as { shape, values (Python numbers, row-major) }.
function nested(data) {
  const shape = [];
  let level = data;
  while (level instanceof PyList || level instanceof PyTuple) {
    shape.push(level.items.length);
    if (level.items.length === 0) break;
    level = level.items[0];
  }
  const values = [];
  const walk = (value, dim) => {
    if (dim === shape.length) {
      if (value instanceof PyList || value instanceof PyTuple) {
        throw lengthError(shape[dim - 1], dim - 1, value.items.length);
      }
      if (value instanceof TorchTensor) { // one-element tensors count as their number
        if (value.numel() !== 1) {
          throw new PyException('ValueError', 'only one element tensors can be converted to Python scalars');
        }
        values.push(scalarOf(value));
        return;
      }
      if (typeof value === 'string' && dim > 0) throw new PyException('ValueError', "too many dimensions 'str'");
      if (!isInt(value) && typeof value !== 'number') {
        if (dim === 0) throw new PyException('RuntimeError', `Could not infer dtype of ${typeName(value)}`);
        throw new PyException('TypeError', `new(): invalid data type '${typeName(value)}'`);
      }
      values.push(value);
      return;
    }
    if (!(value instanceof PyList || value instanceof PyTuple)) {
      throw new PyException('TypeError', `new(): invalid data type '${typeName(value)}'`);
    }
    if (value.items.length !== shape[dim]) {
      throw lengthError(shape[dim], dim, value.items.length);
    }
    value.items.forEach((item) => walk(item, dim + 1));
  };
  walk(data, 0);
  return { shape, values };
}

/** Values (Python numbers) as a tensor of `dtype`. */
function fromValues(ctx, values, shape, dtype) {
  if (dtype === bool) {
    return TorchTensor.int(ctx, BigInt64Array.from(values, (v) => BigInt(Number(v) !== 0)), shape, bool);
  }
  if (dtype === int64) {
    const toInt = (v) => (typeof v === 'number' ? BigInt(Math.trunc(v)) : BigInt(v));
    return TorchTensor.int(ctx, BigInt64Array.from(values, toInt), shape);
  }
  return TorchTensor.floatOf(ctx, Float32Array.from(values, Number), shape);
}

function withRequiresGrad(t, requiresGrad) {
  if (requiresGrad === true) {
    if (!t.isFloat) {
      throw new PyException('RuntimeError', 'Only Tensors of floating point and complex dtype can require gradients');
    }
    t.js().requiresGrad_(true);
  }
  return t;
}

/** torch.tensor(data, dtype=None, requires_grad=False). */
export function tensor(ctx, args, kwargs) {
  const a = bind('tensor()', args, kwargs, ['data', '*', 'dtype=', 'device=', 'requires_grad=', 'pin_memory='],
    { requires_grad: false });
  const dtype = checkDType(a.dtype);
  if (a.data instanceof TorchTensor) {
    const copy = a.data.isFloat ? TorchTensor.floatOf(ctx, a.data.values().slice(), a.data.shape)
      : TorchTensor.int(ctx, a.data.values().slice(), a.data.shape);
    const converted = dtype && dtype !== copy.dtype ? fromValues(ctx, [...copy.values()], copy.shape, dtype) : copy;
    return withRequiresGrad(converted, a.requires_grad);
  }
  const { shape, values } = nested(a.data);
  const allBool = values.length > 0 && values.every((v) => typeof v === 'boolean');
  const inferred = allBool ? bool : values.some((v) => typeof v === 'number') || values.length === 0 ? float32 : int64;
  return withRequiresGrad(fromValues(ctx, values, shape, dtype ?? inferred), a.requires_grad);
}

// The keyword arguments every creation function takes.
function creation(where, kwargs) {
  const options = new Map(kwargs);
  const dtype = checkDType(options.get('dtype'));
  const requiresGrad = options.get('requires_grad') ?? false;
  for (const name of ['dtype', 'requires_grad', 'device', 'layout', 'pin_memory']) options.delete(name);
  for (const name of ['generator', 'out']) if (options.has(name)) throw notSupported(`${where}'s ${name} argument`);
  if (options.size) throw unexpectedKeyword(where, [...options.keys()][0]);
  return { dtype, requiresGrad };
}

function checkSizes(sizes) {
  const negative = sizes.find((s) => s < 0);
  if (negative !== undefined) {
    throw new PyException('RuntimeError',
      `Trying to create tensor with negative dimension ${negative}: [${sizes.join(', ')}]`);
  }
  return sizes;
}

/** torch.randn / rand / zeros / ones (sizes as ints, a tuple, a list or a torch.Size). */
export function filled(ctx, kind, args, kwargs) {
  const where = `${kind}()`;
  const { dtype, requiresGrad } = creation(where, kwargs);
  const random = kind === 'randn' || kind === 'rand';
  const sizes = checkSizes(sizesArg(args, where, random ? 'ints' : 'SymInts'));
  if (dtype === int64) {
    checkedCount(ctx, sizes, where);
    if (random) {
      const kernel = kind === 'randn' ? 'normal' : 'uniform';
      throw new PyException('RuntimeError', `"${kernel}_kernel_cpu" not implemented for 'Long'`);
    }
    const count = sizes.reduce((a, b) => a * b, 1);
    return TorchTensor.int(ctx, new BigInt64Array(count).fill(kind === 'ones' ? 1n : 0n), sizes);
  }
  if (dtype === bool) throw notSupported(`${where} with dtype=torch.bool`);
  const made = pyErrors(() => (random ? ctx.generator.draw(kind, sizes) : ctx.nn[kind](sizes)));
  return withRequiresGrad(TorchTensor.float(ctx, made), requiresGrad);
}

/** torch.zeros_like / ones_like / randn_like / rand_like: the input's shape and (unless given) dtype. */
export function filledLike(ctx, kind, args, kwargs) {
  const [input, ...rest] = args;
  tensorArg(input, `${kind}_like()`);
  if (rest.length) {
    throw new PyException('TypeError', `${kind}_like() takes 1 positional argument but ${args.length} were given`);
  }
  const options = new Map(kwargs);
  if (!options.has('dtype')) options.set('dtype', input.dtype);
  return filled(ctx, kind, [new PyTuple(input.shape.map(BigInt))], options);
}

/** torch.arange(end) / arange(start, end, step=1): int64 when every bound is an int, else float32. */
export function arange(ctx, args, kwargs) {
  const bounds = ['start', 'end', 'step'];
  const { dtype, requiresGrad } = creation('arange()', new Map([...kwargs].filter(([k]) => !bounds.includes(k))));
  const given = [...args];
  for (const name of bounds) if (kwargs.has(name)) given.push(kwargs.get(name));
  if (given.length === 0 || given.length > 3) {
    throw new PyException('TypeError', 'arange() received an invalid combination of arguments');
  }
  const [start, end, step] = given.length === 1 ? [0n, given[0], 1n] : [given[0], given[1], given[2] ?? 1n];
  const [s, e, d] = [start, end, step].map((v, i) => numberArg(v, 'arange()', bounds[i]));
  if (d === 0) throw new PyException('RuntimeError', 'step must be nonzero');
  if ((d > 0 && e < s) || (d < 0 && e > s)) {
    throw new PyException('RuntimeError', 'upper bound and larger bound inconsistent with step sign');
  }
  const count = Math.ceil((e - s) / d);
  checkedCount(ctx, [count], 'arange()');
  const type = dtype ?? ([start, end, step].every(isInt) ? int64 : float32);
  const at = (i) => (type === int64 ? BigInt(s) + BigInt(i) * BigInt(d) : s + i * d);
  const values = Array.from({ length: count }, (_, i) => at(i));
  return withRequiresGrad(fromValues(ctx, values, [count], type), requiresGrad);
}

/** torch.linspace(start, end, steps): torch's CPU kernel (from both ends towards the middle, fused multiply-add). */
export function linspace(ctx, args, kwargs) {
  const options = new Map(kwargs);
  const named = {};
  for (const name of ['start', 'end', 'steps']) {
    if (options.has(name)) named[name] = options.get(name);
    options.delete(name);
  }
  const { dtype, requiresGrad } = creation('linspace()', options);
  const [start, end, steps] = ['start', 'end', 'steps'].map((name, i) => args[i] ?? named[name]);
  if (steps === undefined) {
    throw new PyException('TypeError', 'linspace() missing 1 required positional arguments: "steps"');
  }
  if (!isInt(steps)) {
    throw new PyException('TypeError', `linspace(): argument 'steps' must be int, not ${typeName(steps)}`);
  }
  const n = Number(steps);
  if (n < 0) throw new PyException('RuntimeError', 'number of steps must be non-negative');
  if (dtype === int64) throw notSupported('linspace with dtype=torch.int64');
  checkedCount(ctx, [n], 'linspace()');
  const a = f(numberArg(start, 'linspace()', 'start'));
  const b = f(numberArg(end, 'linspace()', 'end'));
  const step = f((b - a) / (n - 1));
  const halfway = Math.floor(n / 2);
  const at = (i) => (n === 1 ? a : i < halfway ? f(a + step * i) : f(b - step * (n - i - 1)));
  const values = Array.from({ length: n }, (_, i) => at(i));
  return withRequiresGrad(TorchTensor.floatOf(ctx, Float32Array.from(values), [n]), requiresGrad);
}
