// Line plots of (C, L) signals as SVG. One line per channel, sample markers when there are few samples.
// SVG rather than a charting library: each sample is an addressable element (the breakdown and animation of
// the breakdown highlight individual positions), it styles from the page's CSS (and a shadow root's), it scales
// crisply in screenshots and print, and the whole thing is ~120 lines with no dependency.
import { s, h } from '../dom.js';
import { formatValue } from '../../lib/format.js';
import { attachDrag, sliderValue } from './drag.js';

export const PALETTE = ['#2563eb', '#e8590c', '#0f9d58', '#c2255c', '#7048e8', '#0c8599', '#a61e4d', '#5c940d',
  '#d9480f', '#364fc7'];
const MAX_POINTS = 1200;

// Points sit this far inside the axes, so a marker (even the enlarged selected one) never covers a tick label.
const INSET = 10;
// Invisible circle around each point that takes clicks and taps: 24 px across, a comfortable target.
const HIT_RADIUS = 12;
// Least room between tick labels: y ticks are a line of text apart, x ticks a label's width plus a gap.
const Y_TICK_SPACING = 28;
const X_TICK_CHAR = 7;

/** The round step (1, 2 or 5 × 10^k) nearest above `raw`. */
export function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * Round ticks inside [lo, hi], about `most` of them at most: every multiple of one nice step, no finer than
 * minStep ({ values, step }).
 */
export function niceTicks(lo, hi, most, minStep = 0) {
  const step = Math.max(minStep, niceStep((hi - lo) / Math.max(1, most - 1)));
  const values = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1) values.push(k * step);
  return { values, step };
}

// Axis ticks are positions on a scale, not values of the tensor, so they get a short form (the tensor's
// values are in the table, printed as PyTorch prints them): as many decimals as the step has.
const tickText = (v, step) => {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || step < 1e-3)) return v.toExponential(Math.max(0, Math.floor(Math.log10(a)) - Math.floor(Math.log10(step) + 1e-9)));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const text = v.toFixed(decimals);
  return Number(text) === 0 ? '0' : text;
};

/** The value range drawn: the data's, zero kept in view when close, with 8% headroom ({ lo, hi }). */
function valueRange(series) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { values } of series) {
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i];
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!Number.isFinite(lo)) {
    lo = -1;
    hi = 1;
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  if (lo > 0 && lo < (hi - lo)) lo = 0; // keep zero in view when it is close
  if (hi < 0 && -hi < (hi - lo)) hi = 0;
  const span = hi - lo;
  return { lo: lo - span * 0.08, hi: hi + span * 0.08 };
}

// One decimal, as a short attribute string (Math.round is several times cheaper than toFixed on long series).
const coord = (v) => String(Math.round(v * 10) / 10);

/**
 * A line plot that keeps its elements: update(series) with new values — of any length, for the same channels —
 * moves the lines, markers and axes in place (no new DOM, so a re-render costs neither element creation nor a
 * fresh layout of the figure).
 * options: { series: [{ label, values }] all of one length, width, height, label, compact, layer, channels }.
 */
export class LinePlot {
  /** edit: { onChange(series, t, value), label(series, t) } makes each sample a slider: drag it or use the keys. */
  constructor({ series, width = 560, height = 170, label, compact = false, layer, channels = 1, edit = null }) {
    this.edit = edit;
    this.pad = { left: 52, right: 12, top: 10, bottom: 24 };
    this.w = Math.max(200, Math.round(width));
    this.height = height;
    this.innerW = this.w - this.pad.left - this.pad.right;
    this.innerH = height - this.pad.top - this.pad.bottom;
    this.compact = compact;
    this.layer = layer;
    this.channels = channels;
    this.count = series.length;
    this.labels = series.map((x) => x.label).join('\n');
    this.length = -1;
    this.svg = s('svg', { viewBox: `0 0 ${this.w} ${height}`, width: this.w, height, class: `plot${edit ? ' editable' : ''}`,
      role: edit ? 'group' : 'img', 'aria-label': label ?? 'line plot' });
    if (edit) this.#attachEdit();
    this.yGrid = s('g', { class: 'plot-grid' });
    this.xGrid = s('g', { class: 'plot-grid' });
    this.svg.append(this.yGrid, this.xGrid);
    this.lines = [];
    this.circles = [];
    series.forEach((_, c) => {
      const color = PALETTE[c % PALETTE.length];
      const g = s('g', { class: 'plot-series', stroke: color, fill: color, dataset: { s: c } });
      const line = s('polyline', { fill: 'none', 'stroke-width': 2, 'stroke-linejoin': 'round' });
      g.append(line);
      this.lines.push(line);
      this.circles.push([]);
      this.svg.append(g);
    });
    const legend = series.length > 1
      ? h('figcaption', { class: 'plot-legend' }, series.slice(0, 24).map(({ label: name }, c) => h('span', { class: 'legend-item' },
        s('svg', { width: 14, height: 4, 'aria-hidden': 'true' }, s('rect', { width: 14, height: 4, rx: 2, fill: PALETTE[c % PALETTE.length] })),
        name)), series.length > 24 ? h('span', { class: 'legend-item', text: `… ${series.length - 24} more` }) : null)
      : null;
    this.el = h('figure', { class: 'plot-figure' }, this.svg, legend);
    this.update(series);
  }

  // Samples as sliders: the axis holds still while a point is dragged (else it would rescale under the finger).
  #attachEdit() {
    attachDrag(this.svg, {
      range: () => this.range,
      valueAt: (clientY, { lo, hi }) => {
        const box = this.svg.getBoundingClientRect();
        const y = (clientY - box.top) * (this.height / box.height);
        return lo + (1 - (y - this.pad.top) / this.innerH) * (hi - lo);
      },
      value: (k) => this.series[Math.floor(k / this.length)].values[k % this.length],
      step: ({ lo, hi }) => niceStep((hi - lo) / 100),
      onChange: (k, value) => this.edit.onChange(Math.floor(k / this.length), k % this.length, value),
      onGrab: (range) => { this.frozen = range; },
      onRelease: () => {
        this.frozen = null;
        this.update(this.series);
      },
    });
  }

  /** True when update() can draw `series`: the same channels (count and labels). */
  fits(series) {
    return series.length === this.count && series.map((x) => x.label).join('\n') === this.labels;
  }

  // The x scale for `length` samples: positions, ticks and the dataset overlays read.
  #xScale(length) {
    const { pad, innerW } = this;
    this.length = length;
    const span = innerW - 2 * INSET;
    this.x = (t) => pad.left + (length <= 1 ? innerW / 2 : INSET + (t / (length - 1)) * span);
    this.step = Math.max(1, Math.ceil(length / MAX_POINTS));
    this.markers = length <= 64 && !this.compact;
    this.xs = [];
    for (let t = 0; t < length; t += this.step) this.xs.push(coord(this.x(t)));
    if (this.layer !== undefined) {
      // The x scale and the tensor it shows, for overlays drawn later (breakdown highlights, receptive field).
      Object.assign(this.svg.dataset, { layer: this.layer, x0: this.x(0), dx: length <= 1 ? 0 : span / (length - 1), top: pad.top,
        h: this.innerH, length, channels: this.channels });
    }
    const label = (String(Math.max(0, length - 1)).length + 2) * X_TICK_CHAR;
    const xTicks = length <= 1 ? [0] : niceTicks(0, length - 1, Math.max(2, Math.floor(span / label)), 1).values;
    this.xGrid.replaceChildren(...xTicks.map((t) => s('text', { x: this.x(t), y: this.height - 6, 'text-anchor': 'middle', class: 'plot-tick', text: String(t) })));
    this.circles.forEach((list) => {
      for (const circle of list) circle.remove();
      list.length = 0;
      if (!this.markers) return;
      const c = this.circles.indexOf(list);
      const k = (t) => (this.edit ? { k: c * length + t } : {});
      for (let t = 0; t < length; t += 1) {
        list.push(s('circle', { cx: this.x(t), r: 3, dataset: { t, ...k(t) },
          ...(this.edit ? { role: 'slider', tabindex: c === 0 && t === 0 ? 0 : -1, 'aria-label': this.edit.label(c, t) } : {}) }));
      }
      for (let t = 0; t < length; t += 1) list.push(s('circle', { cx: this.x(t), r: HIT_RADIUS, class: 'hit', dataset: { t, ...k(t) } }));
    });
  }

  /** Draws new values (same channels, any length); label: the plot's accessible name. */
  update(series, label) {
    if (label !== undefined) this.svg.setAttribute('aria-label', label);
    const length = series.length ? series[0].values.length : 0;
    if (length !== this.length) this.#xScale(length);
    const { pad, w, innerH, step, xs } = this;
    this.series = series;
    const { lo, hi } = this.frozen ?? valueRange(series);
    this.range = { lo, hi };
    const y = (v) => pad.top + (1 - (v - lo) / (hi - lo)) * innerH;
    const grid = [];
    const ticks = niceTicks(lo, hi, Math.max(2, Math.floor(innerH / Y_TICK_SPACING) + 1));
    for (const v of ticks.values) {
      grid.push(s('line', { x1: pad.left, x2: w - pad.right, y1: y(v), y2: y(v) }));
      grid.push(s('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'plot-tick', text: tickText(v, ticks.step) }));
    }
    if (lo < 0 && hi > 0) grid.push(s('line', { x1: pad.left, x2: w - pad.right, y1: y(0), y2: y(0), class: 'plot-zero' }));
    this.yGrid.replaceChildren(...grid);
    series.forEach(({ values }, c) => {
      let points = '';
      for (let t = 0, k = 0; t < length; t += step, k += 1) {
        if (Number.isFinite(values[t])) points += `${points ? ' ' : ''}${xs[k]},${coord(y(values[t]))}`;
      }
      this.lines[c].setAttribute('points', points);
      if (!this.markers) return;
      const g = this.lines[c].parentNode;
      const circles = this.circles[c];
      for (let k = 0; k < circles.length; k += 1) {
        const circle = circles[k];
        const t = k % length; // the markers, then their hit circles
        if (Number.isFinite(values[t])) {
          circle.setAttribute('cy', y(values[t]));
          if (this.edit && k < length) sliderValue(circle, values[t], this.range, formatValue(values[t]));
          if (circle.parentNode !== g) g.append(circle);
        } else {
          circle.remove();
        }
      }
    });
  }
}

/** A line plot's <figure> (see LinePlot). */
export function linePlot(options) {
  return new LinePlot(options).el;
}

/** Splits a (N, C, L) or (C, L) tensor into one series per (batch, channel). */
export function tensorSeries({ shape, data }, maxSeries = 32) {
  const batched = shape.length === 3;
  const n = batched ? shape[0] : 1;
  const c = batched ? shape[1] : shape[0];
  const len = shape[shape.length - 1];
  const series = [];
  for (let b = 0; b < n && series.length < maxSeries; b += 1) {
    for (let ch = 0; ch < c && series.length < maxSeries; ch += 1) {
      const start = (b * c + ch) * len;
      series.push({ label: batched && n > 1 ? `n${b} c${ch}` : `channel ${ch}`, values: data.subarray(start, start + len) });
    }
  }
  return series;
}
