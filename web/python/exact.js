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
