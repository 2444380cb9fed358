// nn.MSELoss and nn.L1Loss, with torch 1.13's reductions and float32 backward formulas.
import { argumentError, describe, readOption } from './checks.js';
import { dataOf, edgeOf, recordResult } from './autograd.js';

const f = Math.fround;
const REDUCTIONS = ['mean', 'sum', 'none'];

// torch's broadcasting error for shapes that cannot broadcast; null when they can.
function broadcastError(a, b) {
  const n = Math.max(a.length, b.length);
  for (let i = 1; i <= n; i++) {
    const x = a[a.length - i] ?? 1;
    const y = b[b.length - i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      return `The size of tensor a (${x}) must match the size of tensor b (${y}) at non-singleton dimension ${n - i}`;
    }
  }
  return null;
}

export function lossClasses(toTensor) {
  class Loss {
    #reduction;

    /** options: { reduction: 'mean' (default) | 'sum' | 'none' }. */
    constructor(options) {
      const where = `${this.constructor.lossName}()`;
      const given = options ?? {};
      if (typeof given !== 'object' || Array.isArray(given)) {
        throw argumentError(TypeError, `${where}: 'options' must be an object such as { reduction: 'sum' }, but got ${describe(given)}`,
          'options');
      }
      for (const key of Object.keys(given)) {
        if (key !== 'reduction') throw argumentError(TypeError, `${where}: unknown option '${key}'; expected reduction`, 'options');
      }
      const reduction = readOption(given, 'reduction', where) ?? 'mean';
      if (!REDUCTIONS.includes(reduction)) {
        throw argumentError(Error, `${typeof reduction === 'string' ? reduction : describe(reduction)} is not a valid value for reduction`,
          'reduction');
      }
      this.#reduction = reduction;
    }

    get reduction() { return this.#reduction; }

    /**
     * The loss of `input` against `target` (same shape): a scalar Tensor (shape []), or per element with
     * reduction 'none'. Gradients flow to both when they require grad.
     */
    forward(input, target) {
      const where = `${this.constructor.lossName}.forward()`;
      const x = toTensor(input, 'input');
      const t = toTensor(target, 'target');
      const xs = x.shape;
      const ts = t.shape;
      if (xs.length !== ts.length || xs.some((size, i) => size !== ts[i])) {
        const message = broadcastError(xs, ts) ??
          `${where}: the target's shape [${ts.join(', ')}] differs from the input's [${xs.join(', ')}]; PyTorch would ` +
          'broadcast them (warning "Using a target size that is different to the input size"), which is refused here';
        throw argumentError(Error, message, 'target');
      }
      const { pointwise, gradient, node } = this.constructor;
      const a = dataOf(x, 'input', where);
      const b = dataOf(t, 'target', where);
      const n = x.numel();
      const diff = new Float32Array(n);
      const each = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        diff[i] = f(a[i] - b[i]);
        each[i] = pointwise(diff[i]);
      }
      const reduction = this.#reduction;
      let data = each;
      let shape = xs;
      if (reduction !== 'none') {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += each[i];
        data = Float32Array.of(reduction === 'mean' ? sum / n : sum);
        shape = [];
      }
      return recordResult(data, shape, node, [edgeOf(x), edgeOf(t)], (g) => {
        const gi = new Float32Array(n);
        if (reduction === 'none') {
          for (let i = 0; i < n; i++) gi[i] = gradient(diff[i], g[i], 1);
        } else {
          for (let i = 0; i < n; i++) gi[i] = gradient(diff[i], g[0], reduction === 'mean' ? n : 1);
        }
        const gt = new Float32Array(n);
        for (let i = 0; i < n; i++) gt[i] = -gi[i];
        return [gi, gt];
      });
    }

    toString() { return `${this.constructor.lossName}()`; }
    get [Symbol.toStringTag]() { return this.constructor.lossName; }
  }

  class MSELoss extends Loss {
    static lossName = 'MSELoss';
    static node = 'MseLossBackward0';
    static pointwise = (d) => f(d * d);
    // mse_loss_backward: (x - t) * (2 / n for mean, else 2) * g
    static gradient = (d, g, n) => f(f(d * f(2 / n)) * g);
  }

  class L1Loss extends Loss {
    static lossName = 'L1Loss';
    static node = 'L1LossBackward0';
    static pointwise = (d) => Math.abs(d);
    // abs(x - t) then mean/sum, differentiated as torch's composite: (g / n) * sgn(x - t)
    static gradient = (d, g, n) => f((n === 1 ? g : f(g / n)) * Math.sign(d));
  }

  return { MSELoss, L1Loss };
}
