// What the Train panel can ask a model to learn, and with which loss and optimizer. A preset is a teacher: the page's own architecture with known
// parameters, run on a training signal of its own (seeded noise, rich enough that the kernel is the only answer);
// a typed target is compared with the model's output on the page's input. No DOM here.
import { generateInput } from '../generate.js';

/** The targets, in the picker's order: { id: label }. */
export const TARGETS = Object.freeze({
  average: 'Learn a moving average',
  edge: 'Learn an edge detector',
  shift: 'Learn to shift by 2',
  teacher: 'Match a hidden teacher Conv1d',
  custom: 'A target tensor you type',
});

export const LOSSES = Object.freeze({ mse: 'MSE', l1: 'L1' });
export const OPTIMIZERS = Object.freeze({ sgd: 'SGD, momentum 0.9', adam: 'Adam' });

// Each kernel preset's taps for a kernel of k: every tap of each input channel the same, so that a channel
// average passes through.
const KERNELS = {
  average: (k) => Array(k).fill(1 / k),
  edge: (k) => Array.from({ length: k }, (_, j) => (k === 1 ? 1 : j === 0 ? -1 : j === k - 1 ? 1 : 0)),
  shift: (k) => Array.from({ length: k }, (_, j) => (j === Math.min(2, k - 1) ? 1 : 0)),
};

/** The teacher's seed for 'teacher': its own, so its weights are not the student's. */
export const TEACHER_SEED = 2024;
/** The training signal's length for presets, grown when a stack needs a longer input. */
export const SIGNAL_LENGTH = 32;
const SIGNAL_SEED = 'train';

/** The preset's kernel for a layer's weight shape [out, in/groups, k], as flat data, or null (teacher, custom). */
export function presetWeight(target, shape) {
  const taps = KERNELS[target]?.(shape[2]);
  if (!taps) return null;
  const [out, inner, k] = shape;
  const data = new Float32Array(out * inner * k);
  for (let o = 0; o < out; o++) {
    for (let i = 0; i < inner; i++) for (let j = 0; j < k; j++) data[(o * inner + i) * k + j] = taps[j] / inner;
  }
  return data;
}

/** A preset's training signal (1, channels, length): seeded noise in [-1, 1], the same on every visit. */
export function presetSignal(channels, length) {
  return generateInput('noise', { batch: 1, channels, length, batched: true }, SIGNAL_SEED);
}
