// nn.optim.SGD and nn.optim.Adam: torch 1.13's single-tensor update rules (torch/optim/sgd.py, adam.py), in
// float32 as torch computes them: each tensor op rounds to float32 (Math.fround), scalars as torch casts them.
import { Tensor, internals } from './tensor.js';
import { argumentError, describe, readOption } from './checks.js';

const f = Math.fround;

// Options in camelCase, with PyTorch's snake_case spellings.
function readOptions(options, names, where) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw argumentError(TypeError, `${where}: 'options' must be an object such as { lr: 0.1 }, but got ${describe(options)}`, 'options');
  }
  const given = {};
  for (const key of Object.keys(options)) {
    const name = Object.hasOwn(names, key) ? names[key] : undefined;
    if (!name) {
      throw argumentError(TypeError, `${where}: unknown option '${key}'; expected one of ${[...new Set(Object.values(names))].join(', ')}`,
        'options');
    }
    if (name in given) throw argumentError(TypeError, `${where}: option '${name}' given twice (as '${key}' and its other spelling)`, name);
    given[name] = readOption(options, key, where);
  }
  return given;
}

function number(value, fallback, where, name) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw argumentError(TypeError, `${where}: argument '${name}' must be a number, but got ${describe(value)}`, name);
  }
  return value;
}

function boolean(value, fallback, where, name) {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw argumentError(TypeError, `${where}: argument '${name}' must be a boolean, but got ${describe(value)}`, name);
  return value;
}

// The parameters' gradient slots, checked as torch's add_param_group does.
function readParams(params, where) {
  let list;
  try {
    list = params instanceof Tensor ? null : Array.from(params ?? []);
  } catch {
    list = null;
  }
  if (!list) {
    throw argumentError(TypeError, `${where}: params argument given to the optimizer should be an iterable of Tensors, but got ` +
      `${describe(params)}`, 'params');
  }
  if (list.length === 0) throw argumentError(Error, 'optimizer got an empty parameter list', 'params');
  const slots = list.map((param) => {
    if (!(param instanceof Tensor)) {
      throw argumentError(TypeError, `optimizer can only optimize Tensors, but one of the params is ${describe(param)}`, 'params');
    }
    if (!param.isLeaf) throw argumentError(Error, "can't optimize a non-leaf Tensor", 'params');
    return internals.ensureSlot(param);
  });
  if (new Set(slots).size !== slots.length) {
    throw argumentError(Error, 'optimizer contains a parameter group with duplicate parameters', 'params');
  }
  return slots;
}

class Optimizer {
  #slots;
  state = new Map(); // slot -> per-parameter state

  constructor(params, where) {
    this.#slots = readParams(params, where);
  }

  /** Sets every parameter's gradient to zero (torch 1.13: set_to_none=False); none before any backward stays null. */
  zeroGrad() {
    for (const slot of this.#slots) slot.grad?.fill(0);
  }

  /** One update of every parameter that has a gradient. */
  step() {
    for (const slot of this.#slots) {
      if (!slot.grad) continue;
      const param = slot.read();
      if (param.length !== slot.grad.length) {
        throw new Error(`${this.constructor.name}.step(): a parameter of shape [${slot.shape.join(', ')}] has a gradient of ` +
          `${slot.grad.length} elements`);
      }
      if (!this.state.has(slot)) this.state.set(slot, {});
      this.update(param, slot.grad, this.state.get(slot));
      slot.write(param);
    }
  }
}

export class SGD extends Optimizer {
  /** options: { lr (required), momentum = 0, dampening = 0, weightDecay = 0, nesterov = false }. */
  constructor(params, options) {
    const where = 'SGD()';
    const given = readOptions(options, {
      lr: 'lr', momentum: 'momentum', dampening: 'dampening', weightDecay: 'weight_decay', weight_decay: 'weight_decay',
      nesterov: 'nesterov',
    }, where);
    const lr = number(given.lr, undefined, where, 'lr');
    const momentum = number(given.momentum, 0, where, 'momentum');
    const dampening = number(given.dampening, 0, where, 'dampening');
    const weightDecay = number(given.weight_decay, 0, where, 'weight_decay');
    const nesterov = boolean(given.nesterov, false, where, 'nesterov');
    if (lr !== undefined && lr < 0) throw argumentError(Error, `Invalid learning rate: ${lr}`, 'lr');
    if (momentum < 0) throw argumentError(Error, `Invalid momentum value: ${momentum}`, 'momentum');
    if (weightDecay < 0) throw argumentError(Error, `Invalid weight_decay value: ${weightDecay}`, 'weight_decay');
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw argumentError(Error, 'Nesterov momentum requires a momentum and zero dampening', 'nesterov');
    }
    super(params, where);
    if (lr === undefined) throw argumentError(Error, "parameter group didn't specify a value of required optimization parameter lr", 'lr');
    this.options = Object.freeze({ lr, momentum, dampening, weightDecay, nesterov });
  }

  update(param, grad, state) {
    const { lr, momentum, dampening, weightDecay, nesterov } = this.options;
    const n = param.length;
    let d = grad;
    if (weightDecay !== 0) { // d_p = d_p.add(param, alpha=weight_decay)
      const alpha = f(weightDecay);
      d = new Float32Array(n);
      for (let i = 0; i < n; i++) d[i] = f(grad[i] + alpha * param[i]);
    }
    if (momentum !== 0) {
      let buf = state.momentumBuffer;
      if (!buf) {
        buf = d.slice();
        state.momentumBuffer = buf;
      } else { // buf.mul_(momentum).add_(d_p, alpha=1 - dampening)
        const m = f(momentum);
        const alpha = f(1 - dampening);
        for (let i = 0; i < n; i++) buf[i] = f(f(buf[i] * m) + alpha * d[i]);
      }
      if (nesterov) { // d_p = d_p.add(buf, alpha=momentum)
        const m = f(momentum);
        const next = new Float32Array(n);
        for (let i = 0; i < n; i++) next[i] = f(d[i] + m * buf[i]);
        d = next;
      } else {
        d = buf;
      }
    }
    const alpha = f(-lr); // param.add_(d_p, alpha=-lr)
    for (let i = 0; i < n; i++) param[i] = f(param[i] + alpha * d[i]);
  }
}

export class Adam extends Optimizer {
  /** options: { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0, amsgrad = false }. */
  constructor(params, options) {
    const where = 'Adam()';
    const given = readOptions(options, {
      lr: 'lr', betas: 'betas', eps: 'eps', weightDecay: 'weight_decay', weight_decay: 'weight_decay', amsgrad: 'amsgrad',
    }, where);
    const lr = number(given.lr, 1e-3, where, 'lr');
    let betas = [0.9, 0.999];
    if (given.betas !== undefined) {
      if (!Array.isArray(given.betas) || given.betas.length !== 2) {
        throw argumentError(TypeError, `${where}: argument 'betas' must be an array of two numbers, but got ${describe(given.betas)}`, 'betas');
      }
      betas = [number(given.betas[0], undefined, where, 'betas'), number(given.betas[1], undefined, where, 'betas')];
    }
    const eps = number(given.eps, 1e-8, where, 'eps');
    const weightDecay = number(given.weight_decay, 0, where, 'weight_decay');
    const amsgrad = boolean(given.amsgrad, false, where, 'amsgrad');
    if (!(lr >= 0)) throw argumentError(Error, `Invalid learning rate: ${lr}`, 'lr');
    if (!(eps >= 0)) throw argumentError(Error, `Invalid epsilon value: ${eps}`, 'eps');
    betas.forEach((beta, i) => {
      if (!(beta >= 0 && beta < 1)) throw argumentError(Error, `Invalid beta parameter at index ${i}: ${beta}`, 'betas');
    });
    if (!(weightDecay >= 0)) throw argumentError(Error, `Invalid weight_decay value: ${weightDecay}`, 'weight_decay');
    super(params, where);
    this.options = Object.freeze({ lr, betas: Object.freeze(betas), eps, weightDecay, amsgrad });
  }

  update(param, grad, state) {
    const { lr, betas: [beta1, beta2], eps, weightDecay, amsgrad } = this.options;
    const n = param.length;
    if (!state.expAvg) {
      state.step = 0;
      state.expAvg = new Float32Array(n);
      state.expAvgSq = new Float32Array(n);
      if (amsgrad) state.maxExpAvgSq = new Float32Array(n);
    }
    state.step += 1;
    let g = grad;
    if (weightDecay !== 0) { // grad = grad.add(param, alpha=weight_decay)
      const alpha = f(weightDecay);
      g = new Float32Array(n);
      for (let i = 0; i < n; i++) g[i] = f(grad[i] + alpha * param[i]);
    }
    const { expAvg, expAvgSq, maxExpAvgSq } = state;
    const b1 = f(beta1);
    const b2 = f(beta2);
    const oneMinusB1 = f(1 - beta1);
    const oneMinusB2 = f(1 - beta2);
    for (let i = 0; i < n; i++) {
      expAvg[i] = f(f(expAvg[i] * b1) + oneMinusB1 * g[i]); // exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
      expAvgSq[i] = f(f(expAvgSq[i] * b2) + f(f(oneMinusB2 * g[i]) * g[i])); // .mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    }
    // Python floats (double), as torch's non-capturable path computes them.
    const biasCorrection1 = 1 - beta1 ** state.step;
    const biasCorrection2 = 1 - beta2 ** state.step;
    const stepSize = lr / biasCorrection1;
    const biasCorrection2Sqrt = f(Math.sqrt(biasCorrection2));
    let second = expAvgSq;
    if (amsgrad) {
      for (let i = 0; i < n; i++) {
        const a = maxExpAvgSq[i];
        const b = expAvgSq[i];
        maxExpAvgSq[i] = Number.isNaN(a) || a > b ? a : b; // torch.maximum (NaN wins)
      }
      second = maxExpAvgSq;
    }
    const epsilon = f(eps);
    const value = f(-stepSize);
    for (let i = 0; i < n; i++) {
      const denom = f(f(f(Math.sqrt(second[i])) / biasCorrection2Sqrt) + epsilon); // (sqrt / bc2_sqrt).add_(eps)
      param[i] = f(param[i] + f(f(value * expAvg[i]) / denom)); // param.addcdiv_(exp_avg, denom, value=-step_size)
    }
  }
}
