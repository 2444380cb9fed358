// torch.nn's modules as Python objects: Conv1d over the package's layer (its parameters are Parameters whose values
// live in the layer), Sequential, ReLU/Tanh/Sigmoid and the MSELoss/L1Loss criteria.
import { PyBuiltin, PyException, PyObject, PyTuple, isInt, repr, truthy, typeName } from '../values.js';
import { Tensor } from '../../lib/tensor.js';
import { formatLayer, formatSequential } from '../../lib/repr.js';
import { TorchTensor } from './tensor.js';
import { bind, intArg, unexpectedKeyword } from './args.js';
import { notSupported, pyErrors } from './errors.js';
import { activation, checkInput, convolve } from './functional.js';
import { HostClass } from './classes.js';
import { computeLoss, packageLoss } from './losses.js';

/** `m.parameters()`: a one-pass generator object, as Python's. */
class ParameterGenerator extends PyObject {
  #items;

  constructor(items) {
    super();
    this.#items = items;
  }

  get typeName() { return 'generator'; }
  repr() { return '<generator object Module.parameters at 0x7f00c0ffee20>'; }
  *iterate() {
    while (this.#items.length) yield this.#items.shift();
  }
}

// Real nn.Module methods outside the subset: NotImplementedError rather than AttributeError.
const MODULE_METHODS = ['state_dict', 'load_state_dict', 'named_parameters', 'children', 'named_children', 'modules',
  'named_modules', 'to', 'cuda', 'cpu', 'double', 'float', 'half', 'apply', 'register_forward_hook',
  'register_backward_hook', 'register_buffer', 'requires_grad_', 'add_module', 'buffers', 'extra_repr', 'type',
  'share_memory', 'append', 'extend', 'insert'];

class Module extends PyObject {
  constructor(ctx) {
    super();
    this.ctx = ctx;
  }

  get typeName() { return this.constructor.pythonName; }
  get pyClass() { return this.ctx.classes.get(this.constructor); }
  /** The module's Parameters in torch's order. */
  parameterList() { return []; }
  /**
   * The module as the package's object (nn.Conv1d, nn.Sequential, nn.ReLU, …), for the playground to show the model a
   * program left behind; null when the package has no such model (a loss, a Sequential holding one).
   */
  toPackage() { return null; }
  call(args, kwargs) {
    if (kwargs?.size) throw unexpectedKeyword('forward()', [...kwargs.keys()][0]);
    return this.forward(args);
  }

  getAttr(name) {
    const method = (fn) => new PyBuiltin(name, (args, kwargs) => fn(args, kwargs ?? new Map()));
    switch (name) {
      case 'forward': return method((args, kwargs) => this.call(args, kwargs));
      case 'parameters': return method(() => new ParameterGenerator(this.parameterList()));
      case 'zero_grad': return method((args, kwargs) => {
        const { set_to_none: toNone } = bind('zero_grad()', args, kwargs, ['set_to_none='], { set_to_none: false });
        for (const p of this.parameterList()) {
          const grad = p.getAttr('grad');
          if (grad && toNone) p.setAttr('grad', null);
          else if (grad) grad.assign(new Float32Array(grad.numel()));
        }
        return null;
      });
      case 'train': case 'eval': return method(() => this);
      case 'training': return true;
      default:
        if (MODULE_METHODS.includes(name)) throw notSupported(`Module.${name}`);
        return undefined;
    }
  }
}

/**
 * A Parameter whose values are the module's layer's (`layer()[name]`): reads see optimizer steps, writes reach the
 * layer; `replace(tensor)` (`.data = …`) may change the shape.
 */
function layerParameter(ctx, layer, name, replace) {
  return TorchTensor.stored(ctx, {
    get: () => layer()[name],
    set: (values) => { layer()[name] = new Tensor(values.slice(), layer()[name].shape); },
    replace,
  }, true);
}

const tuple1 = (n) => new PyTuple([BigInt(n)]);

export class Conv1d extends Module {
  static pythonName = 'Conv1d';
  static pythonModule = 'conv';
  #layer;
  #declared; // the constructor's arguments, which torch prints and reports whatever weight is assigned later
  #weight;
  #bias;

  constructor(ctx, args, kwargs) {
    super(ctx);
    const where = 'Conv1d.__init__()';
    const params = ['in_channels', 'out_channels', 'kernel_size', 'stride=', 'padding=', 'dilation=', 'groups=',
      'bias=', 'padding_mode=', 'device=', 'dtype='];
    const a = bind(where, args, kwargs, params,
      { stride: 1n, padding: 0n, dilation: 1n, groups: 1n, bias: true, padding_mode: 'zeros' });
    if (a.device !== null && a.device !== 'cpu') throw notSupported(`device=${a.device}`);
    if (a.dtype !== null && a.dtype?.name !== 'float32') throw notSupported(`Conv1d with dtype=${repr(a.dtype)}`);
    const value = (v, name) => (v instanceof PyTuple ? v.items.map((x) => intOf(x, name)) : intOf(v, name));
    const options = {
      stride: value(a.stride, 'stride'), dilation: value(a.dilation, 'dilation'), groups: intOf(a.groups, 'groups'),
      padding: typeof a.padding === 'string' ? a.padding : value(a.padding, 'padding'),
      bias: pythonBool(a.bias), padding_mode: a.padding_mode,
    };
    const sizes = [intOf(a.in_channels, 'in_channels'), intOf(a.out_channels, 'out_channels'),
      value(a.kernel_size, 'kernel_size')];
    this.#layer = pyErrors(() => ctx.generator.record(() => new ctx.nn.Conv1d(...sizes, options)));
    this.#declared = { ...this.#layer.options, inChannels: this.#layer.inChannels, outChannels: this.#layer.outChannels,
      kernelSize: this.#layer.kernelSize };
    this.#weight = this.#parameter('weight');
    this.#bias = this.#layer.bias ? this.#parameter('bias') : null;
  }

  #parameter(name) {
    return layerParameter(this.ctx, () => this.#layer, name, (tensor) => this.#assign(name, tensor));
  }

  // A new weight or bias; a weight of another shape makes the layer convolve with its sizes, as torch's module would.
  #assign(name, tensor) {
    const old = this.#layer;
    const shape = tensor.shape;
    const current = old[name].shape;
    if (shape.length === current.length && shape.every((s, i) => s === current[i])) {
      old[name] = tensor;
      return;
    }
    if (name !== 'weight' || shape.length !== 3) {
      throw notSupported(`assigning a ${name} of shape [${shape.join(', ')}]`);
    }
    const { groups, stride, padding, dilation, paddingMode } = old.options;
    const bias = old.bias;
    if (bias && bias.shape[0] !== shape[0]) {
      throw notSupported(`assigning a weight of ${shape[0]} output channels (the bias has ${bias.shape[0]})`);
    }
    const layer = this.ctx.generator.borrow(() => new this.ctx.nn.Conv1d(shape[1] * groups, shape[0], shape[2],
      { groups, stride, padding, dilation, paddingMode, bias: bias !== null }));
    layer.weight = tensor;
    if (bias) layer.bias = bias;
    for (const [param, was] of [[layer.weight, old.weight], [layer.bias, bias]]) {
      if (param && !was.requiresGrad) param.requiresGrad_(false);
    }
    this.#layer = layer;
  }

  toPackage() { return this.#layer; }
  parameterList() { return this.#bias ? [this.#weight, this.#bias] : [this.#weight]; }
  forward(args) {
    checkOneInput(args);
    return convolve(this.ctx, (x) => this.#layer.forward(x), checkInput(args[0], 'conv1d()'));
  }
  repr() { return formatLayer(this.#declared); }

  getAttr(name) {
    const layer = this.#declared;
    switch (name) {
      case 'weight': return this.#weight;
      case 'bias': return this.#bias;
      case 'in_channels': return BigInt(layer.inChannels);
      case 'out_channels': return BigInt(layer.outChannels);
      case 'kernel_size': return tuple1(layer.kernelSize);
      case 'stride': return tuple1(layer.stride);
      case 'padding': return typeof layer.padding === 'string' ? layer.padding : tuple1(layer.padding);
      case 'dilation': return tuple1(layer.dilation);
      case 'groups': return BigInt(layer.groups);
      case 'padding_mode': return layer.paddingMode;
      case 'reset_parameters': return new PyBuiltin(name, () => {
        this.ctx.generator.record(() => this.#layer.resetParameters());
        return null;
      });
      default: return super.getAttr(name);
    }
  }

  setAttr(name, value) {
    if (name !== 'weight' && name !== 'bias') return false;
    if (name === 'bias' && value === null) {
      this.#layer.bias = null;
      this.#bias = null;
      this.#declared.bias = false; // torch prints bias=False for a module whose bias is None
      return true;
    }
    if (value === (name === 'weight' ? this.#weight : this.#bias)) return true; // `m.weight -= …` under no_grad
    if (!(value instanceof TorchTensor) || !value.isParameter) {
      const given = value instanceof TorchTensor ? 'torch.FloatTensor' : typeName(value);
      throw new PyException('TypeError',
        `cannot assign '${given}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    }
    if (name === 'bias' && !this.#bias) {
      pyErrors(() => { this.#layer.bias = value.js(); });
      this.#declared.bias = true;
    } else {
      pyErrors(() => this.#assign(name, value.js()));
    }
    const parameter = this.#parameter(name);
    parameter.js().requiresGrad_(value.requiresGrad);
    if (name === 'weight') this.#weight = parameter;
    else this.#bias = parameter;
    return true;
  }
}

function checkOneInput(args) {
  if (args.length !== 1) {
    throw new PyException('TypeError', `forward() takes 2 positional arguments but ${args.length + 1} were given`);
  }
}

function intOf(value, name) { return intArg(value, 'Conv1d.__init__()', name); }

// torch tests `if bias:`, so any Python value does.
function pythonBool(value) { return truthy(value); }

export class Sequential extends Module {
  static pythonName = 'Sequential';
  static pythonModule = 'container';

  constructor(ctx, args, kwargs) {
    super(ctx);
    if (kwargs?.size) throw unexpectedKeyword('Sequential.__init__()', [...kwargs.keys()][0]);
    args.forEach((module) => {
      if (!(module instanceof Module)) {
        throw new PyException('TypeError', `${typeName(module)} is not a Module subclass`);
      }
    });
    this.modules = args;
  }

  parameterList() { return this.modules.flatMap((m) => m.parameterList()); }
  toPackage() {
    const layers = this.modules.map((m) => (m instanceof Sequential ? null : m.toPackage()));
    return layers.every((layer) => layer !== null) ? new this.ctx.nn.Sequential(layers) : null;
  }
  forward(args) {
    checkOneInput(args);
    return this.modules.reduce((x, m) => m.call([x], new Map()), args[0]);
  }
  // Nested modules indent their inner lines, as torch's _addindent.
  repr() { return formatSequential(this.modules.map((m) => m.repr().replaceAll('\n', '\n  '))); }
  length() { return this.modules.length; }
  *iterate() { yield* this.modules; }
  getItem(key) {
    if (!isInt(key)) throw notSupported(`indexing a Sequential with ${typeName(key)}`);
    const n = this.modules.length;
    const i = Number(key) < 0 ? Number(key) + n : Number(key);
    if (i < 0 || i >= n) throw new PyException('IndexError', `index ${key} is out of range`);
    return this.modules[i];
  }
}

function activationClass(kind) {
  return class extends Module {
    static pythonName = kind;
    static pythonModule = 'activation';
    #inplace;

    constructor(ctx, args, kwargs) {
      super(ctx);
      const params = kind === 'ReLU' ? ['inplace='] : [];
      const { inplace } = bind(`${kind}.__init__()`, args, kwargs, params, { inplace: false });
      this.#inplace = inplace === true;
    }

    forward(args) {
      checkOneInput(args);
      if (this.#inplace) throw notSupported('ReLU(inplace=True) in a forward pass');
      return activation(args[0], kind);
    }
    repr() { return `${kind}(${this.#inplace ? 'inplace=True' : ''})`; }
    toPackage() { return new this.ctx.nn[kind](); }
  };
}

export const ReLU = activationClass('ReLU');
export const Tanh = activationClass('Tanh');
export const Sigmoid = activationClass('Sigmoid');

function lossClass(kind) {
  return class extends Module {
    static pythonName = kind;
    static pythonModule = 'loss';
    #loss;
    #reduction;
    #error = null; // torch checks the reduction when the loss runs

    constructor(ctx, args, kwargs) {
      super(ctx);
      const { size_average: sizeAverage, reduce, reduction } = bind(`${kind}.__init__()`, args, kwargs,
        ['size_average=', 'reduce=', 'reduction='], { reduction: 'mean' });
      if (sizeAverage !== null || reduce !== null) {
        throw notSupported(`${kind}'s deprecated size_average and reduce arguments`);
      }
      this.#reduction = reduction;
      try {
        this.#loss = packageLoss(ctx.nn, kind, reduction);
      } catch (error) {
        this.#error = error;
      }
    }

    forward(args) {
      if (args.length !== 2) {
        throw new PyException('TypeError', "forward() missing 1 required positional argument: 'target'");
      }
      if (this.#error) throw this.#error;
      return computeLoss(this.ctx, this.#loss, kind, this.#reduction, args[0], args[1]);
    }

    repr() { return `${kind}()`; }
  };
}

export const MSELoss = lossClass('MSELoss');
export const L1Loss = lossClass('L1Loss');

/** A Python-callable class: `nn.Conv1d(…)` constructs the module. */
export class ModuleClass extends HostClass {
  constructor(ctx, cls) {
    super(`torch.nn.modules.${cls.pythonModule}.${cls.pythonName}`, (value) => value instanceof cls,
      (args, kwargs) => new cls(ctx, args, kwargs));
    ctx.classes.set(cls, this);
  }
}

/** nn.Module: for isinstance(m, nn.Module); subclassing it (class) is outside the subset. */
export const MODULE_CLASS = new HostClass('torch.nn.modules.module.Module', (value) => value instanceof Module);

