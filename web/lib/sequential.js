// nn.Sequential of Conv1d layers and activations (ReLU, Tanh, Sigmoid): chains forward passes and reports every
// intermediate output. Stack-level questions (receptive fields, influencing inputs) are the core's, over the
// Conv1d layers only: an activation reads exactly the position it writes.
import { argumentError, checkInt, describe, readSizes, unwrap } from './checks.js';
import { formatSequential } from './repr.js';
import { pythonProgram } from './python.js';

export function sequentialClass(Conv1d, Activation, core, toTensor) {
  return class Sequential {
    #layers;

    /** `new Sequential(a, b, c)` or `new Sequential([a, b, c])`. */
    constructor(...layers) {
      // Array.from reads holes as undefined (refused below) instead of skipping them as forEach would.
      const list = Array.from(layers.length === 1 && Array.isArray(layers[0]) ? layers[0] : layers);
      list.forEach((layer, i) => {
        if (!(layer instanceof Conv1d) && !(layer instanceof Activation)) {
          throw new TypeError(`Sequential(): layer ${i} must be a Conv1d, ReLU, Tanh or Sigmoid, but got ${describe(layer)}`);
        }
      });
      this.#layers = list;
    }

    get length() { return this.#layers.length; }
    get layers() { return this.#layers.slice(); }
    at(index) { return this.#layers.at(index); }

    /** Every layer's parameters in order: weight, then bias, per Conv1d. */
    parameters() { return this.#layers.flatMap((layer) => layer.parameters()); }
    /** Sets every parameter's gradient to zero (torch 1.13's zero_grad(), set_to_none=False). */
    zeroGrad() { this.#layers.forEach((layer) => layer.zeroGrad()); }
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
    receptiveFields() {
      const fields = core.receptiveFields(this.#convolutions().map((layer) => layer._handle));
      let last = { size: 1, jump: 1, start: 0 }; // before any Conv1d, an output reads its own position
      let k = 0;
      return this.#layers.map((layer) => {
        if (layer instanceof Conv1d) last = fields[k++];
        return { ...last };
      });
    }
    #convolutions() { return this.#layers.filter((layer) => layer instanceof Conv1d); }

    /**
     * The original-input positions (sorted) that output `position` of layer `layerIndex` reads through
     * all earlier layers, padding modes included.
     */
    influencingInputs(inputShape, layerIndex, position) {
      const where = 'Sequential.influencingInputs()';
      const sizes = readSizes(inputShape, where, 'input_shape');
      const index = checkInt(layerIndex, where, 'layer_index');
      const t = checkInt(position, where, 'position');
      if (index < 0 || index >= this.#layers.length) {
        throw argumentError(RangeError, `influencing_inputs(): layer_index=${index} is out of range for a stack of ` +
          `${this.#layers.length} layers`, 'layer_index');
      }
      // An activation's output t reads its input t: ask about the last Conv1d at or before the layer.
      const convIndex = this.#layers.slice(0, index + 1).filter((layer) => layer instanceof Conv1d).length - 1;
      if (convIndex < 0) {
        const length = sizes.length ? sizes[sizes.length - 1] : 0;
        if (t < 0 || t >= length) {
          throw argumentError(RangeError, `${where}: position ${t} is out of range for layer ${index}'s output of length ${length}`,
            'position');
        }
        return [t];
      }
      return Array.from(unwrap(core.influencingInputs(this.#convolutions().map((layer) => layer._handle), sizes, convIndex, t)));
    }

    /**
     * A runnable PyTorch program reproducing the stack on `input`: torch.manual_seed when the layers were
     * built, untouched, straight after one seed; explicit weights otherwise.
     */
    toPython(input) {
      const x = toTensor(input, 'input');
      this.plans(x.shape); // only programs that run: PyTorch would refuse what plans() refuses
      const origins = this.#convolutions().map((layer) => layer.origin);
      const seeded = origins.length > 0 && origins.every((o, i) => !o.edited && o.seed === origins[0].seed &&
        o.drawsBefore === (i === 0 ? 0 : origins[i - 1].drawsAfter));
      return pythonProgram({ layers: this.#layers, seed: seeded ? origins[0].seed : null, input: x, sequential: true });
    }

    /** Deletes every layer. */
    delete() { this.#convolutions().forEach((layer) => layer.isDeleted() || layer.delete()); }

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
