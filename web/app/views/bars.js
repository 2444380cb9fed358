// A layer's weights as bars, one per value, in rows of kernel taps (one row per output × input channel): drag a
// bar up or down, or focus it and use the arrow keys (views/drag.js), and every number on the page follows.
// Drawn for kernels small enough to read as bars; the table beside it holds every weight of any size.
import { h, s } from '../dom.js';
import { formatValue } from '../../lib/format.js';
import { attachDrag, sliderValue, snap } from './drag.js';
import { niceStep } from './plot.js';

export const MAX_BARS = 48;
const HEIGHT = 92;
const PAD = 6; // above the tallest bar and below the lowest
const BAR = 44; // the widest bar
const WIDE = 260; // the width bars spread over before they are squeezed
const ROW_GAP = 8; // between the taps of one (output, input) channel pair and the next

export class WeightBars {
  /** onEdit(flatIndex, text): a new value for weight[flatIndex]. */
  constructor({ name, onEdit }) {
    this.name = name;
    this.onEdit = onEdit;
    this.key = null;
    this.data = null;
    this.frozen = null;
    this.svg = s('svg', { class: 'weight-bars-svg', role: 'group', height: HEIGHT, preserveAspectRatio: 'none',
      'aria-label': `${name} as bars: drag one up or down, or focus it and press ↑ or ↓ (← → move between them)` });
    this.el = h('figure', { class: 'weight-bars', hidden: true }, this.svg);
    attachDrag(this.svg, {
      range: () => this.range,
      valueAt: (clientY, { hi }) => {
        const box = this.svg.getBoundingClientRect();
        const y = (clientY - box.top) * (HEIGHT / box.height);
        return ((HEIGHT / 2 - y) / (HEIGHT / 2 - PAD)) * hi;
      },
      value: (k) => this.data[k],
      step: ({ lo, hi }) => niceStep((hi - lo) / 100),
      onChange: (k, value) => this.onEdit(k, String(value)),
      onGrab: (range) => { this.frozen = range; },
      onRelease: () => {
        this.frozen = null;
        this.#draw();
      },
    });
  }

  /** shape [out, in/groups, k]. */
  update({ shape, data }) {
    const count = data.length;
    this.el.hidden = count === 0 || count > MAX_BARS;
    if (this.el.hidden) return;
    const key = shape.join('x');
    if (key !== this.key) this.#build(shape);
    this.key = key;
    this.data = data;
    this.#draw();
  }

  // Drawn at its natural width; a narrower card squeezes it sideways only (preserveAspectRatio none), so the bars
  // keep their height and the drag its scale.
  #build([out, inner, k]) {
    const rows = out * inner;
    const bar = Math.min(BAR, Math.max(10, (WIDE - (rows - 1) * ROW_GAP) / (rows * k) - 3));
    const w = rows * k * (bar + 3) + (rows - 1) * ROW_GAP;
    this.svg.setAttribute('width', w);
    this.svg.setAttribute('viewBox', `0 0 ${w} ${HEIGHT}`);
    const zero = s('line', { class: 'zero', x1: 0, x2: w, y1: HEIGHT / 2, y2: HEIGHT / 2 });
    this.bars = [];
    const handles = [];
    let x = 0;
    for (let o = 0; o < out; o += 1) {
      for (let i = 0; i < inner; i += 1) {
        for (let t = 0; t < k; t += 1) {
          const index = (o * inner + i) * k + t;
          const rect = s('rect', { class: 'bar', x, width: bar, rx: 2 });
          const g = s('g', { role: 'slider', tabindex: index === 0 ? 0 : -1, dataset: { k: index }, 'aria-label': `${this.name} ${o}, ${i}, ${t}` },
            s('rect', { class: 'hit', x: x - 1.5, width: bar + 3, y: 0, height: HEIGHT }), rect);
          this.bars.push({ g, rect });
          handles.push(g);
          x += bar + 3;
        }
        x += ROW_GAP;
      }
    }
    this.svg.replaceChildren(zero, ...handles);
  }

  #draw() {
    const data = this.data;
    let most = 0;
    for (const v of data) if (Number.isFinite(v)) most = Math.max(most, Math.abs(v));
    const hi = most > 0 ? snap(most * 1.15, niceStep(most / 10)) : 1;
    this.range = this.frozen ?? { lo: -hi, hi };
    const scale = (HEIGHT / 2 - PAD) / this.range.hi;
    this.bars.forEach(({ g, rect }, k) => {
      const v = data[k];
      const size = Number.isFinite(v) ? Math.min(HEIGHT / 2 - PAD, Math.abs(v) * scale) : 0;
      rect.setAttribute('y', String(v >= 0 ? HEIGHT / 2 - size : HEIGHT / 2));
      rect.setAttribute('height', String(Math.max(1, size)));
      rect.classList.toggle('negative', v < 0);
      sliderValue(g, v, this.range, formatValue(v));
    });
  }
}
