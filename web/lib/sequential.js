// nn.Sequential for Conv1d layers: chains forward passes and reports every intermediate output.
import { checkInt, describe, readSizes, unwrap } from './checks.js';
import { formatSequential } from './repr.js';
import { pythonProgram } from './python.js';

export function sequentialClass(Conv1d, core, toTensor) {
  return class Sequential {
    #layers;

    /** `new Sequential(a, b, c)` or `new Sequential([a, b, c])`. */
    constructor(...layers) {
      // Array.from reads holes as undefined (refused below) instead of skipping them as forEach would.
      const list = Array.from(layers.length === 1 && Array.isArray(layers[0]) ? layers[0] : layers);
      list.forEach((layer, i) => {
        if (!(layer instanceof Conv1d)) {
          throw new TypeError(`Sequential(): layer ${i} must be a Conv1d, but got ${describe(layer)}`);
        }
      });
      this.#layers = list;
    }

    get length() { return this.#layers.length; }
    get layers() { return this.#layers.slice(); }
    at(index) { return this.#layers.at(index); }
    [Symbol.iterator]() { return this.#layers[Symbol.iterator](); }

    /** The output of the last layer. */
    forward(input) {
      const outputs = this.forwardAll(input);
      return outputs.length ? outputs[outputs.length - 1] : toTensor(input, 'input');
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

    /**
     * Per layer, how far its outputs see into the original input: { size, jump, start }
     * (output t of layer k spans input positions start + t*jump ... start + t*jump + size - 1).
     */
    receptiveFields() { return core.receptiveFields(this.#layers.map((layer) => layer._handle)); }

    /**
     * The original-input positions (sorted) that output `position` of layer `layerIndex` reads through
     * all earlier layers, padding modes included.
     */
    influencingInputs(inputShape, layerIndex, position) {
      const where = 'Sequential.influencingInputs()';
      const sizes = readSizes(inputShape, where, 'input_shape');
      const index = checkInt(layerIndex, where, 'layer_index');
      const t = checkInt(position, where, 'position');
      return Array.from(unwrap(core.influencingInputs(this.#layers.map((layer) => layer._handle), sizes, index, t)));
    }

    /**
     * A runnable PyTorch program reproducing the stack on `input`: torch.manual_seed when the layers were
     * built, untouched, straight after one seed; explicit weights otherwise.
     */
    toPython(input) {
      const x = toTensor(input, 'input');
      this.plans(x.shape); // only programs that run: PyTorch would refuse what plans() refuses
      const origins = this.#layers.map((layer) => layer.origin);
      const seeded = origins.length > 0 && origins.every((o, i) => !o.edited && o.seed === origins[0].seed &&
        o.drawsBefore === (i === 0 ? 0 : origins[i - 1].drawsAfter));
      return pythonProgram({ layers: this.#layers, seed: seeded ? origins[0].seed : null, input: x, sequential: true });
    }

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
