/**
 * Exact arithmetic on doubles with BigInt, where JavaScript's own operations round differently from CPython:
 * decimal rounding of the exact binary value (format specs, round) and correctly rounded integer powers.
 * @module exact
 */

const f64 = new DataView(new ArrayBuffer(8));

/** |x| = mantissa * 2^exp2 exactly, for a finite double: [mantissa (bigint), exp2]. */
export function decompose(x) {
  f64.setFloat64(0, Math.abs(x));
  const hi = f64.getUint32(0);
  const lo = f64.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/** round(|x| * 10^p) half to even, exactly. */
export function scaledRound(x, p) {
  const [mant, exp2] = decompose(x);
  let num = mant;
  let den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2); else den <<= BigInt(-exp2);
  if (p >= 0) num *= 10n ** BigInt(p); else den *= 10n ** BigInt(-p);
  const q = num / den;
  const twiceRem = (num % den) * 2n;
  return twiceRem > den || (twiceRem === den && (q & 1n) === 1n) ? q + 1n : q;
}

const bitLength = (v) => v.toString(2).length;

/** The double nearest to num/den (positive bigints), ties to even, with subnormals; Infinity when too large. */
export function ratioToDouble(num, den) {
  if (num === 0n) return 0;
  const shift = 55 - (bitLength(num) - bitLength(den));
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  const q = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen !== 0n;
  // value = q * 2^-shift (plus a sticky remainder); keep 53 bits, fewer below the smallest subnormal's exponent.
  let drop = bitLength(q) - 53;
  if (-shift + drop < -1074) drop = -1074 + shift;
  const rest = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  let mantissa = q >> BigInt(drop);
  if (rest > half || (rest === half && (sticky || (mantissa & 1n) === 1n))) mantissa += 1n;
  const exponent = -shift + drop;
  // Two steps, so that neither power of two over- or underflows on its own.
  return Number(mantissa) * 2 ** Math.trunc(exponent / 2) * 2 ** (exponent - Math.trunc(exponent / 2));
}

/** x ** n for a finite nonzero double and an integer |n| ≤ 2000, correctly rounded (as glibc's pow is). */
export function integerPower(x, n) {
  const [mant, exp2] = decompose(x);
  const k = Math.abs(n);
  const power = mant ** BigInt(k);
  const e = exp2 * k;
  let num = e >= 0 ? power << BigInt(e) : power;
  let den = e >= 0 ? 1n : 1n << BigInt(-e);
  if (n < 0) [num, den] = [den, num];
  const magnitude = ratioToDouble(num, den);
  return x < 0 && k % 2 === 1 ? -magnitude : magnitude;
}

// Fixed-point natural logarithms with PRECISION fractional bits: enough to place x ** y on the right side of the
// midpoint between two doubles (y * ln x and ln(midpoint) differ by about 2^-54 relative; the error here is ~2^-150).
const PRECISION = 160n;
const ONE = 1n << PRECISION;
const SQRT2 = (ONE * 181n) / 128n; // about √2: any value near it keeps the series below short

// ln(a) for a fixed-point a in [1/√2, √2]: 2 atanh(s) with |s| = |a - 1| / (a + 1) ≤ 0.172, summed until the terms
// vanish (about 5 bits per term).
function lnMantissa(a) {
  const magnitude = a >= ONE ? a - ONE : ONE - a; // the series runs on |s|: shifts of negatives floor to -1, not 0
  const s = (magnitude << PRECISION) / (a + ONE);
  const s2 = (s * s) >> PRECISION;
  let sum = 0n;
  for (let term = s, k = 1n; term !== 0n; term = (term * s2) >> PRECISION, k += 2n) sum += term / k;
  return a >= ONE ? 2n * sum : -2n * sum;
}

const LN2 = lnMantissa(SQRT2) + lnMantissa((2n * ONE * ONE) / SQRT2); // ln c + ln(2 / c)

// ln(M * 2^E) in fixed point, for a positive bigint M of at most 160 bits.
function ln(M, E) {
  const bits = bitLength(M);
  let a = M << (PRECISION - BigInt(bits - 1));
  let exponent = E + bits - 1;
  if (a > SQRT2) {
    a >>= 1n;
    exponent += 1;
  }
  return lnMantissa(a) + BigInt(exponent) * LN2;
}

// The exact midpoint of two adjacent positive doubles, as [M, E] with value M * 2^E.
function midpoint(low, high) {
  const [a, ea] = decompose(low);
  const [b, eb] = decompose(high);
  const e = Math.min(ea, eb);
  return [(a << BigInt(ea - e)) + (b << BigInt(eb - e)), e - 1];
}

function adjacent(x, direction) {
  f64.setFloat64(0, x);
  f64.setBigUint64(0, f64.getBigUint64(0) + BigInt(direction));
  return f64.getFloat64(0);
}

/**
 * x ** y for a positive finite x and a finite y, correctly rounded (as glibc's pow is, where V8's Math.pow is off
 * by an ulp for about one power in ten): Math.pow's answer, moved to the neighbour whose rounding interval holds
 * y * ln x. Results that over- or underflow are Math.pow's.
 */
export function positivePower(x, y) {
  let r = x ** y;
  if (r === 0 || !Number.isFinite(r) || r < 2 ** -1022) return r;
  const [xm, xe] = decompose(x);
  const [ym, ye] = decompose(y);
  const product = ln(xm, xe) * ym;
  const target = (ye >= 0 ? product << BigInt(ye) : product >> BigInt(-ye)) * (y < 0 ? -1n : 1n);
  for (;;) {
    const up = adjacent(r, 1);
    if (Number.isFinite(up) && target > ln(...midpoint(r, up))) {
      r = up;
      continue;
    }
    const down = adjacent(r, -1);
    if (target < ln(...midpoint(down, r))) {
      r = down;
      continue;
    }
    return r;
  }
}
