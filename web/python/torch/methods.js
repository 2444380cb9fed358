// A tensor's Python attributes and methods (t.shape, t.view(…), t.backward(), …), each bound to the tensor.
import { PyBuiltin, PyException, PyList, PyObject, isInt, typeName } from '../values.js';
import { Tensor, internals } from '../../lib/tensor.js';
import { TorchTensor, float32, int64 } from './tensor.js';
import { TorchSize } from './size.js';
import { bind, sequenceItems, tensorArg } from './args.js';
import { notSupported, pyErrors } from './errors.js';
import * as ops from './ops.js';
import { activation } from './functional.js';

/** `t.grad_fn`: prints as torch's node object does (the address is not torch's: it differs in every run there). */
class GradFn extends PyObject {
  constructor(name) {
    super();
    this.name = name;
  }

  get typeName() { return this.name; }
  repr() { return `<${this.name} object at 0x7f00c0ffee00>`; }
}

function shapeArgs(args, where) {
  const items = args.length === 1 && sequenceItems(args[0]) ? sequenceItems(args[0]) : args;
  return items.map((size, i) => {
    if (!isInt(size)) {
      throw new PyException('TypeError', `${where}(): argument 'size' must be tuple of SymInts, but found element ` +
        `of type ${typeName(size)} at pos ${i + 1}`);
    }
    return Number(size);
  });
}

function toList(t) {
  const shape = t.shape;
  const values = t.values();
  const convert = t.isFloat ? Number : t.isBool ? (v) => v !== 0n : (v) => v;
  const build = (dim, offset, stride) => {
    if (dim === shape.length) return convert(values[offset]);
    const inner = stride / (shape[dim] || 1);
    return new PyList(Array.from({ length: shape[dim] }, (_, i) => build(dim + 1, offset + i * inner, inner)));
  };
  return build(0, 0, values.length);
}

function item(t) {
  if (t.numel() !== 1) {
    throw new PyException('ValueError', 'only one element tensors can be converted to Python scalars');
  }
  return ops.scalarOf(t);
}

function gradOf(t) {
  if (!t.isFloat || !t.isLeaf) return null;
  const tensor = t.js();
  const slot = internals.slot(tensor);
  if (!slot?.grad) return null;
  const shape = tensor.shape;
  return TorchTensor.stored(t.ctx, { get: () => new Tensor(slot.grad, shape), set: (values) => slot.grad.set(values) });
}

function setGrad(t, value) {
  const slot = t.isFloat ? internals.ensureSlot(t.js()) : null;
  if (!slot) throw new PyException('RuntimeError', 'assigned grad has data of a different type');
  if (value === null) slot.grad = null;
  else if (value instanceof TorchTensor && value.isFloat && value.numel() === t.numel()) {
    slot.grad = value.values().slice();
  }
  else throw new PyException('RuntimeError', 'assigned grad has data of a different size');
}

function requiresGrad(t, flag) {
  if (typeof flag !== 'boolean') {
    throw new PyException('TypeError',
      `requires_grad_(): argument 'requires_grad' must be bool, not ${typeName(flag)}`);
  }
  if (!t.isFloat) {
    if (flag) throw new PyException('RuntimeError', 'only Tensors of floating point dtype can require gradients');
    return t;
  }
  pyErrors(() => t.js().requiresGrad_(flag));
  return t;
}

function backward(t, gradient) {
  if (!t.isFloat) {
    throw new PyException('RuntimeError', 'element 0 of tensors does not require grad and does not have a grad_fn');
  }
  if (gradient !== null) tensorArg(gradient, 'backward()', 'gradient', null);
  pyErrors(() => t.js().backward(gradient === null ? undefined : gradient.js()));
  return null;
}

function clone(t) {
  if (!t.isFloat) return TorchTensor.int(t.ctx, t.values().slice(), t.shape, t.dtype);
  return ops.floatResult(t.ctx, t.values().slice(), t.shape, 'CloneBackward0', [t], (g) => [g]);
}

// The in-place arithmetic methods: t.add_(other, alpha=1) is t += alpha * other.
function inPlace(t, op, other, alpha) {
  const operand = alpha === null || op === '*' || op === '/' ? other : ops.arithmetic(t.ctx, '*', other, alpha);
  ops.inPlaceOp(t, op, operand);
  return t;
}

const METHODS = {
  size: (t, a, k) => {
    const { dim } = bind('size()', a, k, ['dim=']);
    const shape = t.shape;
    return dim === null ? new TorchSize(shape) : BigInt(shape[ops.normalizeDim(dim, shape.length, 'size')]);
  },
  dim: (t) => BigInt(t.shape.length),
  ndimension: (t) => BigInt(t.shape.length),
  numel: (t) => BigInt(t.numel()),
  nelement: (t) => BigInt(t.numel()),
  item: (t) => item(t),
  tolist: (t) => toList(t),
  detach: (t) => t.detached(),
  clone: (t) => clone(t),
  view: (t, a) => ops.reshape(t, shapeArgs(a, 'view'), 'view'),
  reshape: (t, a) => ops.reshape(t, shapeArgs(a, 'reshape'), 'reshape'),
  flatten: (t) => ops.reshape(t, [-1], 'reshape'),
  unsqueeze: (t, a, k) => ops.unsqueeze(t, bind('unsqueeze()', a, k, ['dim']).dim),
  squeeze: (t, a, k) => ops.squeeze(t, bind('squeeze()', a, k, ['dim=']).dim),
  sum: (t, a, k) => {
    const { dim, keepdim } = bind('sum()', a, k, ['dim=', 'keepdim='], { keepdim: false });
    return ops.reduce(t, 'sum', dim, keepdim);
  },
  mean: (t, a, k) => {
    const { dim, keepdim } = bind('mean()', a, k, ['dim=', 'keepdim='], { keepdim: false });
    return ops.reduce(t, 'mean', dim, keepdim);
  },
  float: (t) => ops.toDType(t, float32),
  long: (t) => ops.toDType(t, int64),
  to: (t, a, k) => ops.toDType(t, bind('to()', a, k, ['dtype']).dtype),
  backward: (t, a, k) => {
    const { gradient, retain_graph: retain, create_graph: create } = bind('backward()', a, k,
      ['gradient=', 'retain_graph=', 'create_graph=', 'inputs=']);
    if (retain === true) throw notSupported('backward(retain_graph=True)');
    if (create === true) throw notSupported('backward(create_graph=True)');
    return backward(t, gradient);
  },
  requires_grad_: (t, a, k) => {
    const { requires_grad: flag } = bind('requires_grad_()', a, k, ['requires_grad='], { requires_grad: true });
    return requiresGrad(t, flag);
  },
  copy_: (t, a, k) => ops.copyInto(t, bind('copy_()', a, k, ['src', 'non_blocking=']).src),
  zero_: (t) => ops.fillWith(t, 0n),
  fill_: (t, a, k) => ops.fillWith(t, bind('fill_()', a, k, ['value']).value),
  add: (t, a, k) => {
    const { other, alpha } = bind('add()', a, k, ['other', '*', 'alpha=']);
    return ops.arithmetic(t.ctx, '+', t, alpha === null ? other : ops.arithmetic(t.ctx, '*', other, alpha));
  },
  sub: (t, a, k) => {
    const { other, alpha } = bind('sub()', a, k, ['other', '*', 'alpha=']);
    return ops.arithmetic(t.ctx, '-', t, alpha === null ? other : ops.arithmetic(t.ctx, '*', other, alpha));
  },
  mul: (t, a, k) => ops.arithmetic(t.ctx, '*', t, bind('mul()', a, k, ['other']).other),
  div: (t, a, k) => ops.arithmetic(t.ctx, '/', t, bind('div()', a, k, ['other']).other),
  pow: (t, a, k) => ops.arithmetic(t.ctx, '**', t, bind('pow()', a, k, ['exponent']).exponent),
  add_: (t, a, k) => {
    const { other, alpha } = bind('add_()', a, k, ['other', '*', 'alpha=']);
    return inPlace(t, '+', other, alpha);
  },
  sub_: (t, a, k) => {
    const { other, alpha } = bind('sub_()', a, k, ['other', '*', 'alpha=']);
    return inPlace(t, '-', other, alpha);
  },
  mul_: (t, a, k) => inPlace(t, '*', bind('mul_()', a, k, ['other']).other, null),
  div_: (t, a, k) => inPlace(t, '/', bind('div_()', a, k, ['other']).other, null),
  abs: (t) => ops.absolute(t),
  relu: (t) => activation(t, 'ReLU'),
  tanh: (t) => activation(t, 'Tanh'),
  sigmoid: (t) => activation(t, 'Sigmoid'),
};

const ATTRIBUTES = {
  shape: (t) => new TorchSize(t.shape),
  dtype: (t) => t.dtype,
  data: (t) => t.detached(),
  grad: (t) => gradOf(t),
  requires_grad: (t) => t.requiresGrad,
  is_leaf: (t) => t.isLeaf,
  grad_fn: (t) => (t.gradFn ? new GradFn(t.gradFn) : null),
  ndim: (t) => BigInt(t.shape.length),
};

// Real Tensor methods outside the subset: NotImplementedError rather than AttributeError.
const UNSUPPORTED = [
  'numpy', 'transpose', 'permute', 't', 'T', 'matmul', 'mm', 'bmm', 'max', 'min', 'argmax', 'argmin', 'exp', 'log',
  'sqrt', 'clamp', 'norm', 'std', 'var', 'expand', 'repeat', 'contiguous', 'type', 'cuda', 'cpu', 'device', 'double',
  'half', 'int', 'bool', 'softmax', 'uniform_', 'normal_', 'masked_fill', 'gather', 'scatter', 'index_select',
  'split', 'chunk', 'cat', 'stack', 'topk', 'sort', 'round', 'floor', 'ceil', 'sign', 'neg', 'exp_', 'retain_grad',
  'register_hook', 'storage', 'stride', 'is_contiguous', 'new_zeros', 'new_ones', 'zeros_like', 'expand_as',
  'view_as', 'reshape_as', 'abs_', 'clamp_', 'squeeze_', 'unsqueeze_',
];

/** `t.name`, or undefined (AttributeError) for a name torch's Tensor does not have. */
export function tensorAttr(t, name) {
  if (Object.hasOwn(ATTRIBUTES, name)) return ATTRIBUTES[name](t);
  if (Object.hasOwn(METHODS, name)) {
    return new PyBuiltin(name, (args, kwargs) => METHODS[name](t, args, kwargs ?? new Map()));
  }
  if (UNSUPPORTED.includes(name)) throw notSupported(`Tensor.${name}`);
  return undefined;
}

/** `t.name = value`: requires_grad, data and grad. */
export function setTensorAttr(t, name, value) {
  switch (name) {
    case 'requires_grad':
      requiresGrad(t, value);
      return true;
    case 'data':
      if (!(value instanceof TorchTensor)) {
        throw new PyException('TypeError', `Variable data has to be a tensor, but got ${typeName(value)}`);
      }
      pyErrors(() => t.replaceData(value));
      return true;
    case 'grad':
      setGrad(t, value);
      return true;
    default:
      return false;
  }
}

