// Line plots of (C, L) signals as SVG. One line per channel, sample markers when there are few samples.
// SVG rather than a charting library: each sample is an addressable element (the breakdown and animation of
// issue 5 highlight individual positions), it styles from the page's CSS (and a shadow root's), it scales
// crisply in screenshots and print, and the whole thing is ~120 lines with no dependency.
import { s, h } from '../dom.js';

export const PALETTE = ['#2563eb', '#e8590c', '#0f9d58', '#c2255c', '#7048e8', '#0c8599', '#a61e4d', '#5c940d',
  '#d9480f', '#364fc7'];
const MAX_POINTS = 1200;

// Axis ticks are positions on a scale, not values of the tensor, so they get a short form (the tensor's
// values are in the table, printed as PyTorch prints them).
const tickText = (v) => {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return String(Number(v.toFixed(a >= 100 ? 0 : 3)));
};

/**
 * series: [{ label, values: ArrayLike<number> }] all of the same length.
 * Returns a <figure> with the SVG and a legend.
 */
export function linePlot({ series, width = 560, height = 170, label, compact = false, layer, channels = 1 }) {
  const length = series.length ? series[0].values.length : 0;
  const pad = { left: 52, right: 12, top: 10, bottom: 24 };
  const w = Math.max(200, Math.round(width));
  const innerW = w - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
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
  lo -= span * 0.08;
  hi += span * 0.08;
  const x = (t) => pad.left + (length <= 1 ? innerW / 2 : (t / (length - 1)) * innerW);
  const y = (v) => pad.top + (1 - (v - lo) / (hi - lo)) * innerH;

  const svg = s('svg', {
    viewBox: `0 0 ${w} ${height}`, width: w, height, class: 'plot', role: 'img',
    'aria-label': label ?? 'line plot',
    // The x scale and the tensor it shows, for overlays drawn later (breakdown highlights, receptive field).
    dataset: layer === undefined ? undefined : { layer, x0: x(0), dx: length <= 1 ? 0 : innerW / (length - 1), top: pad.top, h: innerH, length, channels },
  });
  const grid = s('g', { class: 'plot-grid' });
  const ticks = [lo + span * 0.08, (lo + hi) / 2, hi - span * 0.08];
  for (const v of ticks) {
    grid.append(s('line', { x1: pad.left, x2: w - pad.right, y1: y(v), y2: y(v) }));
    grid.append(s('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'plot-tick', text: tickText(v) }));
  }
  if (lo < 0 && hi > 0) grid.append(s('line', { x1: pad.left, x2: w - pad.right, y1: y(0), y2: y(0), class: 'plot-zero' }));
  const xTicks = length <= 1 ? [0] : [...new Set([0, Math.floor((length - 1) / 2), length - 1])];
  for (const t of xTicks) {
    grid.append(s('text', { x: x(t), y: height - 6, 'text-anchor': 'middle', class: 'plot-tick', text: String(t) }));
  }
  svg.append(grid);

  const step = Math.max(1, Math.ceil(length / MAX_POINTS));
  const markers = length <= 64 && !compact;
  series.forEach(({ values }, c) => {
    const color = PALETTE[c % PALETTE.length];
    const points = [];
    for (let t = 0; t < length; t += step) {
      if (Number.isFinite(values[t])) points.push(`${x(t).toFixed(1)},${y(values[t]).toFixed(1)}`);
    }
    const g = s('g', { class: 'plot-series', stroke: color, fill: color, dataset: { s: c } });
    g.append(s('polyline', { points: points.join(' '), fill: 'none', 'stroke-width': 2, 'stroke-linejoin': 'round' }));
    if (markers) {
      for (let t = 0; t < length; t += 1) {
        if (Number.isFinite(values[t])) g.append(s('circle', { cx: x(t), cy: y(values[t]), r: 3, dataset: { t } }));
      }
    }
    svg.append(g);
  });

  const legend = series.length > 1
    ? h('figcaption', { class: 'plot-legend' }, series.slice(0, 24).map(({ label: name }, c) => h('span', { class: 'legend-item' },
      s('svg', { width: 14, height: 4, 'aria-hidden': 'true' }, s('rect', { width: 14, height: 4, rx: 2, fill: PALETTE[c % PALETTE.length] })),
      name)), series.length > 24 ? h('span', { class: 'legend-item', text: `… ${series.length - 24} more` }) : null)
    : null;
  return h('figure', { class: 'plot-figure' }, svg, legend);
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
