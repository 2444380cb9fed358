// The padded input of the selected layer as a strip of cells, the kernel window over it (taps, dilation gaps,
// padding with its value and origin) and the output row filling in underneath. Built from the core's
// explanation and the plan's padding; it only places and formats numbers.
import { v as h } from '../dom.js';
import { formatValue } from '../../lib/format.js';

const MAX_ROWS = 4; // input channels drawn; the formula lists them

const sizes = (shape) => {
  const batched = shape.length === 3;
  return { batched, c: batched ? shape[1] : shape[0], len: shape[shape.length - 1] };
};

/** Padded positions of the window's taps for the caption: all of a short kernel, else its ends. */
function tapsText({ lo, hi }, count, dilation) {
  const at = (j) => lo + j * dilation;
  if (count <= 8) return Array.from({ length: count }, (_, j) => at(j)).join(', ');
  return `${at(0)}, ${at(1)}, ${at(2)}, …, ${at(count - 3)}, ${at(count - 2)}, ${hi} (${count} taps)`;
}

/**
 * ex: the explanation (its strip: the runs of padded positions shown and their sources); input: { shape, data }
 * the selected layer read; output: its output; plan: padLeft, paddedLength, outLength; args: { stride,
 * dilation, kernel, mode }; known: Map of padded cells seen so far ("ch:p" → { input, source }), used when the
 * sources are unknown; filling: outputs after t are blank (the animation's "filling in").
 */
export function stripView({ ex, input, output, plan, args, known, filling }) {
  const { at } = ex;
  const inS = sizes(input.shape);
  const outS = sizes(output.shape);
  const P = plan.paddedLength;
  const { lo, hi } = ex.window;
  const span = hi - lo; // dilation * (kernel - 1)
  // Columns: padded positions, null for the '…' between runs (and before or after them).
  const { runs } = ex.strip;
  const cols = [];
  const sourceOf = new Map();
  if (runs[0][0] > 0) cols.push(null);
  runs.forEach(([a, b], r) => {
    if (r > 0) cols.push(null);
    for (let p = a; p <= b; p += 1) {
      cols.push(p);
      if (ex.strip.sources) sourceOf.set(p, ex.strip.sources[r][p - a]);
    }
  });
  if (runs[runs.length - 1][1] < P - 1) cols.push(null);
  const tapAt = new Map(); // "ch:p" → term
  for (const term of ex.terms) tapAt.set(`${term.inChannel}:${term.paddedPosition}`, term);
  const drawn = Array.from({ length: Math.min(MAX_ROWS, ex.channelCount) }, (_, i) => ex.firstInChannel + i);
  const gap = (cell, text = '…') => h(cell, { class: 'more', text });

  const head = h('tr', null, h('th', { scope: 'col', class: 'strip-corner', text: 'position' }),
    cols.map((p) => {
      if (p === null) return gap('th');
      const t = p - plan.padLeft;
      const real = t >= 0 && t < inS.len;
      return h('th', { scope: 'col', class: `${real ? '' : 'pad'}${p >= lo && p <= hi ? ' in-window' : ''}`,
        title: `padded position ${p}`, text: real ? String(t) : 'pad' });
    }));

  const rows = drawn.map((ch) => {
    const i = ch - ex.firstInChannel;
    const base = ((inS.batched ? at.n * inS.c : 0) + ch) * inS.len;
    return h('tr', { class: 'strip-in', dataset: { ch } },
      h('th', { scope: 'row', text: `x[${inS.batched ? `${at.n},` : ''}${ch},·]`, title: `input channel ${ch} (weight index ${i})` }),
      cols.map((p) => {
        if (p === null) return gap('td');
        const t = p - plan.padLeft;
        const real = t >= 0 && t < inS.len;
        const term = tapAt.get(`${ch}:${p}`);
        // A padded cell's value and origin: from the core's paddedSources (every cell), else from the terms
        // met so far.
        const source = real ? undefined : sourceOf.get(p);
        const seen = term ?? (source !== undefined
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
      }));
  });

  // Output t sits under the centre of its window: padded position t*stride + span/2.
  const half = Math.floor(span / 2);
  const outputAt = (p) => {
    const t = (p - half) / args.stride;
    return Number.isInteger(t) && t >= 0 && t < outS.len ? t : undefined;
  };
  const outBase = ((outS.batched ? at.n * outS.c : 0) + at.c) * outS.len;
  const outRow = h('tr', { class: 'strip-out' },
    h('th', { scope: 'row', text: `out[${outS.batched ? `${at.n},` : ''}${at.c},·]` }),
    cols.map((p) => {
      if (p === null) return gap('td', '');
      const t = outputAt(p);
      if (t === undefined) return h('td', { class: 'empty' });
      const future = filling && t > at.t;
      return h('td', { class: `out${t === at.t ? ' current' : ''}${future ? ' future' : ''}`, dataset: { t },
        title: `out[${at.batched ? `${at.n},` : ''}${at.c},${t}]` },
      h('span', { class: 'v', text: future ? '·' : formatValue(output.data[outBase + t]) }),
      h('span', { class: 'origin', text: `t=${t}` }));
    }));

  const note = ex.channelCount > drawn.length
    ? h('p', { class: 'hint', text: `Showing ${drawn.length} of the ${ex.channelCount} input channels this output reads; the sum below adds them all.` }) : null;
  const captionText = [
    `Padded input (padding ${plan.padLeft} left, ${plan.paddedLength - plan.padLeft - inS.len} right, ${args.mode}) with the kernel window of out[…, ${at.t}]: `,
    `its taps sit on padded positions ${tapsText(ex.window, ex.tapCount, args.dilation)}`, args.dilation > 1 ? ` (${args.dilation} apart: dilation ${args.dilation})` : '',
    `; each next output moves the window ${args.stride} position${args.stride === 1 ? '' : 's'} (stride ${args.stride}).`,
    runs.length > 1 ? ' The strip shows both ends of the window and the middle, where this output sits.' : ''].join('');
  // The caption is read with the table; the same words show under the scroller so they never scroll away.
  const caption = h('caption', { class: 'sr-only', text: captionText });
  return h('div', { class: 'strip-wrap' },
    h('div', { class: 'strip-scroll', tabindex: '0', role: 'group', 'aria-label': 'Kernel window over the padded input' },
      h('table', { class: 'strip' }, caption, h('thead', null, head), h('tbody', null, rows, outRow))),
    h('p', { class: 'strip-caption', 'aria-hidden': 'true', text: captionText }),
    note);
}
