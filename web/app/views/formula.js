// The written formula of one output element: its terms with their real numbers, grouped by input channel, then
// the bias and the value the core computed. Formatting only: the terms and the value come from the core's
// explain(); this module never adds or multiplies anything. A long formula is summarised as PyTorch prints a
// tensor: the first and last taps of each channel written, the middle channels folded, '…' saying how many terms
// each gap leaves out (explain.js keeps just these terms of a large explanation).
import { v as h } from '../dom.js';
import { formatValue } from '../../lib/format.js';
import { EDGE, shownChannels } from '../explain.js';

/** Index text: [n, c, t] for batched tensors, [c, t] for unbatched ones. */
export const idx = (batched, n, ...rest) => (batched ? [n, ...rest] : rest).join(', ');
const tight = (batched, n, ...rest) => (batched ? [n, ...rest] : rest).join(',');

/** Label of one term's input: x[n,c,t], or the zero of zero-padding. */
function inputSymbol(term, at, mode) {
  if (term.padded && term.source < 0) return '0';
  return `x[${tight(at.batched, at.n, term.inChannel, term.source)}]`;
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

/**
 * What the formula writes, in order: { channel, items } per channel group (items: terms, and { gap: n } for n
 * terms left out), and { fold: { channels, terms } } where channel groups are folded. expanded: every channel
 * group of a whole explanation.
 */
export function formulaLayout(ex, expanded = false) {
  const whole = ex.terms.length === ex.termCount;
  const groups = groupTerms(ex.terms);
  const indices = shownChannels(ex.channelCount, expanded && whole);
  const parts = [];
  indices.forEach((index, k) => {
    if (k > 0 && index > indices[k - 1] + 1) {
      const channels = index - indices[k - 1] - 1;
      parts.push({ fold: { channels, terms: channels * ex.tapCount } });
    }
    const g = groups[whole ? index : k];
    const written = whole ? g.terms : g.terms.filter((t) => t.tap < EDGE || t.tap >= ex.tapCount - EDGE);
    const items = [];
    written.forEach((t, j) => {
      const skipped = j === 0 ? 0 : t.tap - written[j - 1].tap - 1;
      if (skipped > 0) items.push({ gap: skipped });
      items.push(t);
    });
    parts.push({ channel: g.channel, items });
  });
  return parts;
}

const gapText = (n) => `… ${n} more term${n === 1 ? '' : 's'} …`;
const foldText = ({ channels, terms }) => `… ${channels} more channels (${terms} terms) …`;

/** Plain-text formula (for screen readers, the copy button and the tests): every term kept, gaps summarised. */
export function formulaText(ex, mode) {
  const { at } = ex;
  const sym = [];
  const num = [];
  for (const part of formulaLayout(ex, true)) {
    if (part.fold) {
      sym.push(foldText(part.fold));
      num.push(foldText(part.fold));
      continue;
    }
    const each = (f) => `(${part.items.map((t) => (t.gap ? gapText(t.gap) : f(t))).join(' + ')})`;
    sym.push(each((t) => `w[${at.c},${t.inChannel - ex.firstInChannel},${t.tap}]·${inputSymbol(t, at, mode)}`));
    num.push(each((t) => `${formatValue(t.weight)}·${formatValue(t.input)}`));
  }
  if (ex.bias !== null) {
    sym.push(`b[${at.c}]`);
    num.push(formatValue(ex.bias));
  }
  const lhs = `out[${idx(at.batched, at.n, at.c, at.t)}]`;
  return { symbols: `${lhs} = ${sym.join(' + ')} = ${formatValue(ex.value)}`, numbers: `${lhs} = ${num.join(' + ')} = ${formatValue(ex.value)}` };
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
  const whole = ex.terms.length === ex.termCount;
  const parts = [];
  formulaLayout(ex, expanded).forEach((part, k) => {
    if (k > 0) parts.push(plus());
    if (part.fold) {
      // A whole explanation unfolds on request; a summarised one was never sent in full.
      parts.push(whole
        ? h('button', { type: 'button', class: 'fold', onclick: onExpand, text: foldText(part.fold), 'aria-label': `Show all ${ex.termCount} terms` })
        : h('span', { class: 'fold', text: foldText(part.fold) }));
      return;
    }
    const terms = [];
    part.items.forEach((t, j) => {
      if (j > 0) terms.push(plus());
      terms.push(t.gap ? h('span', { class: 'fold', text: gapText(t.gap) }) : termEl(t, ex, mode, onHover));
    });
    parts.push(h('span', { class: 'f-group', dataset: { ch: part.channel } },
      h('span', { class: 'f-group-label', text: `in ch ${part.channel}` }),
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
