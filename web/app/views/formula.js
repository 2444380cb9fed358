// The written formula of one output element: every term with its real numbers, grouped by input channel, then
// the bias and the value the core computed. Formatting only: the terms and the value come from the core's
// explain(); this module never adds or multiplies anything.
import { v as h } from '../dom.js';
import { formatValue } from '../../lib/format.js';

const MAX_CHANNELS = 8; // channel groups written out before the middle ones are folded (a button unfolds them)

/** Index text: [n, c, t] for batched tensors, [c, t] for unbatched ones. */
export const idx = (batched, n, ...rest) => (batched ? [n, ...rest] : rest).join(', ');
const tight = (batched, n, ...rest) => (batched ? [n, ...rest] : rest).join(',');

/** Label of one term's input: x[n,c,t], or the zero of zero-padding. */
function inputSymbol(term, at, mode) {
  if (term.padded && term.source < 0) return '0';
  return `x[${tight(at.batched, at.n, term.inChannel, term.source)}]`;
}

/** Plain-text formula (for screen readers, the copy button and the tests). */
export function formulaText(ex, mode) {
  const { at } = ex;
  const groups = groupTerms(ex.terms);
  const sym = groups.map((g) => `(${g.terms.map((t) => `w[${at.c},${t.inChannel - ex.firstInChannel},${t.tap}]·${inputSymbol(t, at, mode)}`).join(' + ')})`);
  const num = groups.map((g) => `(${g.terms.map((t) => `${formatValue(t.weight)}·${formatValue(t.input)}`).join(' + ')})`);
  if (ex.bias !== null) {
    sym.push(`b[${at.c}]`);
    num.push(formatValue(ex.bias));
  }
  const lhs = `out[${idx(at.batched, at.n, at.c, at.t)}]`;
  return { symbols: `${lhs} = ${sym.join(' + ')} = ${formatValue(ex.value)}`, numbers: `${lhs} = ${num.join(' + ')} = ${formatValue(ex.value)}` };
}

export function groupTerms(terms) {
  const groups = [];
  for (const term of terms) {
    let g = groups[groups.length - 1];
    if (!g || g.channel !== term.inChannel) {
      g = { channel: term.inChannel, terms: [] };
      groups.push(g);
    }
    g.terms.push(term);
  }
  return groups;
}

const MODE_VERB = { reflect: 'reflects', replicate: 'replicates', circular: 'wraps around to' };

function termEl(term, ex, mode, onHover) {
  const { at } = ex;
  const i = term.inChannel - ex.firstInChannel;
  const zero = term.padded && term.source < 0;
  const title = term.padded
    ? (zero ? `Padded position ${term.paddedPosition}: zero padding puts 0 here.`
      : `Padded position ${term.paddedPosition}: ${mode} padding ${MODE_VERB[mode] ?? 'copies'} x[${tight(at.batched, at.n, term.inChannel, term.source)}] = ${formatValue(term.input)}.`)
    : `w[${at.c},${i},${term.tap}] = ${term.weight}, x[${tight(at.batched, at.n, term.inChannel, term.source)}] = ${term.input}`;
  const el = h('span', {
    class: `term${term.padded ? ' padded' : ''}`, title,
    dataset: { ch: term.inChannel, tap: term.tap, weight: String(term.weight), input: String(term.input), p: term.paddedPosition },
    onmouseenter: onHover ? () => onHover(term) : undefined,
    onmouseleave: onHover ? () => onHover(null) : undefined,
  },
  h('span', { class: 't-sym' }, h('span', { class: 'w-sym', text: `w[${at.c},${i},${term.tap}]` }), '·',
    h('span', { class: 'x-sym', text: inputSymbol(term, at, mode) }),
    term.padded ? h('span', { class: 'pad-tag', text: zero ? 'pad' : mode }) : null),
  h('span', { class: 't-num' }, h('span', { class: 'w-num', text: formatValue(term.weight) }), h('span', { class: 'times', text: '×' }),
    h('span', { class: 'x-num', text: formatValue(term.input) })));
  return el;
}

const plus = () => h('span', { class: 'op', 'aria-hidden': 'true', text: '+' });

/**
 * The formula as virtual nodes (dom.js v(), drawn with patchVirtual). options: mode (padding_mode), expanded (show every channel group), onExpand,
 * onHover(term|null) to link a term with the strip.
 */
export function formulaView(ex, { mode, expanded = false, onExpand, onHover, shownValue }) {
  const { at } = ex;
  const groups = groupTerms(ex.terms);
  let shown = groups;
  let folded = null;
  if (!expanded && groups.length > MAX_CHANNELS) {
    shown = [...groups.slice(0, MAX_CHANNELS - 2), null, groups[groups.length - 1]];
    const hidden = groups.slice(MAX_CHANNELS - 2, -1);
    folded = h('button', { type: 'button', class: 'fold', onclick: onExpand,
      text: `… ${hidden.length} more channels (${hidden.reduce((a, g) => a + g.terms.length, 0)} terms) …`,
      'aria-label': `Show all ${ex.terms.length} terms` });
  }
  const parts = [];
  shown.forEach((g, k) => {
    if (k > 0) parts.push(plus());
    if (g === null) {
      parts.push(folded);
      return;
    }
    const terms = [];
    g.terms.forEach((t, j) => {
      if (j > 0) terms.push(plus());
      terms.push(termEl(t, ex, mode, onHover));
    });
    parts.push(h('span', { class: 'f-group', dataset: { ch: g.channel } },
      h('span', { class: 'f-group-label', text: `in ch ${g.channel}` }),
      h('span', { class: 'paren', text: '(' }), terms, h('span', { class: 'paren', text: ')' })));
  });
  if (ex.bias !== null) {
    parts.push(plus(), h('span', { class: 'term bias', dataset: { bias: String(ex.bias) }, title: `b[${at.c}] = ${ex.bias}` },
      h('span', { class: 't-sym', text: `b[${at.c}]` }), h('span', { class: 't-num', text: formatValue(ex.bias) })));
  }
  const text = formulaText(ex, mode);
  return h('div', { class: 'formula-block' },
    h('p', { class: 'formula-main' },
      h('span', { class: 'lhs', text: `out[${idx(at.batched, at.n, at.c, at.t)}]` }),
      h('span', { class: 'op eq', text: '=' }),
      h('span', { class: 'formula-terms' }, parts),
      h('span', { class: 'op eq', text: '=' }),
      h('output', { class: 'formula-value', dataset: { value: String(ex.value) }, text: formatValue(ex.value) })),
    shownValue !== undefined && shownValue !== formatValue(ex.value)
      ? h('p', { class: 'field-error', text: `The output table shows ${shownValue}.` }) : null,
    h('details', { class: 'formula-plain' }, h('summary', { text: 'As plain text' }),
      h('pre', null, h('code', { text: `${text.symbols}\n${text.numbers}` }))));
}
