/**
 * Python's operators on Python values: int (bigint) and float (number) arithmetic with Python's rules (true division,
 * floor division and modulo towards −∞, `**` of a negative int exponent is a float, ZeroDivisionError), sequence
 * concatenation and repetition, rich comparison, the host-object protocol (`binaryOp`, `compare`, `unaryOp`), and the
 * size limits (MemoryError) that keep a runaway program from exhausting memory.
 * @module operators
 */
import { integerPower, positivePower, ratioToDouble } from './exact.js';
import { formatPercent } from './percent-format.js';
import {
  NotImplemented, PyDict, PyException, PyList, PyObject, PyTuple, compareNumbers, isInt, pyEquals, typeName,
} from './values.js';

/** Size limits that keep a runaway program from exhausting memory. */
export const MAX_INT_BITS = 1_000_000;
export const MAX_LENGTH = 10_000_000;
export const MAX_ALLOCATED = 100_000_000;
const SMALL = 1n << 64n; // below it no length needs measuring (comparisons with huge bigints are slow in V8)

function tooBig(what) {
  return new PyException('MemoryError', `${what} exceeds the runtime's limit`);
}

/** The int itself, or a MemoryError when it has grown past MAX_INT_BITS. */
export function checkInt(value) {
  if (value < SMALL && value > -SMALL) return value;
  if ((value < 0n ? -value : value).toString(16).length * 4 > MAX_INT_BITS) {
    throw tooBig(`an int of more than ${MAX_INT_BITS} bits`);
  }
  return value;
}

// Items (characters, list slots) created since the run began: one module-wide count is enough because runs are
// synchronous and never nested; Interpreter.run resets it.
let allocated = 0;

/** Start counting a new run's allocations. */
export function resetAllocations() {
  allocated = 0;
}

/**
 * Raise when a str or list would grow past MAX_LENGTH items, or when the run has created more than MAX_ALLOCATED
 * items in all (`added` of them now: a loop that appends big strings forever fills memory long before its budget).
 */
export function checkLength(length, added = length) {
  if (length > MAX_LENGTH) throw tooBig(`a str or list of more than ${MAX_LENGTH} items`);
  allocated += added;
  if (allocated > MAX_ALLOCATED) throw tooBig(`creating more than ${MAX_ALLOCATED} str characters or list items in one run`);
}

const int = (v) => (typeof v === 'boolean' ? BigInt(v) : v);
const isNum = (v) => typeof v === 'number' || isInt(v);

function float(v) {
  if (typeof v === 'number') return v;
  const x = Number(int(v));
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'int too large to convert to float');
  return x;
}

function floorDivInt(a, b) {
  if (b === 0n) throw new PyException('ZeroDivisionError', 'integer division or modulo by zero');
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function modInt(a, b) {
  if (b === 0n) throw new PyException('ZeroDivisionError', 'integer modulo by zero');
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

// CPython's float_divmod, so that −0.0, signs and rounding match.
function divmodFloat(a, b, op) {
  if (b === 0) throw new PyException('ZeroDivisionError', op === '//' ? 'float floor division by zero' : 'float modulo');
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if ((b < 0) !== (mod < 0)) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function powFloat(a, b) {
  if (a === 0 && b < 0) throw new PyException('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && Number.isFinite(b) && !Number.isInteger(b) && Number.isFinite(a)) {
    throw new PyException('NotImplementedError', 'complex numbers (a negative number raised to a fractional power)');
  }
  if (a === 1 || b === 0) return 1; // Python: 1**nan and nan**0 are 1.0
  if (a === -1 && !Number.isFinite(b)) return 1;
  let result;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0) result = a ** b;
  else if (Number.isInteger(b) && Math.abs(b) <= 2000) result = integerPower(a, b);
  else if (a > 0) result = positivePower(a, b);
  else result = (b % 2 === 0 ? 1 : -1) * positivePower(-a, b);
  if (!Number.isFinite(result) && Number.isFinite(a) && Number.isFinite(b)) {
    throw new PyException('OverflowError', '(34, \'Numerical result out of range\')');
  }
  return result;
}

function powInt(a, b) {
  if (b < 0n) {
    if (a === 0n) throw new PyException('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return powFloat(float(a), float(b));
  }
  const bits = (a < 0n ? -a : a).toString(2).length;
  if (a !== 0n && a !== 1n && a !== -1n && BigInt(bits - 1) * b > BigInt(MAX_INT_BITS)) {
    throw tooBig(`an int of more than ${MAX_INT_BITS} bits`);
  }
  return a ** b;
}

const SAFE = 2n ** 53n;

function trueDivide(a, b) {
  if (isInt(a) && isInt(b)) {
    const [x, y] = [int(a), int(b)];
    if (y === 0n) throw new PyException('ZeroDivisionError', 'division by zero');
    const [n, d] = [x < 0n ? -x : x, y < 0n ? -y : y];
    // Python divides ints exactly and rounds once; converting large ones to floats first would round twice.
    if (n < SAFE && d < SAFE) return Number(x) / Number(y);
    const q = ratioToDouble(n, d);
    if (!Number.isFinite(q)) throw new PyException('OverflowError', 'integer division result too large for a float');
    return (x < 0n) !== (y < 0n) ? -q : q;
  }
  const y = float(b);
  if (y === 0) throw new PyException('ZeroDivisionError', 'float division by zero');
  return float(a) / y;
}

function numeric(op, a, b) {
  if (isInt(a) && isInt(b)) {
    const x = int(a);
    const y = int(b);
    switch (op) {
      case '+': return checkInt(x + y);
      case '-': return checkInt(x - y);
      case '*': return checkInt(x * y);
      case '/': return trueDivide(x, y);
      case '//': return floorDivInt(x, y);
      case '%': return modInt(x, y);
      case '**': return powInt(x, y);
      case '<<':
        if (y < 0n) throw new PyException('ValueError', 'negative shift count');
        if (x !== 0n && y > BigInt(MAX_INT_BITS)) throw tooBig(`an int of more than ${MAX_INT_BITS} bits`);
        return checkInt(x << y);
      case '>>':
        if (y < 0n) throw new PyException('ValueError', 'negative shift count');
        return x >> y;
      case '&': return x & y;
      case '|': return x | y;
      case '^': return x ^ y;
      default: return NotImplemented;
    }
  }
  if (['<<', '>>', '&', '|', '^', '@'].includes(op)) return NotImplemented;
  const x = float(a);
  const y = float(b);
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return trueDivide(x, y);
    case '//': return divmodFloat(x, y, '//')[0];
    case '%': return divmodFloat(x, y, '%')[1];
    case '**': return powFloat(x, y);
    default: return NotImplemented;
  }
}

function repeat(sequence, count) {
  const n = Number(int(count) > 0n ? int(count) : 0n);
  const length = typeof sequence === 'string' ? sequence.length : sequence.items.length;
  checkLength(length * n);
  if (typeof sequence === 'string') return sequence.repeat(n);
  const items = [];
  for (let i = 0; i < n; i++) items.push(...sequence.items);
  return sequence instanceof PyList ? new PyList(items) : new PyTuple(items);
}

// The built-in types' own implementation of an operator, or NotImplemented.
function builtinBinary(op, a, b) {
  if (isNum(a) && isNum(b)) return numeric(op, a, b);
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') {
      checkLength(a.length + b.length, b.length); // V8 joins strings as ropes: only b's characters are new
      return a + b;
    }
    if (a instanceof PyList && b instanceof PyList) {
      checkLength(a.items.length + b.items.length, b.items.length);
      return new PyList([...a.items, ...b.items]);
    }
    if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
  }
  if (op === '*') {
    const isSeq = (v) => typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;
    if (isSeq(a) && isInt(b)) return repeat(a, b);
    if (isInt(a) && isSeq(b)) return repeat(b, a);
  }
  if (op === '|' && a instanceof PyDict && b instanceof PyDict) return new PyDict([...a.entries, ...b.entries]);
  return NotImplemented;
}

/** `a op b` for `+ - * / // % ** @ << >> & | ^`, trying the left operand, then the right one reflected. */
export function binaryOp(op, a, b) {
  if (typeof a === 'string' && op === '%') return formatPercent(a, b);
  let result = builtinBinary(op, a, b);
  if (result !== NotImplemented) return result;
  if (a instanceof PyObject && typeof a.binaryOp === 'function') {
    result = a.binaryOp(op, b, false);
    if (result !== NotImplemented) return result;
  }
  if (b instanceof PyObject && typeof b.binaryOp === 'function') {
    result = b.binaryOp(op, a, true);
    if (result !== NotImplemented) return result;
  }
  if (op === '+' && typeof a === 'string') {
    throw new PyException('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (op === '+' && (a instanceof PyList || a instanceof PyTuple)) {
    const name = typeName(a);
    throw new PyException('TypeError', `can only concatenate ${name} (not "${typeName(b)}") to ${name}`);
  }
  if (op === '*' && (typeof a === 'string' || a instanceof PyList || a instanceof PyTuple || typeof b === 'string'
    || b instanceof PyList || b instanceof PyTuple)) {
    const other = typeof a === 'string' || a instanceof PyList || a instanceof PyTuple ? b : a;
    throw new PyException('TypeError', `can't multiply sequence by non-int of type '${typeName(other)}'`);
  }
  const symbol = op === '**' ? '** or pow()' : op;
  throw new PyException('TypeError', `unsupported operand type(s) for ${symbol}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** Unary `-`, `+`, `~`. */
export function unaryOp(op, value) {
  if (isInt(value)) {
    const x = int(value);
    return op === '-' ? -x : op === '+' ? x : ~x;
  }
  if (typeof value === 'number' && op !== '~') return op === '-' ? -value : value;
  if (value instanceof PyObject && typeof value.unaryOp === 'function') {
    const result = value.unaryOp(op);
    if (result !== NotImplemented) return result;
  }
  throw new PyException('TypeError', `bad operand type for unary ${op}: '${typeName(value)}'`);
}

const FLIPPED = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '!=': '!=' };

function orderSequences(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!pyEquals(a[i], b[i])) return [a[i], b[i]];
  }
  return [a.length, b.length];
}

function builtinCompare(op, a, b) {
  if (isNum(a) && isNum(b)) {
    const c = compareNumbers(a, b);
    switch (op) {
      case '<': return c < 0;
      case '<=': return c <= 0;
      case '>': return c > 0;
      case '>=': return c >= 0;
      case '==': return c === 0;
      default: return !(c === 0);
    }
  }
  if (typeof a === 'string' && typeof b === 'string') {
    switch (op) {
      case '<': return a < b;
      case '<=': return a <= b;
      case '>': return a > b;
      case '>=': return a >= b;
      case '==': return a === b;
      default: return a !== b;
    }
  }
  const bothLists = a instanceof PyList && b instanceof PyList;
  const bothTuples = a instanceof PyTuple && b instanceof PyTuple;
  if (bothLists || bothTuples) {
    if (op === '==') return pyEquals(a, b);
    if (op === '!=') return !pyEquals(a, b);
    const [x, y] = orderSequences(a.items, b.items);
    return compare(op, x, y);
  }
  if (op === '==' || op === '!=') {
    if (a instanceof PyObject || b instanceof PyObject) return NotImplemented;
    return (op === '==') === pyEquals(a, b);
  }
  return NotImplemented;
}

/** Rich comparison `a op b` (`< <= > >= == !=`); the result may be a host object (a tensor of booleans). */
export function compare(op, a, b) {
  let result = builtinCompare(op, a, b);
  if (result !== NotImplemented) return result;
  if (a instanceof PyObject && typeof a.compare === 'function') {
    result = a.compare(op, b);
    if (result !== NotImplemented) return result;
  }
  if (b instanceof PyObject && typeof b.compare === 'function') {
    result = b.compare(FLIPPED[op], a);
    if (result !== NotImplemented) return result;
  }
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  throw new PyException('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** `item in container`. */
export function contains(container, item, iterate) {
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      throw new PyException('TypeError', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (container instanceof PyDict) return container.has(item);
  if (container instanceof PyObject && typeof container.contains === 'function') return container.contains(item);
  if (!(container instanceof PyList || container instanceof PyTuple
    || (container instanceof PyObject && typeof container.iterate === 'function'))) {
    throw new PyException('TypeError', `argument of type '${typeName(container)}' is not iterable`);
  }
  for (const value of iterate(container)) {
    if (pyEquals(value, item)) return true;
  }
  return false;
}

/** `a is b`: identity; numbers, strings and None compare by value (small ints and interned strings in CPython). */
export function isSame(a, b) {
  return a === b;
}

