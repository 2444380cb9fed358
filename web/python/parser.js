/**
 * Tokens → an AST of plain objects `{ kind, line, … }` (recursive descent, Python's precedence).
 * Constructs outside the subset that Python would accept become `Unsupported` nodes: the interpreter raises
 * NotImplementedError when it reaches one, so the lines before it still run and print, as the issue asks.
 * @module parser
 */
import { indentationError, syntaxError, tokenize } from './lexer.js';

const COMPARISONS = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not']);
const AUGMENTED = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>=']);
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
// Statements Python accepts but this subset does not run: the name is what NotImplementedError reports.
const UNSUPPORTED_COMPOUND = { class: 'class', try: 'try', async: 'async', match: 'match' };
const UNSUPPORTED_SIMPLE = {
  global: 'global', nonlocal: 'nonlocal', raise: 'raise', yield: 'yield', assert: 'assert', del: 'del',
};
const BINARY_LEVELS = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

/** Parse a program into a list of statements (throws SyntaxError). */
export function parse(source) {
  return new Parser(tokenize(source)).program();
}

/** Parse one expression, e.g. an f-string field (throws SyntaxError). */
export function parseExpression(source, line) {
  const tokens = tokenize(`(${source.replace(/\n/g, ' ')})`).map((t) => ({ ...t, line }));
  const parser = new Parser(tokens);
  const node = parser.testListStar();
  if (parser.peek().type !== 'NEWLINE') throw syntaxError('f-string: invalid syntax', line);
  return node;
}

class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.i = 0;
    this.loops = 0; // enclosing loops of the current function (break/continue need one)
    this.functions = 0; // enclosing functions (return needs one)
  }

  // A loop's or a function's body, parsed with its context so that misplaced break/continue/return are SyntaxErrors.
  body(header, line, kind) {
    const saved = [this.loops, this.functions];
    if (kind === 'loop') this.loops++;
    else [this.loops, this.functions] = [0, this.functions + 1];
    try {
      return this.block(header, line);
    } finally {
      [this.loops, this.functions] = saved;
    }
  }

  peek(offset = 0) {
    return this.tokens[this.i + offset];
  }

  next() {
    return this.tokens[this.i++];
  }

  isOp(value, offset = 0) {
    const t = this.peek(offset);
    return t.type === 'OP' && t.value === value;
  }

  isName(value, offset = 0) {
    const t = this.peek(offset);
    return t.type === 'NAME' && t.value === value;
  }

  acceptOp(value) {
    if (!this.isOp(value)) return false;
    this.i++;
    return true;
  }

  acceptName(value) {
    if (!this.isName(value)) return false;
    this.i++;
    return true;
  }

  expectOp(value, message = `expected '${value}'`) {
    if (!this.acceptOp(value)) throw this.error(message);
  }

  error(message = 'invalid syntax', token = this.peek()) {
    return syntaxError(message, token.line);
  }

  identifier() {
    const t = this.peek();
    if (t.type !== 'NAME' || KEYWORDS.has(t.value)) throw this.error();
    this.i++;
    return t.value;
  }

  program() {
    const body = [];
    while (this.peek().type !== 'EOF') {
      if (this.peek().type === 'NEWLINE') this.i++;
      else body.push(...this.statement());
    }
    return body;
  }

  // One logical line or compound statement → a list of statements (a line may hold several, separated by ';').
  statement() {
    const t = this.peek();
    if (t.type === 'INDENT') throw indentationError('unexpected indent', t.line);
    if (t.type === 'OP' && t.value === '@') return [this.skipUnsupported('decorator')];
    if (t.type === 'NAME') {
      if (UNSUPPORTED_COMPOUND[t.value] && (t.value !== 'match' || this.looksLikeMatch())) {
        return [this.skipUnsupported(UNSUPPORTED_COMPOUND[t.value])];
      }
      switch (t.value) {
        case 'if': return [this.ifStatement()];
        case 'while': return [this.whileStatement()];
        case 'for': return [this.forStatement()];
        case 'def': return [this.defStatement()];
        case 'with': return [this.withStatement()];
        default:
      }
    }
    return this.simpleStatements();
  }

  // `match` is a keyword only at the head of a block (`match command:` then an indented line); `match(x)` is a call.
  looksLikeMatch() {
    let j = this.i + 1;
    while (this.tokens[j].type !== 'NEWLINE' && this.tokens[j].type !== 'EOF') j++;
    const last = this.tokens[j - 1];
    return last.type === 'OP' && last.value === ':' && this.tokens[j + 1]?.type === 'INDENT';
  }

  // Skips a statement this subset does not run (with its block and, for try, its clauses).
  skipUnsupported(construct) {
    const line = this.peek().line;
    const skipClause = () => {
      while (this.peek().type !== 'NEWLINE' && this.peek().type !== 'EOF') this.i++;
      this.i++;
      if (this.peek().type === 'INDENT') {
        let depth = 0;
        do {
          const t = this.next();
          if (t.type === 'INDENT') depth++;
          else if (t.type === 'DEDENT') depth--;
        } while (depth > 0);
      }
    };
    if (construct === 'decorator') {
      while (this.isOp('@')) skipClause();
    }
    skipClause();
    if (construct === 'try') {
      while (['except', 'else', 'finally'].some((clause) => this.isName(clause))) skipClause();
    }
    return { kind: 'Unsupported', construct, line };
  }

  block(header, headerLine) {
    this.expectOp(':', "expected ':'");
    if (this.peek().type !== 'NEWLINE') return this.simpleStatements();
    this.i++;
    if (this.peek().type !== 'INDENT') {
      throw indentationError(`expected an indented block after ${header} on line ${headerLine}`, this.peek().line);
    }
    this.i++;
    const body = [];
    while (this.peek().type !== 'DEDENT' && this.peek().type !== 'EOF') body.push(...this.statement());
    this.i++;
    return body;
  }

  ifStatement() {
    const line = this.next().line;
    const test = this.namedTest();
    const body = this.block("'if' statement", line);
    let orelse = [];
    if (this.isName('elif')) {
      orelse = [this.ifStatement()];
    } else if (this.isName('else')) {
      const elseLine = this.next().line;
      orelse = this.block("'else' statement", elseLine);
    }
    return { kind: 'If', line, test, body, orelse };
  }

  whileStatement() {
    const line = this.next().line;
    const test = this.namedTest();
    const body = this.body("'while' statement", line, 'loop');
    const orelse = this.elseClause();
    return { kind: 'While', line, test, body, orelse };
  }

  elseClause() {
    if (!this.isName('else')) return [];
    const line = this.next().line;
    return this.block("'else' statement", line);
  }

  forStatement() {
    const line = this.next().line;
    const target = this.targetList();
    if (!this.acceptName('in')) throw this.error("expected 'in'");
    const iter = this.testListStar();
    const body = this.body("'for' statement", line, 'loop');
    const orelse = this.elseClause();
    return { kind: 'For', line, target, iter, body, orelse };
  }

  defStatement() {
    const line = this.next().line;
    const name = this.identifier();
    this.expectOp('(', "expected '('");
    const params = this.parameters(')');
    this.expectOp(')');
    if (this.acceptOp('->')) this.test();
    const body = this.body('function definition', line, 'function');
    return { kind: 'Def', line, name, params, body };
  }

  // def f(a, b=1, *args, c, **kw) / lambda a, b=1: …
  parameters(end) {
    const params = [];
    let keywordOnly = false;
    while (!this.isOp(end)) {
      if (this.acceptOp('**')) {
        params.push({ name: this.identifier(), kind: 'starstar', default: null });
      } else if (this.acceptOp('*')) {
        if (this.isOp(',') || this.isOp(end)) keywordOnly = true;
        else params.push({ name: this.identifier(), kind: 'star', default: null });
        keywordOnly = true;
      } else if (this.acceptOp('/')) {
        // Positional-only marker: every earlier parameter still binds by position, which is all the subset needs.
      } else {
        const name = this.identifier();
        if (end === ')' && this.acceptOp(':')) this.test();
        const value = this.acceptOp('=') ? this.test() : null;
        const previous = params[params.length - 1];
        if (!value && !keywordOnly && previous?.default && previous.kind === 'normal') {
          throw this.error('non-default argument follows default argument');
        }
        params.push({ name, kind: keywordOnly ? 'kwonly' : 'normal', default: value });
      }
      if (!this.acceptOp(',')) break;
    }
    return params;
  }

  withStatement() {
    const line = this.next().line;
    const items = [];
    do {
      const expr = this.test();
      const target = this.acceptName('as') ? this.target() : null;
      items.push({ expr, target });
    } while (this.acceptOp(','));
    const body = this.block("'with' statement", line);
    return { kind: 'With', line, items, body };
  }

  simpleStatements() {
    const statements = [this.smallStatement()];
    while (this.acceptOp(';')) {
      if (this.peek().type === 'NEWLINE') break;
      statements.push(this.smallStatement());
    }
    if (this.peek().type !== 'NEWLINE' && this.peek().type !== 'EOF') throw this.error();
    this.i++;
    return statements;
  }

  smallStatement() {
    const t = this.peek();
    const line = t.line;
    if (t.type === 'NAME') {
      if (UNSUPPORTED_SIMPLE[t.value]) {
        while (!this.isOp(';') && this.peek().type !== 'NEWLINE' && this.peek().type !== 'EOF') this.i++;
        return { kind: 'Unsupported', construct: UNSUPPORTED_SIMPLE[t.value], line };
      }
      switch (t.value) {
        case 'pass': this.i++; return { kind: 'Pass', line };
        case 'break':
          if (!this.loops) throw syntaxError("'break' outside loop", line);
          this.i++;
          return { kind: 'Break', line };
        case 'continue':
          if (!this.loops) throw syntaxError("'continue' not properly in loop", line);
          this.i++;
          return { kind: 'Continue', line };
        case 'return': {
          if (!this.functions) throw syntaxError("'return' outside function", line);
          this.i++;
          const value = this.atStatementEnd() ? null : this.testListStar();
          return { kind: 'Return', line, value };
        }
        case 'import': return this.importStatement();
        case 'from': return this.fromImport();
        default:
      }
    }
    return this.expressionStatement();
  }

  atStatementEnd() {
    return this.peek().type === 'NEWLINE' || this.peek().type === 'EOF' || this.isOp(';');
  }

  dottedName() {
    let name = this.identifier();
    while (this.acceptOp('.')) name += `.${this.identifier()}`;
    return name;
  }

  importStatement() {
    const line = this.next().line;
    const names = [];
    do {
      const module = this.dottedName();
      const alias = this.acceptName('as') ? this.identifier() : null;
      names.push({ module, alias });
    } while (this.acceptOp(','));
    return { kind: 'Import', line, names };
  }

  fromImport() {
    const line = this.next().line;
    let dots = '';
    while (this.isOp('.') || this.isOp('...')) dots += this.next().value;
    const module = dots + (this.isName('import') ? '' : this.dottedName());
    if (!this.acceptName('import')) throw this.error();
    const names = [];
    if (this.acceptOp('*')) return { kind: 'FromImport', line, module, names: [{ name: '*', alias: null }] };
    const parenthesized = this.acceptOp('(');
    do {
      if (parenthesized && this.isOp(')')) break;
      const name = this.identifier();
      names.push({ name, alias: this.acceptName('as') ? this.identifier() : null });
    } while (this.acceptOp(','));
    if (parenthesized) this.expectOp(')');
    return { kind: 'FromImport', line, module, names };
  }

  expressionStatement() {
    const line = this.peek().line;
    const first = this.testListStar();
    const t = this.peek();
    if (t.type === 'OP' && AUGMENTED.has(t.value)) {
      this.i++;
      checkTarget(first, false);
      const value = this.yieldOrTestList();
      return { kind: 'AugAssign', line, target: first, op: t.value.slice(0, -1), value };
    }
    if (t.type === 'OP' && t.value === ':' && first.kind !== 'Tuple') {
      this.i++;
      checkTarget(first, false);
      this.test();
      const value = this.acceptOp('=') ? this.yieldOrTestList() : null;
      return value ? { kind: 'Assign', line, targets: [first], value } : { kind: 'Pass', line };
    }
    if (!this.isOp('=')) {
      if (first.kind === 'Starred') throw syntaxError("can't use starred expression here", line);
      return { kind: 'Expr', line, value: first };
    }
    const targets = [first];
    let value = null;
    while (this.acceptOp('=')) {
      value = this.isName('yield') ? this.yieldOrTestList() : this.testListStar();
      targets.push(value);
    }
    targets.pop();
    if (value.kind === 'Starred') throw syntaxError("can't use starred expression here", value.line);
    for (const target of targets) checkTarget(target, true);
    return { kind: 'Assign', line, targets, value };
  }

  yieldOrTestList() {
    if (this.isName('yield')) {
      const line = this.next().line;
      while (!this.atStatementEnd() && !this.isOp(')')) this.i++;
      return { kind: 'Unsupported', construct: 'yield', line };
    }
    return this.testListStar();
  }

  // a, b = … / for a, (b, c) in …: targets parsed as expressions, then checked.
  targetList() {
    const line = this.peek().line;
    const items = [this.starOr(() => this.binary(0))];
    let tuple = false;
    while (this.isOp(',')) {
      this.i++;
      tuple = true;
      if (this.isName('in') || this.isOp('=')) break;
      items.push(this.starOr(() => this.binary(0)));
    }
    const node = tuple ? { kind: 'Tuple', line, items } : items[0];
    checkTarget(node, true);
    return node;
  }

  target() {
    const node = this.binary(0);
    checkTarget(node, true);
    return node;
  }

  starOr(parse) {
    if (this.isOp('*')) {
      const line = this.next().line;
      return { kind: 'Starred', line, value: parse() };
    }
    return parse();
  }

  // Expression lists: `a, b` is a tuple.
  testListStar() {
    const line = this.peek().line;
    const first = this.starOr(() => this.namedTest());
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.acceptOp(',')) {
      if (this.atStatementEnd() || this.isOp('=') || this.isOp(')') || (this.peek().type === 'OP' && AUGMENTED.has(this.peek().value))) break;
      items.push(this.starOr(() => this.namedTest()));
    }
    return { kind: 'Tuple', line, items };
  }

  namedTest() {
    const node = this.test();
    if (this.isOp(':=')) {
      const line = this.next().line;
      this.test();
      return { kind: 'Unsupported', construct: 'assignment expression (:=)', line };
    }
    return node;
  }

  test() {
    if (this.isName('lambda')) return this.lambda();
    const line = this.peek().line;
    const body = this.orTest();
    if (!this.acceptName('if')) return body;
    const test = this.orTest();
    if (!this.acceptName('else')) throw this.error("expected 'else' after 'if' expression");
    const orelse = this.test();
    return { kind: 'IfExp', line, test, body, orelse };
  }

  lambda() {
    const line = this.next().line;
    this.parameters(':');
    this.expectOp(':');
    this.test();
    return { kind: 'Unsupported', construct: 'lambda', line };
  }

  orTest() {
    const line = this.peek().line;
    const values = [this.andTest()];
    while (this.acceptName('or')) values.push(this.andTest());
    return values.length === 1 ? values[0] : { kind: 'BoolOp', line, op: 'or', values };
  }

  andTest() {
    const line = this.peek().line;
    const values = [this.notTest()];
    while (this.acceptName('and')) values.push(this.notTest());
    return values.length === 1 ? values[0] : { kind: 'BoolOp', line, op: 'and', values };
  }

  notTest() {
    if (this.isName('not')) {
      const line = this.next().line;
      return { kind: 'Not', line, operand: this.notTest() };
    }
    return this.comparison();
  }

  comparisonOperator() {
    const t = this.peek();
    if (t.type === 'OP' && COMPARISONS.has(t.value)) return this.next().value;
    if (this.isName('in')) return this.next().value;
    if (this.isName('not') && this.isName('in', 1)) {
      this.i += 2;
      return 'not in';
    }
    if (this.isName('is')) {
      this.i++;
      return this.acceptName('not') ? 'is not' : 'is';
    }
    return null;
  }

  comparison() {
    const line = this.peek().line;
    const left = this.binary(0);
    const ops = [];
    const rights = [];
    for (let op = this.comparisonOperator(); op; op = this.comparisonOperator()) {
      ops.push(op);
      rights.push(this.binary(0));
    }
    return ops.length ? { kind: 'Compare', line, left, ops, rights } : left;
  }

  binary(level) {
    if (level === BINARY_LEVELS.length) return this.unary();
    const line = this.peek().line;
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.type !== 'OP' || !BINARY_LEVELS[level].includes(t.value)) return left;
      this.i++;
      left = { kind: 'BinOp', line, op: t.value, left, right: this.binary(level + 1) };
    }
  }

  unary() {
    const t = this.peek();
    if (t.type === 'OP' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.i++;
      return { kind: 'Unary', line: t.line, op: t.value, operand: this.unary() };
    }
    return this.power();
  }

  power() {
    const line = this.peek().line;
    if (this.isName('await')) {
      this.i++;
      this.primary();
      return { kind: 'Unsupported', construct: 'await', line };
    }
    const base = this.primary();
    if (!this.acceptOp('**')) return base;
    return { kind: 'BinOp', line, op: '**', left: base, right: this.unary() };
  }

  primary() {
    let node = this.atom();
    for (;;) {
      const line = node.line;
      if (this.acceptOp('.')) {
        const t = this.next();
        if (t.type !== 'NAME') throw this.error('invalid syntax', t);
        node = { kind: 'Attribute', line, value: node, name: t.value };
      } else if (this.acceptOp('(')) {
        node = { kind: 'Call', line, func: node, args: this.callArguments() };
      } else if (this.acceptOp('[')) {
        node = { kind: 'Subscript', line, value: node, index: this.subscript() };
        this.expectOp(']');
      } else {
        return node;
      }
    }
  }

  callArguments() {
    const args = [];
    while (!this.isOp(')')) {
      const line = this.peek().line;
      if (this.acceptOp('*')) {
        args.push({ kind: 'star', value: this.test() });
      } else if (this.acceptOp('**')) {
        args.push({ kind: 'starstar', value: this.test() });
      } else if (this.peek().type === 'NAME' && this.isOp('=', 1)) {
        const name = this.identifier();
        if (args.some((a) => a.name === name)) throw syntaxError(`keyword argument repeated: ${name}`, line);
        this.i++;
        args.push({ kind: 'keyword', name, value: this.test() });
      } else {
        let value = this.namedTest();
        if (this.isName('for')) value = this.comprehension(value, line, 'generator');
        if (args.some((a) => a.kind === 'keyword')) throw syntaxError('positional argument follows keyword argument', line);
        args.push({ kind: 'positional', value });
      }
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
    return args;
  }

  subscript() {
    const line = this.peek().line;
    const items = [];
    let tuple = false;
    do {
      if (this.isOp(']')) break;
      items.push(this.sliceItem());
      if (this.isOp(',')) tuple = true;
    } while (this.acceptOp(','));
    if (items.length === 0) throw this.error();
    return tuple ? { kind: 'Tuple', line, items } : items[0];
  }

  sliceItem() {
    const line = this.peek().line;
    const bound = () => (this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.test());
    const start = this.isOp(':') ? null : this.starOr(() => this.namedTest());
    if (!this.acceptOp(':')) return start;
    const stop = bound();
    const step = this.acceptOp(':') ? bound() : null;
    return { kind: 'Slice', line, start, stop, step };
  }

  atom() {
    const t = this.next();
    const line = t.line;
    switch (t.type) {
      case 'NUMBER':
        if (t.imaginary) return { kind: 'Unsupported', construct: 'complex numbers', line };
        return { kind: 'Constant', line, value: t.value };
      case 'STRING':
      case 'FSTRING':
        return this.strings(t);
      case 'NAME':
        if (t.value === 'None') return { kind: 'Constant', line, value: null };
        if (t.value === 'True') return { kind: 'Constant', line, value: true };
        if (t.value === 'False') return { kind: 'Constant', line, value: false };
        if (KEYWORDS.has(t.value)) throw this.error('invalid syntax', t);
        return { kind: 'Name', line, id: t.value };
      case 'OP':
        if (t.value === '(') return this.parenthesized(line);
        if (t.value === '[') return this.listDisplay(line);
        if (t.value === '{') return this.dictDisplay(line);
        if (t.value === '...') return { kind: 'Unsupported', construct: 'Ellipsis (...)', line };
        break;
      default:
    }
    if (t.type === 'NEWLINE' || t.type === 'EOF') throw this.error('invalid syntax', t);
    if (t.type === 'INDENT') throw indentationError('unexpected indent', t.line);
    throw this.error('invalid syntax', t);
  }

  // Adjacent literals concatenate; f-strings keep their fields.
  strings(first) {
    const parts = [];
    let bytes = false;
    let fString = false;
    for (let t = first; ; t = this.next()) {
      if (t.type === 'FSTRING') {
        fString = true;
        parts.push(...t.value.map((p) => (typeof p === 'string' ? p : fieldNode(p))));
      } else {
        bytes ||= Boolean(t.bytes);
        parts.push(t.value);
      }
      if (this.peek().type !== 'STRING' && this.peek().type !== 'FSTRING') break;
    }
    if (bytes) return { kind: 'Unsupported', construct: 'bytes literals', line: first.line };
    if (!fString) return { kind: 'Constant', line: first.line, value: parts.join('') };
    return { kind: 'FString', line: first.line, parts };
  }

  parenthesized(line) {
    if (this.acceptOp(')')) return { kind: 'Tuple', line, items: [] };
    if (this.isName('yield')) {
      const node = this.yieldOrTestList();
      this.expectOp(')');
      return node;
    }
    const first = this.starOr(() => this.namedTest());
    if (this.isName('for')) {
      const node = this.comprehension(first, line, 'generator');
      this.expectOp(')');
      return node;
    }
    if (this.acceptOp(')')) return first.kind === 'Starred' ? first : { ...first, parenthesized: true };
    const items = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(')')) break;
      items.push(this.starOr(() => this.namedTest()));
    }
    this.expectOp(')');
    return { kind: 'Tuple', line, items, parenthesized: true };
  }

  listDisplay(line) {
    const items = [];
    while (!this.isOp(']')) {
      const item = this.starOr(() => this.namedTest());
      if (items.length === 0 && this.isName('for')) {
        const node = this.comprehension(item, line, 'list');
        this.expectOp(']');
        return node;
      }
      items.push(item);
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(']');
    return { kind: 'List', line, items };
  }

  dictDisplay(line) {
    const keys = [];
    const values = [];
    let set = false;
    while (!this.isOp('}')) {
      if (this.acceptOp('**')) {
        this.binary(0);
        keys.push(null);
        values.push(null);
      } else {
        const key = this.test();
        if (keys.length === 0 && !set && this.isName('for')) {
          this.comprehension(key, line, 'set');
          this.expectOp('}');
          return { kind: 'Unsupported', construct: 'set comprehensions', line };
        }
        if (this.acceptOp(':')) {
          const value = this.test();
          if (keys.length === 0 && this.isName('for')) {
            this.comprehension(value, line, 'dict');
            this.expectOp('}');
            return { kind: 'Unsupported', construct: 'dict comprehensions', line };
          }
          keys.push(key);
          values.push(value);
        } else {
          set = true;
        }
      }
      if (!this.acceptOp(',')) break;
    }
    this.expectOp('}');
    if (set) return { kind: 'Unsupported', construct: 'set literals', line };
    if (keys.includes(null)) return { kind: 'Unsupported', construct: '** in dict literals', line };
    return { kind: 'Dict', line, keys, values };
  }

  // [elt for a in b if c for d in e]; the other comprehensions are parsed only to be reported.
  comprehension(element, line, type) {
    const generators = [];
    while (this.acceptName('for')) {
      const target = this.targetList();
      if (!this.acceptName('in')) throw this.error("expected 'in'");
      const iter = this.orTest();
      const ifs = [];
      while (this.acceptName('if')) ifs.push(this.orTest());
      generators.push({ target, iter, ifs });
    }
    if (type === 'generator') return { kind: 'Unsupported', construct: 'generator expressions', line };
    return { kind: 'ListComp', line, element, generators };
  }
}

function fieldNode(field) {
  return {
    kind: 'FormattedValue',
    line: field.line,
    value: parseExpression(field.expression, field.line),
    conversion: field.conversion ?? (field.debug && !field.spec ? 'r' : null),
    spec: field.spec ? field.spec.map((p) => (typeof p === 'string' ? p : fieldNode(p))) : null,
    debug: field.debug,
  };
}

// Python's "cannot assign to …" checks, so that `f() = 1` is a SyntaxError before anything runs.
function checkTarget(node, allowTuple) {
  switch (node.kind) {
    case 'Name':
      if (node.id === '__debug__') throw syntaxError('cannot assign to __debug__', node.line);
      return;
    case 'Attribute':
    case 'Subscript':
      return;
    case 'Starred':
      if (allowTuple) checkTarget(node.value, allowTuple);
      else throw syntaxError('cannot use starred expression here', node.line);
      return;
    case 'Tuple':
    case 'List':
      if (!allowTuple) throw syntaxError(`'${node.kind.toLowerCase()}' is an illegal expression for augmented assignment`, node.line);
      node.items.forEach((item) => checkTarget(item, true));
      return;
    default:
  }
  const what = {
    Constant: node.value === null || typeof node.value === 'boolean' ? repr(node.value) : 'literal',
    Call: 'function call', BinOp: 'expression', Unary: 'expression', Compare: 'comparison', BoolOp: 'expression',
    Not: 'expression', IfExp: 'conditional expression', ListComp: 'list comprehension',
    Dict: 'dict literal', FString: 'f-string expression',
  }[node.kind] ?? 'expression';
  const hint = allowTuple && ['Constant', 'Call', 'BinOp', 'Compare', 'Attribute'].includes(node.kind) ? " here. Maybe you meant '==' instead of '='?" : '';
  throw syntaxError(`cannot assign to ${what}${hint}`, node.line);
}

function repr(value) {
  return value === null ? 'None' : value ? 'True' : 'False';
}
