// Binding a Python call's arguments to a torch signature, with Python's messages for a bad call.
import { PyException, PyList, PyTuple, isInt, typeName } from '../values.js';
import { TorchTensor } from './tensor.js';

/**
 * The arguments of a call as an object, by parameter name. `params`: names in order; a name ending in '=' has a
 * default (the value in `defaults`), '*' alone starts keyword-only parameters. `where` is the function's Python
 * name, e.g. 'Conv1d.__init__()'.
 */
export function bind(where, args, kwargs, params, defaults = {}) {
  const names = [];
  const required = new Set();
  let positional = 0;
  let keywordOnly = false;
  for (const param of params) {
    if (param === '*') {
      keywordOnly = true;
      continue;
    }
    const name = param.replace(/=$/, '');
    names.push(name);
    if (!param.endsWith('=')) required.add(name);
    if (!keywordOnly) positional++;
  }
  if (args.length > positional) {
    const plural = positional === 1 ? '' : 's';
    throw new PyException('TypeError',
      `${where} takes ${positional} positional argument${plural} but ${args.length} were given`);
  }
  const bound = {};
  args.forEach((value, i) => { bound[names[i]] = value; });
  for (const [name, value] of kwargs ?? []) {
    if (!names.includes(name)) throw unexpectedKeyword(where, name);
    if (name in bound) throw new PyException('TypeError', `${where} got multiple values for argument '${name}'`);
    bound[name] = value;
  }
  const missing = names.filter((name) => required.has(name) && !(name in bound));
  if (missing.length) {
    const quoted = missing.map((name) => `'${name}'`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
    throw new PyException('TypeError', `${where} missing ${missing.length} required positional argument` +
      `${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  for (const name of names) if (!(name in bound)) bound[name] = defaults[name] ?? null;
  return bound;
}

/** A tensor argument, or torch's TypeError naming it (`position` null when torch's message names none). */
export function tensorArg(value, where, name = 'input', position = 1) {
  if (value instanceof TorchTensor) return value;
  const at = position ? ` (position ${position})` : '';
  throw new PyException('TypeError', `${where}: argument '${name}'${at} must be Tensor, not ${typeName(value)}`);
}

/** Python's TypeError for a keyword argument `where` does not take. */
export function unexpectedKeyword(where, name) {
  return new PyException('TypeError', `${where} got an unexpected keyword argument '${name}'`);
}

/** A Python int (or bool) as a JS number; TypeError naming the argument otherwise. */
export function intArg(value, where, name) {
  if (!isInt(value)) {
    throw new PyException('TypeError', `${where}: argument '${name}' must be int, not ${typeName(value)}`);
  }
  return Number(value);
}

/** A Python int or float as a JS number. */
export function numberArg(value, where, name) {
  if (isInt(value)) return Number(value);
  if (typeof value === 'number') return value;
  throw new PyException('TypeError', `${where}: argument '${name}' must be a number, not ${typeName(value)}`);
}

/** A list or tuple's items (any other iterable host object through iterate()), or null. */
export function sequenceItems(value) {
  if (value instanceof PyList || value instanceof PyTuple) return value.items;
  if (value && typeof value.iterate === 'function' && typeof value.length === 'function') return [...value.iterate()];
  return null;
}

/**
 * Sizes given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(x.shape)`: a JS array of numbers. `intsName` is what
 * torch's message calls them for this function ('ints' or 'SymInts').
 */
export function sizesArg(args, where, intsName = 'ints') {
  const items = args.length === 1 && sequenceItems(args[0]) ? sequenceItems(args[0]) : args;
  return items.map((size, i) => {
    if (!isInt(size)) {
      throw new PyException('TypeError', `${where}: argument 'size' must be tuple of ${intsName}, but found element ` +
        `of type ${typeName(size)} at pos ${i + 1}`);
    }
    return Number(size);
  });
}
