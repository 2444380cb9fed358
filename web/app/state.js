// The page's whole state: one plain object that round-trips through the URL's query string, so a
// copied link reproduces the page exactly (seed, layers, edited weights, input, view options).
// The URL is untrusted: parseState() validates everything and refuses what it cannot accept. A layer's arguments
// are the ones fields.js describes, read and written as it says.
import { FIELD_NAMES, initialArgs, LAYER_FIELDS, NUMBER_TEXT } from './fields.js';

export const INPUT_KINDS = ['text', 'ramp', 'sine', 'step', 'impulse', 'noise'];

export const LIMITS = Object.freeze({
  // linkLength: the longest link the page writes, the whole address counted. Common servers refuse longer request
  // lines (nginx 8 KB, Apache 8,190 bytes; `npm start`, on Node, 16 KB for the request line and headers together),
  // browsers take far longer ones (Chrome 2 MB), and parseState reads queries up to urlLength. Larger states are
  // saved with the JSON export, which parseState reads with the `file` limits below.
  linkLength: 8000, urlLength: 200_000, layers: 16, fieldLength: 16, seedDigits: 20, inputText: 100_000,
  batch: 64, channels: 1024, length: 65_536, generated: 1_048_576, edits: 65_536,
});

export function defaultLayer(overrides = {}) {
  return { ...initialArgs(), weightEdits: {}, biasEdits: {}, ...overrides };
}

export function defaultState() {
  return preset(1);
}

const TUTORIAL_INPUT_2CH = '[[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]]';
const asEdits = (values) => Object.fromEntries(values.map((v, i) => [String(i), v]));

/** The tutorial's three examples. 2 and 3 set the weights it printed (4 decimals). */
export function preset(n) {
  const base = { seed: '1', showAll: false, sel: null, input: textInput('[[[1, 2, 3, 4, 5]]]') };
  if (n === 2) {
    return { ...base, preset: 2, input: textInput(TUTORIAL_INPUT_2CH), layers: [defaultLayer({
      in_channels: '2',
      weightEdits: asEdits([-0.2167, 0.1201, -0.1179, -0.0448, -0.3925, -0.1946]),
      biasEdits: asEdits([0.2215]),
    })] };
  }
  if (n === 3) {
    return { ...base, preset: 3, input: textInput(TUTORIAL_INPUT_2CH), layers: [defaultLayer({
      in_channels: '2', out_channels: '2',
      weightEdits: asEdits([-0.0992, 0.4066, 0.3272, -0.0191, -0.2725, 0.2486, 0.1267, -0.2639, 0.2652, 0.2478, 0.3621, -0.2288]),
      biasEdits: asEdits([-0.0672, -0.0079]),
    })] };
  }
  return { ...base, preset: 1, layers: [defaultLayer()] };
}

export function textInput(text) {
  return { kind: 'text', text, batch: '1', channels: '1', length: '5', batched: true };
}

export function cloneState(state) {
  return structuredClone(state);
}

const sameEdits = (a, b) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && Object.is(a[k], b[k]));
};

/**
 * The tutorial example (1, 2 or 3) the state equals, or null: the same seed, input and layers with the same
 * weights. The view options (selected output, "show all") do not count.
 */
export function matchingPreset(state) {
  for (const n of [1, 2, 3]) {
    const p = preset(n);
    if (state.seed !== p.seed || state.layers.length !== p.layers.length) continue;
    const inp = state.input;
    if (inp.kind !== 'text' || inp.text !== p.input.text) continue;
    const same = state.layers.every((l, i) => {
      const q = p.layers[i];
      return FIELD_NAMES.every((k) => l[k] === q[k]) && sameEdits(l.weightEdits, q.weightEdits) && sameEdits(l.biasEdits, q.biasEdits);
    });
    if (same) return n;
  }
  return null;
}

/**
 * The weights and biases the state's example set for layer i ({ weightEdits, biasEdits }, empty for
 * Example 1 or any other state): a preset's printed weights are its own values, not edits.
 */
export function baseEdits(state, i) {
  const layer = state.preset === 2 || state.preset === 3 ? preset(state.preset).layers[i] : null;
  return layer ? { weightEdits: layer.weightEdits, biasEdits: layer.biasEdits } : { weightEdits: {}, biasEdits: {} };
}

/** The indices of layer i's weight and bias that the person changed: edits that differ from baseEdits. */
export function userEdits(state, i) {
  const base = baseEdits(state, i);
  const l = state.layers[i];
  const changed = (edits, from) => {
    const out = new Set();
    for (const k of Object.keys(edits)) if (!Object.hasOwn(from, k) || !Object.is(edits[k], from[k])) out.add(Number(k));
    for (const k of Object.keys(from)) if (!Object.hasOwn(edits, k)) out.add(Number(k));
    return out;
  };
  return { weight: changed(l.weightEdits, base.weightEdits), bias: changed(l.biasEdits, base.biasEdits) };
}

export function hasEdits(state) {
  return state.layers.some((l) => Object.keys(l.weightEdits).length || Object.keys(l.biasEdits).length);
}

// ---- URL encoding ------------------------------------------------------------------------------
// ?seed=1&layer=1,1,3,1,0,1,1,1,zeros&w0=0:0.2975,1:-0.2548&b0=0:0.271&input=[[[1,2,3,4,5]]]
// layer fields: LAYER_FIELDS in order (in_channels,out_channels,kernel_size,stride,padding,dilation,groups,bias(1|0),
// padding_mode); each field is percent-encoded, so any text a person typed survives. Generated input: gen=sine&n=1&c=2&len=64
// (n=none for unbatched (C, L) input).

const encodeField = (s) => encodeURIComponent(s).replace(/%20/g, ' ');
const editsToText = (edits) => Object.keys(edits).map(Number).sort((a, b) => a - b)
  .map((i) => `${i}:${numberText(edits[i])}`).join(',');
const numberText = (v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));

export function stateToParams(state) {
  const p = new URLSearchParams();
  p.set('seed', state.seed);
  state.layers.forEach((l, i) => {
    p.append('layer', LAYER_FIELDS.map((f) => encodeField(f.toUrl(l[f.name]))).join(','));
    if (Object.keys(l.weightEdits).length) p.set(`w${i}`, editsToText(l.weightEdits));
    if (Object.keys(l.biasEdits).length) p.set(`b${i}`, editsToText(l.biasEdits));
  });
  const input = state.input;
  if (input.kind === 'text') {
    p.set('input', input.text);
  } else {
    p.set('gen', input.kind);
    p.set('n', input.batched ? input.batch : 'none');
    p.set('c', input.channels);
    p.set('len', input.length);
  }
  if (state.showAll) p.set('all', '1');
  if (state.sel) p.set('sel', selectionToText(state.sel));
  return p;
}

export function stateToQuery(state) {
  return `?${stateToParams(state).toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

/**
 * The query of a link to `state` at `base` (the rest of the address: origin, path, hash), only when the link reloads
 * to this state: no longer than LIMITS.linkLength and read back by parseState to the same query.
 * Returns { query } or { query: null, tooLong, length, message }; a link too long also has size, its length as text
 * ("12,345 characters", or "at least …" when it was not encoded).
 */
export function linkQuery(state, base = '') {
  const tooLong = (length, size) => ({ query: null, tooLong: true, length, size,
    message: `the state is too large for a link (${size}; a link holds at most ${LIMITS.linkLength.toLocaleString('en')})` });
  // The typed text and the edits alone already make a longer link: a megabyte of input is not encoded just to
  // learn that (that takes a busy main thread half a second after every key).
  let floor = base.length;
  if (state.input.kind === 'text') floor += state.input.text.length;
  for (const l of state.layers) floor += 3 * (Object.keys(l.weightEdits).length + Object.keys(l.biasEdits).length);
  if (floor > LIMITS.linkLength) return tooLong(floor, `at least ${floor.toLocaleString('en')} characters`);
  const query = stateToQuery(state);
  const length = base.length + query.length;
  if (length > LIMITS.linkLength) return tooLong(length, `${length.toLocaleString('en')} characters`);
  let back;
  try {
    back = parseState(query);
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    return { query: null, tooLong: false, length, message: error.message };
  }
  if (stateToQuery(back) !== query) return { query: null, tooLong: false, length, message: 'the link would not restore this state' };
  return { query };
}

/** A refused URL state: the message says why, for the person who followed the link. */
export class StateError extends Error {}

// The JSON export holds states too large for a link: up to the input box's own limit of text (parse.js).
const FILE_LIMITS = { urlLength: 8_000_000, inputText: 2_000_000 };

/**
 * torch.manual_seed's argument from the seed box, as a BigInt: decimal digits with an optional minus sign, as a
 * notebook writes it. Throws an Error whose message is a sentence for the seed box.
 */
export function seedValue(text) {
  const t = String(text).trim();
  if (t === '') throw new Error('The seed is empty: type a whole number, such as 1.');
  if (!/^-?\d+$/.test(t)) {
    throw new Error(`The seed must be a whole number such as 42 or -7, not '${t.slice(0, 20)}'.`);
  }
  if (t.replace('-', '').length > LIMITS.seedDigits) throw new Error(`The seed has more than ${LIMITS.seedDigits} digits.`);
  return BigInt(t);
}

const INT_TEXT = /^-?\d{1,12}$/;

function parseEdits(text, name) {
  const edits = {};
  if (!text) return edits;
  const items = text.split(',');
  if (items.length > LIMITS.edits) throw new StateError(`${name}: too many edited values`);
  for (const item of items) {
    const m = /^(\d{1,8}):(.+)$/.exec(item);
    if (!m || !NUMBER_TEXT.test(m[2])) throw new StateError(`${name}: '${item.slice(0, 40)}' is not index:value`);
    const word = m[2];
    edits[String(Number(m[1]))] = word === 'nan' ? NaN : word === 'inf' ? Infinity : word === '-inf' ? -Infinity : Number(word);
  }
  return edits;
}

/**
 * Reads a state from a query string. Returns null when there is no state in it (use the default);
 * throws StateError when the state is malformed or outside the page's limits (a link's, or with `file`, the JSON
 * export's).
 */
export function parseState(search, { file = false } = {}) {
  const limits = file ? { ...LIMITS, ...FILE_LIMITS } : LIMITS;
  if (typeof search !== 'string') throw new StateError('the link is not text');
  if (search.length > limits.urlLength) throw new StateError(`the link is too long (${search.length} characters)`);
  const p = new URLSearchParams(search);
  if (!p.has('seed') && !p.has('layer') && !p.has('input') && !p.has('gen')) return null;
  const known = new Set(['seed', 'layer', 'input', 'gen', 'n', 'c', 'len', 'all', 'embed', 'sel']);
  for (const key of p.keys()) {
    if (!known.has(key) && !/^[wb]\d{1,2}$/.test(key)) throw new StateError(`unknown parameter '${key.slice(0, 40)}'`);
  }
  const seed = p.get('seed') ?? '1';
  if (!/^-?\d{1,20}$/.test(seed)) throw new StateError('seed must be an integer');
  const layerTexts = p.getAll('layer');
  if (layerTexts.length > LIMITS.layers) throw new StateError(`at most ${LIMITS.layers} layers`);
  const layers = layerTexts.map((text, i) => {
    const fields = text.split(',');
    if (fields.length !== LAYER_FIELDS.length) {
      throw new StateError(`layer ${i + 1}: expected ${LAYER_FIELDS.length} fields, got ${fields.length}`);
    }
    let decoded;
    try {
      decoded = fields.map((f) => decodeURIComponent(f));
    } catch {
      throw new StateError(`layer ${i + 1}: bad encoding`);
    }
    if (decoded.some((f) => f.length > LIMITS.fieldLength)) throw new StateError(`layer ${i + 1}: a field is too long`);
    const layer = {};
    LAYER_FIELDS.forEach((f, k) => {
      try {
        layer[f.name] = f.fromUrl(decoded[k], f.name);
      } catch (error) {
        throw new StateError(`layer ${i + 1}: ${error.message}`);
      }
    });
    return { ...layer, weightEdits: parseEdits(p.get(`w${i}`), `w${i}`), biasEdits: parseEdits(p.get(`b${i}`), `b${i}`) };
  });
  for (const key of p.keys()) {
    const m = /^[wb](\d+)$/.exec(key);
    if (m && Number(m[1]) >= layers.length) throw new StateError(`'${key}' edits a layer that does not exist`);
  }
  let input;
  if (p.has('gen')) {
    const kind = p.get('gen');
    if (!INPUT_KINDS.includes(kind) || kind === 'text') throw new StateError('unknown input generator');
    const n = p.get('n') ?? '1';
    const c = p.get('c') ?? '1';
    const len = p.get('len') ?? '5';
    const batched = n !== 'none';
    for (const [name, v, max] of [['batch', batched ? n : '1', LIMITS.batch], ['channels', c, LIMITS.channels],
      ['length', len, LIMITS.length]]) {
      if (!INT_TEXT.test(v) || Number(v) < 1 || Number(v) > max) throw new StateError(`input ${name} must be 1 to ${max}`);
    }
    if ((batched ? Number(n) : 1) * Number(c) * Number(len) > LIMITS.generated) throw new StateError('the input is too large');
    input = { kind, text: '', batch: batched ? n : '1', channels: c, length: len, batched };
  } else {
    const text = p.get('input') ?? '[[[1, 2, 3, 4, 5]]]';
    if (text.length > limits.inputText) throw new StateError('the input text is too long');
    input = textInput(text);
  }
  const all = p.get('all');
  if (all !== null && all !== '1' && all !== '0') throw new StateError("'all' must be 1 or 0");
  return { seed, layers, input, showAll: all === '1', sel: parseSelection(p.get('sel')), preset: null };
}

// ---- the selected output element (the breakdown's) --------------------------------------------------
// sel=layer,n,c,t — layer counts from 0 like w0/b0; n is 0 for unbatched (C, L) input. null: nothing chosen
// (the page then explains the final output's first element). Out-of-range values are clamped by the
// explain view, not refused: a link stays valid when a layer's length changes.
export function selectionToText(sel) {
  return [sel.layer, sel.n, sel.c, sel.t].join(',');
}

export function parseSelection(text) {
  if (text === null || text === undefined || text === '') return null;
  const m = /^(\d{1,2}),(\d{1,7}),(\d{1,7}),(\d{1,7})$/.exec(text);
  if (!m) throw new StateError("'sel' must be layer,n,c,t (whole numbers)");
  const [layer, n, c, t] = m.slice(1).map(Number);
  if (layer >= LIMITS.layers) throw new StateError(`'sel' names layer ${layer}, but there are at most ${LIMITS.layers}`);
  return { layer, n, c, t };
}
