/**
 * Functions defined in Python: which names are local to them, and binding call arguments to parameters with
 * Python's rules and TypeError messages.
 * @module functions
 */
import { PyDict, PyException, PyTuple } from './values.js';

/** Names a function assigns anywhere in its body (not in nested functions): Python's local variables. */
export function localNames(params, body) {
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

// 'a' / 'a' and 'b' / 'a', 'b', and 'c', as CPython lists missing arguments.
function nameList(names) {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0];
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/**
 * Binds call arguments into `vars` (a Map). `fn.params`: `{ name, kind: 'normal' | 'star' | 'starstar' | 'kwonly',
 * value }` with `value` the evaluated default or undefined.
 */
export function bindArguments(fn, args, kwargs, vars) {
  const name = `${fn.name}()`;
  const positional = fn.params.filter((p) => p.kind === 'normal');
  const star = fn.params.find((p) => p.kind === 'star');
  const starstar = fn.params.find((p) => p.kind === 'starstar');
  if (args.length > positional.length && !star) {
    const required = positional.filter((p) => p.value === undefined).length;
    const takes = required === positional.length
      ? plural(positional.length, 'positional argument')
      : `from ${required} to ${positional.length} positional arguments`;
    throw new PyException('TypeError', `${name} takes ${takes} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
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
