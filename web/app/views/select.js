// Selecting an output element in the results (click or tap a value or a plot point; arrow keys, Enter or Space
// in an output table) and marking, in the tables and plots already on the page, what the breakdown explains:
// the selected value, the input positions it reads, the weights it uses and its receptive field in the original
// input. Marks are classes toggled on existing elements (the results are memoised and never rebuilt for this).
import { s } from '../dom.js';

/**
 * Wires selection on the results element: select({ layer, n, c, t }) is called with the element clicked, tapped or
 * chosen with the keys (it pins the breakdown); preview(sel) with the element pointed at or focused, and
 * preview(null) when the pointer or focus leaves the output values (the breakdown returns to the pinned one).
 */
export function attachSelection(resultsEl, select, preview = () => {}) {
  const fromCell = (td) => {
    const table = td.closest('table.selectable');
    if (!table || td.dataset.key === undefined) return null;
    const [n, c, t] = td.dataset.key.split(',').map(Number);
    return { layer: Number(table.dataset.layer), n, c, t };
  };
  const fromCircle = (circle) => {
    const svg = circle.ownerSVGElement;
    const layer = Number(svg.dataset.layer);
    if (layer < 0) return null;
    const series = Number(circle.parentNode.dataset.s);
    const channels = Number(svg.dataset.channels ?? 1);
    return { layer, n: Math.floor(series / channels), c: series % channels, t: Number(circle.dataset.t) };
  };
  /** The output element under `target` (a table cell, a plot marker or its larger hit circle), or null. */
  const elementAt = (target) => {
    const td = target.closest?.('table.selectable td[data-key]');
    if (td) return fromCell(td);
    const circle = target.closest?.('svg[data-layer] circle[data-t]');
    return circle ? fromCircle(circle) : null;
  };
  resultsEl.addEventListener('click', (e) => {
    const sel = elementAt(e.target);
    if (sel) select(sel);
  });
  let shown = null; // the key of the element previewed
  const show = (sel) => {
    const key = sel && `${sel.layer},${sel.n},${sel.c},${sel.t}`;
    if (key === shown) return;
    shown = key;
    preview(sel);
  };
  resultsEl.addEventListener('pointerover', (e) => show(elementAt(e.target)));
  resultsEl.addEventListener('pointerleave', () => show(null));
  resultsEl.addEventListener('focusin', (e) => show(elementAt(e.target)));
  resultsEl.addEventListener('focusout', (e) => {
    if (!e.relatedTarget || !elementAt(e.relatedTarget)) show(null);
  });
  resultsEl.addEventListener('keydown', (e) => {
    const td = e.target.closest?.('table.selectable td[data-key]');
    if (!td) return;
    let next = null;
    const row = td.parentElement;
    const col = [...row.children].indexOf(td);
    if (e.key === 'ArrowRight') next = td.nextElementSibling;
    else if (e.key === 'ArrowLeft') next = td.previousElementSibling;
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      let r = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      while (r && !r.children[col]?.dataset?.key) r = e.key === 'ArrowDown' ? r.nextElementSibling : r.previousElementSibling;
      next = r?.children[col] ?? null;
    } else if (e.key === 'Home') next = row.querySelector('td[data-key]');
    else if (e.key === 'End') next = [...row.querySelectorAll('td[data-key]')].pop();
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const sel = fromCell(td);
      if (sel) select(sel);
      return;
    } else return;
    e.preventDefault();
    if (!next?.dataset?.key) return;
    td.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    const sel = fromCell(next); // selection follows focus, so the arrow keys walk the breakdown
    if (sel) select(sel);
  });
}

/** Keeps track of the marks it made so the next call can clear exactly those. */
export class Highlighter {
  constructor(resultsEl) {
    this.root = resultsEl;
    this.marks = [];
    this.overlays = [];
  }

  clear() {
    for (const [el, cls] of this.marks) el.classList.remove(cls);
    for (const el of this.overlays) el.remove();
    this.marks = [];
    this.overlays = [];
  }

  #mark(el, cls) {
    if (!el) return;
    el.classList.add(cls);
    this.marks.push([el, cls]);
  }

  /**
   * ex: the explanation (of a summarised one, what its kept terms read and use: explain.js keeps those reading
   * the input positions a summarised table shows); weightCells(index) → the weight table's input for a flat index (or undefined);
   * heatmap: the selected layer's WeightHeatmap.
   */
  apply(ex, { weightCells, heatmap, inner, kernel }) {
    this.clear();
    if (!ex || ex.error) return;
    const { at } = ex;
    const q = (sel) => this.root.querySelector(sel);
    // The selected value, in its table and plot; it becomes its table's tab stop.
    const table = q(`table.selectable[data-layer="${at.layer}"]`);
    if (table) {
      const cell = table.querySelector(`td[data-key="${at.n},${at.c},${at.t}"]`);
      if (cell) {
        for (const other of table.querySelectorAll('td[tabindex="0"]')) other.tabIndex = -1;
        cell.tabIndex = 0;
        this.#mark(cell, 'hl-sel');
      }
    }
    const outPlot = q(`svg[data-layer="${at.layer}"]`);
    if (outPlot) {
      const series = at.n * Number(outPlot.dataset.channels ?? 1) + at.c;
      this.#mark(outPlot.querySelector(`g[data-s="${series}"] circle[data-t="${at.t}"]:not(.hit)`), 'hl-sel');
      this.#band(outPlot, [at.t], 'overlay-sel');
    }
    // What it reads: the layer's input table and plot (the Input for layer 1, the previous output otherwise).
    const read = new Map(); // "c,t" → class
    for (const term of ex.terms) {
      if (term.source < 0) continue;
      const key = `${at.n},${term.inChannel},${term.source}`;
      if (!term.padded || !read.has(key)) read.set(key, term.padded ? 'hl-padsrc' : 'hl-read');
    }
    const inTable = q(`table[data-layer="${at.layer - 1}"]`);
    if (inTable) for (const [key, cls] of read) this.#mark(inTable.querySelector(`td[data-key="${key}"]`), cls);
    const inPlot = q(`svg[data-layer="${at.layer - 1}"]`);
    if (inPlot) {
      const channels = Number(inPlot.dataset.channels ?? 1);
      for (const [key, cls] of read) {
        const [n, c, t] = key.split(',');
        this.#mark(inPlot.querySelector(`g[data-s="${Number(n) * channels + Number(c)}"] circle[data-t="${t}"]:not(.hit)`), cls);
      }
      this.#band(inPlot, [...new Set(ex.terms.filter((t) => t.source >= 0).map((t) => t.source))], 'overlay-read');
    }
    // The receptive field in the original input (for layer 1 it is what it reads).
    const field = ex.fields[at.layer];
    const original = q('table[data-layer="-1"]');
    if (original && at.layer > 0) {
      const set = new Set(ex.influencing);
      for (const td of original.querySelectorAll('td[data-key]')) {
        if (set.has(Number(td.dataset.key.split(',')[2]))) this.#mark(td, 'hl-rf');
      }
    }
    const originalPlot = q('svg[data-layer="-1"]');
    if (originalPlot && field) {
      const first = field.start + at.t * field.jump;
      this.#range(originalPlot, first, first + field.size - 1);
      if (at.layer > 0) this.#band(originalPlot, ex.influencing, 'overlay-rf');
    }
    // The weights it uses: w[c, i, tap] for every term.
    const used = ex.terms.map((t) => (at.c * inner + (t.inChannel - ex.firstInChannel)) * kernel + t.tap);
    for (const index of used) this.#mark(weightCells(index), 'hl-weight');
    heatmap?.setUsed(used);
  }

  // Thin vertical bands at positions of a plot (its x scale is in its dataset).
  #band(svg, positions, cls) {
    const { x0, dx, top, h: height } = svg.dataset;
    const w = Math.max(3, Math.min(14, Number(dx) * 0.6));
    const g = s('g', { class: `plot-overlay ${cls}`, 'aria-hidden': 'true' });
    for (const t of positions) {
      g.append(s('rect', { x: Number(x0) + t * Number(dx) - w / 2, y: Number(top), width: w, height: Number(height), rx: 2 }));
    }
    svg.insertBefore(g, svg.querySelector('.plot-series'));
    this.overlays.push(g);
  }

  // The receptive field's span (clipped to the plot), with its ends labelled.
  #range(svg, first, last) {
    const { x0, dx, top, h: height, length } = svg.dataset;
    const L = Number(length);
    const a = Math.max(0, first);
    const b = Math.min(L - 1, last);
    if (b < a) return;
    const half = Math.max(3, Math.min(10, Number(dx) / 2));
    const left = Number(x0) + a * Number(dx) - half;
    const width = (b - a) * Number(dx) + 2 * half;
    // Written from the span's end nearer the plot's middle, so the label stays over the plot.
    const fromRight = a > (L - 1) / 2;
    const g = s('g', { class: 'plot-overlay overlay-range', 'aria-hidden': 'true' },
      s('rect', { x: left, y: Number(top), width, height: Number(height), rx: 4 }),
      s('text', { x: fromRight ? left + width - 3 : left + 3, y: Number(top) + 11, 'text-anchor': fromRight ? 'end' : 'start',
        class: 'overlay-label', text: `receptive field ${first}…${last}` }));
    svg.insertBefore(g, svg.querySelector('.plot-series'));
    this.overlays.push(g);
  }
}
