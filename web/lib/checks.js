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

/** The Error for a message the core returned: the core names the argument it blames. */
export function coreError(core, message) {
  return argumentError(Error, message, core.lastErrorArgument());
}

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

/** A shape: an array of non-negative integers (each within int32). */
export function checkShape(shape, where, name) {
  if (!Array.isArray(shape)) {
    throw argumentError(TypeError, `${where}: argument '${name}' must be an array of sizes, but got ${describe(shape)}`, name);
  }
  return shape.map((size, i) => {
    const checked = checkInt(size, where, `${name}[${i}]`);
    if (checked < 0) {
      throw argumentError(RangeError, `${where}: argument '${name}' has a negative size ${checked} at dimension ${i}`, name);
    }
    return checked;
  });
}
