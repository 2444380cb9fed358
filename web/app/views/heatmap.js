// A layer's weight [out, in/groups, k] as a picture: one row per output channel, one block of k cells per input
// channel of its group, a diverging colour scale symmetric around zero with a legend. Drawn on a <canvas> (one
// element however many weights; a 16×16×3 layer is 768 cells) and linked with the editable table: hovering or
// focusing a cell in either view marks the same weight in the other. The canvas is sized by pixels, not by
// weights: past 3 px a cell, a side is squeezed into MAX_SIDE px and each pixel shows the weight under its centre
// (a 4096×4096 weight is drawn in 400×400 px, not 12288×12288).
import { activeOf, h } from '../dom.js';
import { formatValue } from '../../lib/format.js';

const NEG = [37, 99, 235]; // the page's accent blue for negative weights
const POS = [232, 89, 12]; // orange for positive ones
const NAN = [107, 114, 128]; // #6b7280
const MAX_SIDE = 400; // CSS px of a squeezed side
/** [r, g, b] of a weight on the scale symmetric around zero (white at 0, full colour at ±max). */
export const weightRgb = (v, max) => {
  if (!Number.isFinite(v)) return NAN;
  const a = max > 0 ? Math.min(1, Math.abs(v) / max) : 0;
  return (v < 0 ? NEG : POS).map((c) => Math.round(255 + (c - 255) * a));
};

export class WeightHeatmap {
  constructor({ onHover } = {}) {
    this.onHover = onHover;
    this.canvas = h('canvas', { class: 'heatmap-canvas', role: 'img' });
    this.readout = h('p', { class: 'heatmap-readout', 'aria-hidden': 'true', text: ' ' });
    this.legend = h('div', { class: 'heatmap-legend', 'aria-hidden': 'true' });
    this.el = h('figure', { class: 'heatmap' }, this.canvas, h('figcaption', null, this.legend, this.readout));
    this.data = null;
    this.shape = null;
    this.marked = -1;
    this.used = new Set();
    this.canvas.addEventListener('mousemove', (e) => this.#hover(this.#indexAt(e)));
    this.canvas.addEventListener('mouseleave', () => this.#hover(-1));
  }

  /** weight: { shape: [out, inner, k], data }. Redraws only when the data array changes. */
  update(weight, groups = 1) {
    if (weight.data === this.data && this.groups === groups) return;
    this.data = weight.data;
    this.shape = weight.shape;
    this.groups = groups;
    const [out, inner, k] = weight.shape;
    const data = weight.data;
    let max = 0;
    for (let i = 0; i < data.length; i += 1) {
      const a = Math.abs(data[i]);
      if (a > max && a !== Infinity) max = a;
    }
    this.max = max;
    // Cell size: as large as reads well, small enough for big layers; blocks per input channel with a gap. Sides of
    // more cells than fit at 3 px are squeezed (cells narrower than a pixel, no gaps).
    const cols = inner * k;
    const cell = Math.max(3, Math.min(26, Math.floor(300 / Math.max(cols + inner - 1, out))));
    this.gap = inner > 1 && cell >= 6 ? 2 : 0;
    this.cellW = Math.min(cell, MAX_SIDE / cols);
    this.cellH = Math.min(cell, MAX_SIDE / out);
    this.exact = this.cellW === cell && this.cellH === cell;
    this.cssW = Math.ceil(cols * this.cellW + (inner - 1) * this.gap);
    this.cssH = Math.ceil(out * this.cellH);
    const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
    this.canvas.width = Math.ceil(this.cssW * ratio);
    this.canvas.height = Math.ceil(this.cssH * ratio);
    this.canvas.style.width = `${this.cssW}px`;
    this.canvas.style.height = `${this.cssH}px`;
    this.ratio = ratio;
    this.pixels = null;
    this.canvas.setAttribute('aria-label', `Heatmap of the weight, ${out} output channels × ${inner} input channels × ${k} taps; largest magnitude ${formatValue(max)}.${this.exact ? '' : ` Squeezed into ${this.cssW}×${this.cssH} pixels: each shows the weight under its centre.`} The table beside it has every value.`);
    this.legend.replaceChildren(
      h('span', { class: 'legend-end', text: formatValue(-max) }), h('span', { class: 'legend-bar' }),
      h('span', { class: 'legend-end', text: formatValue(max) }),
      h('span', { class: 'legend-axes', text: `rows: out 0…${out - 1} · columns: in ch × k${groups > 1 ? ` (groups=${groups})` : ''}${this.exact ? '' : ' · squeezed: a pixel shows the weight under it'}` }));
    this.#draw();
  }

  #rect(index) {
    const [, inner, k] = this.shape;
    const o = Math.floor(index / (inner * k));
    const i = Math.floor(index / k) % inner;
    const t = index % k;
    return { x: (i * k + t) * this.cellW + i * this.gap, y: o * this.cellH };
  }

  #indexAt(event) {
    if (!this.shape) return -1;
    const box = this.canvas.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * this.cssW;
    const y = ((event.clientY - box.top) / box.height) * this.cssH;
    const [out, inner, k] = this.shape;
    const block = k * this.cellW + this.gap;
    const i = Math.floor(x / block);
    const t = Math.floor((x - i * block) / this.cellW);
    const o = Math.floor(y / this.cellH);
    if (i < 0 || i >= inner || t < 0 || t >= k || o < 0 || o >= out) return -1;
    return (o * inner + i) * k + t;
  }

  #hover(index) {
    this.mark(index);
    this.onHover?.(index);
  }

  #draw() {
    const ctx = this.canvas.getContext('2d');
    // An empty weight (kernel_size or out_channels 0, which forward then refuses) has nothing to draw.
    if (!ctx || !this.shape || !this.canvas.width || !this.canvas.height) return;
    // The cells are painted once per weight array into pixels (one putImageData instead of a fillStyle parse
    // and fillRect per weight); hovering and the breakdown's marks only stroke on top of them.
    this.pixels ??= this.exact ? this.#paint(ctx) : this.#sample(ctx);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(this.pixels, 0, 0);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    // A mark is at least a 3 px box, so a weight squeezed below a pixel still shows where it is.
    const box = (index, inset) => {
      const { x, y } = this.#rect(index);
      const w = Math.max(3, this.cellW);
      const h = Math.max(3, this.cellH);
      ctx.strokeRect(x + (this.cellW - w) / 2 + inset, y + (this.cellH - h) / 2 + inset, w - 2 * inset, h - 2 * inset);
    };
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#111827';
    for (const index of this.used) if (index < this.data.length) box(index, 1);
    if (this.marked >= 0 && this.marked < this.data.length) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#facc15';
      box(this.marked, 1.5);
    }
  }

  // Device pixels of a squeezed weight: each pixel the colour of the weight under its centre (no gaps).
  #sample(ctx) {
    const { width, height } = this.canvas;
    const image = ctx.createImageData(width, height);
    const px = image.data;
    const [out, inner, k] = this.shape;
    const cols = inner * k;
    const r = this.ratio;
    const colAt = Array.from({ length: width }, (_, x) => Math.min(cols - 1, Math.floor((x + 0.5) / r / this.cellW)));
    for (let y = 0; y < height; y += 1) {
      const row = Math.min(out - 1, Math.floor((y + 0.5) / r / this.cellH)) * cols;
      for (let x = 0; x < width; x += 1) {
        const rgb = weightRgb(this.data[row + colAt[x]], this.max);
        const o = (y * width + x) * 4;
        px[o] = rgb[0];
        px[o + 1] = rgb[1];
        px[o + 2] = rgb[2];
        px[o + 3] = 255;
      }
    }
    return image;
  }

  // Device pixels of the cells: each weight's colour, and (cells of 8 CSS px or more) a 1 px near-white border.
  #paint(ctx) {
    const { width, height } = this.canvas;
    const image = ctx.createImageData(width, height); // transparent: the gaps between input-channel blocks
    const px = image.data;
    const r = this.ratio;
    const c = this.cellW;
    const border = c >= 8;
    const edge = Math.max(1, Math.round(r));
    for (let index = 0; index < this.data.length; index += 1) {
      const { x, y } = this.#rect(index);
      const rgb = weightRgb(this.data[index], this.max);
      const x0 = Math.round(x * r);
      const x1 = Math.min(width, Math.round((x + c) * r));
      const y0 = Math.round(y * r);
      const y1 = Math.min(height, Math.round((y + c) * r));
      for (let py = y0; py < y1; py += 1) {
        const rowEdge = border && (py < y0 + edge || py >= y1 - edge);
        for (let qx = x0; qx < x1; qx += 1) {
          const o = (py * width + qx) * 4;
          if (rowEdge || (border && (qx < x0 + edge || qx >= x1 - edge))) {
            // rgba(255,255,255,0.9) over the cell's colour
            px[o] = 255 - (255 - rgb[0]) * 0.1;
            px[o + 1] = 255 - (255 - rgb[1]) * 0.1;
            px[o + 2] = 255 - (255 - rgb[2]) * 0.1;
          } else {
            px[o] = rgb[0];
            px[o + 1] = rgb[1];
            px[o + 2] = rgb[2];
          }
          px[o + 3] = 255;
        }
      }
    }
    return image;
  }

  /** Marks one weight (from the table's hover/focus), or none with -1. */
  mark(index) {
    if (index === this.marked) return;
    this.marked = index;
    if (index >= 0 && this.data) {
      const [, inner, k] = this.shape;
      const o = Math.floor(index / (inner * k));
      this.readout.textContent = `w[${o}, ${Math.floor(index / k) % inner}, ${index % k}] = ${formatValue(this.data[index])}`;
    } else {
      this.readout.textContent = ' ';
    }
    this.#draw();
  }

  /** Outlines the weights the selected output uses (flat indices). */
  setUsed(indices) {
    const next = new Set(indices);
    if (next.size === this.used.size && [...next].every((i) => this.used.has(i))) return;
    this.used = next;
    this.#draw();
  }
}

/** Links a WeightTable (its element and cells) with a heatmap, both ways. */
export function linkHeatmap(table, heatmap) {
  let linked = null;
  const setLinked = (index) => {
    linked?.classList.remove('linked');
    linked = index >= 0 ? table.cells.get(index) ?? null : null;
    linked?.classList.add('linked');
  };
  heatmap.onHover = setLinked;
  const indexOf = (target) => (target?.dataset?.index !== undefined ? Number(target.dataset.index) : -1);
  table.el.addEventListener('mouseover', (e) => heatmap.mark(indexOf(e.target)));
  table.el.addEventListener('mouseleave', () => heatmap.mark(indexOf(activeOf(table.el))));
  table.el.addEventListener('focusin', (e) => heatmap.mark(indexOf(e.target)));
  table.el.addEventListener('focusout', () => heatmap.mark(-1));
}
