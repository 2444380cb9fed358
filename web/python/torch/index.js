// The Python modules torch, torch.nn, torch.nn.functional, torch.autograd and torch.optim of one session, over the
// package's API object `nn` (from load()).
import { PyBuiltin, PyException, PyModule, PyObject, isInt, typeName } from '../values.js';
import { DTYPES, PARAMETER_CLASS, TENSOR_CLASS } from './tensor.js';
import { SIZE_CLASS } from './size.js';
import { bind, tensorArg } from './args.js';
import { notSupported, pyErrors } from './errors.js';
import { arange, filled, filledLike, linspace, tensor } from './factories.js';
import { activation, conv1d } from './functional.js';
import { Conv1d, L1Loss, MODULE_CLASS, MSELoss, ModuleClass, ReLU, Sequential, Sigmoid, Tanh } from './modules.js';
import { OptimizerClass } from './optim.js';
import { GeneratorLog } from './generator.js';
import { absolute, reduce } from './ops.js';
import { computeLoss, packageLoss } from './losses.js';

/** torch's default seed, the one a new `torch.Generator()` starts from; a session starts there so runs repeat. */
export const DEFAULT_SEED = 67280421310721n;

/** The generator torch.manual_seed returns (its address is not torch's, which differs in every run there). */
class Generator extends PyObject {
  get typeName() { return 'Generator'; }
  repr() { return '<torch._C.Generator object at 0x7f00c0ffee30>'; }
}

/** `with torch.no_grad():` — no graph is recorded inside; the previous mode comes back on exit. */
class NoGrad extends PyObject {
  #ctx;
  #saved = [];

  constructor(ctx) {
    super();
    this.#ctx = ctx;
  }

  get typeName() { return 'no_grad'; }
  repr() { return '<torch.autograd.grad_mode.no_grad object at 0x7f00c0ffee40>'; }
  enter() {
    this.#saved.push(this.#ctx.gradEnabled);
    this.#ctx.gradEnabled = false;
    return null;
  }
  exit() {
    this.#ctx.gradEnabled = this.#saved.pop() ?? true;
    return false;
  }
}

/** torch's modules: a real torch name that the subset lacks is NotImplementedError, not AttributeError. */
class TorchModule extends PyModule {
  getAttr(name) {
    const value = super.getAttr(name);
    if (value !== undefined || name.startsWith('__')) return value;
    throw notSupported(`${this.name}.${name}`);
  }
}

const builtin = (name, fn) => new PyBuiltin(name, (args, kwargs) => fn(args, kwargs ?? new Map()));

/** torch.autograd.Variable(data, requires_grad=False): the data as a new leaf (sharing its values). */
function variable(args, kwargs) {
  const params = ['data=', 'requires_grad=', 'volatile='];
  const { data, requires_grad: requiresGrad } = bind('Variable()', args, kwargs, params, { requires_grad: false });
  const t = tensorArg(data, 'Variable()');
  const leaf = t.detached();
  if (requiresGrad === true) leaf.getAttr('requires_grad_').fn([true], new Map());
  return leaf;
}

/**
 * A Map from module name to PyModule for one session; the session's generator starts at torch's default seed and
 * stays the session's own even when other sessions or the page draw from the package's generator in between.
 */
export function createTorchModules(nn) {
  // classes: each module class's Python class object, for type(m)
  const ctx = { nn, gradEnabled: true, generator: new GeneratorLog(nn, DEFAULT_SEED), classes: new Map() };
  const moduleClass = (cls) => new ModuleClass(ctx, cls);
  const reduction = (kind) => builtin(kind, (args, kwargs) => {
    const { input, dim, keepdim } = bind(`${kind}()`, args, kwargs, ['input', 'dim=', 'keepdim='], { keepdim: false });
    return reduce(tensorArg(input, `${kind}()`), kind, dim, keepdim);
  });
  const activations = (prefix) => Object.fromEntries(['ReLU', 'Tanh', 'Sigmoid'].map((kind) => [kind.toLowerCase(),
    builtin(kind.toLowerCase(), (args, kwargs) => {
      const { input } = bind(`${prefix}${kind.toLowerCase()}()`, args, kwargs, ['input', 'inplace=']);
      return activation(tensorArg(input, `${kind.toLowerCase()}()`), kind);
    })]));

  const lossFunction = (name, kind) => builtin(name, (args, kwargs) => {
    const params = ['input', 'target', 'size_average=', 'reduce=', 'reduction='];
    const a = bind(`${name}()`, args, kwargs, params, { reduction: 'mean' });
    if (a.size_average !== null || a.reduce !== null) {
      throw notSupported(`${name}'s deprecated size_average and reduce arguments`);
    }
    return computeLoss(ctx, packageLoss(nn, kind, a.reduction), kind, a.reduction, a.input, a.target);
  });
  const tensorFunction = (name, fn) => builtin(name, (args, kwargs) => {
    const { input } = bind(`${name}()`, args, kwargs, ['input']);
    return fn(tensorArg(input, `${name}()`), name);
  });
  const functional = new TorchModule('torch.nn.functional', {
    conv1d: builtin('conv1d', (args, kwargs) => conv1d(ctx, args, kwargs)),
    mse_loss: lossFunction('mse_loss', 'MSELoss'),
    l1_loss: lossFunction('l1_loss', 'L1Loss'),
    ...activations(''),
  });
  const nnModule = new TorchModule('torch.nn', {
    Conv1d: moduleClass(Conv1d),
    Sequential: moduleClass(Sequential),
    ReLU: moduleClass(ReLU),
    Tanh: moduleClass(Tanh),
    Sigmoid: moduleClass(Sigmoid),
    MSELoss: moduleClass(MSELoss),
    L1Loss: moduleClass(L1Loss),
    Parameter: PARAMETER_CLASS,
    Module: MODULE_CLASS,
    functional,
  });
  const optim = new TorchModule('torch.optim', {
    SGD: new OptimizerClass('SGD', nn),
    Adam: new OptimizerClass('Adam', nn),
  });
  const autograd = new TorchModule('torch.autograd', { Variable: builtin('Variable', variable) });
  const torch = new TorchModule('torch', {
    __version__: '1.13.0a0',
    tensor: builtin('tensor', (args, kwargs) => tensor(ctx, args, kwargs)),
    randn: builtin('randn', (args, kwargs) => filled(ctx, 'randn', args, kwargs)),
    rand: builtin('rand', (args, kwargs) => filled(ctx, 'rand', args, kwargs)),
    zeros: builtin('zeros', (args, kwargs) => filled(ctx, 'zeros', args, kwargs)),
    ones: builtin('ones', (args, kwargs) => filled(ctx, 'ones', args, kwargs)),
    arange: builtin('arange', (args, kwargs) => arange(ctx, args, kwargs)),
    ...Object.fromEntries(['zeros', 'ones', 'randn', 'rand'].map((kind) => [`${kind}_like`,
      builtin(`${kind}_like`, (args, kwargs) => filledLike(ctx, kind, args, kwargs))])),
    linspace: builtin('linspace', (args, kwargs) => linspace(ctx, args, kwargs)),
    manual_seed: builtin('manual_seed', (args, kwargs) => {
      const { seed } = bind('manual_seed()', args, kwargs, ['seed']);
      if (!isInt(seed)) throw new PyException('TypeError', `manual_seed expected a long, but got ${typeName(seed)}`);
      pyErrors(() => ctx.generator.seed(BigInt(seed)));
      return new Generator();
    }),
    initial_seed: builtin('initial_seed', () => ctx.generator.initialSeed()),
    no_grad: builtin('no_grad', () => new NoGrad(ctx)),
    is_grad_enabled: builtin('is_grad_enabled', () => ctx.gradEnabled),
    Size: SIZE_CLASS,
    Tensor: TENSOR_CLASS,
    sum: reduction('sum'),
    mean: reduction('mean'),
    numel: builtin('numel', (args) => BigInt(tensorArg(args[0], 'numel()').numel())),
    abs: tensorFunction('abs', absolute),
    ...activations('torch.'),
    ...DTYPES,
    nn: nnModule,
    optim,
    autograd,
  });
  return new Map([
    ['torch', torch],
    ['torch.nn', nnModule],
    ['torch.nn.functional', functional],
    ['torch.autograd', autograd],
    ['torch.optim', optim],
  ]);
}
