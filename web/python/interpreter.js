/**
 * Runs the parser's AST: scopes (module globals, function locals, closures), statements, expressions, calls, and a
 * step budget so that an endless loop ends in a clear error instead of a hang.
 * @module interpreter
 */
import { createBuiltins } from './builtins.js';
import { formatValue } from './format-spec.js';
import { attribute } from './methods.js';
import { binaryOp, checkLength, compare, contains, unaryOp } from './operators.js';
import { parse } from './parser.js';
import {
  NotImplemented, PyBuiltin, PyDict, PyException, PyFunction, PyList, PyModule, PyObject, PySlice, PyTuple, isInt,
  repr, str, truthy, typeName,
} from './values.js';

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_DEPTH = 1000;

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
    this.builtins = createBuiltins(this);
  }

  /** Run a program; returns the printed text and throws a PyException (with `.line`) on error. */
  run(source) {
    this.steps = 0;
    this.depth = 0;
    this.line = 1;
    const program = parse(source);
    this.executeBlock(program, this.globals);
  }

  write(text) {
    this.output.push(text);
  }

  tick() {
    if (++this.steps > this.maxSteps) {
      throw new PyException('RuntimeError', `the program exceeded its budget of ${this.maxSteps} steps (an endless loop?)`);
    }
  }

  fail(type, message) {
    return new PyException(type, message);
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

  // The innermost line wins: an error keeps the line of the deepest statement or expression that raised it.
  // (Nothing else happens here: on a JS stack overflow this runs with almost no stack left.)
  located(error, line) {
    if (error instanceof PyException && error.line === null) error.line = line;
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
        this.store(node.name, this.makeFunction(node.name, node.params, node.body, scope), scope);
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
      const value = this.lookup(target.id, scope, target.line);
      this.store(target.id, this.inPlace(node.op, value, this.evaluate(node.value, scope)), scope);
    } else if (target.kind === 'Attribute') {
      const object = this.evaluate(target.value, scope);
      const value = this.getAttribute(object, target.name);
      this.setAttribute(object, target.name, this.inPlace(node.op, value, this.evaluate(node.value, scope)));
    } else {
      const object = this.evaluate(target.value, scope);
      const index = this.evaluate(target.index, scope);
      const value = this.getItem(object, index);
      this.setItem(object, index, this.inPlace(node.op, value, this.evaluate(node.value, scope)));
    }
    return undefined;
  }

  // `a += b`: lists extend in place (as Python's __iadd__); host objects may implement in-place ops (`t += 1`).
  inPlace(op, a, b) {
    if (op === '+' && a instanceof PyList) {
      const items = [...this.iterate(b)];
      checkLength(a.items.length + items.length);
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
      throw this.fail('TypeError', `'${typeName(manager)}' object does not support the context manager protocol`);
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
      if (alias) this.store(alias, value, scope);
      else this.store(module.split('.')[0], this.moduleNamed(module.split('.')[0]), scope);
    }
    return undefined;
  }

  fromImport(node, scope) {
    const module = this.moduleNamed(node.module);
    for (const { name, alias } of node.names) {
      if (name === '*') throw unsupported('import *', `from ${node.module} import *`);
      let value = this.modules.get(`${node.module}.${name}`) ?? module.getAttr(name);
      if (value === undefined) {
        throw this.fail('ImportError', `cannot import name '${name}' from '${node.module}'`);
      }
      this.store(alias ?? name, value, scope);
      value = null;
    }
    return undefined;
  }

  // --- names and targets ------------------------------------------------------------------------------------------

  lookup(id, scope, line) {
    for (let s = scope; s; s = s.parent) {
      if (s.vars.has(id)) return s.vars.get(id);
      if (s.locals?.has(id)) {
        const error = this.fail('UnboundLocalError', `cannot access local variable '${id}' where it is not associated with a value`);
        error.line = line;
        throw error;
      }
    }
    if (this.builtins.has(id)) return this.builtins.get(id);
    const error = this.fail('NameError', `name '${id}' is not defined`);
    error.line = line;
    throw error;
  }

  store(id, value, scope) {
    scope.vars.set(id, value);
  }

  assign(target, value, scope) {
    switch (target.kind) {
      case 'Name':
        this.store(target.id, value, scope);
        return;
      case 'Attribute':
        this.setAttribute(this.evaluate(target.value, scope), target.name, value);
        return;
      case 'Subscript':
        this.setItem(this.evaluate(target.value, scope), this.evaluate(target.index, scope), value);
        return;
      case 'Tuple':
      case 'List':
        this.unpack(target.items, value, scope, target.line);
        return;
      default: throw this.fail('SyntaxError', 'cannot assign to expression');
    }
  }

  unpack(targets, value, scope, line) {
    if (!this.isIterable(value)) {
      throw this.fail('TypeError', `cannot unpack non-iterable ${typeName(value)} object`);
    }
    const items = [...this.iterate(value)];
    const star = targets.findIndex((t) => t.kind === 'Starred');
    if (star < 0) {
      if (items.length > targets.length) throw this.fail('ValueError', `too many values to unpack (expected ${targets.length})`);
      if (items.length < targets.length) {
        throw this.fail('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
      }
      targets.forEach((t, i) => this.assign(t, items[i], scope));
      return;
    }
    const after = targets.length - star - 1;
    if (items.length < targets.length - 1) {
      throw this.fail('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
    }
    targets.slice(0, star).forEach((t, i) => this.assign(t, items[i], scope));
    this.assign(targets[star].value, new PyList(items.slice(star, items.length - after)), scope);
    targets.slice(star + 1).forEach((t, i) => this.assign(t, items[items.length - after + i], scope));
    void line;
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
      case 'Name': return this.lookup(node.id, scope, node.line);
      case 'Attribute': return this.getAttribute(this.evaluate(node.value, scope), node.name);
      case 'Subscript': return this.getItem(this.evaluate(node.value, scope), this.evaluate(node.index, scope));
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
      case 'Starred': throw this.fail('SyntaxError', "can't use starred expression here");
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
        checkLength(results.length);
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
      checkLength(out.length);
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
          throw this.fail('TypeError', `${calleeName(func)} argument after * must be an iterable, not ${typeName(value)}`);
        }
        args.push(...this.iterate(value));
      } else if (arg.kind === 'keyword') {
        if (kwargs.has(arg.name)) throw this.fail('SyntaxError', `keyword argument repeated: ${arg.name}`);
        kwargs.set(arg.name, this.evaluate(arg.value, scope));
      } else {
        const value = this.evaluate(arg.value, scope);
        if (!(value instanceof PyDict)) {
          throw this.fail('TypeError', `${calleeName(func)} argument after ** must be a mapping, not ${typeName(value)}`);
        }
        for (const [k, v] of value.entries) {
          if (kwargs.has(k)) throw this.fail('TypeError', `${calleeName(func)} got multiple values for keyword argument '${k}'`);
          kwargs.set(k, v);
        }
      }
    }
    this.line = node.line;
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
    throw this.fail('TypeError', `'${typeName(func)}' object is not callable`);
  }

  makeFunction(name, params, body, scope) {
    const defaults = params.map((p) => (p.default ? this.evaluate(p.default, scope) : undefined));
    const fn = new PyFunction(name, params.map((p, i) => ({ ...p, value: defaults[i] })), body, scope);
    fn.locals = localNames(params, body);
    return fn;
  }

  callFunction(fn, args, kwargs) {
    if (this.depth >= MAX_DEPTH) throw this.fail('RecursionError', 'maximum recursion depth exceeded');
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

  /** A JS iterable over a Python iterable; every item costs a step of the budget. */
  * iterate(value) {
    let source;
    if (typeof value === 'string') source = value;
    else if (value instanceof PyList) source = liveItems(value);
    else if (value instanceof PyTuple) source = value.items;
    else if (value instanceof PyDict) source = value.entries.map(([k]) => k);
    else if (value instanceof PyObject && typeof value.iterate === 'function') source = value.iterate();
    else throw this.fail('TypeError', `'${typeName(value)}' object is not iterable`);
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
    if (object instanceof PyModule) throw this.fail('AttributeError', `module '${object.name}' has no attribute '${name}'`);
    throw this.fail('AttributeError', `'${typeName(object)}' object has no attribute '${name}'`);
  }

  setAttribute(object, name, value) {
    if (object instanceof PyObject && typeof object.setAttr === 'function' && object.setAttr(name, value)) return;
    if (object instanceof PyObject || object instanceof PyModule) {
      throw this.fail('AttributeError', `'${typeName(object)}' object has no attribute '${name}'`);
    }
    if (this.getAttributeOrUndefined(object, name) !== undefined) {
      throw this.fail('AttributeError', `'${typeName(object)}' object attribute '${name}' is read-only`);
    }
    throw this.fail('AttributeError', `'${typeName(object)}' object has no attribute '${name}'`);
  }

  getAttributeOrUndefined(object, name) {
    return attribute(this, object, name);
  }

  getItem(object, key) {
    if (object instanceof PyList || object instanceof PyTuple || typeof object === 'string') {
      const items = typeof object === 'string' ? [...object] : object.items;
      const kind = typeName(object);
      if (key instanceof PySlice) {
        const picked = sliceIndices(key, items.length).map((i) => items[i]);
        if (typeof object === 'string') return picked.join('');
        return object instanceof PyList ? new PyList(picked) : new PyTuple(picked);
      }
      if (!isInt(key)) {
        if (typeof object === 'string') throw this.fail('TypeError', `string indices must be integers, not '${typeName(key)}'`);
        throw this.fail('TypeError', `${kind} indices must be integers or slices, not ${typeName(key)}`);
      }
      const i = normalizeIndex(key, items.length);
      if (i === null) throw this.fail('IndexError', `${kind === 'str' ? 'string' : kind} index out of range`);
      return items[i];
    }
    if (object instanceof PyDict) {
      if (!object.has(key)) throw this.fail('KeyError', repr(key));
      return object.get(key);
    }
    if (object instanceof PyObject && typeof object.getItem === 'function') return object.getItem(key);
    throw this.fail('TypeError', `'${typeName(object)}' object is not subscriptable`);
  }

  setItem(object, key, value) {
    if (object instanceof PyList) {
      if (key instanceof PySlice) {
        const items = [...this.iterate(value)];
        const indices = sliceIndices(key, object.items.length);
        if (key.step === null || BigInt(key.step) === 1n) {
          const start = indices.length ? indices[0] : Math.min(sliceIndices(new PySlice(key.start, null), object.items.length)[0] ?? object.items.length, object.items.length);
          checkLength(object.items.length - indices.length + items.length);
          object.items.splice(start, indices.length, ...items);
        } else {
          if (items.length !== indices.length) {
            throw this.fail('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${indices.length}`);
          }
          indices.forEach((index, j) => { object.items[index] = items[j]; });
        }
        return;
      }
      if (!isInt(key)) throw this.fail('TypeError', `list indices must be integers or slices, not ${typeName(key)}`);
      const i = normalizeIndex(key, object.items.length);
      if (i === null) throw this.fail('IndexError', 'list assignment index out of range');
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
    throw this.fail('TypeError', `'${typeName(object)}' object does not support item assignment`);
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

/** A Python index (possibly negative) into a sequence of `length`, or null when out of range. */
export function normalizeIndex(key, length) {
  let i = Number(BigInt(key));
  if (i < 0) i += length;
  return i >= 0 && i < length ? i : null;
}

function sliceBound(value, name) {
  if (value === null) return null;
  if (!isInt(value)) {
    throw new PyException('TypeError', 'slice indices must be integers or None or have an __index__ method');
  }
  void name;
  return Number(BigInt(value));
}

/** The indices a slice selects from a sequence of `length` (Python's slice.indices). */
export function sliceIndices(slice, length) {
  const step = sliceBound(slice.step) ?? 1;
  if (step === 0) throw new PyException('ValueError', 'slice step cannot be zero');
  const clamp = (v, fallback) => {
    if (v === null) return fallback;
    if (v < 0) return Math.max(v + length, step < 0 ? -1 : 0);
    return Math.min(v, step < 0 ? length - 1 : length);
  };
  const start = clamp(sliceBound(slice.start), step < 0 ? length - 1 : 0);
  const stop = clamp(sliceBound(slice.stop), step < 0 ? -1 : length);
  const out = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

// Names a function assigns anywhere in its body (not in nested functions): Python's local variables.
function localNames(params, body) {
  const names = new Set(params.map((p) => p.name));
  const target = (t) => {
    if (t.kind === 'Name') names.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') t.items.forEach(target);
    else if (t.kind === 'Starred') target(t.value);
  };
  const walk = (statements) => {
    for (const s of statements) {
      switch (s.kind) {
        case 'Assign': s.targets.forEach(target); break;
        case 'AugAssign': target(s.target); break;
        case 'For': target(s.target); walk(s.body); walk(s.orelse); break;
        case 'While': walk(s.body); walk(s.orelse); break;
        case 'If': walk(s.body); walk(s.orelse); break;
        case 'With': s.items.forEach((i) => i.target && target(i.target)); walk(s.body); break;
        case 'Def': names.add(s.name); break;
        case 'Import': s.names.forEach((n) => names.add(n.alias ?? n.module.split('.')[0])); break;
        case 'FromImport': s.names.forEach((n) => names.add(n.alias ?? n.name)); break;
        default:
      }
    }
  };
  walk(body);
  return names;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names) {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0];
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

// Binds call arguments to parameters with Python's rules and messages.
function bindArguments(fn, args, kwargs, vars) {
  const name = `${fn.name}()`;
  const positional = fn.params.filter((p) => p.kind === 'normal');
  const star = fn.params.find((p) => p.kind === 'star');
  const starstar = fn.params.find((p) => p.kind === 'starstar');
  if (args.length > positional.length && !star) {
    const required = positional.filter((p) => p.value === undefined).length;
    const takes = required === positional.length ? `${positional.length}` : `from ${required} to ${positional.length}`;
    const given = args.length;
    throw new PyException('TypeError', `${name} takes ${takes} positional argument${positional.length === 1 && required === positional.length ? '' : 's'} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  positional.forEach((p, i) => {
    if (i < args.length) vars.set(p.name, args[i]);
  });
  if (star) vars.set(star.name, new PyTuple(args.slice(positional.length)));
  const extra = new PyDict();
  for (const [key, value] of kwargs) {
    const param = fn.params.find((p) => p.name === key && (p.kind === 'normal' || p.kind === 'kwonly'));
    if (!param) {
      if (!starstar) throw new PyException('TypeError', `${name} got an unexpected keyword argument '${key}'`);
      extra.set(key, value);
    } else if (vars.has(key)) {
      throw new PyException('TypeError', `${name} got multiple values for argument '${key}'`);
    } else {
      vars.set(key, value);
    }
  }
  if (starstar) vars.set(starstar.name, extra);
  for (const kind of ['normal', 'kwonly']) {
    const missing = [];
    for (const p of fn.params.filter((q) => q.kind === kind)) {
      if (vars.has(p.name)) continue;
      if (p.value !== undefined) vars.set(p.name, p.value);
      else missing.push(p.name);
    }
    if (missing.length) {
      const what = kind === 'normal' ? 'positional' : 'keyword-only';
      throw new PyException('TypeError', `${name} missing ${plural(missing.length, `required ${what} argument`)}: ${nameList(missing)}`);
    }
  }
}
