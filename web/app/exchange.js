// Round trips with a notebook, without DOM: the page's state → a runnable PyTorch program (the package's
// toPython on the live layers), state ⇄ JSON, and pasted PyTorch printouts (or the JSON) → a state.
import { Engine } from './model.js';
import { parseState, StateError, stateToQuery } from './state.js';
import { parsePytorchText, importedState, ImportError } from './pytorch-import.js';

/** What the program prints after y so that pasting its output into Import restores the state exactly. */
function roundTripTail(state) {
  return [
    '',
    '# Paste everything this program prints into the playground\'s Import to bring the state back.',
    `print('torch.manual_seed(${state.seed})')`,
    'print(model)',
    'torch.set_printoptions(precision=17)  # every float32 digit, so the weights come back exactly',
    'print(model.state_dict())',
    "print('input:', x)",
    '',
  ].join('\n');
}

/**
 * The Python program for a state, from `engine` (which then holds the state's layers; its last run is reused when it
 * computed this state). Throws an Error saying what to fix when the state has no output (PyTorch would raise the
 * same error).
 */
export function pythonProgram(engine, state, { roundTrip = true } = {}) {
  const result = engine.resultFor(state);
  if (result.seedError) throw new Error(`fix the seed first: ${result.seedError.message}`);
  if (result.inputError) throw new Error(`fix the input first: ${result.inputError.message}`);
  result.layers.forEach((info, i) => {
    const error = info.error ?? info.runError;
    if (error) throw new Error(`fix Layer ${i + 1} first: ${error.message}`);
  });
  const { nn, layers, inputTensor } = engine;
  let program = layers.length === 1 ? layers[0].toPython(inputTensor) : new nn.Sequential(layers).toPython(inputTensor);
  if (!/^torch\.manual_seed\(/m.test(program)) {
    // Every parameter is set explicitly, so the seed changes nothing; it is written so that the printed output
    // (see the tail) names it and Import restores it.
    program = program.replace(/^(import torch\.nn as nn\n\n)/, `$1torch.manual_seed(${state.seed})  # the page's seed; every parameter is set below\n`);
  }
  return roundTrip ? `${program.replace(/\n$/, '')}\n${roundTripTail(state)}` : program;
}

/** The state as JSON: readable, plus the page's query string (which is what Import and links read back). */
export function stateToJson(state) {
  const { preset: _preset, ...rest } = state;
  return JSON.stringify({ format: 'conv1d-playground/state', version: 1, query: stateToQuery(state), state: rest }, null, 2);
}

/** Each layer's seeded { weight, bias } for `state` (its edits ignored); null for a layer that cannot be built. */
export function seededParams(nn, state) {
  const engine = new Engine(nn);
  try {
    const plain = { ...state, layers: state.layers.map((l) => ({ ...l, weightEdits: {}, biasEdits: {} })) };
    return engine.run(plain).layers.map((info) => (info.error ? null : { weight: info.initialWeight, bias: info.initialBias }));
  } finally {
    engine.dispose();
  }
}

/**
 * The state a run of the Code view leaves behind: `parsed` (code-model.js's programModel) on top of `current`, through
 * the import's own rules. Returns { state, message }; throws an Error with a message.
 */
export function importedProgram(nn, parsed, current) {
  try {
    const { state, message } = importedState(parsed, current, (s) => seededParams(nn, s));
    // The selected output stays (the breakdown clamps it to the new shapes), so a run that changes nothing is no change.
    return { state: { ...state, sel: current.sel ?? null }, message: `Ran the program: ${message.replace(/^Imported/, 'imported')}` };
  } catch (error) {
    if (error instanceof ImportError) throw new Error(error.message);
    throw error;
  }
}

/**
 * Reads pasted text: the page's JSON export, or PyTorch printouts (print(model), state_dict(), tensors).
 * Returns { state, message }; throws an Error with a message for the person who pasted it.
 */
export function importText(nn, text, current) {
  const trimmed = String(text).trim();
  if (trimmed.startsWith('{')) {
    let data;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`this looks like JSON but does not parse: ${error.message}`);
    }
    if (data?.format !== 'conv1d-playground/state' || typeof data.query !== 'string') {
      throw new Error("this JSON is not a conv1d-playground state (expected format 'conv1d-playground/state' and a query)");
    }
    try {
      const state = parseState(data.query.startsWith('?') ? data.query : `?${data.query}`, { file: true });
      if (!state) throw new StateError('it holds no state');
      return { state, message: 'Imported the state from JSON.' };
    } catch (error) {
      if (error instanceof StateError) throw new Error(`the JSON state was refused: ${error.message}`);
      throw error;
    }
  }
  try {
    const parsed = parsePytorchText(trimmed);
    return importedState(parsed, current, (state) => seededParams(nn, state));
  } catch (error) {
    if (error instanceof ImportError) throw new Error(error.message);
    throw error;
  }
}
