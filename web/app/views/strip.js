// The padded input of the selected layer as a strip of cells, the kernel window over it (taps, dilation gaps,
// padding with its value and origin) and the output row filling in underneath. Built from the core's
// explanation and the plan's padding; it only places and formats numbers.
import { v as h } from '../dom.js';
import { formatValue } from '../../lib/format.js';

const MAX_COLUMNS = 33; // padded positions shown around the window (a long input scrolls inside a window of them)
const MAX_ROWS = 4; // input channels drawn; the formula lists every one

const sizes = (shape) => {
  const batched = shape.length === 3;
  return { batched, c: batched ? shape[1] : shape[0], len: shape[shape.length - 1] };
};

/**
 * ex: the explanation; input: { shape, data } the selected layer read; output: its output; plan: padLeft,
 * paddedLength, outLength; args: { stride, dilation, kernel, mode }; known: Map of padded cells seen so far
 * ("ch:p" → { input, source }), used when ex.paddedSources is missing; filling: outputs after t are blank (the
 * animation's "filling in").
 */
export function stripView({ ex, input, output, plan, args, known, filling }) {
  const { at } = ex;
  const inS = sizes(input.shape);
  const outS = sizes(output.shape);
  const P = plan.paddedLength;
  const taps = ex.terms.filter((t) => t.inChannel === ex.firstInChannel).map((t) => t.paddedPosition);
  const lo = Math.min(...taps);
  const hi = Math.max(...taps);
  const span = hi - lo; // dilation * (kernel - 1)
  let from = 0;
  let to = P - 1;
  if (P > MAX_COLUMNS) {
    const width = Math.max(MAX_COLUMNS, span + 5);
    from = Math.max(0, Math.min(P - width, Math.round((lo + hi) / 2 - width / 2)));
    to = Math.min(P - 1, from + width - 1);
  }
  const cols = [];
  for (let p = from; p <= to; p += 1) cols.push(p);
  const tapAt = new Map(); // "ch:p" → term
  for (const term of ex.terms) tapAt.set(`${term.inChannel}:${term.paddedPosition}`, term);
  const channels = [...new Set(ex.terms.map((t) => t.inChannel))];
  const drawn = channels.slice(0, MAX_ROWS);

  const head = h('tr', null, h('th', { scope: 'col', class: 'strip-corner', text: 'position' }),
    from > 0 ? h('th', { class: 'more', text: '…' }) : null,
    cols.map((p) => {
      const t = p - plan.padLeft;
      const real = t >= 0 && t < inS.len;
      return h('th', { scope: 'col', class: `${real ? '' : 'pad'}${p >= lo && p <= hi ? ' in-window' : ''}`,
        title: `padded position ${p}`, text: real ? String(t) : 'pad' });
    }),
    to < P - 1 ? h('th', { class: 'more', text: '…' }) : null);

  const rows = drawn.map((ch) => {
    const i = ch - ex.firstInChannel;
    const base = ((inS.batched ? at.n * inS.c : 0) + ch) * inS.len;
    return h('tr', { class: 'strip-in', dataset: { ch } },
      h('th', { scope: 'row', text: `x[${inS.batched ? `${at.n},` : ''}${ch},·]`, title: `input channel ${ch} (weight index ${i})` }),
      from > 0 ? h('td', { class: 'more', text: '…' }) : null,
      cols.map((p) => {
        const t = p - plan.padLeft;
        const real = t >= 0 && t < inS.len;
        const term = tapAt.get(`${ch}:${p}`);
        // A padded cell's value and origin: from the core's paddedSources (every cell), else from the terms
        // met so far.
        const source = real ? null : ex.paddedSources?.[p];
        const seen = term ?? (source !== undefined && source !== null
          ? { input: source >= 0 ? input.data[base + source] : 0, source } : known.get(`${ch}:${p}`));
        let value;
        let origin = null;
        if (real) value = formatValue(input.data[base + t]);
        else if (seen) {
          value = formatValue(seen.input);
          origin = seen.source >= 0 ? `from ${seen.source}` : 'zero';
        } else value = args.mode === 'zeros' ? '0.' : 'pad';
        const inWindow = p >= lo && p <= hi;
        const cls = [real ? 'real' : 'pad', term ? 'tap' : inWindow ? 'gap' : '', p === lo ? 'win-start' : '', p === hi ? 'win-end' : ''].filter(Boolean).join(' ');
        return h('td', { class: cls, dataset: { p },
          title: real ? `x[${at.batched ? `${at.n},` : ''}${ch},${t}]` : `padding (${args.mode})${seen ? (seen.source >= 0 ? `: copy of position ${seen.source}` : ': zero') : ': its value shows once an output reads it'}` },
        h('span', { class: 'v', text: value }),
        origin && origin !== 'zero' ? h('span', { class: 'origin', text: `↤${seen.source}` }) : null,
        term ? h('span', { class: 'wt', text: `×${formatValue(term.weight)}` }) : null);
      }),
      to < P - 1 ? h('td', { class: 'more', text: '…' }) : null);
  });

  // Output t sits under the centre of its window: padded position t*stride + span/2.
  const centre = (t) => t * args.stride + Math.floor(span / 2);
  const outBase = ((outS.batched ? at.n * outS.c : 0) + at.c) * outS.len;
  const byCol = new Map();
  for (let t = 0; t < outS.len; t += 1) {
    const p = centre(t);
    if (p > to) break;
    if (p >= from) byCol.set(p, t);
  }
  const outRow = h('tr', { class: 'strip-out' },
    h('th', { scope: 'row', text: `out[${outS.batched ? `${at.n},` : ''}${at.c},·]` }),
    from > 0 ? h('td', { class: 'more' }) : null,
    cols.map((p) => {
      const t = byCol.get(p);
      if (t === undefined) return h('td', { class: 'empty' });
      const future = filling && t > at.t;
      return h('td', { class: `out${t === at.t ? ' current' : ''}${future ? ' future' : ''}`, dataset: { t },
        title: `out[${at.batched ? `${at.n},` : ''}${at.c},${t}]` },
      h('span', { class: 'v', text: future ? '·' : formatValue(output.data[outBase + t]) }),
      h('span', { class: 'origin', text: `t=${t}` }));
    }),
    to < P - 1 ? h('td', { class: 'more' }) : null);

  const note = channels.length > drawn.length
    ? h('p', { class: 'hint', text: `Showing ${drawn.length} of the ${channels.length} input channels this output reads; the formula lists them all.` }) : null;
  const captionText = [
    `Padded input (padding ${plan.padLeft} left, ${plan.paddedLength - plan.padLeft - inS.len} right, ${args.mode}) with the kernel window of out[…, ${at.t}]: `,
    `its taps sit on padded positions ${taps.join(', ')}`, args.dilation > 1 ? ` (${args.dilation} apart: dilation ${args.dilation})` : '',
    `; each next output moves the window ${args.stride} position${args.stride === 1 ? '' : 's'} (stride ${args.stride}).`].join('');
  // The caption is read with the table; the same words show under the scroller so they never scroll away.
  const caption = h('caption', { class: 'sr-only', text: captionText });
  return h('div', { class: 'strip-wrap' },
    h('div', { class: 'strip-scroll', tabindex: '0', role: 'group', 'aria-label': 'Kernel window over the padded input' },
      h('table', { class: 'strip' }, caption, h('thead', null, head), h('tbody', null, rows, outRow))),
    h('p', { class: 'strip-caption', 'aria-hidden': 'true', text: captionText }),
    note);
}
