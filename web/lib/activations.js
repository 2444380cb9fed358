// nn.ReLU, nn.Tanh, nn.Sigmoid: elementwise modules with torch's float32 forward and backward formulas.
import { checkShape } from './checks.js';
import { dataOf, edgeOf, recordResult } from './autograd.js';

const f = Math.fround;

// Each: forward y = fn(x); backward from the output y and the output's gradient g, as torch's kernels compute it
// (threshold_backward on the result, tanh_backward: g * (1 - y*y), sigmoid_backward: g * (1 - y) * y).
const KINDS = {
  ReLU: {
    fn: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
    grad: (y, g) => (y <= 0 ? 0 : g),
    node: 'ReluBackward0',
  },
  Tanh: {
    fn: (x) => f(Math.tanh(x)),
    grad: (y, g) => f(g * f(1 - f(y * y))),
    node: 'TanhBackward0',
  },
  Sigmoid: {
    fn: (x) => f(1 / f(1 + f(Math.exp(-x)))),
    grad: (y, g) => f(f(g * f(1 - y)) * y),
    node: 'SigmoidBackward0',
  },
};

/** The module base: no parameters, any input shape, the same output shape. */
export function activationClasses(toTensor) {
  class Activation {
    /** The output of `input` (a Tensor or nested arrays), elementwise. */
    forward(input) {
      const x = toTensor(input, 'input');
      const kind = KINDS[this.constructor.kindName];
      const source = dataOf(x, 'input', `${this.constructor.kindName}.forward()`);
      const data = new Float32Array(x.numel());
      for (let i = 0; i < data.length; i++) data[i] = kind.fn(source[i]);
      return recordResult(data, x.shape, kind.node, [edgeOf(x)], (g) => {
        const gi = new Float32Array(g.length);
        for (let i = 0; i < gi.length; i++) gi[i] = kind.grad(data[i], g[i]);
        return [gi];
      });
    }
    /** Activations keep the shape: `{ outputShape }` for an input shape (a copy, checked). */
    plan(inputShape) { return { outputShape: checkShape(inputShape, `${this.constructor.kindName}.plan()`, 'input_shape') }; }
    outputShape(inputShape) { return this.plan(inputShape).outputShape; }
    /** No parameters. */
    parameters() { return []; }
    zeroGrad() {}
    toString() { return `${this.constructor.kindName}()`; }
    get [Symbol.toStringTag]() { return this.constructor.kindName; }
  }
  class ReLU extends Activation { static kindName = 'ReLU'; }
  class Tanh extends Activation { static kindName = 'Tanh'; }
  class Sigmoid extends Activation { static kindName = 'Sigmoid'; }
  return { Activation, ReLU, Tanh, Sigmoid };
}
