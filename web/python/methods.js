/**
 * Methods and attributes of the built-in types (str, list, tuple, dict, int, float), as bound PyBuiltins.
 * @module methods
 */
import { formatValue } from './format-spec.js';
import { checkLength, compare } from './operators.js';
import {
  PyBuiltin, PyDict, PyException, PyFunction, PyList, PyObject, PyTuple, isInt, pyEquals, repr, str, truthy, typeName,
} from './values.js';

/** Checks an argument count, with the wording CPython uses most ('len() takes exactly one argument (2 given)'). */
function expectArgs(name, args, min, max = min) {
  const n = args.length;
  if (n >= min && n <= max) return;
  let message;
  if (max === 0) message = `${name}() takes no arguments (${n} given)`;
  else if (min === 1 && max === 1) message = `${name}() takes exactly one argument (${n} given)`;
  else {
    const short = name.split('.').pop();
    const count = min === max ? `${plural(min)}` : n < min ? `at least ${plural(min)}` : `at most ${plural(max)}`;
    message = `${short} expected ${count}, got ${n}`;
  }
  throw new PyException('TypeError', message);
}

function plural(n) {
  return `${n} argument${n === 1 ? '' : 's'}`;
}

function expectStr(value) {
  if (typeof value !== 'string') throw new PyException('TypeError', `must be str, not ${typeName(value)}`);
  return value;
}

function index(value) {
  if (!isInt(value)) {
    throw new PyException('TypeError', `'${typeName(value)}' object cannot be interpreted as an integer`);
  }
  return Number(BigInt(value));
}

/** A view of a dict (`d.keys()`, `d.values()`, `d.items()`): iterable, printed as `dict_keys([...])`. */
class DictView extends PyObject {
  constructor(kind, dict) {
    super();
    this.kind = kind;
    this.dict = dict;
  }

  get typeName() {
    return `dict_${this.kind}`;
  }

  items() {
    const { entries } = this.dict;
    if (this.kind === 'keys') return entries.map(([k]) => k);
    if (this.kind === 'values') return entries.map(([, v]) => v);
    return entries.map(([k, v]) => new PyTuple([k, v]));
  }

  iterate() {
    return this.items();
  }

  length() {
    return this.dict.map.size;
  }

  repr() {
    return `${this.typeName}(${str(new PyList(this.items()))})`;
  }
}

/** Python's sorted(): stable, by `key`, `reverse` keeping equal items in order, comparing with `<` only. */
export function sortItems(rt, items, kwargs) {
  const key = kwargs.get('key') ?? null;
  const reverse = truthy(kwargs.get('reverse') ?? false);
  const keyed = items.map((item) => [key === null ? item : rt.call(key, [item]), item]);
  const less = (a, b) => truthy(compare('<', a, b));
  keyed.sort((a, b) => (reverse ? (less(b[0], a[0]) ? -1 : less(a[0], b[0]) ? 1 : 0) : (less(a[0], b[0]) ? -1 : less(b[0], a[0]) ? 1 : 0)));
  return keyed.map(([, item]) => item);
}

function strMethods(rt, s) {
  return {
    upper: [0, 0, () => s.toUpperCase()],
    lower: [0, 0, () => s.toLowerCase()],
    strip: [0, 1, (chars = null) => trim(s, chars, true, true)],
    lstrip: [0, 1, (chars = null) => trim(s, chars, true, false)],
    rstrip: [0, 1, (chars = null) => trim(s, chars, false, true)],
    startswith: [1, 1, (prefix) => (prefix instanceof PyTuple ? prefix.items.some((p) => s.startsWith(p)) : s.startsWith(expectStr(prefix)))],
    endswith: [1, 1, (suffix) => (suffix instanceof PyTuple ? suffix.items.some((p) => s.endsWith(p)) : s.endsWith(expectStr(suffix)))],
    find: [1, 1, (sub) => BigInt(s.indexOf(expectStr(sub)))],
    index: [1, 1, (sub) => {
      const i = s.indexOf(expectStr(sub));
      if (i < 0) throw new PyException('ValueError', 'substring not found');
      return BigInt(i);
    }],
    count: [1, 1, (sub) => BigInt(expectStr(sub) === '' ? s.length + 1 : s.split(sub).length - 1)],
    replace: [2, 2, (old, replacement) => {
      const out = s.split(expectStr(old)).join(expectStr(replacement));
      checkLength(out.length);
      return out;
    }],
    split: [0, 2, (sep = null, maxsplit = -1n) => new PyList(split(s, sep, Number(maxsplit)))],
    join: [1, 1, (iterable) => {
      const parts = [...rt.iterate(iterable)].map((part, i) => {
        if (typeof part !== 'string') {
          throw new PyException('TypeError', `sequence item ${i}: expected str instance, ${typeName(part)} found`);
        }
        return part;
      });
      const out = parts.join(s);
      checkLength(out.length);
      return out;
    }],
    format: [0, Infinity, (...args) => formatMethod(s, args, rt.currentKwargs)],
    center: [1, 2, (width, fill = ' ') => justify(s, width, fill, 'center')],
    ljust: [1, 2, (width, fill = ' ') => justify(s, width, fill, 'left')],
    rjust: [1, 2, (width, fill = ' ') => justify(s, width, fill, 'right')],
    zfill: [1, 1, (width) => {
      const w = index(width);
      checkLength(w);
      const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
      return sign + s.slice(sign.length).padStart(w - sign.length, '0');
    }],
    title: [0, 0, () => s.toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (all, before, c) => before + c.toUpperCase())],
    capitalize: [0, 0, () => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()],
    isdigit: [0, 0, () => s.length > 0 && /^[0-9]+$/.test(s)],
    isalpha: [0, 0, () => s.length > 0 && /^\p{L}+$/u.test(s)],
    isspace: [0, 0, () => s.length > 0 && /^\s+$/.test(s)],
    splitlines: [0, 0, () => new PyList(s.split(/\r\n|\r|\n/).filter((line, i, all) => i < all.length - 1 || line !== ''))],
  };
}

function trim(s, chars, left, right) {
  if (chars !== null && typeof chars !== 'string') throw new PyException('TypeError', 'strip arg must be None or str');
  const set = chars === null ? null : new Set(chars);
  const strip = (c) => (set ? set.has(c) : /\s/.test(c));
  let start = 0;
  let end = s.length;
  if (left) while (start < end && strip(s[start])) start++;
  if (right) while (end > start && strip(s[end - 1])) end--;
  return s.slice(start, end);
}

function split(s, sep, maxsplit) {
  if (sep === null) {
    const words = [];
    let rest = s.replace(/^\s+/, '');
    while (rest) {
      if (maxsplit >= 0 && words.length === maxsplit) {
        words.push(rest.replace(/\s+$/, ''));
        break;
      }
      const m = /\s+/.exec(rest);
      if (!m) {
        words.push(rest);
        break;
      }
      words.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return words;
  }
  if (typeof sep !== 'string') throw new PyException('TypeError', `must be str or None, not ${typeName(sep)}`);
  if (sep === '') throw new PyException('ValueError', 'empty separator');
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

function justify(s, width, fill, how) {
  const w = index(width);
  if (typeof fill !== 'string' || [...fill].length !== 1) {
    throw new PyException('TypeError', 'The fill character must be exactly one character long');
  }
  const missing = w - s.length;
  if (missing <= 0) return s;
  checkLength(w);
  if (how === 'left') return s + fill.repeat(missing);
  if (how === 'right') return fill.repeat(missing) + s;
  // CPython centers with the extra character on the left when the string's length is odd.
  const left = Math.floor(missing / 2) + (missing & w & 1);
  return fill.repeat(left) + s + fill.repeat(missing - left);
}

/** `'{} {:.2f} {name}'.format(...)`: automatic and manual numbering, attributes/indices are not supported. */
function formatMethod(template, args, kwargs) {
  let automatic = 0;
  const out = template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::((?:[^{}]|\{[^{}]*\})*))?\}/g, (all, field, conversion, spec = '') => {
    if (all === '{{') return '{';
    if (all === '}}') return '}';
    let value;
    if (field === '') {
      if (automatic >= args.length) {
        throw new PyException('IndexError', `Replacement index ${automatic} out of range for positional args tuple`);
      }
      value = args[automatic++];
    } else if (/^\d+$/.test(field)) {
      if (Number(field) >= args.length) {
        throw new PyException('IndexError', `Replacement index ${field} out of range for positional args tuple`);
      }
      value = args[Number(field)];
    } else if (kwargs?.has(field)) {
      value = kwargs.get(field);
    } else if (/^\w+$/.test(field)) {
      throw new PyException('KeyError', `'${field}'`);
    } else {
      throw new PyException('NotImplementedError', `str.format field '${field}' is not supported by this Python subset`);
    }
    if (conversion === 'r' || conversion === 'a') value = repr(value);
    else if (conversion === 's') value = str(value);
    return formatValue(value, spec);
  });
  return out;
}

function listMethods(rt, list) {
  const items = () => list.items;
  return {
    append: [1, 1, (x) => {
      checkLength(list.items.length + 1, 1);
      list.items.push(x);
    }],
    extend: [1, 1, (iterable) => {
      const more = [...rt.iterate(iterable)];
      checkLength(list.items.length + more.length, more.length);
      list.items.push(...more);
    }],
    insert: [2, 2, (i, x) => {
      let at = index(i);
      const n = items().length;
      if (at < 0) at = Math.max(0, at + n);
      list.items.splice(Math.min(at, n), 0, x);
    }],
    pop: [0, 1, (i = -1n) => {
      if (items().length === 0) throw new PyException('IndexError', 'pop from empty list');
      let at = index(i);
      if (at < 0) at += items().length;
      if (at < 0 || at >= items().length) throw new PyException('IndexError', 'pop index out of range');
      return list.items.splice(at, 1)[0];
    }],
    remove: [1, 1, (x) => {
      const at = items().findIndex((item) => pyEquals(item, x));
      if (at < 0) throw new PyException('ValueError', 'list.remove(x): x not in list');
      list.items.splice(at, 1);
    }],
    index: [1, 1, (x) => {
      const at = items().findIndex((item) => pyEquals(item, x));
      if (at < 0) throw new PyException('ValueError', `${repr(x)} is not in list`);
      return BigInt(at);
    }],
    count: [1, 1, (x) => BigInt(items().filter((item) => pyEquals(item, x)).length)],
    reverse: [0, 0, () => {
      list.items.reverse();
    }],
    sort: [0, 0, () => {
      list.items = sortItems(rt, list.items, rt.currentKwargs);
    }],
    copy: [0, 0, () => new PyList([...items()])],
    clear: [0, 0, () => {
      list.items.length = 0;
    }],
  };
}

function tupleMethods(tuple) {
  return {
    index: [1, 1, (x) => {
      const at = tuple.items.findIndex((item) => pyEquals(item, x));
      if (at < 0) throw new PyException('ValueError', 'tuple.index(x): x not in tuple');
      return BigInt(at);
    }],
    count: [1, 1, (x) => BigInt(tuple.items.filter((item) => pyEquals(item, x)).length)],
  };
}

function dictMethods(dict) {
  return {
    keys: [0, 0, () => new DictView('keys', dict)],
    values: [0, 0, () => new DictView('values', dict)],
    items: [0, 0, () => new DictView('items', dict)],
    get: [1, 2, (key, fallback = null) => (dict.has(key) ? dict.get(key) : fallback)],
    pop: [0, Infinity, (key, ...fallback) => {
      if (dict.has(key)) {
        const value = dict.get(key);
        dict.delete(key);
        return value;
      }
      if (fallback.length) return fallback[0];
      throw new PyException('KeyError', repr(key));
    }],
    setdefault: [1, 2, (key, fallback = null) => {
      if (!dict.has(key)) dict.set(key, fallback);
      return dict.get(key);
    }],
    update: [1, 1, (other) => {
      if (!(other instanceof PyDict)) throw new PyException('NotImplementedError', 'dict.update with a non-dict is not supported');
      for (const [k, v] of other.entries) dict.set(k, v);
    }],
    copy: [0, 0, () => new PyDict(dict.entries)],
    clear: [0, 0, () => dict.map.clear()],
  };
}

function numberAttribute(value, name) {
  if (name === 'real') return value;
  if (name === 'imag') return isInt(value) ? 0n : 0;
  if (name === 'is_integer' && typeof value === 'number') return () => Number.isInteger(value);
  if (name === 'bit_length' && isInt(value)) {
    return () => {
      const n = BigInt(value);
      return n === 0n ? 0n : BigInt((n < 0n ? -n : n).toString(2).length);
    };
  }
  if (name === 'conjugate') return () => value;
  return undefined;
}

// Methods that take keyword arguments read them from rt.currentKwargs; all others reject keywords.
const KEYWORD_METHODS = new Set(['list.sort', 'str.format']);

/** The attribute `name` of a built-in value (a bound method as a PyBuiltin), or undefined. */
export function attribute(rt, object, name) {
  let table;
  if (typeof object === 'string') table = strMethods(rt, object);
  else if (object instanceof PyList) table = listMethods(rt, object);
  else if (object instanceof PyTuple) table = tupleMethods(object);
  else if (object instanceof PyDict) table = dictMethods(object);
  else if (isInt(object) || typeof object === 'number') {
    const value = numberAttribute(object, name);
    if (typeof value !== 'function') return value;
    table = { [name]: [0, 0, value] };
  } else if (object instanceof PyFunction && name === '__name__') {
    return object.name;
  } else {
    return undefined;
  }
  if (!Object.hasOwn(table, name)) return undefined;
  const [min, max, method] = table[name];
  const qualified = `${typeName(object)}.${name}`;
  return new PyBuiltin(name, (args, kwargs) => {
    if (kwargs.size && !KEYWORD_METHODS.has(qualified)) {
      throw new PyException('TypeError', `${qualified}() takes no keyword arguments`);
    }
    expectArgs(qualified, args, min, max);
    rt.currentKwargs = kwargs;
    const result = method(...args);
    return result === undefined ? null : result;
  });
}

export { expectArgs, index };
