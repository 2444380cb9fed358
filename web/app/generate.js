// Input generators: ramp, sine, step, impulse and seeded noise, as nested arrays (N, C, L) or (C, L).
// Values are rounded to 4 decimals so the text the page shows is exactly the data it feeds the layers.

const round4 = (x) => Math.round(x * 1e4) / 1e4;

// mulberry32: a small, well-known 32-bit PRNG; the noise only needs to be reproducible from the seed.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** kind: ramp | sine | step | impulse | noise. seed: the page's seed (text), used by noise. */
export function generateInput(kind, { batch, channels, length, batched }, seed = '1') {
  const value = {
    ramp: (c, t) => t + 1, // the tutorial's [1, 2, 3, 4, 5]
    sine: (c, t) => round4(Math.sin((2 * Math.PI * 2 * t) / length + (c * Math.PI) / 4)),
    step: (c, t) => (t >= Math.floor(length / 2) ? 1 : 0),
    impulse: (c, t) => (t === Math.floor(length / 2) ? 1 : 0),
  }[kind];
  let random = null;
  if (kind === 'noise') {
    let s = 0;
    for (const ch of String(seed)) s = (Math.imul(s, 31) + ch.charCodeAt(0)) >>> 0;
    random = mulberry32(s);
  }
  const sample = (c, t) => (random ? round4(random() * 2 - 1) : value(c, t));
  const oneBatch = () => Array.from({ length: channels }, (_, c) => Array.from({ length }, (_, t) => sample(c, t)));
  return batched ? Array.from({ length: batch }, oneBatch) : oneBatch();
}
