/**
 * Python's built-in functions that notebooks use: print, len, range, round, abs, sum, min, max, sorted, enumerate,
 * zip, the type constructors (int, float, str, bool, list, tuple, dict), isinstance, format, …
 * @module builtins
 */
import { formatValue, roundFloat } from './format-spec.js';
import { expectArgs, index, sortItems } from './methods.js';
import { binaryOp, compare } from './operators.js';
import {
  MAX_INT_DIGITS, PyBuiltin, PyDict, PyException, PyFunction, PyList, PyObject, PyTuple, isInt, repr, str, toNumber, truthy,
  typeName,
} from './values.js';

/** A lazy iterator (enumerate, zip, reversed, map, filter, iter): one pass, like Python's. */
class PyIterator extends PyObject {
  constructor(name, source) {
    super();
    this.name = name;
    this.source = source[Symbol.iterator]();
  }

  get typeName() {
    return this.name;
  }

  iterate() {
    return { [Symbol.iterator]: () => this.source };
  }

  repr() {
    return `<${this.name} object>`;
  }
}

/** `range(start, stop, step)`: lazy, indexable, with Python's repr. */
class PyRange extends PyObject {
  constructor(start, stop, step) {
    super();
    if (step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
    Object.assign(this, { start, stop, step });
  }

  get typeName() {
    return 'range';
  }

  length() {
    const { start, stop, step } = this;
    const n = step > 0n ? (stop - start + step - 1n) / step : (start - stop - step - 1n) / -step;
    return Number(n > 0n ? n : 0n);
  }

  * iterate() {
    const { start, stop, step } = this;
    for (let i = start; step > 0n ? i < stop : i > stop; i += step) yield i;
  }

  getItem(key) {
    if (!isInt(key)) throw new PyException('TypeError', `range indices must be integers or slices, not ${typeName(key)}`);
    let i = BigInt(key);
    const n = BigInt(this.length());
    if (i < 0n) i += n;
    if (i < 0n || i >= n) throw new PyException('IndexError', 'range object index out of range');
    return this.start + i * this.step;
  }

  contains(value) {
    if (!isInt(value)) return false;
    const v = BigInt(value);
    const { start, stop, step } = this;
    const inside = step > 0n ? v >= start && v < stop : v <= start && v > stop;
    return inside && (v - start) % step === 0n;
  }

  repr() {
    const step = this.step === 1n ? '' : `, ${this.step}`;
    return `range(${this.start}, ${this.stop}${step})`;
  }
}

/** A built-in type (int, float, …): callable, printed as `<class 'int'>`, usable with isinstance. */
function builtinType(name, test, construct) {
  const type = new PyBuiltin(name, construct);
  type.isClass = true;
  type.isInstance = test;
  return type;
}

function noKeywords(name, kwargs) {
  if (kwargs.size) throw new PyException('TypeError', `${name}() takes no keyword arguments`);
}

function toInt(value, base) {
  if (base !== undefined) {
    if (typeof value !== 'string') throw new PyException('TypeError', "int() can't convert non-string with explicit base");
    return parseIntText(value, Number(base));
  }
  if (typeof value === 'boolean') return BigInt(value);
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(value)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(value));
  }
  if (typeof value === 'string') return parseIntText(value, 10);
  if (value instanceof PyObject && typeof value.toInt === 'function') return value.toInt();
  throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(value)}'`);
}

function parseIntText(text, base) {
  const clean = text.trim().replace(/(?<=[0-9a-zA-Z])_(?=[0-9a-zA-Z])/g, '');
  const m = /^([+-]?)(0[xob])?([0-9a-zA-Z]+)$/i.exec(clean);
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  if (m && [...m[3].toLowerCase()].every((c) => digits.includes(c)) && (!m[2] || base !== 10)) {
    if ((base & (base - 1)) !== 0 && m[3].length > MAX_INT_DIGITS) {
      throw new PyException('ValueError', `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${m[3].length} digits; use sys.set_int_max_str_digits() to increase the limit`);
    }
    let n = 0n;
    for (const c of m[3].toLowerCase()) n = n * BigInt(base) + BigInt(digits.indexOf(c));
    return m[1] === '-' ? -n : n;
  }
  throw new PyException('ValueError', `invalid literal for int() with base ${base}: ${repr(text)}`);
}

function toFloat(value) {
  if (typeof value === 'string') {
    const clean = value.trim().replace(/(?<=\d)_(?=\d)/g, '').toLowerCase();
    const special = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity,
      '-infinity': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN };
    if (clean in special) return special[clean];
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(clean)) return Number(clean);
    throw new PyException('ValueError', `could not convert string to float: ${repr(value)}`);
  }
  if (value instanceof PyObject && typeof value.toFloat === 'function') return value.toFloat();
  if (typeof value === 'number' || isInt(value)) return toNumber(value);
  throw new PyException('TypeError', `float() argument must be a string or a real number, not '${typeName(value)}'`);
}

function roundHalfEven(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function round(value, ndigits = null) {
  if (value instanceof PyObject && typeof value.round === 'function') return value.round(ndigits);
  if (isInt(value)) {
    const n = BigInt(value);
    if (ndigits === null || index(ndigits) >= 0) return n;
    // Past the number's own digits it rounds to 0 (without building 10 ** 10**9 first).
    if (-index(ndigits) > String(n < 0n ? -n : n).length) return 0n;
    const unit = 10n ** BigInt(-index(ndigits));
    const floor = (n - (((n % unit) + unit) % unit));
    const rest = n - floor;
    const up = rest * 2n > unit || (rest * 2n === unit && (floor / unit) % 2n !== 0n);
    return up ? floor + unit : floor;
  }
  if (value instanceof PyObject) {
    throw new PyException('NotImplementedError', `round() of a ${typeName(value)} is not supported by this Python subset`);
  }
  if (typeof value !== 'number') throw new PyException('TypeError', `type ${typeName(value)} doesn't define __round__ method`);
  if (ndigits === null) {
    if (Number.isNaN(value)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(value)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(roundHalfEven(value));
  }
  return roundFloat(value, index(ndigits));
}

function extreme(rt, name, args, kwargs, wanted) {
  const key = kwargs.get('key') ?? null;
  const hasDefault = kwargs.has('default');
  for (const k of kwargs.keys()) {
    if (k !== 'key' && k !== 'default') throw new PyException('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
  }
  if (args.length === 0) throw new PyException('TypeError', `${name} expected at least 1 argument, got 0`);
  let items;
  if (args.length === 1) {
    items = [...rt.iterate(args[0])];
  } else {
    if (hasDefault) throw new PyException('TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  if (items.length === 0) {
    if (hasDefault) return kwargs.get('default');
    throw new PyException('ValueError', `${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === null ? best : rt.call(key, [best]);
  for (const item of items.slice(1)) {
    const k = key === null ? item : rt.call(key, [item]);
    if (truthy(compare(wanted, k, bestKey))) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

function isInstance(value, type) {
  if (type instanceof PyTuple) return type.items.some((t) => isInstance(value, t));
  if (type instanceof PyBuiltin && type.isClass) return type.isInstance(value);
  if (type instanceof PyObject && typeof type.isInstance === 'function') return type.isInstance(value);
  throw new PyException('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

/** The builtins of one interpreter (print writes to its output). */
export function createBuiltins(rt) {
  const builtins = new Map();
  const def = (name, fn) => builtins.set(name, new PyBuiltin(name, fn));
  const positional = (name, min, max, fn) => def(name, (args, kwargs) => {
    noKeywords(name, kwargs);
    expectArgs(name, args, min, max);
    return fn(...args);
  });

  def('print', (args, kwargs) => {
    const sep = kwargs.get('sep') ?? ' ';
    const end = kwargs.get('end') ?? '\n';
    for (const [k, v] of [['sep', sep], ['end', end]]) {
      if (typeof v !== 'string') throw new PyException('TypeError', `${k} must be None or a string, not ${typeName(v)}`);
    }
    for (const k of kwargs.keys()) {
      if (k === 'flush') continue;
      if (k !== 'sep' && k !== 'end') {
        if (k === 'file') throw new PyException('NotImplementedError', 'print(file=...) is not supported by this Python subset');
        throw new PyException('TypeError', `'${k}' is an invalid keyword argument for print()`);
      }
    }
    rt.write(args.map(str).join(sep) + end);
  });
  positional('len', 1, 1, (value) => {
    if (typeof value === 'string') return BigInt([...value].length);
    if (value instanceof PyList || value instanceof PyTuple) return BigInt(value.items.length);
    if (value instanceof PyDict) return BigInt(value.map.size);
    if (value instanceof PyObject && typeof value.length === 'function') return BigInt(value.length());
    throw new PyException('TypeError', `object of type '${typeName(value)}' has no len()`);
  });
  builtins.set('range', builtinType('range', (v) => v instanceof PyRange, (args, kwargs) => {
    noKeywords('range', kwargs);
    if (args.length === 0) throw new PyException('TypeError', 'range expected at least 1 argument, got 0');
    if (args.length > 3) throw new PyException('TypeError', `range expected at most 3 arguments, got ${args.length}`);
    const ints = args.map((a) => {
      if (!isInt(a)) throw new PyException('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`);
      return BigInt(a);
    });
    return ints.length === 1 ? new PyRange(0n, ints[0], 1n) : new PyRange(ints[0], ints[1], ints[2] ?? 1n);
  }));
  def('round', (args, kwargs) => {
    const ndigits = kwargs.has('ndigits') ? kwargs.get('ndigits') : args[1] ?? null;
    const number = kwargs.has('number') ? kwargs.get('number') : args[0];
    if (number === undefined) throw new PyException('TypeError', "round() missing required argument 'number' (pos 1)");
    return round(number, ndigits);
  });
  positional('abs', 1, 1, (value) => {
    if (isInt(value)) return BigInt(value) < 0n ? -BigInt(value) : BigInt(value);
    if (typeof value === 'number') return Math.abs(value);
    if (value instanceof PyObject && typeof value.abs === 'function') return value.abs();
    throw new PyException('TypeError', `bad operand type for abs(): '${typeName(value)}'`);
  });
  def('sum', (args, kwargs) => {
    expectArgs('sum', args, 1, 2);
    let total = kwargs.get('start') ?? args[1] ?? 0n;
    if (typeof total === 'string') throw new PyException('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
    for (const item of rt.iterate(args[0])) total = binaryOp('+', total, item);
    return total;
  });
  def('min', (args, kwargs) => extreme(rt, 'min', args, kwargs, '<'));
  def('max', (args, kwargs) => extreme(rt, 'max', args, kwargs, '>'));
  def('sorted', (args, kwargs) => {
    expectArgs('sorted', args, 1, 1);
    return new PyList(sortItems(rt, [...rt.iterate(args[0])], kwargs));
  });
  positional('reversed', 1, 1, (value) => {
    if (value instanceof PyList || value instanceof PyTuple) return new PyIterator('list_reverseiterator', [...value.items].reverse());
    if (typeof value === 'string') return new PyIterator('reversed', [...value].reverse());
    if (value instanceof PyRange || (value instanceof PyObject && typeof value.iterate === 'function')) {
      return new PyIterator('reversed', [...rt.iterate(value)].reverse());
    }
    throw new PyException('TypeError', `'${typeName(value)}' object is not reversible`);
  });
  def('enumerate', (args, kwargs) => {
    expectArgs('enumerate', args, 1, 2);
    let i = BigInt(kwargs.get('start') ?? args[1] ?? 0n);
    const source = rt.iterate(args[0]);
    return new PyIterator('enumerate', (function* enumerate() {
      for (const item of source) yield new PyTuple([i++, item]);
    }()));
  });
  def('zip', (args, kwargs) => {
    const strict = truthy(kwargs.get('strict') ?? false);
    const sources = args.map((a) => {
      return rt.iterate(a)[Symbol.iterator]();
    });
    return new PyIterator('zip', (function* zip() {
      if (sources.length === 0) return;
      for (;;) {
        const steps = sources.map((s) => s.next());
        if (steps.some((s) => s.done)) {
          if (strict && !steps.every((s) => s.done)) throw new PyException('ValueError', 'zip() arguments have different lengths');
          return;
        }
        yield new PyTuple(steps.map((s) => s.value));
      }
    }()));
  });
  positional('map', 2, Infinity, (fn, ...iterables) => {
    const sources = iterables.map((a) => rt.iterate(a)[Symbol.iterator]());
    return new PyIterator('map', (function* map() {
      for (;;) {
        const steps = sources.map((s) => s.next());
        if (steps.some((s) => s.done)) return;
        yield rt.call(fn, steps.map((s) => s.value));
      }
    }()));
  });
  positional('filter', 2, 2, (fn, iterable) => {
    const source = rt.iterate(iterable);
    return new PyIterator('filter', (function* filter() {
      for (const item of source) if (truthy(fn === null ? item : rt.call(fn, [item]))) yield item;
    }()));
  });
  positional('iter', 1, 1, (value) => new PyIterator('iterator', rt.iterate(value)));
  positional('next', 1, 2, (iterator, ...fallback) => {
    if (!(iterator instanceof PyIterator)) throw new PyException('TypeError', `'${typeName(iterator)}' object is not an iterator`);
    const step = iterator.source.next();
    if (!step.done) return step.value;
    if (fallback.length) return fallback[0];
    throw new PyException('StopIteration', '');
  });
  positional('all', 1, 1, (iterable) => [...rt.iterate(iterable)].every(truthy));
  positional('any', 1, 1, (iterable) => [...rt.iterate(iterable)].some(truthy));
  positional('divmod', 2, 2, (a, b) => {
    if ((typeof a === 'number' || typeof b === 'number') && toNumber(b) === 0) {
      throw new PyException('ZeroDivisionError', 'float divmod()');
    }
    return new PyTuple([binaryOp('//', a, b), binaryOp('%', a, b)]);
  });
  positional('pow', 2, 2, (a, b) => binaryOp('**', a, b));
  positional('repr', 1, 1, (value) => repr(value));
  positional('format', 1, 2, (value, spec = '') => formatValue(value, spec));
  positional('chr', 1, 1, (code) => {
    const n = index(code);
    if (n < 0 || n > 0x10ffff) throw new PyException('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  });
  positional('ord', 1, 1, (c) => {
    if (typeof c !== 'string' || [...c].length !== 1) {
      throw new PyException('TypeError', `ord() expected a character, but string of length ${[...String(c)].length} found`);
    }
    return BigInt(c.codePointAt(0));
  });
  const integer = (n) => {
    if (!isInt(n)) throw new PyException('TypeError', `'${typeName(n)}' object cannot be interpreted as an integer`);
    return BigInt(n);
  };
  positional('hex', 1, 1, (n) => formatValue(integer(n), '#x'));
  positional('bin', 1, 1, (n) => formatValue(integer(n), '#b'));
  positional('callable', 1, 1, (v) => v instanceof PyBuiltin || v instanceof PyFunction || (v instanceof PyObject && typeof v.call === 'function'));
  positional('isinstance', 2, 2, isInstance);
  positional('hasattr', 2, 2, (object, name) => {
    try {
      rt.getAttribute(object, name);
      return true;
    } catch (error) {
      if (error instanceof PyException && error.type === 'AttributeError') return false;
      throw error;
    }
  });
  positional('getattr', 2, 3, (object, name, ...fallback) => {
    try {
      return rt.getAttribute(object, name);
    } catch (error) {
      if (fallback.length && error instanceof PyException && error.type === 'AttributeError') return fallback[0];
      throw error;
    }
  });
  positional('type', 1, 1, (value) => {
    const type = builtins.get(typeName(value));
    if (type?.isClass) return type;
    if (value instanceof PyObject && value.pyClass) return value.pyClass;
    throw new PyException('NotImplementedError', `type() of a ${typeName(value)} is not supported by this Python subset`);
  });

  const type = (name, test, construct) => builtins.set(name, builtinType(name, test, construct));
  type('int', isInt, (args, kwargs) => {
    const base = kwargs.get('base') ?? args[1];
    expectArgs('int', args, 0, 2);
    return args.length === 0 ? 0n : toInt(args[0], base);
  });
  type('float', (v) => typeof v === 'number', (args, kwargs) => {
    noKeywords('float', kwargs);
    expectArgs('float', args, 0, 1);
    return args.length === 0 ? 0 : toFloat(args[0]);
  });
  type('str', (v) => typeof v === 'string', (args) => {
    expectArgs('str', args, 0, 1);
    return args.length === 0 ? '' : str(args[0]);
  });
  type('bool', (v) => typeof v === 'boolean', (args) => {
    expectArgs('bool', args, 0, 1);
    return args.length === 0 ? false : truthy(args[0]);
  });
  type('list', (v) => v instanceof PyList, (args) => {
    expectArgs('list', args, 0, 1);
    return new PyList(args.length === 0 ? [] : [...rt.iterate(args[0])]);
  });
  type('tuple', (v) => v instanceof PyTuple, (args) => {
    expectArgs('tuple', args, 0, 1);
    if (args[0] instanceof PyTuple) return args[0];
    return new PyTuple(args.length === 0 ? [] : [...rt.iterate(args[0])]);
  });
  type('dict', (v) => v instanceof PyDict, (args, kwargs) => {
    expectArgs('dict', args, 0, 1);
    const dict = new PyDict();
    if (args[0] instanceof PyDict) for (const [k, v] of args[0].entries) dict.set(k, v);
    else if (args.length) {
      let n = 0;
      for (const pair of rt.iterate(args[0])) {
        if (!rt.isIterable(pair)) {
          throw new PyException('TypeError', `cannot convert dictionary update sequence element #${n} to a sequence`);
        }
        n++;
        const items = [...rt.iterate(pair)];
        if (items.length !== 2) {
          throw new PyException('ValueError', `dictionary update sequence element #${n - 1} has length ${items.length}; 2 is required`);
        }
        dict.set(items[0], items[1]);
      }
    }
    for (const [k, v] of kwargs) dict.set(k, v);
    return dict;
  });
  return builtins;
}
