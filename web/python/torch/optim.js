// torch.optim.SGD and Adam over the package's optimizers: torch 1.13's signatures, defaults and print-out.
import { PyBuiltin, PyException, PyObject, PyTuple, repr, typeName } from '../values.js';
import { internals } from '../../lib/tensor.js';
import { TorchTensor } from './tensor.js';
import { bind, numberArg, sequenceItems } from './args.js';
import { notSupported, pyErrors } from './errors.js';
import { HostClass } from './classes.js';

// Each optimizer's Python signature (torch 1.13), its defaults as Python values, and the options torch prints.
const KINDS = {
  SGD: {
    params: ['params', 'lr=', 'momentum=', 'dampening=', 'weight_decay=', 'nesterov=', '*', 'maximize=', 'foreach=',
      'differentiable='],
    defaults: {
      momentum: 0n, dampening: 0n, weight_decay: 0n, nesterov: false, maximize: false, differentiable: false,
    },
    options: (a) => ({
      lr: numberArg(a.lr, 'SGD()', 'lr'), momentum: numberArg(a.momentum, 'SGD()', 'momentum'),
      dampening: numberArg(a.dampening, 'SGD()', 'dampening'),
      weight_decay: numberArg(a.weight_decay, 'SGD()', 'weight_decay'), nesterov: a.nesterov,
    }),
  },
  Adam: {
    params: ['params', 'lr=', 'betas=', 'eps=', 'weight_decay=', 'amsgrad=', '*', 'foreach=', 'maximize=',
      'capturable=', 'differentiable=', 'fused='],
    defaults: {
      lr: 0.001, betas: new PyTuple([0.9, 0.999]), eps: 1e-8, weight_decay: 0n, amsgrad: false, maximize: false,
      capturable: false, differentiable: false, fused: false,
    },
    options: (a) => ({ lr: numberArg(a.lr, 'Adam()', 'lr'), eps: numberArg(a.eps, 'Adam()', 'eps'),
      betas: (sequenceItems(a.betas) ?? []).map((b) => numberArg(b, 'Adam()', 'betas')),
      weight_decay: numberArg(a.weight_decay, 'Adam()', 'weight_decay'), amsgrad: a.amsgrad }),
  },
};

// The items of an iterable host object (m.parameters()), or null.
function iterated(value) { return typeof value?.iterate === 'function' ? [...value.iterate()] : null; }

class Optimizer extends PyObject {
  #kind;
  #optimizer;
  #params;
  #printed;

  constructor(kind, args, kwargs, nn, pyClass) {
    super();
    const spec = KINDS[kind];
    this.#kind = kind;
    this.pyClass = pyClass;
    const a = bind(`${kind}.__init__()`, args, kwargs, spec.params, spec.defaults);
    if (a.maximize === true || (a.foreach !== null && a.foreach !== false) || a.differentiable === true ||
      a.capturable === true || a.fused === true) {
      throw notSupported(`${kind}'s maximize, foreach, capturable, differentiable and fused options`);
    }
    const items = a.params instanceof TorchTensor ? null : sequenceItems(a.params) ?? iterated(a.params);
    if (!items) {
      const given = a.params instanceof TorchTensor ? 'torch.FloatTensor' : typeName(a.params);
      throw new PyException('TypeError',
        `params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${given}`);
    }
    items.forEach((p) => {
      if (!(p instanceof TorchTensor)) {
        if (typeName(p) === 'dict') throw notSupported('parameter groups (dicts of options)');
        throw new PyException('TypeError',
          `optimizer can only optimize Tensors, but one of the params is ${typeName(p)}`);
      }
      if (!p.isFloat) throw new PyException('ValueError', "can't optimize a non-leaf Tensor");
    });
    if (kind === 'SGD' && a.lr === null) {
      if (items.length === 0) throw new PyException('ValueError', 'optimizer got an empty parameter list');
      throw new PyException('ValueError',
        "parameter group didn't specify a value of required optimization parameter lr");
    }
    const options = spec.options(a);
    this.#params = items;
    this.#optimizer = pyErrors(() => new nn.optim[kind](items.map((p) => p.js()), options));
    const given = Object.entries(a).filter(([name, v]) => name !== 'params' && (v !== null || name === 'foreach'));
    this.#printed = { ...spec.defaults, ...Object.fromEntries(given) };
  }

  get typeName() { return this.#kind; }

  // torch's Optimizer.__repr__: the group's options sorted by name.
  repr() {
    const lines = Object.keys(this.#printed).sort().map((name) => `    ${name}: ${repr(this.#printed[name])}`);
    return `${this.#kind} (\nParameter Group 0\n${lines.join('\n')}\n)`;
  }

  getAttr(name) {
    switch (name) {
      case 'step': return new PyBuiltin('step', (args, kwargs) => {
        const { closure } = bind('step()', args, kwargs ?? new Map(), ['closure=']);
        if (closure !== null) throw notSupported('step(closure)');
        pyErrors(() => this.#optimizer.step());
        return null;
      });
      case 'zero_grad': return new PyBuiltin('zero_grad', (args, kwargs) => {
        const { set_to_none: toNone } = bind('zero_grad()', args, kwargs ?? new Map(), ['set_to_none='],
          { set_to_none: false });
        if (toNone === true) for (const p of this.#params) internals.ensureSlot(p.js()).grad = null;
        else this.#optimizer.zeroGrad();
        return null;
      });
      case 'param_groups': case 'state': case 'state_dict': throw notSupported(`optimizer.${name}`);
      default: return undefined;
    }
  }
}

/** `torch.optim.SGD` / `torch.optim.Adam` as callable classes. */
export class OptimizerClass extends HostClass {
  constructor(kind, nn) {
    super(`torch.optim.${kind.toLowerCase()}.${kind}`, (value) => value instanceof Optimizer && value.pyClass === this);
    this.construct = (args, kwargs) => new Optimizer(kind, args, kwargs, nn, this);
  }
}
