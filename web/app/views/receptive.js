// Receptive field through the stack: the per-layer size and jump (from the core's receptiveFields()) with the
// recurrence written out in each layer's own numbers, and the original-input region and positions that the
// selected output reads (the core's influencingInputs()).
import { v as h } from '../dom.js';

function runsOf(list) {
  const runs = [];
  for (const p of list) {
    const last = runs[runs.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else runs.push([p, p]);
  }
  return runs;
}
const runText = ([a, b]) => (a === b ? String(a) : `${a}–${b}`);

/** Consecutive runs: [1,2,3,7,9] → "1–3, 7, 9". */
export function runsText(list, max = 24) {
  const runs = runsOf(list);
  const text = runs.slice(0, max).map(runText);
  if (runs.length > max) text.push(`… (${runs.length - max} more runs)`);
  return text.join(', ');
}

/** The runs of the ends of a longer list (explain.js keeps its first and last half): the first and last few. */
function endsText(list) {
  const half = list.length / 2;
  const head = runsOf(list.slice(0, half)).slice(0, 8).map(runText);
  const tail = runsOf(list.slice(half)).slice(-3).map(runText);
  return `${head.join(', ')}, …, ${tail.join(', ')}`;
}

/**
 * ex: explanation (fields, influencing, at); layers: each layer's options as the engine read them (their
 * kernel_size, stride, dilation fill in the formula); inputLength: L of the original input.
 */
export function receptiveView({ ex, layers, inputLength }) {
  const fields = ex.fields;
  const k = ex.at.layer;
  const f = fields[k];
  const rows = fields.map((field, i) => {
    const l = layers[i];
    const prev = i === 0 ? { size: 1, jump: 1 } : fields[i - 1];
    const { kernel_size: ks, dilation: d, stride: s } = l;
    return h('tr', { class: i === k ? 'current' : i > k ? 'later' : '' },
      h('th', { scope: 'row', text: `Layer ${i + 1}` }),
      h('td', { text: `${ks}, ${s}, ${d}` }),
      h('td', { class: 'num', text: String(field.size) }),
      h('td', { class: 'num', text: String(field.jump) }),
      h('td', { class: 'rf-formula' },
        h('code', { text: `r${i + 1} = ${prev.size} + (${ks} − 1)·${d}·${prev.jump} = ${field.size}` }),
        h('code', { text: `j${i + 1} = ${prev.jump}·${s} = ${field.jump}` })));
  });
  const table = h('div', { class: 'table-scroll', tabindex: '0', role: 'group', 'aria-label': 'Receptive field per layer' }, h('table', { class: 'tensor-table rf-table' },
    h('caption', { text: 'Receptive field per layer: r = size, j = jump (input positions between neighbouring outputs)' }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'layer' }), h('th', { scope: 'col', text: 'k, s, d' }),
      h('th', { scope: 'col', text: 'size r' }), h('th', { scope: 'col', text: 'jump j' }),
      h('th', { scope: 'col', text: 'rₖ = rₖ₋₁ + (k − 1)·d·jₖ₋₁,  jₖ = jₖ₋₁·s' }))),
    h('tbody', null, rows)));
  if (!f) return h('div', { class: 'rf' }, table);
  const t = ex.at.t;
  const first = f.start + t * f.jump;
  const last = first + f.size - 1;
  const clipped = first < 0 || last >= inputLength;
  const inRange = Math.min(last, inputLength - 1) - Math.max(first, 0) + 1;
  const count = ex.influencingCount;
  const positions = count > ex.influencing.length ? endsText(ex.influencing) : runsText(ex.influencing);
  const where = count
    ? `It actually reads ${count} of them: ${positions}${count < inRange ? ' — dilation and stride leave gaps' : ''}.`
    : 'It reads only padding.';
  const summary = h('p', { class: 'rf-summary' },
    h('strong', { text: `Layer ${k + 1}, position ${t}` }), ` sees original-input positions `,
    h('code', { class: 'rf-range', text: `${first} … ${last}` }), ` — start + t·jump = ${f.start} + ${t}·${f.jump} = ${first}, size ${f.size}`,
    clipped ? ` (positions outside 0 … ${inputLength - 1} are padding)` : '', '. ', where);
  return h('div', { class: 'rf' }, summary, table);
}
