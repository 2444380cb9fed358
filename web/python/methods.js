/**
 * Methods and attributes of the built-in types (str, list, tuple, dict, int, float), as bound PyBuiltins.
 * @module methods
 */
import { formatValue } from './format-spec.js';
import { checkLength, compare } from './operators.js';
import {
  PyBuiltin, PyDict, PyException, PyFunction, PyList, PyObject, PyTuple, isInt, pyEquals, repr, str, truthy, typeName,
} from './values.js';

function expectArgs(name, args, min, max = min) {
  if (args.length < min || args.length > max) {
    const count = min === max ? `exactly ${plural(min)}` : args.length < min ? `at least ${plural(min)}` : `at most ${plural(max)}`;
    const message = max === 0 ? `${name}() takes no arguments (${args.length} given)` : `${name}() takes ${count} (${args.length} given)`;
    throw new PyException('TypeError', message);
  }
}

function plural(n) {
  return `${n} argument${n === 1 ? '' : 's'}`;
}

function expectStr(method, value) {
  if (typeof value !== 'string') throw new PyException('TypeError', `${method} arg must be None or str`);
  return value;
}

function index(value, what) {
  if (!isInt(value)) {
    throw new PyException('TypeError', `'${typeName(value)}' object cannot be interpreted as an integer${what ?? ''}`);
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

function sortItems(rt, items, kwargs) {
  const key = kwargs.get('key') ?? null;
  const reverse = truthy(kwargs.get('reverse') ?? false);
  const keyed = items.map((item) => [key === null ? item : rt.call(key, [item]), item]);
  // Python's sort is stable and uses only `<`; reverse keeps equal items in their order.
  const less = (a, b) => truthy(compare('<', a, b));
  keyed.sort((a, b) => (reverse ? (less(b[0], a[0]) ? -1 : less(a[0], b[0]) ? 1 : 0) : (less(a[0], b[0]) ? -1 : less(b[0], a[0]) ? 1 : 0)));
  return keyed.map(([, item]) => item);
}

export { sortItems };

function strMethods(rt, s) {
  return {
    upper: () => s.toUpperCase(),
    lower: () => s.toLowerCase(),
    strip: (chars = null) => trim(s, chars, true, true),
    lstrip: (chars = null) => trim(s, chars, true, false),
    rstrip: (chars = null) => trim(s, chars, false, true),
    startswith: (prefix) => (prefix instanceof PyTuple ? prefix.items.some((p) => s.startsWith(p)) : s.startsWith(expectStr('startswith', prefix))),
    endswith: (suffix) => (suffix instanceof PyTuple ? suffix.items.some((p) => s.endsWith(p)) : s.endsWith(expectStr('endswith', suffix))),
    find: (sub) => BigInt(s.indexOf(expectStr('find', sub))),
    index: (sub) => {
      const i = s.indexOf(expectStr('index', sub));
      if (i < 0) throw new PyException('ValueError', 'substring not found');
      return BigInt(i);
    },
    count: (sub) => BigInt(expectStr('count', sub) === '' ? s.length + 1 : s.split(sub).length - 1),
    replace: (old, replacement) => {
      const out = s.split(expectStr('replace', old)).join(expectStr('replace', replacement));
      checkLength(out.length);
      return out;
    },
    split: (sep = null, maxsplit = -1n) => new PyList(split(s, sep, Number(maxsplit))),
    join: (iterable) => {
      const parts = [...rt.iterate(iterable)].map((part, i) => {
        if (typeof part !== 'string') {
          throw new PyException('TypeError', `sequence item ${i}: expected str instance, ${typeName(part)} found`);
        }
        return part;
      });
      const out = parts.join(s);
      checkLength(out.length);
      return out;
    },
    format: (...args) => formatMethod(s, args, rt.currentKwargs),
    center: (width, fill = ' ') => justify(s, width, fill, 'center'),
    ljust: (width, fill = ' ') => justify(s, width, fill, 'left'),
    rjust: (width, fill = ' ') => justify(s, width, fill, 'right'),
    zfill: (width) => {
      const w = index(width);
      const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
      return sign + s.slice(sign.length).padStart(w - sign.length, '0');
    },
    title: () => s.toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (all, before, c) => before + c.toUpperCase()),
    capitalize: () => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
    isdigit: () => s.length > 0 && /^[0-9]+$/.test(s),
    isalpha: () => s.length > 0 && /^\p{L}+$/u.test(s),
    isspace: () => s.length > 0 && /^\s+$/.test(s),
    splitlines: () => new PyList(s.split(/\r\n|\r|\n/).filter((line, i, all) => i < all.length - 1 || line !== '')),
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
    append: (x) => {
      checkLength(list.items.length + 1);
      list.items.push(x);
    },
    extend: (iterable) => {
      const more = [...rt.iterate(iterable)];
      checkLength(list.items.length + more.length);
      list.items.push(...more);
    },
    insert: (i, x) => {
      let at = index(i);
      const n = items().length;
      if (at < 0) at = Math.max(0, at + n);
      list.items.splice(Math.min(at, n), 0, x);
    },
    pop: (i = -1n) => {
      if (items().length === 0) throw new PyException('IndexError', 'pop from empty list');
      let at = index(i);
      if (at < 0) at += items().length;
      if (at < 0 || at >= items().length) throw new PyException('IndexError', 'pop index out of range');
      return list.items.splice(at, 1)[0];
    },
    remove: (x) => {
      const at = items().findIndex((item) => pyEquals(item, x));
      if (at < 0) throw new PyException('ValueError', 'list.remove(x): x not in list');
      list.items.splice(at, 1);
    },
    index: (x) => {
      const at = items().findIndex((item) => pyEquals(item, x));
      if (at < 0) throw new PyException('ValueError', `${repr(x)} is not in list`);
      return BigInt(at);
    },
    count: (x) => BigInt(items().filter((item) => pyEquals(item, x)).length),
    reverse: () => {
      list.items.reverse();
    },
    sort: () => {
      list.items = sortItems(rt, list.items, rt.currentKwargs);
    },
    copy: () => new PyList([...items()]),
    clear: () => {
      list.items.length = 0;
    },
  };
}

function tupleMethods(tuple) {
  return {
    index: (x) => {
      const at = tuple.items.findIndex((item) => pyEquals(item, x));
      if (at < 0) throw new PyException('ValueError', 'tuple.index(x): x not in tuple');
      return BigInt(at);
    },
    count: (x) => BigInt(tuple.items.filter((item) => pyEquals(item, x)).length),
  };
}

function dictMethods(dict) {
  return {
    keys: () => new DictView('keys', dict),
    values: () => new DictView('values', dict),
    items: () => new DictView('items', dict),
    get: (key, fallback = null) => (dict.has(key) ? dict.get(key) : fallback),
    pop: (key, ...fallback) => {
      if (dict.has(key)) {
        const value = dict.get(key);
        dict.delete(key);
        return value;
      }
      if (fallback.length) return fallback[0];
      throw new PyException('KeyError', repr(key));
    },
    setdefault: (key, fallback = null) => {
      if (!dict.has(key)) dict.set(key, fallback);
      return dict.get(key);
    },
    update: (other) => {
      if (!(other instanceof PyDict)) throw new PyException('NotImplementedError', 'dict.update with a non-dict is not supported');
      for (const [k, v] of other.entries) dict.set(k, v);
    },
    copy: () => new PyDict(dict.entries),
    clear: () => dict.map.clear(),
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
    table = { [name]: value };
  } else if (object instanceof PyFunction && name === '__name__') {
    return object.name;
  } else {
    return undefined;
  }
  if (!Object.hasOwn(table, name)) return undefined;
  const method = table[name];
  const qualified = `${typeName(object)}.${name}`;
  return new PyBuiltin(name, (args, kwargs) => {
    if (kwargs.size && !KEYWORD_METHODS.has(qualified)) {
      throw new PyException('TypeError', `${qualified}() takes no keyword arguments`);
    }
    if (!KEYWORD_METHODS.has(qualified)) {
      const [min, max] = arity(method);
      if (args.length < min || args.length > max) expectArgs(qualified, args, min, max);
    }
    rt.currentKwargs = kwargs;
    const result = method(...args);
    return result === undefined ? null : result;
  });
}

// [required, maximum] argument counts of a method written as an arrow function with defaults.
function arity(fn) {
  const source = fn.toString();
  const params = source.slice(0, source.indexOf('=>')).replace(/[()\s]/g, '');
  if (params.includes('...')) return [0, Infinity];
  const list = params ? params.split(',') : [];
  return [list.filter((p) => !p.includes('=')).length, list.length];
}

export { expectArgs, index };
