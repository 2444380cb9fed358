// What the package itself computes for a configuration, in Node: the browser tests compare the page with it.
import { load } from '../../web/lib/index.js';

/** layers: [[in, out, k, options], ...]; edits: optional [{ weight: [[idx, value]], bias: [[idx, value]] }]. */
export async function expectedOutput({ seed = 1, layers, input, edits = [] }) {
  const nn = await load();
  nn.manualSeed(seed);
  const built = layers.map((args) => new nn.Conv1d(...args));
  built.forEach((m, i) => {
    const e = edits[i];
    if (!e) return;
    if (e.weight) {
      const w = m.weight;
      for (const [idx, v] of e.weight) w.data[idx] = v;
      m.weight = w;
    }
    if (e.bias) {
      const b = m.bias;
      for (const [idx, v] of e.bias) b.data[idx] = v;
      m.bias = b;
    }
  });
  const seq = new nn.Sequential(built);
  const outputs = seq.forwardAll(input);
  const result = {
    outputs: outputs.map(String), output: String(outputs[outputs.length - 1]),
    weights: built.map((m) => String(m.weight)), biases: built.map((m) => (m.bias ? String(m.bias) : null)),
  };
  seq.delete();
  return result;
}
