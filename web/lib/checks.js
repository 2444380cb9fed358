// Argument checks at the JS boundary: types, integer-ness and int32 range, with messages that name
// the argument as PyTorch spells it. PyTorch's own rules (values, combinations) are the core's.

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * An error that names the argument at fault in PyTorch's spelling (`error.argument`), so that a UI can
 * show it next to the right control without parsing the message.
 */
export function argumentError(Type, message, argument) {
  const error = new Type(message);
  if (argument) error.argument = argument.replace(/\[\d+\]$/, '');
  return error;
}

/**
 * The value of a core call's outcome ({ error, argument, value }), or the Error it reports: the core
 * names the argument it blames.
 */
export function unwrap(outcome) {
  if (outcome.error) throw argumentError(Error, outcome.error, outcome.argument);
  return outcome.value;
}

// The real element count of a typed array: its `length` property can be redefined by a caller.
const typedArrayLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), 'length').get;
/** The number of elements a typed array really holds, whatever its `length` property says. */
export function elementsOf(typedArray) { return typedArrayLength.call(typedArray); }

/** Describes a value for an error message without invoking user code (no toString calls). */
export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'bigint': return `${value}n`;
    case 'number': case 'boolean': case 'undefined': return String(value);
    case 'function': return 'a function';
    case 'symbol': return 'a symbol';
    default: return ArrayBuffer.isView(value) ? `a ${value.constructor.name}` : 'an object';
  }
}

/**
 * An integer argument: a Number with an integer value or a BigInt, within int32.
 * `where` is the calling function (e.g. 'Conv1d()'), `name` PyTorch's argument name.
 */
export function checkInt(value, where, name) {
  if (typeof value === 'bigint') {
    if (value < BigInt(INT32_MIN) || value > BigInt(INT32_MAX)) throw outOfRange(value, where, name);
    return Number(value);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw argumentError(TypeError, `${where}: argument '${name}' must be an integer, but got ${describe(value)}`, name);
  }
  if (value < INT32_MIN || value > INT32_MAX) throw outOfRange(value, where, name);
  return value;
}

function outOfRange(value, where, name) {
  return argumentError(RangeError,
    `${where}: argument '${name}' must be between ${INT32_MIN} and ${INT32_MAX}, but got ${describe(value)}`, name);
}

/** An int argument that PyTorch also accepts as a one-element tuple, e.g. kernel_size=(3,). */
export function checkIntOrSingleton(value, where, name) {
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      throw argumentError(TypeError, `${where}: argument '${name}' must be an integer or a 1-element array, ` +
        `but got an array of length ${value.length}`, name);
    }
    return checkInt(value[0], where, name);
  }
  return checkInt(value, where, name);
}

/** Reads `key` of a caller's object, turning a throwing getter into an error that names the argument. */
export function readOption(object, key, where) {
  try {
    return object[key];
  } catch (error) {
    throw argumentError(TypeError, `${where}: reading option '${key}' failed: ${error?.message ?? describe(error)}`, key);
  }
}

/** The most dimensions a shape may have (PyTorch's limit too). */
export const MAX_DIMS = 64;

/**
 * Sizes as a new array of integers (each within int32), each of the caller's entries read once: what
 * crosses into the core is this copy, so no getter or proxy can change it during the call.
 */
export function readSizes(shape, where, name) {
  if (!Array.isArray(shape)) {
    throw argumentError(TypeError, `${where}: argument '${name}' must be an array of sizes, but got ${describe(shape)}`, name);
  }
  const length = shape.length;
  if (length > MAX_DIMS) {
    throw argumentError(RangeError, `${where}: argument '${name}' has ${length} dimensions, more than the maximum of ${MAX_DIMS}`, name);
  }
  const sizes = [];
  for (let i = 0; i < length; i++) sizes.push(checkInt(shape[i], where, `${name}[${i}]`));
  return sizes;
}

/** A shape: an array of non-negative integers (each within int32), copied. */
export function checkShape(shape, where, name) {
  const sizes = readSizes(shape, where, name);
  sizes.forEach((size, i) => {
    if (size < 0) {
      throw argumentError(RangeError, `${where}: argument '${name}' has a negative size ${size} at dimension ${i}`, name);
    }
  });
  return sizes;
}
