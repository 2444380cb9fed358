// Random Conv1d configurations that PyTorch accepts, shared by the explain and export tests.
const MODES = ['zeros', 'reflect', 'replicate', 'circular'];

/** A small deterministic PRNG (the page's own), so every run tests the same configurations. */
export { mulberry32 as prng } from '../../web/app/generate.js';

export const pick = (random, list) => list[Math.floor(random() * list.length)];
export const int = (random, low, high) => low + Math.floor(random() * (high - low + 1));

/** { inChannels, outChannels, kernelSize, options } */
export function randomLayer(random, inChannels) {
  const groups = pick(random, [1, 1, 2]);
  const input = inChannels ?? groups * int(random, 1, 2);
  const g = input % groups === 0 ? groups : 1;
  const same = random() < 0.25;
  return {
    inChannels: input,
    outChannels: g * int(random, 1, 2),
    kernelSize: int(random, 1, 4),
    options: {
      stride: same ? 1 : int(random, 1, 3),
      padding: same ? 'same' : int(random, 0, 2),
      dilation: int(random, 1, 3),
      groups: g,
      bias: random() < 0.7,
      paddingMode: pick(random, MODES),
    },
  };
}

export function randomValues(random, count) {
  return Float32Array.from({ length: count }, () => Math.round((random() * 4 - 2) * 1000) / 1000);
}
