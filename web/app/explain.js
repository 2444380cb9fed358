// The breakdown of one selected output element, asked of the package where the layers live (main thread or
// worker). No DOM and no convolution math: the terms, the receptive fields and the influencing inputs all come
// from the core; this module only picks the element and packs plain, structured-clonable data.
//
// An element can read millions of terms and its window can span millions of padded positions, so what is
// packed is bounded, as PyTorch's print summarises a tensor: the terms the formula writes (the first and last
// EDGE taps of the channels it shows), the strip's columns (the window's two ends and the selected output's
// neighbourhood, exact) and the ends of the influencing positions. Totals say what was left out.

import { PRINT_OPTIONS } from '../lib/format.js';

// Up to this many terms an explanation is kept whole (the formula can then unfold every channel). Each written term
// is about eight elements, so this is as many as the editable tables' 256 cells cost to lay out.
export const FULL_TERMS = 256;
// Taps written at each end of a summarised channel, as PyTorch's edgeitems.
export const EDGE = PRINT_OPTIONS.edgeitems;
// Channel groups written before the middle ones are folded: the first FOLD - 2 and the last.
export const FOLD = 8;
// Padded positions the strip shows at most, in up to three runs when the window is wider than that.
export const STRIP_COLUMNS = 33;
// Influencing positions kept whole up to this many; beyond it the first and last half of it.
const INFLUENCE_KEPT = 1024;

/** { batched, n, c, len } of an (N, C, L) or unbatched (C, L) shape. */
export const sizesOf = (shape) => {
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

/**
 * The channel groups the formula writes (indices into the group's channels, in order): all of them up to FOLD,
 * else the first FOLD - 2 and the last (expanded: all, when the explanation is whole).
 */
export function shownChannels(count, expanded = false) {
  if (count <= FOLD || expanded) return Array.from({ length: count }, (_, i) => i);
  return [...Array.from({ length: FOLD - 2 }, (_, i) => i), count - 1];
}

/**
 * The padded positions the strip shows, ascending, as runs [from, to]: all of a short padded input; a block of
 * STRIP_COLUMNS around a window that fits in it; else the window's start, the selected output's neighbourhood
 * (its centre) and the window's end, 11 columns each.
 */
export function stripRuns(paddedLength, lo, hi, centre) {
  const last = paddedLength - 1;
  if (paddedLength <= STRIP_COLUMNS) return [[0, last]];
  if (hi - lo + 5 <= STRIP_COLUMNS) {
    const from = Math.max(0, Math.min(paddedLength - STRIP_COLUMNS, Math.round((lo + hi) / 2 - STRIP_COLUMNS / 2)));
    return [[from, from + STRIP_COLUMNS - 1]];
  }
  const third = Math.floor(STRIP_COLUMNS / 3);
  const runs = [];
  for (const [a, b] of [[lo - 2, lo + third - 3], [centre - (third >> 1), centre + (third >> 1)], [hi - third + 3, hi + 2]]) {
    const from = Math.max(0, a);
    const to = Math.min(last, b);
    const prev = runs[runs.length - 1];
    if (prev && from <= prev[1] + 1) prev[1] = Math.max(prev[1], to);
    else if (from <= to) runs.push([from, to]);
  }
  return runs;
}

/** The strip's columns and where each padded one reads from (null when the padding cannot apply). */
function stripColumns(m, x, plan, lo, hi, centre) {
  const runs = stripRuns(plan.paddedLength, lo, hi, centre);
  let sources = null;
  try {
    const length = x.shape[x.shape.length - 1];
    sources = runs.map(([a, b]) => m.paddedSources(length, a, b + 1));
  } catch {
    // the padding cannot apply: forward has already reported why
  }
  return { runs, sources };
}

/** The first and last half of INFLUENCE_KEPT positions when there are more. */
function keepEnds(list) {
  if (list.length <= INFLUENCE_KEPT) return Array.from(list);
  const half = INFLUENCE_KEPT / 2;
  return [...Array.from(list.slice(0, half)), ...Array.from(list.slice(list.length - half))];
}

/**
 * The terms kept: every one of a whole explanation (up to FULL_TERMS); else, of the shown channels' terms (all
 * the core listed), the first and last EDGE taps, those under the strip's columns and those reading the first or
 * last EDGE input positions (the ones a summarised input table shows, marked there as read).
 */
function keepTerms(terms, whole, taps, runs, length) {
  if (whole) return terms;
  const underStrip = (p) => runs.some(([a, b]) => p >= a && p <= b);
  const atEdge = (source) => source >= 0 && (source < EDGE || source >= length - EDGE);
  return terms.filter(({ tap, paddedPosition, source }) =>
    tap < EDGE || tap >= taps - EDGE || underStrip(paddedPosition) || atEdge(source));
}

/**
 * { at, terms, termCount, channelCount, tapCount, window, bias, value, group, firstInChannel, strip, fields,
 * influencing, influencingCount, error } for state.sel, or null. terms: those kept (see keepTerms), in the core's
 * order (by input channel, then tap); window: the padded positions of the first and last tap; strip: { runs,
 * sources } (sources parallel to runs, null when unknown). Never throws: a failure is reported in `error` so the
 * rest of the page keeps working.
 */
export function explainSelection(engine, state, result) {
  const at = resolveSelection(state.sel, result);
  if (!at) return null;
  const out = { at, terms: [], termCount: 0, channelCount: 0, tapCount: 0, window: null, bias: null, value: null, group: 0,
    firstInChannel: 0, strip: null, fields: [], influencing: [], influencingCount: 0, error: null };
  try {
    const m = engine.layers[at.layer];
    const x = engine.inputs?.[at.layer];
    const plan = result.layers[at.layer]?.plan;
    if (!m || !x || !plan) throw new Error('this layer was not computed');
    const channelCount = m.inChannels / m.groups;
    const tapCount = m.kernelSize;
    // Past FULL_TERMS the core lists only the channels the formula shows (the value still sums them all).
    const whole = channelCount * tapCount <= FULL_TERMS;
    const e = m.explain(x, at.n, at.c, at.t, whole ? {} : { channels: shownChannels(channelCount) });
    const terms = e.terms;
    // The core lists each channel's taps in order, so the window is the first channel's first and last tap.
    const lo = terms[0].paddedPosition;
    const hi = terms[tapCount - 1].paddedPosition;
    const centre = at.t * m.stride + Math.floor((hi - lo) / 2);
    const strip = stripColumns(m, x, plan, lo, hi, centre);
    Object.assign(out, { terms: keepTerms(terms, whole, tapCount, strip.runs, x.shape[x.shape.length - 1]), termCount: e.termCount, channelCount, tapCount,
      window: { lo, hi }, bias: e.bias, value: e.value, group: e.group, firstInChannel: e.firstInChannel, strip });
    // All layers' fields for the per-layer table; influencing inputs through the layers up to the selected one.
    out.fields = receptiveFields(engine, result.layers.length - 1).map((f) => ({ size: f.size, jump: f.jump, start: f.start }));
    const stack = new engine.nn.Sequential(engine.layers.slice(0, at.layer + 1));
    const influencing = stack.influencingInputs(result.input.shape, at.layer, at.t);
    out.influencingCount = influencing.length;
    out.influencing = keepEnds(influencing);
  } catch (error) {
    out.error = error instanceof Error ? error.message : String(error);
  }
  return out;
}
