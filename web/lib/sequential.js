// nn.Sequential for Conv1d layers: chains forward passes and reports every intermediate output.
import { describe } from './checks.js';
import { formatSequential } from './repr.js';

export function sequentialClass(Conv1d) {
  return class Sequential {
    #layers;

    /** `new Sequential(a, b, c)` or `new Sequential([a, b, c])`. */
    constructor(...layers) {
      const list = layers.length === 1 && Array.isArray(layers[0]) ? layers[0] : layers;
      list.forEach((layer, i) => {
        if (!(layer instanceof Conv1d)) {
          throw new TypeError(`Sequential(): layer ${i} must be a Conv1d, but got ${describe(layer)}`);
        }
      });
      this.#layers = list.slice();
    }

    get length() { return this.#layers.length; }
    get layers() { return this.#layers.slice(); }
    at(index) { return this.#layers.at(index); }
    [Symbol.iterator]() { return this.#layers[Symbol.iterator](); }

    /** The output of the last layer. */
    forward(input) {
      const outputs = this.forwardAll(input);
      return outputs.length ? outputs[outputs.length - 1] : input;
    }
    /** The output of every layer, in order: outputs[i] is layer i's output. */
    forwardAll(input) {
      const outputs = [];
      let x = input;
      this.#layers.forEach((layer, i) => {
        x = withLayerIndex(i, () => layer.forward(x));
        outputs.push(x);
      });
      return outputs;
    }
    /** Each layer's plan (output shape, padding, lengths) for an input shape, without running anything. */
    plans(inputShape) {
      const plans = [];
      let shape = inputShape;
      this.#layers.forEach((layer, i) => {
        const plan = withLayerIndex(i, () => layer.plan(shape));
        plans.push(plan);
        shape = plan.outputShape;
      });
      return plans;
    }
    /** Each layer's output shape for an input shape. */
    outputShapes(inputShape) { return this.plans(inputShape).map((plan) => plan.outputShape); }

    /** Deletes every layer. */
    delete() { this.#layers.forEach((layer) => layer.isDeleted() || layer.delete()); }

    toString() { return formatSequential(this.#layers.map(String)); }
    get [Symbol.toStringTag]() { return 'Sequential'; }
  };
}

// Errors from inside a stack say which layer raised them; the core's message is kept intact.
function withLayerIndex(index, run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && error.layerIndex === undefined) error.layerIndex = index;
    throw error;
  }
}
