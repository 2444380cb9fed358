/**
 * Runs the parser's AST: scopes (module globals, function locals, closures), statements, expressions, calls, and a
 * step budget so that an endless loop ends in a clear error instead of a hang.
 * @module interpreter
 */
import { createBuiltins } from './builtins.js';
import { formatValue } from './format-spec.js';
import { attribute } from './methods.js';
import { binaryOp, checkLength, compare, contains, resetAllocations, unaryOp } from './operators.js';
import { bindArguments, localNames } from './functions.js';
import { parse } from './parser.js';
import { getItem, setItem } from './subscript.js';
import {
  NotImplemented, PyBuiltin, PyDict, PyException, PyFunction, PyList, PyModule, PyObject, PySlice, PyTuple,
  repr, str, truthy, typeName,
} from './values.js';

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_DEPTH = 1000;

/** Characters one run may print: a page shows them, and a runaway print loop must not freeze it. */
const MAX_OUTPUT = 10_000_000;

/** The default budget: evaluated AST nodes (and iterations inside builtins) per run. */
export const DEFAULT_MAX_STEPS = 10_000_000;

class Scope {
  constructor(parent, locals = null) {
    this.vars = new Map();
    this.parent = parent;
    this.locals = locals; // names a function assigns (Python's local variables), or null for module/comprehension
  }
}

class Return {
  constructor(value) {
    this.value = value;
  }
}

/** One interpreter per session: its globals live as long as the session. */
export class Interpreter {
  /**
   * @param {{ modules: Map<string, PyModule>, maxSteps?: number }} options
   */
  constructor({ modules, maxSteps = DEFAULT_MAX_STEPS }) {
    this.modules = modules;
    this.maxSteps = maxSteps;
    this.globals = new Scope(null);
    this.globals.vars.set('__name__', '__main__');
    this.output = [];
    this.steps = 0;
    this.depth = 0;
    this.line = 0;
    this.printed = 0;
    this.builtins = createBuiltins(this);
  }

  /** Run a program (its output goes to `output`); throws a PyException with `.line` on a Python error. */
  run(source) {
    this.steps = 0;
    this.depth = 0;
    this.line = 1;
    this.printed = 0;
    resetAllocations();
    const program = parse(source);
    this.executeBlock(program, this.globals);
  }

  write(text) {
    this.printed += text.length;
    if (this.printed > MAX_OUTPUT) {
      throw new PyException('MemoryError', `printing more than ${MAX_OUTPUT} characters exceeds the runtime's limit`);
    }
    this.output.push(text);
  }

  tick() {
    if (++this.steps > this.maxSteps) {
      throw new PyException('RuntimeError', `the program exceeded its budget of ${this.maxSteps} steps (an endless loop?)`);
    }
  }

  // --- statements -------------------------------------------------------------------------------------------------

  executeBlock(statements, scope) {
    for (const statement of statements) {
      const signal = this.execute(statement, scope);
      if (signal !== undefined) return signal;
    }
    return undefined;
  }

  execute(node, scope) {
    this.tick();
    this.line = node.line;
    try {
      return this.executeNode(node, scope);
    } catch (error) {
      throw this.located(error, node.line);
    }
  }

  // The innermost line wins: an error keeps the line of the deepest statement or expression that raised it. A plain
  // JS error (a bug in host code) becomes a RuntimeError there. A stack overflow (RangeError) passes untouched: with
  // almost no stack left, session.js turns it into a RecursionError once the stack has unwound.
  located(error, line) {
    if (error instanceof PyException) {
      if (error.line === null) error.line = line;
      return error;
    }
    if (error instanceof Error && !(error instanceof RangeError)) {
      const wrapped = new PyException('RuntimeError', error.message);
      wrapped.line = line;
      return wrapped;
    }
    return error;
  }

  executeNode(node, scope) {
    switch (node.kind) {
      case 'Expr':
        this.evaluate(node.value, scope);
        return undefined;
      case 'Assign': {
        const value = this.evaluate(node.value, scope);
        for (const target of node.targets) this.assign(target, value, scope);
        return undefined;
      }
      case 'AugAssign': return this.augmentedAssign(node, scope);
      case 'If':
        return this.executeBlock(truthy(this.evaluate(node.test, scope)) ? node.body : node.orelse, scope);
      case 'While': {
        while (truthy(this.evaluate(node.test, scope))) {
          const signal = this.executeBlock(node.body, scope);
          if (signal === BREAK) return undefined;
          if (signal instanceof Return) return signal;
        }
        return this.executeBlock(node.orelse, scope);
      }
      case 'For': {
        for (const item of this.iterate(this.evaluate(node.iter, scope))) {
          this.assign(node.target, item, scope);
          const signal = this.executeBlock(node.body, scope);
          if (signal === BREAK) return undefined;
          if (signal instanceof Return) return signal;
        }
        return this.executeBlock(node.orelse, scope);
      }
      case 'Break': return BREAK;
      case 'Continue': return CONTINUE;
      case 'Pass': return undefined;
      case 'Return': return new Return(node.value ? this.evaluate(node.value, scope) : null);
      case 'Def':
        scope.vars.set(node.name, this.makeFunction(node.name, node.params, node.body, scope));
        return undefined;
      case 'With': return this.withStatement(node, 0, scope);
      case 'Import': return this.importStatement(node, scope);
      case 'FromImport': return this.fromImport(node, scope);
      case 'Unsupported': throw unsupported(node.construct);
      default: throw new Error(`unknown statement ${node.kind}`);
    }
  }

  augmentedAssign(node, scope) {
    const { target } = node;
    if (target.kind === 'Name') {
      const value = this.lookup(target.id, scope);
      scope.vars.set(target.id, this.inPlace(node.op, value, this.evaluate(node.value, scope)));
    } else if (target.kind === 'Attribute') {
      const object = this.evaluate(target.value, scope);
      const value = this.getAttribute(object, target.name);
      this.setAttribute(object, target.name, this.inPlace(node.op, value, this.evaluate(node.value, scope)));
    } else {
      const object = this.evaluate(target.value, scope);
      const index = this.evaluate(target.index, scope);
      const value = getItem(object, index);
      setItem(object, index, this.inPlace(node.op, value, this.evaluate(node.value, scope)), (v) => this.iterate(v));
    }
    return undefined;
  }

  // `a += b`: lists extend in place (as Python's __iadd__); host objects may implement in-place ops (`t += 1`).
  inPlace(op, a, b) {
    if (op === '+' && a instanceof PyList) {
      const items = [...this.iterate(b)];
      checkLength(a.items.length + items.length, items.length);
      a.items.push(...items);
      return a;
    }
    if (a instanceof PyObject && typeof a.inPlaceOp === 'function') {
      const result = a.inPlaceOp(op, b);
      if (result !== NotImplemented) return result;
    }
    try {
      return binaryOp(op, a, b);
    } catch (error) {
      if (error instanceof PyException && error.type === 'TypeError') {
        error.message = error.message.replace(`for ${op === '**' ? '** or pow()' : op}:`, `for ${op}=:`);
      }
      throw error;
    }
  }

  withStatement(node, index, scope) {
    if (index === node.items.length) return this.executeBlock(node.body, scope);
    const { expr, target } = node.items[index];
    const manager = this.evaluate(expr, scope);
    if (!(manager instanceof PyObject) || typeof manager.enter !== 'function') {
      throw new PyException('TypeError', `'${typeName(manager)}' object does not support the context manager protocol`);
    }
    const entered = manager.enter();
    try {
      if (target) this.assign(target, entered === undefined ? null : entered, scope);
      return this.withStatement(node, index + 1, scope);
    } finally {
      manager.exit?.();
    }
  }

  moduleNamed(name) {
    const module = this.modules.get(name);
    if (module) return module;
    throw unsupported(`import ${name}`, `import ${name}: this Python runs only ${[...this.modules.keys()].join(', ')}`);
  }

  importStatement(node, scope) {
    for (const { module, alias } of node.names) {
      const value = this.moduleNamed(module);
      if (alias) scope.vars.set(alias, value);
      else scope.vars.set(module.split('.')[0], this.moduleNamed(module.split('.')[0]));
    }
    return undefined;
  }

  fromImport(node, scope) {
    const module = this.moduleNamed(node.module);
    for (const { name, alias } of node.names) {
      if (name === '*') throw unsupported('import *', `from ${node.module} import *`);
      const value = this.modules.get(`${node.module}.${name}`) ?? module.getAttr(name);
      if (value === undefined) {
        throw new PyException('ImportError', `cannot import name '${name}' from '${node.module}'`);
      }
      scope.vars.set(alias ?? name, value);
    }
    return undefined;
  }

  // --- names and targets ------------------------------------------------------------------------------------------

  lookup(id, scope) {
    for (let s = scope; s; s = s.parent) {
      if (s.vars.has(id)) return s.vars.get(id);
      if (s.locals?.has(id)) {
        throw new PyException('UnboundLocalError', `cannot access local variable '${id}' where it is not associated with a value`);
      }
    }
    if (this.builtins.has(id)) return this.builtins.get(id);
    throw new PyException('NameError', `name '${id}' is not defined`);
  }

  assign(target, value, scope) {
    switch (target.kind) {
      case 'Name':
        scope.vars.set(target.id, value);
        return;
      case 'Attribute':
        this.setAttribute(this.evaluate(target.value, scope), target.name, value);
        return;
      case 'Subscript':
        setItem(this.evaluate(target.value, scope), this.evaluate(target.index, scope), value, (v) => this.iterate(v));
        return;
      case 'Tuple':
      case 'List':
        this.unpack(target.items, value, scope);
        return;
      default: throw new Error(`unknown target ${target.kind}`); // the parser checked every target
    }
  }

  unpack(targets, value, scope) {
    if (!this.isIterable(value)) {
      throw new PyException('TypeError', `cannot unpack non-iterable ${typeName(value)} object`);
    }
    const items = [...this.iterate(value)];
    const star = targets.findIndex((t) => t.kind === 'Starred');
    if (star < 0) {
      if (items.length > targets.length) throw new PyException('ValueError', `too many values to unpack (expected ${targets.length})`);
      if (items.length < targets.length) {
        throw new PyException('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
      }
      targets.forEach((t, i) => this.assign(t, items[i], scope));
      return;
    }
    const after = targets.length - star - 1;
    if (items.length < targets.length - 1) {
      throw new PyException('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
    }
    targets.slice(0, star).forEach((t, i) => this.assign(t, items[i], scope));
    this.assign(targets[star].value, new PyList(items.slice(star, items.length - after)), scope);
    targets.slice(star + 1).forEach((t, i) => this.assign(t, items[items.length - after + i], scope));
  }

  // --- expressions ------------------------------------------------------------------------------------------------

  evaluate(node, scope) {
    this.tick();
    try {
      return this.evaluateNode(node, scope);
    } catch (error) {
      throw this.located(error, node.line);
    }
  }

  evaluateNode(node, scope) {
    switch (node.kind) {
      case 'Constant': return node.value;
      case 'Name': return this.lookup(node.id, scope);
      case 'Attribute': return this.getAttribute(this.evaluate(node.value, scope), node.name);
      case 'Subscript': return getItem(this.evaluate(node.value, scope), this.evaluate(node.index, scope));
      case 'Slice': {
        const bound = (n) => (n ? this.evaluate(n, scope) : null);
        return new PySlice(bound(node.start), bound(node.stop), bound(node.step));
      }
      case 'Call': return this.callExpression(node, scope);
      case 'BinOp': {
        const left = this.evaluate(node.left, scope);
        return binaryOp(node.op, left, this.evaluate(node.right, scope));
      }
      case 'Unary': return unaryOp(node.op, this.evaluate(node.operand, scope));
      case 'Not': return !truthy(this.evaluate(node.operand, scope));
      case 'BoolOp': {
        let value;
        for (const operand of node.values) {
          value = this.evaluate(operand, scope);
          if (truthy(value) === (node.op === 'or')) return value;
        }
        return value;
      }
      case 'Compare': return this.comparison(node, scope);
      case 'IfExp':
        return this.evaluate(truthy(this.evaluate(node.test, scope)) ? node.body : node.orelse, scope);
      case 'List': return new PyList(this.evaluateItems(node.items, scope));
      case 'Tuple': return new PyTuple(this.evaluateItems(node.items, scope));
      case 'Dict': {
        const dict = new PyDict();
        node.keys.forEach((k, i) => dict.set(this.evaluate(k, scope), this.evaluate(node.values[i], scope)));
        return dict;
      }
      case 'ListComp': return this.comprehension(node, scope);
      case 'FString': return this.fString(node.parts, scope);
      case 'Unsupported': throw unsupported(node.construct);
      default: throw new Error(`unknown expression ${node.kind}`);
    }
  }

  evaluateItems(items, scope) {
    const values = [];
    for (const item of items) {
      if (item.kind === 'Starred') values.push(...this.iterate(this.evaluate(item.value, scope)));
      else values.push(this.evaluate(item, scope));
    }
    return values;
  }

  comparison(node, scope) {
    let left = this.evaluate(node.left, scope);
    let result = true;
    for (let i = 0; i < node.ops.length; i++) {
      const right = this.evaluate(node.rights[i], scope);
      const op = node.ops[i];
      if (op === 'in' || op === 'not in') {
        result = contains(right, left, (v) => this.iterate(v)) === (op === 'in');
      } else if (op === 'is' || op === 'is not') {
        result = (left === right) === (op === 'is');
      } else {
        result = compare(op, left, right);
      }
      if (i < node.ops.length - 1 && !truthy(result)) return result;
      left = right;
    }
    return result;
  }

  comprehension(node, outer) {
    const scope = new Scope(outer);
    const results = [];
    const loop = (level) => {
      if (level === node.generators.length) {
        results.push(this.evaluate(node.element, scope));
        checkLength(results.length, 1);
        return;
      }
      const { target, iter, ifs } = node.generators[level];
      for (const item of this.iterate(this.evaluate(iter, level === 0 ? outer : scope))) {
        this.assign(target, item, scope);
        if (ifs.every((test) => truthy(this.evaluate(test, scope)))) loop(level + 1);
      }
    };
    loop(0);
    return new PyList(results);
  }

  fString(parts, scope) {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = this.evaluate(part.value, scope);
      const spec = part.spec ? this.fString(part.spec, scope) : '';
      let text;
      if (part.conversion === 'r' || part.conversion === 'a') text = formatValue(repr(value), spec);
      else if (part.conversion === 's') text = formatValue(str(value), spec);
      else text = formatValue(value, spec);
      out += (part.debug ?? '') + text;
      checkLength(out.length, text.length);
    }
    return out;
  }

  // --- calls ------------------------------------------------------------------------------------------------------

  callExpression(node, scope) {
    const func = this.evaluate(node.func, scope);
    const args = [];
    const kwargs = new Map();
    for (const arg of node.args) {
      if (arg.kind === 'positional') {
        args.push(this.evaluate(arg.value, scope));
      } else if (arg.kind === 'star') {
        const value = this.evaluate(arg.value, scope);
        if (!this.isIterable(value)) {
          throw new PyException('TypeError', `${calleeName(func)} argument after * must be an iterable, not ${typeName(value)}`);
        }
        args.push(...this.iterate(value));
      } else if (arg.kind === 'keyword') {
        kwargs.set(arg.name, this.evaluate(arg.value, scope));
      } else {
        const value = this.evaluate(arg.value, scope);
        if (!(value instanceof PyDict)) {
          throw new PyException('TypeError', `${calleeName(func)} argument after ** must be a mapping, not ${typeName(value)}`);
        }
        for (const [k, v] of value.entries) {
          if (kwargs.has(k)) throw new PyException('TypeError', `${calleeName(func)} got multiple values for keyword argument '${k}'`);
          kwargs.set(k, v);
        }
      }
    }
    return this.call(func, args, kwargs);
  }

  /** Call any callable Python value with a JS array of arguments and a Map of keyword arguments. */
  call(func, args = [], kwargs = new Map()) {
    if (func instanceof PyBuiltin) {
      const result = func.fn(args, kwargs);
      return result === undefined ? null : result;
    }
    if (func instanceof PyFunction) return this.callFunction(func, args, kwargs);
    if (func instanceof PyObject && typeof func.call === 'function') {
      const result = func.call(args, kwargs);
      return result === undefined ? null : result;
    }
    throw new PyException('TypeError', `'${typeName(func)}' object is not callable`);
  }

  makeFunction(name, params, body, scope) {
    const defaults = params.map((p) => (p.default ? this.evaluate(p.default, scope) : undefined));
    const fn = new PyFunction(name, params.map((p, i) => ({ ...p, value: defaults[i] })), body, scope);
    fn.locals = localNames(params, body);
    return fn;
  }

  callFunction(fn, args, kwargs) {
    if (this.depth >= MAX_DEPTH) throw new PyException('RecursionError', 'maximum recursion depth exceeded');
    const scope = new Scope(fn.closure, fn.locals);
    bindArguments(fn, args, kwargs, scope.vars);
    this.depth++;
    try {
      const signal = this.executeBlock(fn.body, scope);
      return signal instanceof Return ? signal.value : null;
    } finally {
      this.depth--;
    }
  }

  // --- the object protocol ----------------------------------------------------------------------------------------

  isIterable(value) {
    return typeof value === 'string' || value instanceof PyList || value instanceof PyTuple || value instanceof PyDict
      || (value instanceof PyObject && typeof value.iterate === 'function');
  }

  /** A JS iterable over a Python iterable (TypeError at once if it is not one); every item costs a step. */
  iterate(value) {
    let source;
    if (typeof value === 'string') source = value;
    else if (value instanceof PyList) source = liveItems(value);
    else if (value instanceof PyTuple) source = value.items;
    else if (value instanceof PyDict) source = value.entries.map(([k]) => k);
    else if (value instanceof PyObject && typeof value.iterate === 'function') source = value.iterate();
    else throw new PyException('TypeError', `'${typeName(value)}' object is not iterable`);
    return this.counted(source);
  }

  * counted(source) {
    for (const item of source) {
      this.tick();
      yield item;
    }
  }


  getAttribute(object, name) {
    let value;
    if (object instanceof PyObject || object instanceof PyModule) {
      value = typeof object.getAttr === 'function' ? object.getAttr(name) : undefined;
    } else {
      value = attribute(this, object, name);
    }
    if (value !== undefined) return value;
    if (object instanceof PyModule) throw new PyException('AttributeError', `module '${object.name}' has no attribute '${name}'`);
    throw new PyException('AttributeError', `'${typeName(object)}' object has no attribute '${name}'`);
  }

  setAttribute(object, name, value) {
    if (object instanceof PyObject && typeof object.setAttr === 'function' && object.setAttr(name, value)) return;
    if (object instanceof PyObject || object instanceof PyModule) {
      throw new PyException('AttributeError', `'${typeName(object)}' object has no attribute '${name}'`);
    }
    if (attribute(this, object, name) !== undefined) {
      throw new PyException('AttributeError', `'${typeName(object)}' object attribute '${name}' is read-only`);
    }
    throw new PyException('AttributeError', `'${typeName(object)}' object has no attribute '${name}'`);
  }
}

// Iterates a list as Python does: by index, so items appended during the loop are visited.
function* liveItems(list) {
  for (let i = 0; i < list.items.length; i++) yield list.items[i];
}

function unsupported(construct, message) {
  return new PyException('NotImplementedError', message ?? `${construct}: not supported by this Python subset`);
}

function calleeName(func) {
  if (func instanceof PyFunction || func instanceof PyBuiltin) return `${func.name}()`;
  return `${typeName(func)} object`;
}
