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

/**
 * The package's explanation of one output element of one Conv1d(...args) built after manualSeed(seed): the float32
 * weights and inputs of its terms, the bias and the value ({ terms: [{ weight, input }], bias, value }).
 */
export async function expectedExplanation({ seed = 1, args, input, at: [n, c, t] }) {
  const nn = await load();
  nn.manualSeed(seed);
  const m = new nn.Conv1d(...args);
  const e = m.explain(input, n, c, t);
  m.delete();
  return { terms: e.terms.map(({ weight, input: x }) => ({ weight, input: x })), bias: e.bias, value: e.value };
}
