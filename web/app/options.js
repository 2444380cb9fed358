// The options shared by the <conv1d-playground> element's attributes and the ?embed=1 URL parameters:
// which panels show, the selected output element, and the model described in PyTorch's own notation.
// No DOM. Everything here reads author-supplied (or URL-supplied, so untrusted) text and throws plain Errors.
import { defaultState, textInput, preset, parseState, StateError } from './state.js';
import { parsePytorchText, importedState, parseLayers, ImportError } from './pytorch-import.js';

/** The panels an instance can show; `panels` (attribute or URL parameter) picks a subset. */
export const PANELS = ['toolbar', 'controls', 'input', 'weights', 'output', 'breakdown', 'code'];

/** URL parameters of the embed that are not part of the page's state. */
export const EMBED_KEYS = ['embed', 'panels', 'readonly', 'selected', 'id', 'presets', 'label'];

/** The `presets` attribute or parameter: 'off' or 'false' hides the example chips and the example's note. */
export const presetsShown = (text) => !['off', 'false'].includes(String(text ?? '').trim());

/** The `label` attribute or parameter: the instance's name for its regions, or null. */
export const instanceLabel = (text) => String(text ?? '').trim().slice(0, 80) || null;

/** `weights, output` → ['weights', 'output']; unknown names are refused with the list of known ones. */
export function parsePanels(text) {
  const names = String(text).split(/[\s,]+/).filter(Boolean);
  for (const name of names) {
    if (!PANELS.includes(name)) throw new Error(`unknown panel '${name.slice(0, 30)}' (panels: ${PANELS.join(', ')})`);
  }
  if (!names.length) throw new Error(`panels is empty (panels: ${PANELS.join(', ')})`);
  return names;
}

/**
 * The `page` attribute: the hosted playground that "Copy link" points to, resolved against `base` (the host
 * page's address). An absolute address must be http(s): a `javascript:` or `data:` one would run or show whatever
 * it holds when the link is followed. A relative one keeps the host page's scheme.
 */
export function pageAddress(text, base) {
  const t = String(text).trim();
  let absolute = null;
  try {
    absolute = new URL(t);
  } catch {
    // relative: resolved below
  }
  const refuse = () => new Error(`page must be an http(s) address or a relative one, not '${t.slice(0, 40)}'`);
  if (absolute && absolute.protocol !== 'http:' && absolute.protocol !== 'https:') throw refuse();
  try {
    return new URL(t, base).href;
  } catch {
    throw refuse();
  }
}

/**
 * The selected output element, written as PyTorch indexes the output: `t`, `c, t`, `n, c, t`, optionally after
 * the layer (`layer 2: 0, 1, 3` or four numbers `layer, n, c, t` with the layer counted from 1).
 * Returns { layer, n, c, t } with every index from 0 (layer 0 = the first layer).
 */
export function parseSelection(text) {
  const t = String(text).trim();
  const m = /^(?:layer\s*(\d{1,2})\s*:\s*)?(\d{1,7}(?:\s*,\s*\d{1,7}){0,3})$/i.exec(t);
  if (!m) throw new Error(`selected must be 'n, c, t' (or 'layer 2: n, c, t'), not '${t.slice(0, 30)}'`);
  const nums = m[2].split(',').map((x) => Number(x.trim()));
  let layer = m[1] !== undefined ? Number(m[1]) : null;
  if (nums.length === 4) {
    if (layer !== null) throw new Error("selected: give the layer once ('layer 2: n, c, t')");
    layer = nums.shift();
  }
  if (layer !== null && layer < 1) throw new Error('selected: layers are counted from 1');
  const [n, c, pos] = nums.length === 3 ? nums : nums.length === 2 ? [0, ...nums] : [0, 0, nums[0]];
  return { layer: layer === null ? null : layer - 1, n, c, t: pos };
}

/**
 * Puts a selection into a state. The breakdown reads `state.sel` = { layer, n, c, t } (URL `sel=`);
 * a selection without a layer means the last layer.
 */
export function applySelection(state, selection) {
  const layer = selection.layer ?? state.layers.length - 1;
  state.sel = { layer: Math.min(layer, Math.max(0, state.layers.length - 1)), n: selection.n, c: selection.c, t: selection.t };
  return state;
}

/**
 * The state described by the element's attributes, in the notation a notebook prints:
 *   example  1, 2 or 3: a tutorial example (the others then change it)
 *   query    the page's own URL state (`?seed=1&layer=…`), as copied from the playground's address bar
 *   seed     torch.manual_seed's argument
 *   layers   `Conv1d(2, 1, kernel_size=3)`, several separated by newlines or ';', or a printed Sequential
 *   input    `[[[1, 2, 3, 4, 5]]]` or a tensor(...) printout
 *   weights  printed tensors / a state_dict dump: `weight: tensor(...)`, `0.bias tensor(...)`, OrderedDict(...)
 *   selected see parseSelection
 * `initial(state)` returns each layer's seeded { weight, bias } (see importedState). Returns the state.
 */
export function stateFromAttributes(attrs, initial) {
  let state;
  if (attrs.query) {
    try {
      state = parseState(attrs.query.startsWith('?') ? attrs.query : `?${attrs.query}`) ?? defaultState();
    } catch (error) {
      if (error instanceof StateError) throw new Error(`query: ${error.message}`);
      throw error;
    }
  } else if (attrs.example) {
    const n = Number(attrs.example);
    if (![1, 2, 3].includes(n)) throw new Error(`example must be 1, 2 or 3, not '${String(attrs.example).slice(0, 10)}'`);
    state = preset(n);
  } else {
    state = defaultState();
  }
  const changed = attrs.seed != null || attrs.layers != null || attrs.input != null || attrs.weights != null;
  if (changed) state.preset = null;
  if (attrs.seed != null) {
    if (!/^-?\d{1,20}$/.test(attrs.seed.trim())) throw new Error(`seed must be an integer, not '${attrs.seed.slice(0, 20)}'`);
    state.seed = attrs.seed.trim();
  }
  if (attrs.layers != null) {
    const layers = parseLayers(attrs.layers);
    if (!layers) throw new Error("layers: write them as PyTorch does, e.g. 'Conv1d(2, 1, kernel_size=3)'");
    state.layers = layers;
  }
  if (attrs.input != null) state.input = textInput(attrs.input.trim());
  if (attrs.weights != null) {
    try {
      const parsed = parsePytorchText(attrs.weights);
      if (parsed.layers || parsed.seed !== null || parsed.input) throw new ImportError('weights: give only weight and bias tensors here (use layers, seed and input for the rest)');
      state = importedState(parsed, state, initial, { inferLayers: false }).state;
    } catch (error) {
      throw new Error(error.message.startsWith('weights') ? error.message : `weights: ${error.message}`);
    }
  }
  if (attrs.selected != null) applySelection(state, parseSelection(attrs.selected));
  return state;
}
