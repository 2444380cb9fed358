/**
 * A notebook session over a set of importable modules: cells share variables; each run returns what it printed and
 * the Python error that stopped it, and never throws.
 * @module session
 */
import { Interpreter } from './interpreter.js';
import { PyException } from './values.js';

/**
 * @param {Map<string, import('./values.js').PyModule>} modules importable modules by dotted name
 * @param {{ maxSteps?: number }} [options]
 */
export function createInterpreterSession(modules, options = {}) {
  const interpreter = new Interpreter({ modules, maxSteps: options.maxSteps });
  return {
    run(source) {
      interpreter.output = [];
      let error = null;
      try {
        if (typeof source !== 'string') {
          throw new PyException('TypeError', `run(): argument 'source' must be a string, but got ${typeof source}`);
        }
        interpreter.run(source);
      } catch (thrown) {
        error = describe(thrown, interpreter.line);
      }
      return { stdout: interpreter.output.join(''), error };
    },
    /** The session's global variables by name, in Python's globals() order (the order names were first bound). */
    variables() {
      return new Map(interpreter.globals.vars);
    },
  };
}

// Any thrown value as { type, message, line }: Python's exceptions keep their type; a JS error (a bug, or a stack
// overflow) becomes a RuntimeError at the statement that was running.
function describe(thrown, line) {
  if (thrown instanceof PyException) return { type: thrown.type, message: thrown.message, line: thrown.line ?? line };
  if (thrown instanceof RangeError && thrown.message.includes('call stack')) {
    return { type: 'RecursionError', message: 'maximum recursion depth exceeded', line };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { type: 'RuntimeError', message, line };
}
