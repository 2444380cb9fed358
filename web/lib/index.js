// conv1d-playground: PyTorch's nn.Conv1d, bit for bit, in WebAssembly.
//   const nn = await load(); nn.manualSeed(1); const m = new nn.Conv1d(1, 1, 3); m.forward([[[1, 2, 3, 4, 5]]]);
import createConv1dCore from './core/conv1d-core.mjs';
import { Tensor, checkElementCount, internals, tensorFactory } from './tensor.js';
import { withHeapFloats } from './heap.js';
import { conv1dClass } from './conv1d.js';
import { sequentialClass } from './sequential.js';
import { activationClasses } from './activations.js';
import { lossClasses } from './losses.js';
import { Adam, SGD } from './optim.js';
import { checkShape, describe } from './checks.js';

export { Tensor };

let loading = null;

/** Instantiates the WebAssembly module once; later calls return the same API object. */
export function load() {
  loading ??= createConv1dCore().then(createApi);
  return loading;
}

const UINT64_LIMIT = 1n << 64n;
const INT64_MIN = -(1n << 63n);

function createApi(core) {
  const tensor = tensorFactory(core.maxTensorElements);
  const toTensor = (value, name) => {
    if (value instanceof Tensor) return value;
    try {
      return tensor(value);
    } catch (error) {
      error.message = error.message.replace('tensor()', `argument '${name}'`);
      error.argument = name;
      throw error;
    }
  };
  // Layers a program forgets to delete() are freed when JS collects them.
  const registry = new FinalizationRegistry((handle) => handle.delete());
  let initialSeed = 67280421310721n;
  const seedState = () => ({ seed: initialSeed, draws: core.drawsSinceSeed() });
  const Conv1d = conv1dClass(core, toTensor, registry, seedState);
  internals.toTensor = toTensor;
  const { Activation, ReLU, Tanh, Sigmoid } = activationClasses(toTensor);
  const { MSELoss, L1Loss } = lossClasses(toTensor);
  const Sequential = sequentialClass(Conv1d, Activation, core, toTensor);
  const filled = (value, where, size) => {
    const shape = checkShape(size.length === 1 && Array.isArray(size[0]) ? size[0] : size, where, 'size');
    return tensor(new Float32Array(checkElementCount(shape, where, core.maxTensorElements)).fill(value), shape);
  };

  const random = (fill, where, size) => {
    const shape = checkShape(size.length === 1 && Array.isArray(size[0]) ? size[0] : size, where, 'size');
    const count = checkElementCount(shape, where, core.maxTensorElements);
    return withHeapFloats(core, count, (pointer) => {
      fill(pointer, count);
      return tensor(core.HEAPF32.slice(pointer >> 2, (pointer >> 2) + count), shape);
    });
  };

  return Object.freeze({
    Tensor,
    Conv1d,
    Sequential,
    ReLU,
    Tanh,
    Sigmoid,
    MSELoss,
    L1Loss,
    optim: Object.freeze({ SGD, Adam }),
    tensor,
    /**
     * Like torch.manual_seed: resets the global generator. Any integer from -2^63 to 2^64-1 (Number
     * or BigInt); torch keeps its low 32 bits.
     */
    manualSeed(seed) {
      let value;
      if (typeof seed === 'bigint') value = seed;
      else if (typeof seed === 'number' && Number.isInteger(seed)) value = BigInt(seed);
      else throw new TypeError(`manualSeed(): argument 'seed' must be an integer, but got ${describe(seed)}`);
      if (value < INT64_MIN || value >= UINT64_LIMIT) {
        throw new RangeError("manualSeed(): argument 'seed' overflows: Overflow when unpacking long");
      }
      const wrapped = BigInt.asUintN(64, value);
      core.manualSeed(Number(wrapped & 0xffffffffn), Number(wrapped >> 32n));
      initialSeed = wrapped;
    },
    /** torch.rand: uniform [0, 1) from the global generator, e.g. `rand(2, 3)` or `rand([2, 3])`. */
    rand(...size) { return random(core.fillRand, 'rand()', size); },
    /**
     * torch.randn: standard normal from the global generator, bit for bit as torch computes it on x86 (its
     * AVX2 kernels), drawing exactly as torch does, so layers built afterwards get torch's weights.
     */
    randn(...size) { return random(core.fillRandn, 'randn()', size); },
    /** torch.zeros: `zeros(2, 3)` or `zeros([2, 3])`. */
    zeros(...size) { return filled(0, 'zeros()', size); },
    /** torch.ones: `ones(2, 3)` or `ones([2, 3])`. */
    ones(...size) { return filled(1, 'ones()', size); },
    /** The seed last given to manualSeed (torch.initial_seed), as a BigInt. */
    initialSeed() { return initialSeed; },
    /** 32-bit values drawn from the global generator since the last manualSeed: with initialSeed(), where it stands. */
    drawsSinceSeed() { return core.drawsSinceSeed(); },
    /** WebAssembly memory in use by the allocator, and the heap's current size, in bytes. */
    memory() { return { allocatedBytes: core.heapBytesInUse(), heapBytes: core.HEAPU8.length }; },
    /** The largest tensor (in elements) the library accepts. */
    maxTensorElements: core.maxTensorElements,
  });
}
