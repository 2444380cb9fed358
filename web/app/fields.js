// The nine arguments of nn.Conv1d, described once: name, kind, default, help, and how each kind is read from a
// link, from a PyTorch printout and (for the engine) into the value the constructor takes. The state, the URL, the
// engine, the controls and the importer all read this list, in its order: PyTorch's positional order, which is also
// the order of a link's `layer=` fields. No DOM.

export const PADDING_MODES = Object.freeze(['zeros', 'reflect', 'replicate', 'circular']);
/** The words padding takes besides a number. */
export const PADDING_WORDS = Object.freeze(['same', 'valid']);

// A number as a link or a typed field may hold it (the page explains what PyTorch refuses, e.g. 1.5 or -1).
export const NUMBER_TEXT = /^(?:-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|-?inf|nan)$/;
const PYTHON_INT = /^\(?\s*(-?\d+)\s*,?\s*\)?$/; // 3, (3,), (3)

/** Throws the message of a whole-number argument that cannot be read, naming the control at fault (.field). */
function wholeNumber(text, name) {
  const t = String(text).trim();
  if (t === '') throw Object.assign(new Error(`${name} must be a whole number`), { field: name });
  const n = Number(t);
  if (!Number.isFinite(n)) {
    throw Object.assign(new Error(`${name} must be a whole number, but got '${t}'`), { field: name });
  }
  return n; // the package reports non-integers and out-of-range values in its own words
}

/**
 * Per kind: toUrl(value) → the link's text; fromUrl(text, name) → the state's value, or throws a message (a link
 * is untrusted); fromPython(text, name) → the state's value from a printout's `name=text`, or throws a message;
 * option(value, name) → what the package's constructor takes (throws with .field when unreadable).
 */
const KINDS = {
  // Integer fields hold anything a person can type into a number field (the page then explains the error); a
  // link may hold only what such a field can produce.
  int: {
    toUrl: (v) => v,
    fromUrl(text, name) {
      if (text !== '' && !NUMBER_TEXT.test(text)) throw new Error(`${name} is not a number`);
      return text;
    },
    fromPython(text, name) {
      const m = PYTHON_INT.exec(text);
      if (!m) throw new Error(`${name} must be an integer, not '${text.slice(0, 20)}'`);
      return String(Number(m[1]));
    },
    option: wholeNumber,
  },
  padding: {
    toUrl: (v) => v,
    fromUrl(text, name) {
      if (/[<>"'`\\]/.test(text)) throw new Error(`${name} contains unexpected characters`);
      return text;
    },
    fromPython(text, name) {
      const word = text.replace(/^['"]|['"]$/g, '');
      return PADDING_WORDS.includes(word) ? word : KINDS.int.fromPython(text, name);
    },
    option(text) {
      const t = String(text).trim();
      return /^[+-]?\d+$/.test(t) ? Number(t) : t;
    },
  },
  bool: {
    toUrl: (v) => (v ? '1' : '0'),
    fromUrl(text, name) {
      if (!/^[01]$/.test(text)) throw new Error(`${name} must be 1 or 0`);
      return text === '1';
    },
    fromPython(text, name) {
      if (!/^(True|False)$/.test(text)) throw new Error(`${name} must be True or False, not '${text.slice(0, 20)}'`);
      return text === 'True';
    },
    option: (v) => Boolean(v),
  },
  mode: {
    toUrl: (v) => v,
    fromUrl(text, name) {
      if (!PADDING_MODES.includes(text)) throw new Error(`unknown ${name}`);
      return text;
    },
    fromPython(text, name) {
      const word = text.replace(/^['"]|['"]$/g, '');
      if (!PADDING_MODES.includes(word)) throw new Error(`unknown ${name} '${word.slice(0, 20)}'`);
      return word;
    },
    option: (v) => v,
  },
};

const field = (name, kind, initial, help) => Object.freeze({ name, kind, initial, help, ...KINDS[kind] });

/** The arguments in PyTorch's positional order (the URL's too). initial: the state's value for a new layer. */
export const LAYER_FIELDS = Object.freeze([
  field('in_channels', 'int', '1', 'Channels C of the input to this layer.'),
  field('out_channels', 'int', '1', 'Number of filters; channels of the output.'),
  field('kernel_size', 'int', '3', 'Taps per filter.'),
  field('stride', 'int', '1', 'Step between output positions.'),
  field('padding', 'padding', '0', "A number, 'same' or 'valid'."),
  field('dilation', 'int', '1', 'Spacing between kernel taps.'),
  field('groups', 'int', '1', 'Split channels into independent groups.'),
  field('bias', 'bool', true, 'Adds one learned value per output channel.'),
  field('padding_mode', 'mode', 'zeros', 'What fills the padding.'),
]);

export const FIELD_NAMES = Object.freeze(LAYER_FIELDS.map((f) => f.name));
/** The fields typed as numbers (padding among them: a number or one of PADDING_WORDS), in order. */
export const NUMBER_FIELDS = Object.freeze(LAYER_FIELDS.filter((f) => f.kind === 'int' || f.kind === 'padding')
  .map((f) => f.name));
export const FIELD_HELP = Object.freeze(Object.fromEntries(LAYER_FIELDS.map((f) => [f.name, f.help])));
export const fieldNamed = (name) => LAYER_FIELDS.find((f) => f.name === name) ?? null;

/** A new layer's arguments as the state holds them (texts as typed, bias a boolean). */
export function initialArgs() {
  return Object.fromEntries(LAYER_FIELDS.map((f) => [f.name, f.initial]));
}

/**
 * A layer's arguments as the package's Conv1d takes them: { in_channels, …, padding (number or word), bias,
 * padding_mode }. Throws an Error with .field naming the first unreadable argument. The engine returns these with
 * every layer, so nothing else reads the typed texts again.
 */
export function layerOptions(layer) {
  return Object.fromEntries(LAYER_FIELDS.map((f) => [f.name, f.option(layer[f.name], f.name)]));
}

/** new nn.Conv1d(...constructorArgs(options)). */
export function constructorArgs(o) {
  return [o.in_channels, o.out_channels, o.kernel_size, {
    stride: o.stride, padding: o.padding, dilation: o.dilation, groups: o.groups, bias: o.bias,
    paddingMode: o.padding_mode,
  }];
}
