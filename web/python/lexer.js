/**
 * Python source → tokens: NAME, NUMBER, STRING, FSTRING, OP, NEWLINE, INDENT, DEDENT, EOF, each with its line.
 * Newlines inside brackets and after a backslash join lines, as in Python; indentation becomes INDENT/DEDENT.
 * @module lexer
 */
import { PyException } from './values.js';

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=',
  '%=', '@=', '&=', '|=', '^=', ':=', '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']',
  '{', '}', ',', ':', '.', ';', '=',
];
// CPython's tokenizer limit; it also keeps the recursive-descent parser far from the JS stack's end.
const MAX_NESTING = 200;
const CLOSING = { ')': '(', ']': '[', '}': '{' };
const SIMPLE_ESCAPES = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v' };

/** A SyntaxError at a line, with Python's message. */
export function syntaxError(message, line, type = 'SyntaxError') {
  const error = new PyException(type, message);
  error.line = line;
  return error;
}

/** Python's IndentationError (a SyntaxError subclass). */
export function indentationError(message, line) {
  return syntaxError(message, line, 'IndentationError');
}

/** Tokenize a whole program (throws SyntaxError). */
export function tokenize(source) {
  return new Lexer(source).run();
}

class Lexer {
  constructor(source) {
    this.src = source.replace(/\r\n?/g, '\n');
    this.pos = 0;
    this.line = 1;
    this.tokens = [];
    this.indents = [0];
    this.brackets = [];
  }

  push(type, value, line = this.line) {
    this.tokens.push({ type, value, line });
  }

  run() {
    let atLineStart = true;
    while (this.pos < this.src.length) {
      if (atLineStart && this.brackets.length === 0) {
        if (!this.indentation()) continue;
        atLineStart = false;
      }
      const ch = this.src[this.pos];
      if (ch === '\n') {
        this.pos++;
        if (this.brackets.length === 0) {
          this.push('NEWLINE', null);
          atLineStart = true;
        }
        this.line++;
      } else if (ch === ' ' || ch === '\t' || ch === '\f') {
        this.pos++;
      } else if (ch === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (ch === '\\') {
        if (this.src[this.pos + 1] !== '\n') throw syntaxError('unexpected character after line continuation character', this.line);
        this.pos += 2;
        this.line++;
      } else {
        this.token();
      }
    }
    if (this.brackets.length > 0) {
      const [open, line] = this.brackets[this.brackets.length - 1];
      throw syntaxError(`'${open}' was never closed`, line);
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.type !== 'NEWLINE' && last.type !== 'DEDENT') this.push('NEWLINE', null);
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push('DEDENT', null);
    }
    this.push('EOF', null);
    return this.tokens;
  }

  // Measures a line's indentation; returns false for a blank or comment-only line (which it skips).
  indentation() {
    let width = 0;
    let p = this.pos;
    for (; p < this.src.length; p++) {
      const c = this.src[p];
      if (c === ' ') width++;
      else if (c === '\t') width = (Math.floor(width / 8) + 1) * 8;
      else if (c !== '\f') break;
    }
    const c = this.src[p];
    if (c === '\n' || c === '#' || c === undefined) {
      while (p < this.src.length && this.src[p] !== '\n') p++;
      this.pos = Math.min(p + 1, this.src.length);
      if (p < this.src.length) this.line++;
      return false;
    }
    if (c === '\\' && this.src[p + 1] === '\n') {
      this.pos = p;
      return true;
    }
    this.pos = p;
    const current = this.indents[this.indents.length - 1];
    if (width > current) {
      // An indent that no ':' opened is reported by the parser, so that an earlier error (a missing ':') wins.
      this.indents.push(width);
      this.push('INDENT', null);
    } else {
      while (width < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.push('DEDENT', null);
      }
      if (width !== this.indents[this.indents.length - 1]) {
        throw indentationError('unindent does not match any outer indentation level', this.line);
      }
    }
    return true;
  }

  token() {
    const src = this.src;
    const ch = src[this.pos];
    const stringStart = /^([rRbBuUfF]{0,2})(['"])/.exec(src.slice(this.pos, this.pos + 3));
    if (stringStart && /^(|[rR]|[bB]|[uU]|[fF]|[rR][bBfF]|[bBfF][rR])$/.test(stringStart[1])) {
      this.string(stringStart[1].toLowerCase());
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      const match = /^[A-Za-z_0-9\u0080-\uffff]+/.exec(src.slice(this.pos));
      this.push('NAME', match[0]);
      this.pos += match[0].length;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[this.pos + 1]))) {
      this.number();
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, this.pos));
      if (!op) {
        if (ch === '$' || ch === '?' || ch === '`' || ch === '!') throw syntaxError('invalid syntax', this.line);
        throw syntaxError(`invalid character '${ch}' (U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')})`, this.line);
      }
      if (op === '(' || op === '[' || op === '{') {
        if (this.brackets.length === MAX_NESTING) throw syntaxError('too many nested parentheses', this.line);
        this.brackets.push([op, this.line]);
      }
      if (CLOSING[op]) {
        const open = this.brackets.pop();
        if (!open) throw syntaxError(`unmatched '${op}'`, this.line);
        if (open[0] !== CLOSING[op]) {
          const message = open[1] === this.line
            ? `closing parenthesis '${op}' does not match opening parenthesis '${open[0]}'`
            : `closing parenthesis '${op}' does not match opening parenthesis '${open[0]}' on line ${open[1]}`;
          throw syntaxError(message, this.line);
        }
      }
      this.push('OP', op);
      this.pos += op.length;
    }
  }

  number() {
    const rest = this.src.slice(this.pos);
    const line = this.line;
    let match = /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+/.exec(rest);
    if (match) {
      const text = match[0].replace(/_/g, '');
      this.pos += match[0].length;
      this.push('NUMBER', BigInt(text), line);
    } else {
      match = /^(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest);
      const text = match[0];
      this.pos += text.length;
      const clean = text.replace(/_/g, '');
      if (/[.eE]/.test(clean)) {
        this.push('NUMBER', Number(clean), line);
      } else {
        if (/^0+[1-9]/.test(clean)) {
          throw syntaxError('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', line);
        }
        this.push('NUMBER', BigInt(clean), line);
      }
    }
    const next = this.src[this.pos];
    if (next === 'j' || next === 'J') {
      this.pos++;
      this.tokens[this.tokens.length - 1].imaginary = true;
    } else if (next && /[A-Za-z_0-9]/.test(next)) {
      throw syntaxError('invalid decimal literal', line);
    }
  }

  string(prefix) {
    const line = this.line;
    this.pos += prefix.length;
    const quote = this.src.startsWith(this.src[this.pos].repeat(3), this.pos) ? this.src[this.pos].repeat(3) : this.src[this.pos];
    this.pos += quote.length;
    const start = this.pos;
    for (;;) {
      if (this.pos >= this.src.length || (quote.length === 1 && this.src[this.pos] === '\n')) {
        throw quote.length === 3
          ? syntaxError(`unterminated triple-quoted string literal (detected at line ${this.line})`, line)
          : syntaxError(`unterminated string literal (detected at line ${line})`, line);
      }
      if (this.src[this.pos] === '\\') {
        if (this.src[this.pos + 1] === '\n') this.line++;
        this.pos += 2;
        continue;
      }
      if (this.src.startsWith(quote, this.pos)) break;
      if (this.src[this.pos] === '\n') this.line++;
      this.pos++;
    }
    const body = this.src.slice(start, this.pos);
    this.pos += quote.length;
    const raw = prefix.includes('r');
    if (prefix.includes('f')) {
      this.push('FSTRING', fStringParts(body, raw, line), line);
    } else {
      this.push('STRING', raw ? body : unescape(body, line), line);
      if (prefix.includes('b')) this.tokens[this.tokens.length - 1].bytes = true;
    }
  }
}

/** Python's backslash escapes in a non-raw string literal. */
function unescape(body, line) {
  return body.replace(/\\(\n|x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|N\{[^}]*\}|[0-7]{1,3}|.)/gs, (all, e) => {
    if (e === '\n') return '';
    if (SIMPLE_ESCAPES[e] !== undefined) return SIMPLE_ESCAPES[e];
    if (/^[0-7]/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    const width = { x: 2, u: 4, U: 8 }[e[0]];
    if (width) {
      if (e.length !== width + 1) {
        const kind = e[0] === 'x' ? `\\xXX` : e[0] === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
        throw syntaxError(`(unicode error) 'unicodeescape' codec can't decode bytes: truncated ${kind} escape`, line);
      }
      return String.fromCodePoint(parseInt(e.slice(1), 16));
    }
    if (e[0] === 'N') throw syntaxError('(unicode error) \\N{...} escapes are not supported here', line);
    return all;
  });
}

/**
 * Splits an f-string's body into literal text and replacement fields `{expr!conv:spec}`; the spec is itself a list
 * of parts (nested fields). Expressions stay source text: the parser parses them.
 */
function fStringParts(body, raw, line) {
  const parts = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) parts.push(raw ? text : unescape(text, line));
    text = '';
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '{' && body[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (c === '}' && body[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (c === '}') {
      throw syntaxError("f-string: single '}' is not allowed", line);
    } else if (c === '{') {
      flush();
      const fieldLine = line + (body.slice(0, i).match(/\n/g)?.length ?? 0);
      const field = fStringField(body, i + 1, raw, fieldLine);
      parts.push(field.part);
      i = field.end;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return parts;
}

function fStringField(body, start, raw, line) {
  let depth = 0;
  let i = start;
  let quote = null;
  for (; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if ('([{'.includes(c)) {
      depth++;
    } else if (')]}'.includes(c) && depth > 0) {
      depth--;
    } else if (depth === 0 && (c === '}' || c === ':' || (c === '!' && body[i + 1] !== '='))) {
      break;
    }
  }
  let expression = body.slice(start, i);
  if (!expression.trim()) throw syntaxError('f-string: empty expression not allowed', line);
  let debug = null;
  const selfDoc = /^(.*[^=!<>])=(\s*)$/s.exec(expression);
  if (selfDoc) {
    debug = expression;
    expression = selfDoc[1];
  }
  let conversion = null;
  if (body[i] === '!') {
    conversion = body[i + 1];
    if (!'rsa'.includes(conversion) || !conversion) {
      throw syntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", line);
    }
    i += 2;
  }
  let spec = null;
  if (body[i] === ':') {
    let depthSpec = 0;
    let j = i + 1;
    for (; j < body.length; j++) {
      if (body[j] === '{') depthSpec++;
      else if (body[j] === '}') {
        if (depthSpec === 0) break;
        depthSpec--;
      }
    }
    spec = fStringParts(body.slice(i + 1, j), raw, line);
    i = j;
  }
  if (body[i] !== '}') throw syntaxError("f-string: expecting '}'", line);
  return { part: { expression, conversion, spec, debug, line }, end: i + 1 };
}
