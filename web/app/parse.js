// Reads tensors typed or pasted by a person: PyTorch literals (`[[[1, 2, 3]]]`) and PyTorch printouts
// (`tensor([[[ 0.2975, -0.2548]]], requires_grad=True)`, optionally prefixed `weights: ` as the tutorial prints).
// Returns nested arrays of numbers; the package's tensor() checks shapes and sizes.

const MAX_TEXT = 2_000_000;

export class ParseError extends Error {
  constructor(message, position) {
    super(position === undefined ? message : `${message} (at character ${position + 1})`);
    this.name = 'ParseError';
    this.position = position;
  }
}

const NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|nan)/;

/** Parses a tensor literal or printout into nested arrays (or a bare number). Throws ParseError. */
export function parseTensorText(input) {
  if (typeof input !== 'string') throw new ParseError('expected text');
  if (input.length > MAX_TEXT) throw new ParseError(`the text is too long (${input.length} characters)`);
  let text = input.trim();
  // A label such as `input:` or `weights:` copied along with a printout.
  text = text.replace(/^[A-Za-z_][\w .]*:\s*/, '');
  // `Parameter containing:` header of a printed nn.Parameter.
  text = text.replace(/^Parameter containing:\s*/, '');
  let offset = input.indexOf(text);
  const call = /^(?:torch\.)?tensor\s*\(/.exec(text);
  if (call) {
    const close = text.lastIndexOf(')');
    if (close < 0) throw new ParseError("missing ')' after tensor(", offset + text.length - 1);
    if (text.slice(close + 1).trim()) throw new ParseError('unexpected text after tensor(...)', offset + close + 1);
    offset += call[0].length;
    text = text.slice(call[0].length, close);
    // Drop keyword suffixes PyTorch prints: requires_grad=True, grad_fn=<...>, dtype=..., size=(...).
    const kw = /,\s*(?:requires_grad|grad_fn|dtype|device|size)\s*=/.exec(text);
    if (kw) text = text.slice(0, kw.index);
  }
  if (text.includes('...')) {
    throw new ParseError("this printout is summarised ('...'): PyTorch left values out, so it cannot be read back. " +
      'Print it with torch.set_printoptions(threshold=100_000) first', offset + text.indexOf('...'));
  }
  let pos = 0;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos += 1;
  };
  const fail = (message) => {
    throw new ParseError(message, offset + pos);
  };
  let depth = 0;
  const value = () => {
    skip();
    if (text[pos] === '[') {
      pos += 1;
      depth += 1;
      if (depth > 64) fail('too many nested brackets');
      const items = [];
      skip();
      if (text[pos] === ']') {
        pos += 1;
        depth -= 1;
        return items;
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[pos] === ',') {
          pos += 1;
          skip();
          if (text[pos] === ']') { // trailing comma, as Python allows
            pos += 1;
            break;
          }
          continue;
        }
        if (text[pos] === ']') {
          pos += 1;
          break;
        }
        fail(pos >= text.length ? "missing ']'" : `expected ',' or ']' but found '${text[pos]}'`);
      }
      depth -= 1;
      return items;
    }
    const match = NUMBER.exec(text.slice(pos, pos + 64));
    if (!match) fail(pos >= text.length ? 'expected a number or [' : `expected a number but found '${text[pos]}'`);
    pos += match[0].length;
    const word = match[0].replace(/^[+-]/, '');
    const negative = match[0].startsWith('-');
    if (word === 'inf') return negative ? -Infinity : Infinity;
    if (word === 'nan') return NaN;
    return Number(match[0]);
  };
  skip();
  if (pos >= text.length) fail('the text is empty');
  const result = value();
  skip();
  if (pos < text.length) fail(`unexpected '${text[pos]}' after the tensor`);
  checkRectangular(result);
  return result;
}

function checkRectangular(value) {
  if (!Array.isArray(value)) return;
  const walk = (node, path) => {
    if (!Array.isArray(node)) return null;
    const shapes = node.map((child, i) => walk(child, [...path, i]));
    for (let i = 1; i < node.length; i += 1) {
      const a = Array.isArray(node[0]) ? node[0].length : -1;
      const b = Array.isArray(node[i]) ? node[i].length : -1;
      if (a !== b) {
        throw new ParseError(`the rows have different lengths: item [${[...path, 0].join('][')}] has ` +
          `${a < 0 ? 'a number' : `${a} values`} but item [${[...path, i].join('][')}] has ${b < 0 ? 'a number' : `${b} values`}`);
      }
    }
    return shapes;
  };
  walk(value, []);
}

/** Parses one number typed into a cell: `0.25`, `-1e-3`, `.5`, `inf`, `nan`. Returns null when it is not one. */
export function parseNumber(text) {
  const t = String(text).trim();
  const match = NUMBER.exec(t);
  if (!match || match[0].length !== t.length) return null;
  const word = t.replace(/^[+-]/, '');
  if (word === 'inf') return t.startsWith('-') ? -Infinity : Infinity;
  if (word === 'nan') return NaN;
  return Number(t);
}

/** Shape of rectangular nested arrays. */
export function shapeOf(value) {
  const shape = [];
  let level = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** Nested arrays → flat list, row-major. */
export function flatten(value) {
  return Array.isArray(value) ? value.flat(Infinity) : [value];
}

/** Writes nested arrays as a PyTorch literal, numbers printed exactly (shortest round-trip form). */
export function toLiteral(value) {
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
