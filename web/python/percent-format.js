/**
 * `template % args`: Python's printf-style string formatting (`'%.3f' % x`, `'%5d|%-6s' % (n, s)`, `'%(k)s' % d`).
 * Floats go through the format-spec module, so they round as CPython does.
 * @module percent-format
 */
import { formatValue } from './format-spec.js';
import { checkLength } from './operators.js';
import { PyDict, PyException, PyTuple, isInt, repr, str, typeName } from './values.js';

const CONVERSION = /%(?:\(([^)]*)\))?([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([hlL]?)(.?)/gs;

function pad(text, width, flags, zeroPrefix = null) {
  const missing = width - text.length;
  if (missing <= 0) return text;
  checkLength(width);
  if (flags.includes('-')) return text + ' '.repeat(missing);
  if (zeroPrefix !== null) return zeroPrefix.sign + '0'.repeat(missing) + zeroPrefix.digits;
  return ' '.repeat(missing) + text;
}

function signOf(negative, flags) {
  if (negative) return '-';
  return flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

// %d %i %u %o %x %X: an int (a float is truncated for d, i, u), precision as a minimum digit count.
function integer(value, type, flags, width, precision) {
  let n;
  if (isInt(value)) n = BigInt(value);
  else if (typeof value === 'number' && 'diu'.includes(type)) {
    if (Number.isNaN(value)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(value)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    n = BigInt(Math.trunc(value));
  } else {
    const kind = 'diu'.includes(type) ? 'a real number' : 'an integer';
    throw new PyException('TypeError', `%${type} format: ${kind} is required, not ${typeName(value)}`);
  }
  const base = { o: 8, x: 16, X: 16 }[type] ?? 10;
  let digits = (n < 0n ? -n : n).toString(base);
  if (type === 'X') digits = digits.toUpperCase();
  if (precision !== null) digits = digits.padStart(precision, '0');
  const alternate = flags.includes('#') && base !== 10 ? `0${type}` : '';
  const sign = signOf(n < 0n, flags) + alternate;
  const zero = flags.includes('0') && !flags.includes('-') ? { sign, digits } : null;
  return pad(sign + digits, width, flags, zero);
}

// %e %f %g (and capitals): the format spec of the same flags.
function float(value, type, flags, width, precision) {
  if (!isInt(value) && typeof value !== 'number') {
    throw new PyException('TypeError', `must be real number, not ${typeName(value)}`);
  }
  let spec = flags.includes('-') ? '<' : '';
  spec += flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  if (flags.includes('#')) spec += '#';
  if (flags.includes('0') && !flags.includes('-')) spec += '0';
  return formatValue(Number(value), `${spec}${width || ''}.${precision ?? 6}${type}`);
}

function character(value, flags, width) {
  let c;
  if (typeof value === 'string' && [...value].length === 1) c = value;
  else if (isInt(value)) {
    const n = BigInt(value);
    if (n < 0n || n > 0x10ffffn) throw new PyException('OverflowError', '%c arg not in range(0x110000)');
    c = String.fromCodePoint(Number(n));
  } else {
    throw new PyException('TypeError', '%c requires int or char');
  }
  return pad(c, width, flags);
}

/** `template % args`. */
export function formatPercent(template, args) {
  const mapping = args instanceof PyDict ? args : null;
  const values = args instanceof PyTuple ? [...args.items] : [args];
  let used = 0;
  const next = () => {
    if (used >= values.length) throw new PyException('TypeError', 'not enough arguments for format string');
    return values[used++];
  };
  const starred = (field) => {
    if (field !== '*') return field === undefined || field === '' ? null : Number(field);
    const n = next();
    if (!isInt(n)) throw new PyException('TypeError', '* wants int');
    return Number(BigInt(n));
  };
  const out = template.replace(CONVERSION, (all, key, flags, widthField, precisionField, length, type, index) => {
    if (all === '%%') return '%';
    if (type === '') throw new PyException('ValueError', 'incomplete format');
    const width = starred(widthField) ?? 0;
    const precision = starred(precisionField === undefined ? undefined : precisionField || '0');
    if (!'diouxXeEfFgGcrsa'.includes(type)) {
      const code = type.codePointAt(0).toString(16);
      throw new PyException('ValueError', `unsupported format character '${type}' (0x${code}) at index ${index + all.length - 1}`);
    }
    let value;
    if (key !== undefined) {
      if (!mapping) throw new PyException('TypeError', 'format requires a mapping');
      if (!mapping.has(key)) throw new PyException('KeyError', repr(key));
      value = mapping.get(key);
    } else {
      value = mapping ? args : next();
    }
    if ('diuoxX'.includes(type)) return integer(value, type, flags, width, precision);
    if ('eEfFgG'.includes(type)) return float(value, type, flags, width, precision);
    if (type === 'c') return character(value, flags, width);
    let text = type === 's' ? str(value) : repr(value);
    if (precision !== null) text = text.slice(0, precision);
    return pad(text, width, flags);
  });
  if (!mapping && used < values.length) {
    throw new PyException('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}
