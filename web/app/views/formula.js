// The written formula of one output element: its terms with their real numbers, grouped by input channel, then
// the bias and the value the core computed. The terms and the value come from the core's explain(); the only
// arithmetic here is on the printed numbers (each term's product and the 4-decimal hand sum), so that what is
// written adds up as a reader checks it on paper, and the text says why that sum can differ from the value.
// A long formula is summarised as PyTorch prints a
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

// Printed numbers as exact decimals { m, e } (m·10^e, m a BigInt), so that the products and the hand sum of the
// 4-decimal numbers shown are exactly what a person gets adding them on paper. null: not a finite number.
function decimal(text) {
  const match = /^(-?)(\d+)\.?(\d*)(?:e([+-]\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, int, frac, exp] = match;
  const m = BigInt(int + frac);
  return { m: sign ? -m : m, e: Number(exp ?? 0) - frac.length };
}
const times = (a, b) => ({ m: a.m * b.m, e: a.e + b.e });
const plusDec = (a, b) => {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) + b.m * 10n ** BigInt(b.e - e), e };
};
const sameDec = (a, b) => plusDec(a, { m: -b.m, e: b.e }).m === 0n;
/** a rounded to a multiple of 10^e, ties to even (as PyTorch's print rounds). */
function roundDec(a, e) {
  if (a.e >= e) return a;
  const scale = 10n ** BigInt(e - a.e);
  const abs = a.m < 0n ? -a.m : a.m;
  let q = abs / scale;
  const twice = (abs % scale) * 2n;
  if (twice > scale || (twice === scale && q % 2n === 1n)) q += 1n;
  return { m: a.m < 0n ? -q : q, e };
}
/** An exact decimal with every digit it has and at least 4 decimals (as PyTorch's), ASCII minus. */
function decimalText({ m, e }) {
  let mant = m < 0n ? -m : m;
  let exp = e;
  while (exp < -4 && mant % 10n === 0n) {
    mant /= 10n;
    exp += 1;
  }
  if (exp > -4) {
    mant *= 10n ** BigInt(exp + 4);
    exp = -4;
  }
  const digits = mant.toString().padStart(-exp + 1, '0');
  const lead = digits.length + exp; // digits before the point
  const sign = m < 0n ? '-' : '';
  const magnitude = Number(`${mant}e${exp}`);
  if (mant !== 0n && (magnitude < 1e-4 || magnitude >= 1e8)) {
    const sig = mant.toString().replace(/0+$/, '');
    const power = mant.toString().length - 1 + exp;
    return `${sign}${sig[0]}${sig.length > 1 ? `.${sig.slice(1)}` : ''}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return `${sign}${digits.slice(0, lead)}.${digits.slice(lead)}`;
}

/** The shortest decimal that reads back as the same float32: the number PyTorch actually holds. */
export function float32Text(x) {
  const f = Math.fround(x);
  if (!Number.isFinite(f)) return formatValue(f);
  for (let p = 1; p < 9; p += 1) {
    const text = f.toPrecision(p);
    if (Math.fround(Number(text)) === f) return String(Number(text));
  }
  return String(Number(f.toPrecision(9)));
}

// Display of negative numbers in running text and operators: a real minus sign.
const MINUS = '\u2212';
const signed = (text) => text.replace(/^-/, MINUS);
const magnitude = (text) => text.replace(/^-/, '');
const negative = (text) => text.startsWith('-');

/**
 * One term as written: the weight's sign as the operator before it, the weight's magnitude, the input
 * (parenthesised when negative) and the product of those two printed numbers. precise: the float32 values
 * instead of PyTorch's 4-decimal print (the product then to 9 significant digits, a float32's).
 */
export function termNumbers(term, precise) {
  const w = precise ? float32Text(term.weight) : formatValue(term.weight);
  const x = precise ? float32Text(term.input) : formatValue(term.input);
  const wd = decimal(magnitude(w));
  const xd = decimal(x);
  let product;
  if (precise) product = String(Number((Math.abs(term.weight) * term.input).toPrecision(9)));
  else product = wd && xd ? decimalText(times(wd, xd)) : formatValue(Math.abs(term.weight) * term.input);
  return { op: negative(w) ? MINUS : '+', w: magnitude(w), x, product };
}

/**
 * The 4-decimal hand check of a whole explanation: the signed products of the printed numbers and the bias, and
 * their exact sum ({ parts: ['0.2975', '-0.5096', …], sum: '-0.2768', matches, roundsTo }: whether it is the
 * printed value, or rounds to it); null when a number is not finite.
 */
export function handSum(ex) {
  const parts = [];
  let sum = { m: 0n, e: 0 };
  for (const t of ex.terms) {
    const w = decimal(formatValue(t.weight));
    const x = decimal(formatValue(t.input));
    if (!w || !x) return null;
    const p = times(w, x);
    parts.push(decimalText(p));
    sum = plusDec(sum, p);
  }
  if (ex.bias !== null) {
    const b = decimal(formatValue(ex.bias));
    if (!b) return null;
    parts.push(decimalText(b));
    sum = plusDec(sum, b);
  }
  const printed = decimal(formatValue(ex.value));
  return { parts, sum: decimalText(sum), matches: printed !== null && sameDec(sum, printed),
    roundsTo: printed !== null && sameDec(roundDec(sum, printed.e), printed) };
}

/** Signed numbers written as a sum with subtraction: 0.2975 − 0.5096 + 0.2710. */
const asSum = (parts) => parts.map((p, i) => (i === 0 ? signed(p) : `${negative(p) ? MINUS : '+'} ${magnitude(p)}`)).join(' ');

/**
 * What the written numbers add up to and why the value can differ, as visible text. precise: the full-precision
 * view is shown.
 */
export function sumNote(ex, precise) {
  const value = formatValue(ex.value);
  const full = float32Text(ex.value);
  if (precise) {
    return `Full precision: the float32 numbers PyTorch used (products to 9 significant digits). Added in float32 one by one after the bias, every step rounded (PyTorch's order for one input item and one group; its batched and grouped kernels may differ in the last bit), they give ${signed(full)}, which PyTorch prints as ${signed(value)}.`;
  }
  if (ex.terms.length !== ex.termCount) {
    return `Not every term is written here, so the products shown do not add up to ${signed(value)}: the core sums all ${ex.termCount} of them (float32 value ${signed(full)}).`;
  }
  const hand = handSum(ex);
  if (!hand) return `A number here is not finite, so there is no sum to check by hand; the value is ${signed(value)}.`;
  const check = `Adding the printed numbers: ${asSum(hand.parts)} = ${signed(hand.sum)}`;
  if (hand.matches) return `${check}, the value shown.`;
  if (hand.roundsTo) return `${check}, which rounds to ${signed(value)}, the value shown.`;
  return `${check}, not ${signed(value)}. The numbers above are rounded to 4 decimals, as PyTorch prints them; PyTorch multiplies and adds their float32 values, which give ${signed(full)}, printed as ${signed(value)}. Tick “full precision” to see those values.`;
}

/** Plain-text formula (for screen readers, the copy button and the tests): every term kept, gaps summarised. */
export function formulaText(ex, mode, precise = false) {
  const { at } = ex;
  const sym = [];
  const num = [];
  const prod = [];
  for (const part of formulaLayout(ex, true)) {
    if (part.fold) {
      for (const line of [sym, num, prod]) line.push(foldText(part.fold));
      continue;
    }
    const each = (f) => `(${part.items.map((t, j) => {
      if (t.gap) return `${j ? '+ ' : ''}${gapText(t.gap)}`;
      const [op, text] = f(t);
      return j === 0 ? `${op === '+' ? '' : `${op} `}${text}` : `${op} ${text}`;
    }).join(' ')})`;
    sym.push(each((t) => ['+', `w[${at.c},${t.inChannel - ex.firstInChannel},${t.tap}]·${inputSymbol(t, at, mode)}`]));
    num.push(each((t) => {
      const n = termNumbers(t, precise);
      return [n.op, `${n.w} × ${negative(n.x) ? `(${n.x})` : n.x}`];
    }));
    prod.push(each((t) => {
      const n = termNumbers(t, precise);
      return [n.op, negative(n.product) ? `(${n.product})` : n.product];
    }));
  }
  const lhs = `out[${idx(at.batched, at.n, at.c, at.t)}]`;
  const value = precise ? float32Text(ex.value) : formatValue(ex.value);
  const join = (parts, bias) => {
    if (bias === null) return parts.join(' + ');
    return `${parts.join(' + ')} ${bias}`;
  };
  const biasText = ex.bias === null ? null : (() => {
    const b = precise ? float32Text(ex.bias) : formatValue(ex.bias);
    return `${negative(b) ? MINUS : '+'} ${magnitude(b)}`;
  })();
  return {
    symbols: `${lhs} = ${sym.join(' + ')}${ex.bias !== null ? ` + b[${at.c}]` : ''} = ${formatValue(ex.value)}`,
    numbers: `${lhs} = ${join(num, biasText)} = ${value}`,
    products: `${lhs} = ${join(prod, biasText)} = ${value}`,
  };
}

const MODE_VERB = { reflect: 'reflects', replicate: 'replicates', circular: 'wraps around to' };

function termEl(term, ex, mode, onHover, precise) {
  const { at } = ex;
  const i = term.inChannel - ex.firstInChannel;
  const zero = term.padded && term.source < 0;
  const n = termNumbers(term, precise);
  const title = term.padded
    ? (zero ? `Padded position ${term.paddedPosition}: zero padding puts 0 here.`
      : `Padded position ${term.paddedPosition}: ${mode} padding ${MODE_VERB[mode] ?? 'copies'} x[${tight(at.batched, at.n, term.inChannel, term.source)}] = ${formatValue(term.input)}.`)
    : undefined;
  return h('span', {
    class: `term${term.padded ? ' padded' : ''}`, title,
    dataset: { ch: term.inChannel, tap: term.tap, weight: String(term.weight), input: String(term.input), p: term.paddedPosition },
    onmouseenter: onHover ? () => onHover(term) : undefined,
    onmouseleave: onHover ? () => onHover(null) : undefined,
  },
  h('span', { class: 't-sym' }, h('span', { class: 'w-sym', text: `w[${at.c},${i},${term.tap}]` }), '·',
    h('span', { class: 'x-sym', text: inputSymbol(term, at, mode) }),
    term.padded ? h('span', { class: 'pad-tag', text: zero ? 'pad' : mode }) : null),
  h('span', { class: 't-num' }, h('span', { class: 'w-num', text: n.w }), h('span', { class: 'times', text: '×' }),
    negative(n.x) ? '(' : null, h('span', { class: 'x-num', text: n.x }), negative(n.x) ? ')' : null),
  h('span', { class: 't-prod' }, h('span', { class: 'eq-small', text: '= ' }), h('span', { class: 'p-num', text: n.product })));
}

/** The operator written before a term or the bias: its sign, as subtraction when negative. */
const opEl = (op) => h('span', { class: 'op', text: op }); // read aloud: a minus changes the sum
const plus = () => opEl('+');

/**
 * The formula as virtual nodes (dom.js v(), drawn with patchVirtual). options: mode (padding_mode), expanded (show
 * every channel group), onExpand, onHover(term|null) to link a term with the strip, precise (float32 values instead
 * of the 4-decimal print).
 */
export function formulaView(ex, { mode, expanded = false, onExpand, onHover, shownValue, precise = false }) {
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
      if (t.gap) {
        if (j > 0) terms.push(plus());
        terms.push(h('span', { class: 'fold', text: gapText(t.gap) }));
        return;
      }
      const { op } = termNumbers(t, precise);
      if (j > 0 || op !== '+') terms.push(opEl(op));
      terms.push(termEl(t, ex, mode, onHover, precise));
    });
    parts.push(h('span', { class: 'f-group', dataset: { ch: part.channel } },
      h('span', { class: 'f-group-label', text: `in ch ${part.channel}` }),
      h('span', { class: 'paren', text: '(' }), terms, h('span', { class: 'paren', text: ')' })));
  });
  if (ex.bias !== null) {
    const b = precise ? float32Text(ex.bias) : formatValue(ex.bias);
    parts.push(opEl(negative(b) ? MINUS : '+'), h('span', { class: 'term bias', dataset: { bias: String(ex.bias) } },
      h('span', { class: 't-sym', text: `b[${at.c}]` }), h('span', { class: 't-num', text: magnitude(b) })));
  }
  const text = formulaText(ex, mode, precise);
  const value = precise ? float32Text(ex.value) : formatValue(ex.value);
  return h('div', { class: `formula-block${precise ? ' precise' : ''}` },
    h('p', { class: 'formula-main' },
      h('span', { class: 'lhs', text: `out[${idx(at.batched, at.n, at.c, at.t)}]` }),
      h('span', { class: 'op eq', text: '=' }),
      h('span', { class: 'formula-terms' }, parts),
      h('span', { class: 'op eq', text: '=' }),
      h('output', { class: 'formula-value', dataset: { value: String(ex.value) }, text: value })),
    shownValue !== undefined && shownValue !== formatValue(ex.value)
      ? h('p', { class: 'field-error', text: `The output table shows ${shownValue}.` }) : null,
    h('p', { class: 'sum-note', text: sumNote(ex, precise) }),
    h('details', { class: 'formula-plain' }, h('summary', { text: 'As plain text' }),
      h('pre', null, h('code', { text: `${text.symbols}\n${text.numbers}\n${text.products}` }))));
}
