// The breakdown of one selected output element, asked of the package where the layers live (main thread or
// worker). No DOM and no convolution math: the terms, the receptive fields and the influencing inputs all come
// from the core; this module only picks the element and packs plain, structured-clonable data.

const sizesOf = (shape) => {
  const batched = shape.length === 3;
  return { batched, n: batched ? shape[0] : 1, c: batched ? shape[1] : shape[0], len: shape[shape.length - 1] };
};
const clamp = (v, hi) => Math.max(0, Math.min(hi - 1, Math.floor(Number(v) || 0)));

/**
 * The element to explain: state.sel clamped into the output it names, or (no selection) the first element of
 * the last layer that has an output. null when no layer has an output.
 */
export function resolveSelection(sel, result) {
  const layers = result?.layers ?? [];
  let k = sel ? Math.min(sel.layer, layers.length - 1) : layers.length - 1;
  while (k >= 0 && !layers[k]?.output) k -= 1;
  if (k < 0) return null;
  const shape = layers[k].output.shape;
  const size = sizesOf(shape);
  if (!size.n || !size.c || !size.len) return null;
  const pick = sel && sel.layer === k ? sel : { n: 0, c: 0, t: 0 };
  return { layer: k, n: clamp(pick.n, size.n), c: clamp(pick.c, size.c), t: clamp(pick.t, size.len), batched: size.batched,
    implicit: !sel || sel.layer !== k };
}

/** Receptive fields of the leading layers that could be built ({ size, jump, start } per layer). */
function receptiveFields(engine, upTo) {
  const built = [];
  for (let i = 0; i <= upTo; i += 1) {
    if (!engine.layers[i]) break;
    built.push(engine.layers[i]);
  }
  if (!built.length) return [];
  return engine.nn.Sequential ? new engine.nn.Sequential(built).receptiveFields() : [];
}

/** For each padded position of the layer's input, the input index it reads or -1 (a zero); null if unknown. */
function paddedSources(m, x) {
  try {
    return Array.from(m.paddedSources(x.shape[x.shape.length - 1]));
  } catch {
    return null; // the padding cannot apply: forward has already reported why
  }
}

/**
 * { at, terms, bias, value, group, firstInChannel, paddedSources, fields, influencing, error } for state.sel,
 * or null. paddedSources lets the strip show every padding cell's value and origin, not only those read so far.
 * Never throws: a failure is reported in `error` so the rest of the page keeps working.
 */
export function explainSelection(engine, state, result) {
  const at = resolveSelection(state.sel, result);
  if (!at) return null;
  const out = { at, terms: [], bias: null, value: null, group: 0, firstInChannel: 0, paddedSources: null, fields: [], influencing: [], error: null };
  try {
    const m = engine.layers[at.layer];
    const x = engine.inputs?.[at.layer];
    if (!m || !x) throw new Error('this layer was not computed');
    const e = m.explain(x, at.n, at.c, at.t);
    Object.assign(out, { terms: e.terms, bias: e.bias, value: e.value, group: e.group, firstInChannel: e.firstInChannel,
      paddedSources: paddedSources(m, x) });
    // All layers' fields for the per-layer table; influencing inputs through the layers up to the selected one.
    out.fields = receptiveFields(engine, result.layers.length - 1).map((f) => ({ size: f.size, jump: f.jump, start: f.start }));
    const stack = new engine.nn.Sequential(engine.layers.slice(0, at.layer + 1));
    out.influencing = Array.from(stack.influencingInputs(result.input.shape, at.layer, at.t));
  } catch (error) {
    out.error = error instanceof Error ? error.message : String(error);
  }
  return out;
}
