/**
 * Python values as JS values: the contract between the interpreter and the host modules (torch).
 * int → bigint, float → number, bool → boolean, None → null, str → string; containers, callables and modules are the
 * classes below; every host object (tensors, layers, …) is a subclass of `PyObject`.
 * @module values
 */

/** Returned by a host object's `binaryOp`/`compare`/`unaryOp` when it does not handle the operand (as in Python). */
export const NotImplemented = Symbol('NotImplemented');

/** A Python exception: `type` is the exception's name ('TypeError', …); the interpreter fills `line`. */
export class PyException extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
    this.line = null;
  }
}

/**
 * Base class of host objects (tensors, layers, …). Every method is optional; the interpreter checks for it and raises
 * Python's TypeError/AttributeError (or NotImplementedError) when it is absent:
 * `typeName`, `getAttr(name)` (undefined when absent), `setAttr(name, value)` (true when handled), `call(args, kwargs)`,
 * `repr()`, `str()`, `format(spec)`, `getItem(key)`, `setItem(key, value)`, `binaryOp(op, other, reflected)`,
 * `inPlaceOp(op, other)` (`x += y`; NotImplemented falls back to `x = x + y`), `unaryOp(op)`, `compare(op, other)`,
 * `iterate()`, `length()`, `truthy()`, `contains(item)`, `toFloat()`, `toInt()`, `abs()`, `round(ndigits)`,
 * `enter()`/`exit()` (`with`), `isInstance(value)` on a class object (`isinstance`), `pyClass` (what `type(x)` returns).
 */
export class PyObject {
  get typeName() {
    return 'object';
  }

  repr() {
    return `<${this.typeName} object>`;
  }
}

/** `list`: `items` is a mutable JS array of Python values. */
export class PyList {
  constructor(items = []) {
    this.items = items;
  }
}

/** `tuple`: `items` is a frozen JS array. */
export class PyTuple {
  constructor(items = []) {
    this.items = Object.freeze(items);
  }
}

/** `dict`, insertion-ordered; `map` is keyed by the key's repr and holds `[key, value]` pairs. */
export class PyDict {
  constructor(pairs = []) {
    this.map = new Map();
    for (const [key, value] of pairs) this.set(key, value);
  }

  get entries() {
    return [...this.map.values()];
  }

  has(key) {
    return this.map.has(dictKey(key));
  }

  get(key) {
    return this.map.get(dictKey(key))?.[1];
  }

  set(key, value) {
    const k = dictKey(key);
    const old = this.map.get(k);
    this.map.set(k, [old ? old[0] : key, value]);
  }

  delete(key) {
    return this.map.delete(dictKey(key));
  }
}

// Equal numbers (1, 1.0, True) are one key in Python.
function dictKey(key) {
  if (typeof key === 'boolean') return String(BigInt(key));
  if (typeof key === 'number' && Number.isInteger(key)) return String(BigInt(key));
  if (key instanceof PyList || key instanceof PyDict) throw new PyException('TypeError', `unhashable type: '${typeName(key)}'`);
  return repr(key);
}

/** `slice(start, stop, step)` as in `a[1:3]`; each bound is a bigint or null. */
export class PySlice {
  constructor(start = null, stop = null, step = null) {
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

/**
 * A function implemented in JS: `fn(args, kwargs)` with `args` a JS array and `kwargs` a Map name → value.
 * The built-in types (`int`, `float`, …) are PyBuiltins with `isClass` set (printed `<class 'int'>`).
 */
export class PyBuiltin {
  constructor(name, fn) {
    this.name = name;
    this.fn = fn;
  }
}

/** A function defined in Python (`def` or `lambda`): the interpreter owns its fields. */
export class PyFunction {
  constructor(name, params, body, closure) {
    this.name = name;
    this.params = params;
    this.body = body;
    this.closure = closure;
  }
}

/** A module: `attrs` is a plain object or a Map name → value. */
export class PyModule {
  constructor(name, attrs) {
    this.name = name;
    this.attrs = attrs;
  }

  getAttr(name) {
    if (this.attrs instanceof Map) return this.attrs.get(name);
    return Object.hasOwn(this.attrs, name) ? this.attrs[name] : undefined;
  }
}

/** Python's type name of a value, as used in error messages. */
export function typeName(value) {
  switch (typeof value) {
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'boolean': return 'bool';
    case 'string': return 'str';
    default:
  }
  if (value === null) return 'NoneType';
  if (value instanceof PyList) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PyDict) return 'dict';
  if (value instanceof PySlice) return 'slice';
  if (value instanceof PyBuiltin) return 'builtin_function_or_method';
  if (value instanceof PyFunction) return 'function';
  if (value instanceof PyModule) return 'module';
  if (value === NotImplemented) return 'NotImplementedType';
  if (value instanceof PyObject) return value.typeName;
  return 'object';
}

/** Python 3.11's limit on decimal conversions of ints (sys.get_int_max_str_digits()). */
export const MAX_INT_DIGITS = 4300;

/** An int in decimal, refused past MAX_INT_DIGITS digits as CPython 3.11 does. */
export function intToDecimal(n) {
  const text = n.toString();
  if (text.length - (n < 0n ? 1 : 0) > MAX_INT_DIGITS) {
    throw new PyException('ValueError', `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return text;
}

/** Python's `repr(float)`: shortest round-trip digits; scientific below 1e-4 and from 1e16 on; `1e-05`, `-0.0`. */
export function floatRepr(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = x < 0 ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${body}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits.padEnd(exponent + 1, '0')}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Python's `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
function stringRepr(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's `repr(value)`. */
export function repr(value, seen = new Set()) {
  switch (typeof value) {
    case 'bigint': return intToDecimal(value);
    case 'number': return floatRepr(value);
    case 'boolean': return value ? 'True' : 'False';
    case 'string': return stringRepr(value);
    default:
  }
  if (value === null) return 'None';
  if (value === NotImplemented) return 'NotImplemented';
  if (value instanceof PyList || value instanceof PyTuple || value instanceof PyDict) {
    if (seen.has(value)) return value instanceof PyList ? '[...]' : value instanceof PyDict ? '{...}' : '(...)';
    seen.add(value);
    try {
      if (value instanceof PyDict) return `{${value.entries.map(([k, v]) => `${repr(k, seen)}: ${repr(v, seen)}`).join(', ')}}`;
      const inner = value.items.map((item) => repr(item, seen));
      if (value instanceof PyList) return `[${inner.join(', ')}]`;
      return inner.length === 1 ? `(${inner[0]},)` : `(${inner.join(', ')})`;
    } finally {
      seen.delete(value);
    }
  }
  if (value instanceof PySlice) return `slice(${repr(value.start)}, ${repr(value.stop)}, ${repr(value.step)})`;
  if (value instanceof PyBuiltin) return value.isClass ? `<class '${value.name}'>` : `<built-in function ${value.name}>`;
  if (value instanceof PyFunction) return `<function ${value.name}>`;
  if (value instanceof PyModule) return `<module '${value.name}'>`;
  if (value instanceof PyObject) return value.repr();
  return String(value);
}

/** Python's `str(value)`: strings as they are, host objects through `str()`, everything else as `repr`. */
export function str(value) {
  if (typeof value === 'string') return value;
  if (value instanceof PyObject && typeof value.str === 'function') return value.str();
  return repr(value);
}

/** Python's `bool(value)`. */
export function truthy(value) {
  switch (typeof value) {
    case 'boolean': return value;
    case 'bigint': return value !== 0n;
    case 'number': return value !== 0;
    case 'string': return value.length > 0;
    default:
  }
  if (value === null) return false;
  if (value instanceof PyList || value instanceof PyTuple) return value.items.length > 0;
  if (value instanceof PyDict) return value.map.size > 0;
  if (value instanceof PyObject) {
    if (typeof value.truthy === 'function') return value.truthy();
    if (typeof value.length === 'function') return value.length() > 0;
  }
  return true;
}

/** Whether a value is a Python int (bool included, as in Python). */
export function isInt(value) {
  return typeof value === 'bigint' || typeof value === 'boolean';
}

/** An int, float or bool as a JS number; anything else is Python's TypeError. */
export function toNumber(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') {
    const x = Number(value);
    if (!Number.isFinite(x)) throw new PyException('OverflowError', 'int too large to convert to float');
    return x;
  }
  throw new PyException('TypeError', `must be real number, not ${typeName(value)}`);
}

/** Exact comparison of two Python numbers (int, float or bool): negative, 0, positive, or NaN when unordered. */
export function compareNumbers(a, b) {
  if (typeof a === 'boolean') a = BigInt(a);
  if (typeof b === 'boolean') b = BigInt(b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'number') return -compareNumbers(b, a);
  // a is a bigint, b a float: compare exactly, as Python does (no rounding of a to float).
  if (Number.isNaN(b)) return NaN;
  if (!Number.isFinite(b)) return b > 0 ? -1 : 1;
  const floor = BigInt(Math.floor(b));
  if (a !== floor) return a < floor ? -1 : 1;
  return b === Math.floor(b) ? 0 : -1;
}

function isNumber(value) {
  return typeof value === 'number' || isInt(value);
}

/** Python's `a == b` reduced to a boolean (as `in`, `list.index` and `count` use it). */
export function pyEquals(a, b) {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    return a.items.length === b.items.length && a.items.every((item, i) => pyEquals(item, b.items[i]));
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    return a.map.size === b.map.size && a.entries.every(([k, v]) => b.has(k) && pyEquals(v, b.get(k)));
  }
  for (const [x, y] of [[a, b], [b, a]]) {
    if (x instanceof PyObject && typeof x.compare === 'function') {
      const result = x.compare('==', y);
      if (result !== NotImplemented) return truthy(result);
    }
  }
  return false;
}
