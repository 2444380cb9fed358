/**
 * Format float32 tensors exactly as PyTorch 1.13 prints them (`str(t)` / `repr(t)`)
 * with the default print options: precision 4, threshold 1000, edgeitems 3,
 * linewidth 80, sci_mode chosen automatically.
 *
 * Mirrors torch/_tensor_str.py (`_Formatter`, `_vector_str`,
 * `_tensor_str_with_formatter`, `get_summarized_data`, `_add_suffixes`).
 * Numbers are rendered with exact (BigInt) arithmetic so that rounding matches
 * Python's `'{:.4f}'` / `'{:.4e}'` (round-half-even on the exact binary value).
 * @module format
 */

const PRECISION = 4;
/** PyTorch's default summarisation: tensors of more than `threshold` values print `edgeitems` at each end. The
 * playground's tables and breakdown summarise by the same rule. */
export const PRINT_OPTIONS = Object.freeze({ threshold: 1000, edgeitems: 3 });
const { threshold: THRESHOLD, edgeitems: EDGEITEMS } = PRINT_OPTIONS;
const LINEWIDTH = 80;
const PREFIX = 'tensor(';

const f64 = new DataView(new ArrayBuffer(8));

/** Exact decomposition of a finite double |x| as [mantissa, exp2] with |x| = mantissa * 2^exp2. */
function decompose(x) {
  f64.setFloat64(0, Math.abs(x));
  const hi = f64.getUint32(0);
  const lo = f64.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/** round(|x| * 10^p), ties to even, computed exactly. */
function scaledRound(x, p) {
  const [mant, exp2] = decompose(x);
  let num = mant;
  let den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2); else den <<= BigInt(-exp2);
  if (p >= 0) num *= 10n ** BigInt(p); else den *= 10n ** BigInt(-p);
  const q = num / den;
  const twiceRem = (num % den) * 2n;
  return twiceRem > den || (twiceRem === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** Python's rendering of nan/inf in 'f' and 'e' formats. */
function nonFinite(x) {
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

/** Python's sign rule: '-' for any value with the sign bit set, including -0.0. */
function sign(x) {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Python `'{:.<p>f}'.format(x)`. */
function fixed(x, p) {
  if (!Number.isFinite(x)) return nonFinite(x);
  const digits = scaledRound(x, p).toString().padStart(p + 1, '0');
  if (p === 0) return sign(x) + digits;
  return `${sign(x)}${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

/** Python `'{:.<p>e}'.format(x)`, e.g. `1.0000e+05`, `-3.2000e-07`. */
function exponential(x, p) {
  if (!Number.isFinite(x)) return nonFinite(x);
  let e = 0;
  let n = 0n;
  if (x !== 0) {
    const lo = 10n ** BigInt(p);
    const hi = lo * 10n;
    e = Math.floor(Math.log10(Math.abs(x)));
    // Pick the exponent for which the rounded significand has exactly p+1 digits.
    for (;;) {
      n = scaledRound(x, p - e);
      if (n >= hi) e += 1;
      else if (n < lo) e -= 1;
      else break;
    }
  }
  const digits = n.toString().padStart(p + 1, '0');
  const mantissa = p === 0 ? digits : `${digits[0]}.${digits.slice(1)}`;
  const exp = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${sign(x)}${mantissa}e${exp}`;
}

/**
 * torch's `_Formatter` for a floating tensor, built from the (summarised) values.
 * @param {Iterable<number>} values float32 values that will be printed
 * @returns {{width: number, format: (v: number) => string}}
 */
function makeFormatter(values) {
  let intMode = true;
  let sciMode = false;
  let width = 1;
  let min = Infinity;
  let max = 0;
  const nonzeroFinite = [];
  for (const v of values) {
    if (!Number.isFinite(v) || v === 0) continue;
    nonzeroFinite.push(v);
    min = Math.min(min, Math.abs(v));
    max = Math.max(max, Math.abs(v));
    if (v !== Math.ceil(v)) intMode = false;
  }
  if (nonzeroFinite.length > 0) {
    sciMode = max / min > 1000 || max > 1e8 || (!intMode && min < 1e-4);
    for (const v of nonzeroFinite) {
      const s = sciMode ? exponential(v, PRECISION) : intMode ? `${fixed(v, 0)}.` : fixed(v, PRECISION);
      width = Math.max(width, s.length);
    }
  }
  const format = (v) => {
    let s;
    if (sciMode) s = exponential(v, PRECISION);
    else if (intMode) s = fixed(v, 0) + (Number.isFinite(v) ? '.' : '');
    else s = fixed(v, PRECISION);
    return s.padStart(width);
  };
  return { width, format };
}

/** Indices printed along a dimension of `size`; `null` marks the `...`. */
export function shownIndices(size, summarize) {
  if (summarize && size > 2 * EDGEITEMS) {
    const head = Array.from({ length: EDGEITEMS }, (_, i) => i);
    const tail = Array.from({ length: EDGEITEMS }, (_, i) => size - EDGEITEMS + i);
    return [...head, null, ...tail];
  }
  return Array.from({ length: size }, (_, i) => i);
}

/** Row-major strides of `shape`. */
function stridesOf(shape) {
  const strides = new Array(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** Yields the values that torch's `get_summarized_data` keeps, in order. */
function* shownValues(shape, strides, data, summarize, dim = 0, offset = 0) {
  if (dim === shape.length) {
    yield data[offset];
    return;
  }
  for (const i of shownIndices(shape[dim], summarize)) {
    if (i !== null) yield* shownValues(shape, strides, data, summarize, dim + 1, offset + i * strides[dim]);
  }
}

/** `_tensor_str_with_formatter` over the sub-tensor at (`dim`, `offset`). */
function render(ctx, dim, offset, indent) {
  const { shape, strides, data, summarize, formatter } = ctx;
  if (dim === shape.length) return formatter.format(data[offset]);
  const indices = shownIndices(shape[dim], summarize);

  if (dim === shape.length - 1) {
    const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / (formatter.width + 2)));
    const items = indices.map((i) => (i === null ? ' ...' : formatter.format(data[offset + i * strides[dim]])));
    const lines = [];
    for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
    return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
  }

  const slices = indices.map((i) => (i === null ? '...' : render(ctx, dim + 1, offset + i * strides[dim], indent + 1)));
  const sep = `,${'\n'.repeat(shape.length - dim - 1)}${' '.repeat(indent + 1)}`;
  return `[${slices.join(sep)}]`;
}

/** `_add_suffixes`: append `, suffix` items, wrapping at the line width. */
function addSuffixes(str, suffixes, indent) {
  let out = str;
  let lastLineLen = str.length - str.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > LINEWIDTH) {
      out += `,\n${' '.repeat(indent)}${suffix}`;
      lastLineLen = indent + suffix.length;
    } else {
      out += `, ${suffix}`;
      lastLineLen += suffix.length + 2;
    }
  }
  return `${out})`;
}

/**
 * Format a float32 tensor exactly as PyTorch 1.13 `str(t)` / `repr(t)` does (default print options).
 *
 * @example formatTensor([1, 1, 3], new Float32Array([-0.277, -0.3462, -0.4155]))
 *   // 'tensor([[[-0.2770, -0.3462, -0.4155]]])'
 * @example formatTensor([1], [0.271], { gradFn: 'AddBackward0' })
 *   // 'tensor([0.2710], grad_fn=<AddBackward0>)'
 * @param {number[]} shape non-negative dimension sizes (`[]` for a 0-D tensor)
 * @param {ArrayLike<number>} data row-major values (Float32Array or numbers; rounded to float32)
 * @param {object} [options] autograd decorations torch appends after the data
 * @param {string} [options.gradFn] grad_fn class name, printed as `grad_fn=<name>`
 * @param {boolean} [options.requiresGrad] print `requires_grad=True` (ignored when `gradFn` is set, as in torch)
 * @returns {string}
 */
export function formatTensor(shape, data, { gradFn, requiresGrad = false } = {}) {
  const values = data instanceof Float32Array ? data : Float32Array.from(data);
  return formatWith(makeFormatter, shape, values, { gradFn, requiresGrad });
}

/**
 * Format an int64 (or bool) tensor as PyTorch 1.13 prints it: values right-aligned to the widest, no dtype suffix
 * unless the tensor is empty (then `dtype` is printed, as torch does: no element tells the dtype).
 * @example formatIntegerTensor([1, 3], BigInt64Array.of(1n, -20n, 300n)) // 'tensor([[  1, -20, 300]])'
 * @example formatIntegerTensor([2], ['True', 'False']) // 'tensor([ True, False])'
 * @param {number[]} shape
 * @param {ArrayLike<bigint | string>} data row-major values (e.g. a BigInt64Array), each printed as String() does
 * @param {{dtype?: string}} [options] the dtype as torch names it (`torch.int64`, `torch.bool`), printed when empty
 * @returns {string}
 */
export function formatIntegerTensor(shape, data, { dtype = 'torch.int64' } = {}) {
  return formatWith(makeIntegerFormatter, shape, data, { emptyDtype: dtype });
}

/** torch's `_Formatter` for an integer tensor: the width of the longest printed value. */
function makeIntegerFormatter(values) {
  let width = 1;
  for (const v of values) width = Math.max(width, String(v).length);
  return { width, format: (v) => String(v).padStart(width) };
}

function formatWith(makeFormatterOf, shape, values, { gradFn, requiresGrad = false, emptyDtype = null }) {
  const numel = shape.reduce((a, b) => a * b, 1);
  if (values.length < numel) throw new RangeError(`data has ${values.length} elements, shape needs ${numel}`);
  const indent = PREFIX.length;
  const suffixes = [];
  let body;

  if (numel === 0) {
    // torch prints the shape of empty tensors unless they are 1-D.
    if (shape.length !== 1) suffixes.push(`size=(${shape.join(', ')})`);
    if (emptyDtype) suffixes.push(`dtype=${emptyDtype}`);
    body = '[]';
  } else {
    const summarize = numel > THRESHOLD;
    const strides = stridesOf(shape);
    const formatter = makeFormatterOf(shownValues(shape, strides, values, summarize));
    body = render({ shape, strides, data: values, summarize, formatter }, 0, 0, indent);
  }

  if (gradFn) suffixes.push(`grad_fn=<${gradFn}>`);
  else if (requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(PREFIX + body, suffixes, indent);
}

/**
 * Format an `nn.Parameter` as torch prints it (`Parameter containing:\ntensor(..., requires_grad=True)`).
 * @param {number[]} shape
 * @param {ArrayLike<number>} data
 * @param {{requiresGrad?: boolean}} [options] defaults to `requiresGrad: true`
 * @returns {string}
 */
export function formatParameter(shape, data, { requiresGrad = true } = {}) {
  return `Parameter containing:\n${formatTensor(shape, data, { requiresGrad })}`;
}

/**
 * Format a single number as torch prints a one-element float32 tensor's element,
 * e.g. `0.2710`, `-0.2770`, `1.`, `1.0000e-05`, `nan`.
 * @param {number} x value (rounded to float32 first)
 * @returns {string}
 */
export function formatValue(x) {
  const v = Math.fround(x);
  return makeFormatter([v]).format(v);
}

/**
 * Every element as it reads when PyTorch prints the whole tensor: one shared mode (integer `1.`, fixed
 * `0.2710` or scientific `1.0000e-05`) chosen from all the values, without the column padding. For
 * tables whose cells must agree with the printout.
 * @param {ArrayLike<number>} data values (rounded to float32)
 * @returns {string[]}
 */
export function formatElements(data) {
  const values = data instanceof Float32Array ? data : Float32Array.from(data);
  const { format } = makeFormatter(values);
  return Array.from(values, (v) => format(v).trimStart());
}
