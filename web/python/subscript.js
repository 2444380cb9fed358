/**
 * Indexing and slicing of the built-in sequences and dicts (`a[i]`, `a[1:5:2]`, `a[i] = v`, `a[1:3] = […]`), with
 * Python's clamping of slice bounds and its messages; host objects get the key as it is (`getItem`/`setItem`).
 * @module subscript
 */
import { checkLength } from './operators.js';
import { PyDict, PyException, PyList, PyObject, PySlice, PyTuple, isInt, repr, typeName } from './values.js';

/** A Python index (possibly negative) into a sequence of `length`, or null when out of range. */
export function normalizeIndex(key, length) {
  let i = Number(BigInt(key));
  if (i < 0) i += length;
  return i >= 0 && i < length ? i : null;
}

function sliceBound(value) {
  if (value === null) return null;
  if (!isInt(value)) {
    throw new PyException('TypeError', 'slice indices must be integers or None or have an __index__ method');
  }
  return Number(BigInt(value));
}

/** Python's `slice.indices(length)`: start, stop and step clamped to a sequence of `length`. */
export function sliceRange(slice, length) {
  const step = sliceBound(slice.step) ?? 1;
  if (step === 0) throw new PyException('ValueError', 'slice step cannot be zero');
  const clamp = (v, fallback) => {
    if (v === null) return fallback;
    if (v < 0) return Math.max(v + length, step < 0 ? -1 : 0);
    return Math.min(v, step < 0 ? length - 1 : length);
  };
  return {
    start: clamp(sliceBound(slice.start), step < 0 ? length - 1 : 0),
    stop: clamp(sliceBound(slice.stop), step < 0 ? -1 : length),
    step,
  };
}

/** The indices a slice selects from a sequence of `length`. */
export function sliceIndices(slice, length) {
  const { start, stop, step } = sliceRange(slice, length);
  const out = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

// Python indexes strings by code point; only text with surrogate pairs needs splitting.
const characters = (s) => (/[\uD800-\uDFFF]/.test(s) ? [...s] : s);

/** `object[key]`. */
export function getItem(object, key) {
  if (object instanceof PyList || object instanceof PyTuple || typeof object === 'string') {
    const items = typeof object === 'string' ? characters(object) : object.items;
    const kind = typeName(object);
    if (key instanceof PySlice) {
      const picked = sliceIndices(key, items.length).map((i) => items[i]);
      if (typeof object === 'string') return picked.join('');
      return object instanceof PyList ? new PyList(picked) : new PyTuple(picked);
    }
    if (!isInt(key)) {
      if (typeof object === 'string') throw new PyException('TypeError', `string indices must be integers, not '${typeName(key)}'`);
      throw new PyException('TypeError', `${kind} indices must be integers or slices, not ${typeName(key)}`);
    }
    const i = normalizeIndex(key, items.length);
    if (i === null) throw new PyException('IndexError', `${kind === 'str' ? 'string' : kind} index out of range`);
    return items[i];
  }
  if (object instanceof PyDict) {
    if (!object.has(key)) throw new PyException('KeyError', repr(key));
    return object.get(key);
  }
  if (object instanceof PyObject && typeof object.getItem === 'function') return object.getItem(key);
  throw new PyException('TypeError', `'${typeName(object)}' object is not subscriptable`);
}

/** `object[key] = value`; `iterate` turns the value of a slice assignment into items. */
export function setItem(object, key, value, iterate) {
  if (object instanceof PyList) {
    if (key instanceof PySlice) {
      const items = [...iterate(value)];
      const { start, stop, step } = sliceRange(key, object.items.length);
      if (step === 1) {
        const removed = Math.max(0, stop - start);
        checkLength(object.items.length - removed + items.length, items.length);
        object.items.splice(start, removed, ...items);
        return;
      }
      const indices = sliceIndices(key, object.items.length);
      if (items.length !== indices.length) {
        throw new PyException('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${indices.length}`);
      }
      indices.forEach((index, j) => { object.items[index] = items[j]; });
      return;
    }
    if (!isInt(key)) throw new PyException('TypeError', `list indices must be integers or slices, not ${typeName(key)}`);
    const i = normalizeIndex(key, object.items.length);
    if (i === null) throw new PyException('IndexError', 'list assignment index out of range');
    object.items[i] = value;
    return;
  }
  if (object instanceof PyDict) {
    object.set(key, value);
    return;
  }
  if (object instanceof PyObject && typeof object.setItem === 'function') {
    object.setItem(key, value);
    return;
  }
  throw new PyException('TypeError', `'${typeName(object)}' object does not support item assignment`);
}
