/**
 * Python's format specification mini-language (`format(x, spec)`, f-string `{x:spec}`) and `round(x, n)`. Floats are rounded half-to-even on their exact binary value (exact BigInt arithmetic), as CPython's
 * dtoa does: `f"{0.125:.2f}"` is `0.12` and `round(2.675, 2)` is `2.67`, where JavaScript's toFixed differs.
 * @module format-spec
 */
import { scaledRound } from './exact.js';
import { checkLength } from './operators.js';
import { PyException, PyObject, floatRepr, intToDecimal, isInt, str, typeName } from './values.js';

const isNegative = (x) => x < 0 || Object.is(x, -0);

// A double's exact decimal expansion ends within 1074 fractional digits (2^-1074) and 767 significant ones: digits
// asked for beyond these are zeros, appended instead of computed with ever larger powers of ten.
const EXACT_DIGITS = 1100;

function zeros(n) {
  checkLength(n);
  return '0'.repeat(n);
}

// Digits of |x| in fixed notation with p decimals.
function fixedDigits(x, p) {
  const q = Math.min(p, EXACT_DIGITS);
  const digits = scaledRound(x, q).toString().padStart(q + 1, '0');
  return p === 0 ? digits : `${digits.slice(0, -q)}.${digits.slice(-q)}${zeros(p - q)}`;
}

// |x| rounded to p+1 significant digits: [digit string, decimal exponent].
function scientificParts(x, p) {
  if (x === 0) return [zeros(p + 1), 0];
  const q = Math.min(p, EXACT_DIGITS);
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const digits = scaledRound(x, q - exponent).toString();
    if (digits.length > q + 1) exponent++;
    else if (digits.length < q + 1) exponent--;
    else return [digits + zeros(p - q), exponent];
  }
}

function scientific(x, p, alternate) {
  const [digits, exponent] = scientificParts(x, p);
  const mantissa = p === 0 ? digits + (alternate ? '.' : '') : `${digits[0]}.${digits.slice(1)}`;
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

// 'g': p significant digits, fixed when −4 ≤ exponent < p; trailing zeros removed unless '#'. With no type
// (`{x:.3}`), fixed notation must keep a digit after the point, so it is used only while exponent < p − 1.
function general(x, p, alternate, noType = false) {
  const precision = p === 0 ? 1 : p;
  const exponent = x === 0 ? 0 : scientificParts(x, precision - 1)[1];
  let text = exponent >= -4 && exponent < precision - (noType ? 1 : 0)
    ? fixedDigits(x, precision - 1 - exponent)
    : scientific(x, precision - 1, alternate);
  if (!alternate) {
    text = text.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
  } else if (!text.includes('.')) {
    text = text.replace(/(e|$)/, '.$1');
  }
  return text;
}

/** Python's `round(x, ndigits)` for a float: correctly rounded through the exact decimal value. */
export function roundFloat(x, ndigits) {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0 * x;
  const q = scaledRound(x, ndigits);
  const y = Number(`${q}e${-ndigits}`);
  return isNegative(x) ? -y : y;
}

const GROUPED_TYPES = 'deEfFgG%';
const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s;

function parseSpec(spec, value) {
  const m = SPEC.exec(spec);
  if (!m) {
    const unknownType = SPEC.test(spec.slice(0, -1)) && /[a-zA-Z]$/.test(spec) && !/[bcdeEfFgGnosxX%]/.test(spec.slice(-2, -1));
    if (unknownType) throw new PyException('ValueError', `Unknown format code '${spec.slice(-1)}' for object of type '${typeName(value)}'`);
    throw new PyException('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(value)}'`);
  }
  const [, fill, align, sign, z, alternate, zero, width, grouping, precision, type] = m;
  if (precision !== undefined && Number(precision) > 2 ** 31 - 1) throw new PyException('ValueError', 'precision too big');
  if (width !== undefined) checkLength(Number(width), 0);
  if (grouping && type && !(GROUPED_TYPES.includes(type) || (grouping === '_' && 'boxX'.includes(type)))) {
    throw new PyException('ValueError', `Cannot specify '${grouping}' with '${type}'.`);
  }
  return {
    fill: fill ?? (zero ? '0' : ' '),
    align: align ?? null, // numbers default to '=' with the '0' flag, else '>'; strings to '<'
    zero: Boolean(zero),
    sign: sign ?? null,
    z: Boolean(z),
    alternate: Boolean(alternate),
    width: width ? Number(width) : 0,
    grouping: grouping ?? null,
    precision: precision === undefined ? null : Number(precision),
    type: type ?? null,
  };
}

function group(digits, separator, size) {
  let out = '';
  for (let i = digits.length; i > 0; i -= size) out = digits.slice(Math.max(0, i - size), i) + (out ? separator + out : '');
  return out;
}

// A number's alignment: as given, else '=' (fill after the sign) with the '0' flag, else right.
function numberAlign(spec) {
  return spec.align ?? (spec.zero ? '=' : '>');
}

// Pads a formatted number or string to the width: `=` puts the fill between the sign/prefix and the digits.
function pad(spec, prefix, body, align) {
  let total = prefix + body;
  const missing = spec.width - [...total].length;
  if (missing <= 0) return total;
  const fill = spec.fill.repeat(missing);
  if (align === '<') total += fill;
  else if (align === '>') total = fill + total;
  else if (align === '=') total = prefix + fill + body;
  else {
    const left = Math.floor(missing / 2);
    total = spec.fill.repeat(left) + total + spec.fill.repeat(missing - left);
  }
  return total;
}

function signPrefix(negative, spec) {
  if (negative) return '-';
  return spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

// Groups the leading digits of a number body (digits[.fraction][e…][%]) in threes or, for b/o/x with '_', fours; with
// the '0' flag and '=' alignment the padding zeros are grouped too (format(1234, '010,') is '00,001,234').
function grouped(spec, prefix, body, size = 3) {
  if (!spec.grouping) return body;
  const m = (size === 3 ? /^(\d+)(.*)$/s : /^([0-9a-fA-F]+)(.*)$/s).exec(body);
  if (!m) return body; // inf, nan
  const [, leading, rest] = m;
  let digits = leading;
  let text = group(digits, spec.grouping, size);
  if (spec.fill === '0' && numberAlign(spec) === '=') {
    while (prefix.length + text.length + rest.length < spec.width) {
      digits = `0${digits}`;
      text = group(digits, spec.grouping, size);
    }
  }
  return text + rest;
}

function formatFloat(x, spec) {
  let type = spec.type;
  let value = x;
  if (type === '%') value = x * 100;
  let negative = isNegative(value) && !Number.isNaN(value);
  let body;
  const p = spec.precision;
  if (!Number.isFinite(value)) {
    body = Number.isNaN(value) ? 'nan' : 'inf';
    if (type && 'EFG'.includes(type)) body = body.toUpperCase();
    if (type === '%') body += '%';
  } else {
    switch (type) {
      case 'f': case 'F': case '%':
        body = fixedDigits(value, p ?? 6);
        if (spec.alternate && !body.includes('.')) body += '.';
        if (type === '%') body += '%';
        break;
      case 'e': case 'E':
        body = scientific(value, p ?? 6, spec.alternate);
        if (type === 'E') body = body.toUpperCase();
        break;
      case 'g': case 'G': case 'n':
        body = general(value, p ?? 6, spec.alternate);
        if (type === 'G') body = body.toUpperCase();
        break;
      default:
        if (p === null) {
          body = floatRepr(Math.abs(value));
          if (spec.alternate && !body.includes('.')) body = body.replace('e', '.e');
        } else {
          body = general(value, p, spec.alternate, true);
          if (!/[.e]/.test(body)) body += '.0';
        }
    }
    if (spec.z && negative && /^[0.]*(e|%|$)/i.test(body.replace(/e.*$/i, ''))) negative = false;
  }
  const prefix = signPrefix(negative, spec);
  body = grouped(spec, prefix, body);
  return pad(spec, prefix, body, numberAlign(spec));
}

function formatInt(n, spec) {
  const type = spec.type;
  if (type && 'eEfFgG%'.includes(type)) return formatFloat(Number(n), spec);
  if (spec.precision !== null) throw new PyException('ValueError', 'Precision not allowed in integer format specifier');
  if (spec.z) throw new PyException('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  if (type === 'c') {
    if (spec.sign) throw new PyException('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) throw new PyException('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    if (n < 0n || n > 0x10ffffn) {
      throw new PyException('OverflowError', n > 2n ** 63n - 1n || n < -(2n ** 63n) ? 'Python int too large to convert to C long' : '%c arg not in range(0x110000)');
    }
    return pad(spec, '', String.fromCodePoint(Number(n)), spec.align ?? '<');
  }
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const base = { b: 2, o: 8, x: 16, X: 16 }[type] ?? 10;
  let digits = base === 10 ? intToDecimal(magnitude) : magnitude.toString(base);
  if (type === 'X') digits = digits.toUpperCase();
  let prefix = signPrefix(negative, spec);
  if (spec.alternate && base !== 10) prefix += `0${type}`;
  if (spec.grouping === ',' && base !== 10) {
    throw new PyException('ValueError', `Cannot specify ',' with '${type}'.`);
  }
  digits = grouped(spec, prefix, digits, base === 10 ? 3 : 4);
  return pad(spec, prefix, digits, numberAlign(spec));
}

function formatString(s, spec) {
  const refuse = (what) => {
    throw new PyException('ValueError', `${what} not allowed in string format specifier`);
  };
  if (spec.type && spec.type !== 's') {
    throw new PyException('ValueError', `Unknown format code '${spec.type}' for object of type 'str'`);
  }
  if (spec.grouping) throw new PyException('ValueError', `Cannot specify '${spec.grouping}' with 's'.`);
  if (spec.sign) refuse(spec.sign === ' ' ? 'Space' : 'Sign');
  if (spec.z) refuse('Negative zero coercion (z)');
  if (spec.alternate) refuse('Alternate form (#)');
  if (spec.align === '=') refuse("'=' alignment");
  const text = spec.precision === null ? s : [...s].slice(0, spec.precision).join('');
  return pad(spec, '', text, spec.align ?? '<');
}

/** Python's `format(value, spec)`. */
export function formatValue(value, spec) {
  if (value instanceof PyObject) {
    if (typeof value.format === 'function') return value.format(spec);
    if (spec === '') return str(value);
    throw new PyException('TypeError', `unsupported format string passed to ${typeName(value)}.__format__`);
  }
  if (spec === '') return str(value);
  if (typeof value === 'string') return formatString(value, parseSpec(spec, value));
  if (isInt(value)) {
    const parsed = parseSpec(spec, value);
    if (parsed.type === 's') throw new PyException('ValueError', `Unknown format code 's' for object of type '${typeName(value)}'`);
    return formatInt(BigInt(value), parsed);
  }
  if (typeof value === 'number') {
    const parsed = parseSpec(spec, value);
    if (parsed.type && 'bcdosxX'.includes(parsed.type)) {
      throw new PyException('ValueError', `Unknown format code '${parsed.type}' for object of type 'float'`);
    }
    return formatFloat(value, parsed);
  }
  throw new PyException('TypeError', `unsupported format string passed to ${typeName(value)}.__format__`);
}
