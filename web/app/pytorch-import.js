// Import from a notebook: reads what PyTorch prints — `print(model)` (a Conv1d or a Sequential of them), a
// `state_dict()` dump (as an OrderedDict or as `key tensor(...)` lines), `torch.manual_seed(n)` and labelled
// tensors (`input: tensor(...)`, `weights: tensor(...)`) — into a page state. No DOM: tested in Node and used by
// the page, the element's attributes and the embed. Summarised printouts (`...`) are refused by parseTensorText.
import { parseTensorText, ParseError, shapeOf, flatten, toLiteral } from './parse.js';
import { defaultLayer, textInput, LIMITS } from './state.js';
import { FIELD_NAMES, fieldNamed } from './fields.js';

export class ImportError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ImportError';
  }
}

const MAX_TEXT = 4_000_000;

/** The text of every `name(` … `)` call with balanced parentheses (strings respected): [{ start, end, args }]. */
function calls(text, pattern) {
  const found = [];
  const re = new RegExp(pattern, 'g');
  let m;
  while ((m = re.exec(text))) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let quote = null;
    let end = -1;
    for (let i = open; i < text.length; i += 1) {
      const ch = text[i];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === '(') {
        depth += 1;
      } else if (ch === ')') {
        depth -= 1;
        if (depth === 0) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) throw new ImportError(`'${m[0]}' at character ${m.index + 1} is never closed with ')'`);
    found.push({ start: m.index, end: end + 1, head: m[0], args: text.slice(open + 1, end) });
    re.lastIndex = end + 1;
  }
  return found;
}

// Splits on top-level commas: `1, 2, kernel_size=(3,), padding='same'` → four items.
function splitArgs(text) {
  const items = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (ch === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(text.slice(start).trim());
  return items.filter((s) => s !== '');
}

/** `1, 1, kernel_size=(3,), stride=(1,), padding=same, bias=False` (repr or constructor call) → a layer state. */
export function parseConv1dArgs(argText, where = 'Conv1d') {
  const layer = defaultLayer();
  const given = new Set();
  let positional = 0;
  for (const item of splitArgs(argText)) {
    const kw = /^(\w+)\s*=\s*([\s\S]+)$/.exec(item);
    const name = kw ? kw[1] : FIELD_NAMES[positional];
    const value = (kw ? kw[2] : item).trim();
    if (!kw) positional += 1;
    if (!FIELD_NAMES.includes(name ?? '')) throw new ImportError(`${where}: unexpected argument '${item.slice(0, 40)}'`);
    if (given.has(name)) throw new ImportError(`${where}: argument '${name}' given twice`);
    given.add(name);
    try {
      layer[name] = fieldNamed(name).fromPython(value, name);
    } catch (error) {
      throw new ImportError(`${where}: ${error.message}`);
    }
  }
  for (const name of ['in_channels', 'out_channels', 'kernel_size']) {
    if (!given.has(name)) throw new ImportError(`${where}: missing ${name}`);
  }
  return layer;
}

/**
 * The layers described by `print(model)` output or Python source in `text`, in order; null when there are none.
 * Printed modules (`Conv1d(1, 1, kernel_size=(3,), …)`) win over source (`nn.Conv1d(…)`) when both are pasted.
 */
export function parseLayers(text) {
  const found = calls(text, String.raw`(?:\b(?:torch\.)?nn\.)?\bConv1d\s*\(`);
  if (!found.length) return null;
  const printed = found.filter((c) => !/nn\./.test(c.head));
  const chosen = printed.length ? printed : found;
  if (chosen.length > LIMITS.layers) throw new ImportError(`at most ${LIMITS.layers} layers`);
  if (/\b(?!Conv1d\b)(Conv2d|Linear|ReLU|BatchNorm1d|MaxPool1d)\s*\(/.test(text)) {
    const other = /\b(Conv2d|Linear|ReLU|BatchNorm1d|MaxPool1d)\s*\(/.exec(text)[1];
    throw new ImportError(`the model contains ${other}: the playground holds only Conv1d layers`);
  }
  return chosen.map((c, i) => parseConv1dArgs(c.args, `layer ${i + 1}`));
}

// What a label in front of a printed tensor names.
function classify(label) {
  const l = label.replace(/\.data$/, '');
  let m = /(?:^|[.[])(\d+)\]?\.(weight|bias)$/.exec(l);
  if (m) return { kind: m[2], layer: Number(m[1]) };
  m = /(?:^|\.)(weight|bias)s?$/.exec(l);
  if (m) return { kind: m[1], layer: 0 };
  if (/^(input|inputs|x)$/.test(l.replace(/^.*\./, ''))) return { kind: 'input' };
  if (/^(output|ouput|out|y)$/.test(l.replace(/^.*\./, ''))) return { kind: 'output' };
  return { kind: 'unknown', label: l };
}

// The label printed just before position `start`: `('0.weight', `, `0.weight `, `weights: `, `x = `.
function labelBefore(text, start) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let prefix = text.slice(lineStart, start);
  if (/^\s*$/.test(prefix) || /Parameter containing:\s*$/.test(prefix)) {
    // `print(m.weight)` prints `Parameter containing:` alone on the line before: no name to read.
    const prevEnd = lineStart - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const prev = text.slice(prevStart, Math.max(prevStart, prevEnd));
    if (/Parameter containing:\s*$/.test(prev)) prefix = prev.replace(/Parameter containing:\s*$/, '');
    else if (!/Parameter containing:\s*$/.test(prefix)) return '';
  }
  prefix = prefix.replace(/Parameter containing:\s*$/, '');
  const m = /(\w[\w.[\]]*)['"]?\s*[:=,]?\s*\(?\s*$/.exec(prefix.replace(/\(\s*['"]/g, ' '));
  return m ? m[1] : '';
}

/**
 * Reads everything the text says: { seed, layers, params: [{ layer, kind, values, shape }], input, output }.
 * Throws ImportError with a message a person can act on.
 */
export function parsePytorchText(text) {
  if (typeof text !== 'string') throw new ImportError('expected text');
  if (text.length > MAX_TEXT) throw new ImportError(`the text is too long (${text.length} characters)`);
  if (!text.trim()) throw new ImportError('nothing to import: paste print(model), a state_dict() or printed tensors');
  const seeds = [...text.matchAll(/torch\.manual_seed\(\s*(-?\d{1,20})\s*\)/g)];
  const seed = seeds.length ? seeds[seeds.length - 1][1] : null;
  const layers = parseLayers(text);
  const params = [];
  let input = null;
  let output = null;
  const unlabelled = [];
  for (const call of calls(text, String.raw`\btensor\s*\(`)) {
    const label = labelBefore(text, call.start);
    const what = classify(label);
    let values;
    try {
      values = parseTensorText(text.slice(call.start, call.end));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const name = label || 'a tensor';
      const summarised = /summarised/.test(error.message);
      throw new ImportError(summarised
        ? `${name} is printed in PyTorch's summarised form ('...'): the values it leaves out cannot be imported. ` +
          'Print it again after torch.set_printoptions(profile="full") (or threshold=100_000) and paste that'
        : `${name}: ${error.message.replace(/ \(at character \d+\)$/, '')}`);
    }
    const item = { values, shape: shapeOf(values), label };
    if (what.kind === 'weight' || what.kind === 'bias') params.push({ ...item, kind: what.kind, layer: what.layer });
    else if (what.kind === 'input') input = item;
    else if (what.kind === 'output') output = item;
    else unlabelled.push(item);
  }
  // One unnamed tensor and no named input: that tensor is the input (a bare `print(x)`).
  if (!input && unlabelled.length === 1 && (layers || params.length)) input = unlabelled[0];
  else if (!input && unlabelled.length === 1 && !layers && !params.length) input = unlabelled[0];
  if (!layers && !params.length && !input && seed === null) {
    throw new ImportError('found no Conv1d, state_dict entry, tensor or torch.manual_seed in the text');
  }
  return { seed, layers, params, input, output };
}

/** Layers implied by a state_dict's shapes alone (weight [out, in, k]); groups, stride and padding left at 1/0. */
function layersFromParams(params) {
  const count = Math.max(...params.map((p) => p.layer)) + 1;
  const layers = [];
  for (let i = 0; i < count; i += 1) {
    const weight = params.find((p) => p.layer === i && p.kind === 'weight');
    if (!weight) throw new ImportError(`the state_dict has no weight for layer ${i} (key '${i}.weight')`);
    if (weight.shape.length !== 3) throw new ImportError(`${weight.label || 'weight'} must be 3-D [out_channels, in_channels/groups, kernel_size], but has shape [${weight.shape.join(', ')}]`);
    const [out, inner, k] = weight.shape;
    layers.push(defaultLayer({ in_channels: String(inner), out_channels: String(out), kernel_size: String(k),
      bias: params.some((p) => p.layer === i && p.kind === 'bias') }));
  }
  return layers;
}

/** The shortest decimal with the same float32 value: -0.09920000284910202 (printed at precision 17) → -0.0992. */
export function shortestFloat32(value) {
  if (!Number.isFinite(value)) return value;
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits += 1) {
    const short = Number(target.toPrecision(digits));
    if (Math.fround(short) === target) return short;
  }
  return target;
}

const describeShape = (shape) => `(${shape.join(', ')})`;

/**
 * A new state from parsed text on top of `current`. `initial(state)` returns the seeded parameters of each layer
 * ({ weight, bias } as { shape, data }, or null where a layer cannot be built), so imported values equal to what
 * the seed draws are not recorded as edits: a state exported by the page comes back exactly as it was.
 * Returns { state, message }.
 */
export function importedState(parsed, current, initial, { inferLayers = true } = {}) {
  const notes = [];
  let layers = parsed.layers;
  if (!layers && parsed.params.length && inferLayers) {
    layers = layersFromParams(parsed.params);
    notes.push('layers inferred from the weight shapes (stride 1, padding 0, dilation 1, groups 1: paste print(model) as well for the other arguments)');
  }
  const state = {
    seed: parsed.seed ?? current.seed,
    layers: layers ? layers.map((l) => ({ ...l, weightEdits: {}, biasEdits: {} }))
      : current.layers.map((l) => ({ ...structuredClone(l), weightEdits: {}, biasEdits: {} })),
    input: parsed.input ? textInput(toLiteral(parsed.input.values)) : structuredClone(current.input),
    showAll: current.showAll,
    preset: null,
  };
  if (!parsed.params.length && !layers) {
    // Only an input or a seed: the layers and their edits stay as they were.
    state.layers = structuredClone(current.layers);
  } else if (!layers) {
    // Parameters for the current layers: the edits of layers they do not name are kept.
    state.layers = structuredClone(current.layers);
  }
  if (parsed.params.length) {
    const seeded = initial(state);
    for (const p of parsed.params) {
      if (p.layer >= state.layers.length) throw new ImportError(`'${p.label}' names layer ${p.layer}, but the model has ${state.layers.length} layer${state.layers.length === 1 ? '' : 's'}`);
      const target = seeded[p.layer]?.[p.kind];
      if (!target) {
        throw new ImportError(p.kind === 'bias' && seeded[p.layer]
          ? `layer ${p.layer + 1} has bias=False, but the text gives it a bias`
          : `layer ${p.layer + 1} cannot be built with these arguments, so its ${p.kind} cannot be set`);
      }
      if (p.shape.join() !== target.shape.join()) {
        throw new ImportError(`${p.label || p.kind} has shape [${p.shape.join(', ')}], but layer ${p.layer + 1}'s ${p.kind} is [${target.shape.join(', ')}]`);
      }
      const edits = {};
      flatten(p.values).forEach((v, i) => {
        const seededValue = target.data[i];
        if (!Object.is(Math.fround(v), seededValue) && !(Number.isNaN(v) && Number.isNaN(seededValue))) edits[String(i)] = shortestFloat32(v);
      });
      if (p.kind === 'weight') state.layers[p.layer].weightEdits = edits;
      else state.layers[p.layer].biasEdits = edits;
    }
  }
  const parts = [];
  if (layers) parts.push(`${layers.length} layer${layers.length === 1 ? '' : 's'}`);
  if (parsed.seed !== null) parts.push(`torch.manual_seed(${parsed.seed})`);
  const paramCount = parsed.params.length;
  if (paramCount) {
    const edited = state.layers.reduce((n, l) => n + Object.keys(l.weightEdits).length + Object.keys(l.biasEdits).length, 0);
    parts.push(`${paramCount} parameter tensor${paramCount === 1 ? '' : 's'} (${edited ? `${edited} value${edited === 1 ? '' : 's'} differ from the seed's` : 'all equal to what the seed draws'})`);
  }
  if (parsed.input) parts.push(`input ${describeShape(parsed.input.shape)}`);
  const message = `Imported ${parts.join(', ')}${notes.length ? `; ${notes.join('; ')}` : ''}.`;
  return { state, message };
}
