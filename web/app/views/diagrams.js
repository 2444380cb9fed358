// Tiny live diagrams of what an argument's current value does, drawn under its field: stride (where the next
// output's window starts), dilation (which inputs one output reads), groups (which input channels each output
// channel reads) and padding_mode (the padded values and where they come from). Each is an SVG image whose
// accessible name says the same in words; update() redraws it from the layer's arguments and the plan's padding.
import { s, uid } from '../dom.js';

const W = 104;
const H = 40;
const MAX_DOTS = 12;
const LETTERS = 'abcdefghijkl';

const int = (text, fallback) => {
  const n = Number.parseInt(String(text), 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** A row of input dots, `count` of them, spread over the width: x of dot i. */
const dotX = (count, width = W) => (i) => (count === 1 ? width / 2 : 6 + (i * (width - 12)) / (count - 1));

// out[0] and out[1]: their windows' first taps are `stride` inputs apart.
function stride(layer) {
  const st = int(layer.stride, 1);
  const k = Math.min(int(layer.kernel_size, 1), 4);
  const d = Math.min(int(layer.dilation, 1), 3);
  const span = d * (k - 1);
  const count = Math.min(MAX_DOTS, Math.max(6, st + span + 2));
  const x = dotX(count);
  const window = (start, cls, y) => {
    const taps = [];
    for (let j = 0; j < k && start + j * d < count; j += 1) taps.push(start + j * d);
    const mid = (x(taps[0]) + x(taps[taps.length - 1])) / 2;
    return s('g', { class: cls }, taps.map((p) => s('line', { x1: mid, y1: y, x2: x(p), y2: 27 })), s('circle', { cx: mid, cy: y, r: 3.5 }));
  };
  return {
    label: `stride ${st}: the next output's window starts ${st} input${st === 1 ? '' : 's'} later`,
    nodes: [
      ...Array.from({ length: count }, (_, i) => s('circle', { class: 'dot', cx: x(i), cy: 30, r: 2.5 })),
      window(0, 'win-a', 6), st < count ? window(st, 'win-b', 14) : null,
      s('text', { x: W - 2, y: 39, 'text-anchor': 'end', class: 'dg-note', text: `+${st}` }),
    ],
  };
}

// One output and the inputs it reads: kernel_size taps, dilation apart.
function dilation(layer) {
  const d = int(layer.dilation, 1);
  const k = Math.min(int(layer.kernel_size, 1), 5);
  const count = Math.min(MAX_DOTS, Math.max(5, d * (k - 1) + 1));
  const x = dotX(count);
  const taps = [];
  for (let j = 0; j < k && j * d < count; j += 1) taps.push(j * d);
  const mid = (x(taps[0]) + x(taps[taps.length - 1])) / 2;
  return {
    label: `dilation ${d}: one output reads ${k} input${k === 1 ? '' : 's'}, ${d} apart`,
    nodes: [
      ...Array.from({ length: count }, (_, i) => s('circle', { class: taps.includes(i) ? 'dot tap' : 'dot', cx: x(i), cy: 30, r: 2.5 })),
      s('g', { class: 'win-a' }, taps.map((p) => s('line', { x1: mid, y1: 8, x2: x(p), y2: 27 })), s('circle', { cx: mid, cy: 8, r: 3.5 })),
    ],
  };
}

// Input channels on top, output channels below; each output channel is wired to the inputs of its group.
function groups(layer) {
  const g = int(layer.groups, 1);
  const cin = Math.min(int(layer.in_channels, 1), 8);
  const cout = Math.min(int(layer.out_channels, 1), 8);
  const fits = int(layer.in_channels, 1) % g === 0 && int(layer.out_channels, 1) % g === 0;
  const xi = dotX(cin);
  const xo = dotX(cout);
  const groupOf = (c, n) => Math.floor((c * g) / n);
  const wires = [];
  if (fits) {
    for (let o = 0; o < cout; o += 1) {
      for (let i = 0; i < cin; i += 1) {
        if (groupOf(o, cout) === groupOf(i, cin)) wires.push(s('line', { class: `g${groupOf(o, cout) % 4}`, x1: xi(i), y1: 8, x2: xo(o), y2: 32 }));
      }
    }
  }
  return {
    label: fits
      ? `groups ${g}: ${g === 1 ? 'every output channel reads every input channel' : `the channels split into ${g} groups; an output channel reads only its group's input channels`}`
      : `groups ${g}: in_channels and out_channels must both be multiples of groups`,
    nodes: [
      s('g', { class: 'wires' }, wires),
      ...Array.from({ length: cin }, (_, i) => s('rect', { class: 'chan', x: xi(i) - 3, y: 4, width: 6, height: 6, rx: 1 })),
      ...Array.from({ length: cout }, (_, o) => s('rect', { class: 'chan out', x: xo(o) - 3, y: 30, width: 6, height: 6, rx: 1 })),
      fits ? null : s('text', { x: W / 2, y: 23, 'text-anchor': 'middle', class: 'dg-note bad', text: 'not divisible' }),
    ],
  };
}

// Letters a, b, c… stand for the input; the padded cells show the letter they copy (or 0), so the mode reads at a
// glance: zeros 0 0|a b c|0 0, reflect c b|a b c|b a, replicate a a|a b c|c c, circular b c|a b c|a b.
function padding(layer, plan) {
  const mode = layer.padding_mode;
  const typed = Number.parseInt(String(layer.padding), 10); // while the layer has an error there is no plan
  const left = Math.min(plan?.padLeft ?? (typed > 0 ? typed : 0), 3);
  const right = Math.min(plan?.padRight ?? (typed > 0 ? typed : 0), 3);
  const n = 5;
  const source = (p) => { // input index copied at padded offset p (negative: left of the input), or -1 for a zero
    if (p >= 0 && p < n) return p;
    if (mode === 'zeros') return -1;
    if (mode === 'replicate') return p < 0 ? 0 : n - 1;
    if (mode === 'circular') return ((p % n) + n) % n;
    return p < 0 ? -p : 2 * (n - 1) - p; // reflect
  };
  const cells = [];
  for (let p = -left; p < n + right; p += 1) cells.push(p);
  const width = Math.max(W, cells.length * 15 + 4);
  const cell = 14;
  const nodes = cells.map((p, i) => {
    const src = source(p);
    const real = p >= 0 && p < n;
    return s('g', { class: real ? 'cell' : 'cell pad' },
      s('rect', { x: 2 + i * (cell + 1), y: 12, width: cell, height: 16, rx: 2 }),
      s('text', { x: 2 + i * (cell + 1) + cell / 2, y: 24, 'text-anchor': 'middle', text: src < 0 ? '0' : LETTERS[src] }));
  });
  const described = left + right === 0 ? 'no padding is added'
    : `${left} left and ${right} right: ${mode === 'zeros' ? 'zeros' : mode === 'reflect' ? 'the input mirrored at its ends (the end value not repeated)'
      : mode === 'replicate' ? 'copies of the end values' : 'the input wrapped around from the other end'}`;
  return {
    label: `padding_mode '${mode}', ${described}`,
    width,
    nodes: [...nodes, s('text', { x: 2, y: 8, class: 'dg-note', text: left + right === 0 ? 'padding 0: none added' : `'${mode}'` })],
  };
}

const DRAW = { stride, dilation, groups, padding_mode: padding };

/** The diagram of one argument: el (an <svg>), its id (for aria-describedby) and update(layer, plan). */
export class ArgDiagram {
  constructor(name) {
    this.name = name;
    this.id = uid(`diagram-${name}`);
    this.title = s('title', { id: `${this.id}-title` });
    this.el = s('svg', { class: `arg-diagram dg-${name}`, id: this.id, role: 'img', width: W, height: H, viewBox: `0 0 ${W} ${H}`,
      'aria-labelledby': this.title.id });
    this.key = null;
  }

  update(layer, plan) {
    const key = JSON.stringify([layer.stride, layer.dilation, layer.kernel_size, layer.groups, layer.in_channels, layer.out_channels,
      layer.padding_mode, plan?.padLeft, plan?.padRight]);
    if (key === this.key) return;
    this.key = key;
    const { label, nodes, width = W } = DRAW[this.name](layer, plan);
    this.title.textContent = label;
    this.el.setAttribute('width', String(width));
    this.el.setAttribute('viewBox', `0 0 ${width} ${H}`);
    this.el.replaceChildren(this.title, ...nodes.filter(Boolean));
  }
}

/** The arguments that have a diagram. */
export const DIAGRAMS = Object.keys(DRAW);
