// Shared loader for the PyTorch fixtures in tests/golden (written by tests/golden/generate.py).
import { readFileSync } from 'node:fs';

export function fixture(name) {
  const text = readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8');
  // Seeds reach 2^64 - 1: keep them exact as BigInts (a JSON number would round to a double).
  return JSON.parse(text.replace(/"seed":(-?\d+)/g, '"seed":"$1"'), (key, value) => (key === 'seed' ? BigInt(value) : value));
}

/** The JS API's options for a fixture layer. */
export function layerOptions(layer) {
  return {
    stride: layer.stride, padding: layer.padding, dilation: layer.dilation, groups: layer.groups,
    bias: layer.bias, paddingMode: layer.padding_mode,
  };
}

export function bitsOf(tensor) {
  return Array.from(new Uint32Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.length));
}

/** Elementwise |a - b| <= atol + rtol * |b|; returns the first offending index, or -1. */
export function firstMismatch(actual, expected, rtol = 1e-4, atol = 1e-5) {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (Number.isNaN(b) ? !Number.isNaN(a) : Math.abs(a - b) > atol + rtol * Math.abs(b)) return i;
  }
  return -1;
}
