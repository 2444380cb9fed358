// The results column: final output (prominent), the input, and per layer its weight and bias (editable)
// and, when asked, its intermediate output. Renders from (state, result) only.
import { activeOf, h, uid } from '../dom.js';
import { formatTensor } from '../../lib/format.js';
import { LinePlot, tensorSeries } from './plot.js';
import { TensorTable, WeightTable } from './tables.js';
import { WeightHeatmap, linkHeatmap } from './heatmap.js';
import { WeightBars } from './bars.js';
import { userEdits } from '../state.js';
import { float32Literal } from '../../lib/python.js';
import { toLiteral } from '../parse.js';

const headingId = (() => {
  let n = 0;
  return (p) => `${p}-h${(n += 1)}`;
})();

/** label: the instance's name, which prefixes the region's accessible name ("Example 2: Output"). */
function region(title, { className = '', extra = null, level = 'h2', label = null } = {}) {
  const id = headingId('region');
  const heading = h(level, { id, class: 'region-title' }, title);
  const head = h('div', { class: 'region-head' }, heading, extra);
  const name = label ? { 'aria-label': `${label}: ${title}` } : { 'aria-labelledby': id };
  const el = h('section', { class: `region ${className}`, ...name }, head);
  return el;
}

// PyTorch's printout of a tensor costs ~10 µs per value (exact decimal rounding), so it is made only when its
// <details> is open, and remembered per data array (arrays are replaced, never mutated, when values change).
const printCache = new WeakMap();
const openPrintouts = new Set(['Output']);

function printText(shape, data) {
  let text = printCache.get(data);
  if (text === undefined) {
    text = formatTensor(shape, data);
    printCache.set(data, text);
  }
  return text;
}

/** The "As PyTorch prints it" <details>; update(shape, data) refills it in place (at once only when open). */
class Printout {
  /** compact: an embed, where room is short: closed until opened. */
  constructor(name, shape, data, { compact = false } = {}) {
    this.pre = h('pre', null);
    this.el = h('details', { class: 'printout', open: !compact && openPrintouts.has(name), dataset: { name } },
      h('summary', { text: 'As PyTorch prints it' }), this.pre);
    this.el.addEventListener('toggle', () => {
      if (this.el.open) {
        openPrintouts.add(name);
        this.#fill();
      } else {
        openPrintouts.delete(name);
      }
    });
    this.update(shape, data);
  }

  update(shape, data) {
    if (data === this.data) return;
    this.shape = shape;
    this.data = data;
    if (this.el.open) this.#fill();
  }

  #fill() {
    if (this.filled === this.data) return;
    this.filled = this.data;
    const text = printText(this.shape, this.data);
    const code = this.pre.firstChild;
    if (code) code.textContent = text;
    else this.pre.append(h('code', { text }));
  }
}

const plotLabel = (name, shape) => `${name}: plot of ${shape.join('×')} values`;

/**
 * Plot, table and printout of one tensor. layer: -1 for the input, k for layer k's output (the breakdown
 * selects and marks values by it). update(tensor) redraws them in place while the channels stay the same (a
 * new length too, when the table shows as many columns).
 */
class TensorView {
  constructor(tensor, { name, width, big = false, layer, edit = null, compact = false }) {
    this.options = { name, width, big, layer };
    const channels = tensor.shape.length === 3 ? tensor.shape[1] : tensor.shape[0];
    // Flatter on a narrow screen, so the output and its breakdown share the first screen of a phone.
    const height = Math.round(Math.min(compact ? 112 : big ? 160 : 130, Math.max(100, width * 0.42)));
    this.plot = new LinePlot({ series: tensorSeries(tensor), width, height, label: plotLabel(name, tensor.shape), layer, channels, edit });
    this.table = new TensorTable(tensor, { label: `${name} values${layer >= 0 ? ' (select one to see how it is computed)' : ''}`, layer });
    this.printout = new Printout(name, tensor.shape, tensor.data, { compact });
    this.data = tensor.data;
    this.els = [this.plot.el, this.table.el, this.printout.el];
  }

  /** True when update() can show `tensor` with these options. */
  fits(tensor, { name, width, big = false, layer }) {
    const o = this.options;
    return o.name === name && o.width === width && o.big === big && o.layer === layer && this.table.fits(tensor.shape)
      && this.plot.fits(tensorSeries(tensor));
  }

  update(tensor) {
    if (tensor.data === this.data) return;
    this.data = tensor.data;
    this.plot.update(tensorSeries(tensor), plotLabel(this.options.name, tensor.shape));
    this.table.update(tensor);
    this.printout.update(tensor.shape, tensor.data);
  }
}

/** Makes `parent`'s element children `children` (null entries left out), moving only those out of place. */
function placeChildren(parent, children) {
  const wanted = children.filter(Boolean);
  wanted.forEach((child, k) => {
    const at = parent.children[k];
    if (at === child) return;
    if (at && !wanted.includes(at)) parent.replaceChild(child, at);
    else parent.insertBefore(child, at ?? null);
  });
  while (parent.children.length > wanted.length) parent.lastElementChild.remove();
}

// From this width of the results column on, two signals or a signal and the breakdown sit side by side
// (style.css: @container results).
const TWO_COLUMNS = 560;
const GAP = 16;

/** A tensor as the input box takes it: nested lists of the shortest decimals that are the same float32 values. */
function tensorLiteral(shape, values) {
  let at = 0;
  const nest = (dim) => {
    const items = [];
    for (let i = 0; i < shape[dim]; i += 1) items.push(dim === shape.length - 1 ? shortest(values[at++]) : nest(dim + 1));
    return `[${items.join(', ')}]`;
  };
  return nest(0);
}
const shortest = (v) => (Number.isFinite(v) ? String(Number(float32Literal(v))) : toLiteral(v));

const shapeText = (shape) => `(${shape.join(', ')})`;
const shapeBadge = (shape) => h('span', { class: 'badge', text: shapeText(shape) });

export class ResultsView {
  /** offscreen: an Offscreen; regions below the fold are updated after the frame (see offscreen.js). */
  /** layerSlot(i): the element that holds layer i's weights and bias (its card, so they sit with its arguments);
   * without one they follow the output. */
  constructor(actions, offscreen, { label = null, layerSlot = () => null } = {}) {
    this.actions = actions;
    this.label = label;
    this.offscreen = offscreen;
    this.layerSlot = layerSlot;
    // The signals in the order data flows (input, intermediate outputs, output) beside the breakdown; on a narrow
    // screen the output and its breakdown come first (style.css orders them).
    this.stage = h('div', { class: 'stage' });
    this.el = h('div', { class: 'results', id: 'results', tabindex: '-1' }, this.stage);
    this.weightTables = [];
    this.expanded = new Set(); // layers whose weight table shows every value
    this.memoCache = new Map();
    this.views = new Map(); // persistent tensor views by key, redrawn in place while their shape holds
    this.afterOutput = null; // the breakdown panel, placed beside (or after) the signals
    // The input's samples are sliders on its plot: dragging one rewrites the input as typed text.
    this.inputEdit = {
      label: (series, t) => {
        const [n, c] = this.input.shape.length === 3 ? [Math.floor(series / this.input.shape[1]), series % this.input.shape[1]] : [null, series];
        return `sample ${n === null ? '' : `${n}, `}${c}, ${t} of the input`;
      },
      onChange: (series, t, value) => {
        if (this.el.closest('.read-only')) return;
        const { shape, data } = this.input;
        const values = Array.from(data);
        values[series * shape[shape.length - 1] + t] = value;
        this.actions.setInput({ kind: 'text', text: tensorLiteral(shape, values) });
      },
    };
  }

  /** Persistent weight/bias tables per layer (rebuilt when the stack's structure changes). */
  #tables(count) {
    while (this.weightTables.length < count) {
      const i = this.weightTables.length;
      this.weightTables.push({
        weight: new WeightTable({ name: 'weight', onEdit: (idx, text) => this.actions.editParam(i, 'weight', idx, text),
          onPaste: (text) => this.actions.pasteParam(i, 'weight', text),
          onShowAll: () => { this.expanded.add(i); this.actions.refresh(); } }),
        bias: new WeightTable({ name: 'bias', onEdit: (idx, text) => this.actions.editParam(i, 'bias', idx, text),
          onPaste: (text) => this.actions.pasteParam(i, 'bias', text) }),
        heatmap: new WeightHeatmap(),
        bars: new WeightBars({ name: 'weight', onEdit: (idx, text) => this.actions.editParam(i, 'weight', idx, text) }),
        editedBadge: h('span', { class: 'badge edited-badge', hidden: true }),
        resetButton: h('button', { type: 'button', class: 'button small', disabled: true, onclick: () => this.actions.resetLayerWeights(i),
          text: 'Reset from seed' }),
        // Shown over what follows, not in the flow: a message appearing must not move the cells below it.
        weightError: h('p', { class: 'field-error param-error', role: 'alert', hidden: true }),
        biasError: h('p', { class: 'field-error param-error', role: 'alert', hidden: true }),
      });
      const t = this.weightTables[i];
      linkHeatmap(t.weight, t.heatmap);
    }
    this.weightTables.length = count;
  }

  /** Reuses the element built for `key` while every dependency is identical (===), so an unchanged part of the
   * page costs neither DOM work nor layout. Data arrays are fresh whenever their values change. */
  #memo(key, deps, build) {
    const prev = this.memoCache.get(key);
    if (prev && prev.deps.length === deps.length && prev.deps.every((d, i) => d === deps[i])) return prev.el;
    const el = build();
    this.memoCache.set(key, { deps, el });
    this.offscreen.track(key, el);
    return el;
  }

  /** The tensor view kept under `key`, updated to `tensor` in place when it fits (after the frame when its
   * region is off screen), else a new one. */
  #view(key, tensor, options) {
    if (!tensor) {
      this.views.delete(key);
      return null;
    }
    let view = this.views.get(key);
    if (view?.fits(tensor, options)) this.offscreen.run(key, 'view', () => view.update(tensor));
    else {
      view = new TensorView(tensor, options);
      this.views.set(key, view);
    }
    return view;
  }

  render(state, result, { width, busy, pasteErrors }) {
    // Captured before building: moving a persistent weight table into a new region detaches its focused cell.
    const active = activeOf(this.el);
    const selection = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
    this.#tables(state.layers.length);
    if (result.pending) {
      this.stage.replaceChildren(h('p', { class: 'empty-state', role: 'status', text: 'Computing in the background…' }));
      for (let i = 0; i < state.layers.length; i += 1) this.layerSlot(i)?.replaceChildren();
      this.memoCache.clear();
      this.views.clear();
      this.offscreen.clear();
      return;
    }
    const signals = [];
    const compact = Boolean(this.el.closest('.compact'));
    const layers = result.layers;
    const last = layers[layers.length - 1];
    // Two columns (the signals beside the breakdown, or the input beside the output) when the column is wide
    // enough: each plot is half as wide.
    const plotWidth = width >= TWO_COLUMNS - 34 ? Math.floor((width + 34 - GAP) / 2) - 30 : width;

    // Input.
    this.input = result.input;
    const inView = this.#view('input', result.input, { name: 'Input', width: plotWidth, layer: -1, edit: this.inputEdit, compact });
    signals.push(this.#memo('input', [inView, plotWidth], () => {
      this.inBadge = result.input ? shapeBadge(result.input.shape) : null;
      const inp = region('Input', { label: this.label, className: 'input-view', extra: this.inBadge });
      if (result.input) inp.append(...inView.els);
      else inp.append(h('p', { class: 'empty-state', text: 'The input has an error (see the input field).' }));
      return inp;
    }));
    if (this.inBadge && result.input) this.inBadge.textContent = shapeText(result.input.shape);

    // Intermediate outputs, when asked for, in the order the data flows.
    layers.forEach((info, i) => {
      const shown = state.showAll && i < layers.length - 1;
      const view = this.#view(`inter${i}`, shown ? info.output : null, { name: `Layer ${i + 1} output`, width: plotWidth, layer: i });
      if (!shown) {
        this.memoCache.delete(`inter${i}`);
        return;
      }
      signals.push(this.#memo(`inter${i}`, [view, plotWidth], () => {
        const o = region(`Layer ${i + 1} output`, { label: this.label, className: 'intermediate', extra: info.output ? shapeBadge(info.output.shape) : null });
        if (view) o.append(...view.els);
        else o.append(h('p', { class: 'empty-state', text: 'Not computed (see the error in the layer controls).' }));
        return o;
      }));
    });

    // Final output.
    const outView = this.#view('output', last?.output, { name: 'Output', width: plotWidth, big: true, layer: layers.length - 1, compact });
    signals.push(this.#memo('output', [outView, Boolean(last?.output), plotWidth, state.showAll, layers.length,
      result.inputError?.message, layers.map((l) => (l.error ?? l.runError)?.message ?? '').join('\n')], () => {
      const toggleId = uid('show-all');
      const toggle = h('div', { class: 'check toggle' },
        h('input', { type: 'checkbox', id: toggleId, checked: state.showAll, onchange: (e) => this.actions.setShowAll(e.target.checked) }),
        h('label', { for: toggleId, text: 'Show all intermediate outputs' }));
      this.outBadge = last?.output ? shapeBadge(last.output.shape) : null;
      const out = region('Output', { label: this.label, className: 'output-final', extra: this.outBadge });
      out.append(h('p', { class: 'region-sub', text: layers.length > 1 ? `After Layer ${layers.length}, the last of ${layers.length} layers.` : 'The output of Layer 1.' }));
      if (last?.output) {
        out.append(...outView.els);
      } else {
        const failing = layers.findIndex((l) => l.error || l.runError);
        const message = result.inputError ? 'No output: the input has an error (see input).'
          : failing >= 0 ? `No output: Layer ${failing + 1} has an error — ${(layers[failing].error ?? layers[failing].runError).message}`
            : 'No output.';
        out.append(h('p', { class: 'empty-state', role: 'status', text: message }));
      }
      if (layers.length > 1) out.append(toggle);
      return out;
    }));
    if (this.outBadge && last?.output) this.outBadge.textContent = shapeText(last.output.shape);

    // Each layer's weights and bias, in its card.
    const details = layers.map((info, i) => {
      // New values alone do not rebuild the layer's section: its tables, heatmap and printouts update in place.
      // Nor do edits and their errors: the badge, the reset button and the error lines are updated in place too,
      // so the cell being typed in is never detached or rewritten.
      const deps = [info.weight?.shape.join(), info.bias?.shape.join(), this.expanded.has(i), layers.length, info.repr, info.error?.message];
      const el = this.#memo(`layer${i}`, deps, () => this.#layerDetail(info, i));
      // A preset's own weights are not edits: only what the person changed after is marked.
      const edits = userEdits(state, i);
      edits.resetText = state.preset === 2 || state.preset === 3 ? `Reset to Example ${state.preset}` : 'Reset from seed';
      this.#updateEdits(info, edits, i, pasteErrors);
      this.offscreen.run(`layer${i}`, 'params', () => this.#updateParams(info, edits, i));
      return el;
    });
    for (const key of [...this.memoCache.keys(), ...this.views.keys()]) {
      const m = /^(?:layer|inter)(\d+)$/.exec(key);
      if (m && Number(m[1]) >= layers.length) {
        this.memoCache.delete(key);
        this.views.delete(key);
      }
    }
    this.#place(signals, details, busy, active, selection);
  }

  /** Shows a layer's weight and bias values in its (persistent) tables, heatmap and printouts. */
  #updateParams(info, edits, i) {
    const t = this.weightTables[i];
    if (!info.weight) return;
    const groups = info.options.groups || 1;
    t.weight.update(info.weight, edits.weight, groups, this.expanded.has(i));
    t.heatmap.update(info.weight, groups);
    t.bars.update(info.weight);
    t.weightPrintout?.update(info.weight.shape, info.weight.data);
    if (info.bias) {
      t.bias.update(info.bias, edits.bias);
      t.biasPrintout?.update(info.bias.shape, info.bias.data);
    }
  }

  /** The "n edited" badge, the reset button and the edit/paste error lines of layer i. */
  #updateEdits(info, edits, i, pasteErrors) {
    const t = this.weightTables[i];
    const edited = edits.weight.size + edits.bias.size;
    t.editedBadge.hidden = !edited;
    t.editedBadge.textContent = `${edited} edited`;
    t.resetButton.disabled = !edited;
    if (t.resetButton.textContent !== edits.resetText) t.resetButton.textContent = edits.resetText;
    const showError = (el, errors) => {
      const text = errors.filter(Boolean).join(' ');
      if (el.textContent !== text) el.textContent = text;
      el.hidden = !text;
    };
    showError(t.weightError, [...info.editErrors, pasteErrors.get(`${i}.weight`)]);
    showError(t.biasError, [pasteErrors.get(`${i}.bias`)]);
  }

  #layerDetail(info, i) {
    const tables = this.weightTables[i];
    const headId = uid(`layer-detail-${i}`); // unique per instance: several playgrounds may share a document
    const group = h('section', { class: 'layer-detail', ...(this.label ? { 'aria-label': `${this.label}: Layer ${i + 1}` } : { 'aria-labelledby': headId }) },
      h('div', { class: 'layer-detail-head' },
        h('h2', { id: headId, class: 'layer-detail-title' }, h('span', { class: 'detail-name', text: `Layer ${i + 1}` }),
          info.repr ? h('code', { class: 'repr', text: info.repr }) : null),
        tables.editedBadge, tables.resetButton));
    if (!info.weight) {
      group.append(h('p', { class: 'empty-state', text: `Layer ${i + 1} cannot be built: ${info.error?.message ?? ''}` }));
      return group;
    }
    const w = region(`Layer ${i + 1} weight`, { label: this.label, level: 'h3', className: 'param', extra: shapeBadge(info.weight.shape) });
    w.append(h('p', { class: 'region-sub' }, h('code', { text: '[out_channels, in_channels / groups, kernel_size]' }),
      ': drag a bar, or type a value (or paste a whole tensor) into a cell.'),
      tables.bars.el, h('div', { class: 'weight-views' }, tables.weight.el, tables.heatmap.el, tables.weightError));
    tables.weightPrintout = new Printout(`Layer ${i + 1} weight`, info.weight.shape, info.weight.data);
    w.append(tables.weightPrintout.el);
    group.append(w);
    const b = region(`Layer ${i + 1} bias`, { label: this.label, level: 'h3', className: 'param', extra: info.bias ? shapeBadge(info.bias.shape) : null });
    if (info.bias) {
      b.append(h('div', { class: 'param-views' }, tables.bias.el, tables.biasError));
      tables.biasPrintout = new Printout(`Layer ${i + 1} bias`, info.bias.shape, info.bias.data);
      b.append(tables.biasPrintout.el);
    } else {
      b.append(h('p', { class: 'muted', text: 'None (bias=False).' }));
    }
    group.append(b);
    return group;
  }

  #place(signals, details, busy, active, selection) {
    // Keep focus inside a weight table across re-renders: the tables are persistent nodes, moved not rebuilt.
    // Only the regions that were rebuilt are swapped in: the others stay attached, so they are neither styled nor
    // laid out again (re-inserting the breakdown alone costs a few milliseconds of layout).
    placeChildren(this.stage, signals);
    const loose = [];
    details.forEach((detail, i) => {
      const slot = this.layerSlot(i);
      if (slot) placeChildren(slot, [detail]);
      else loose.push(detail);
    });
    placeChildren(this.el, [this.stage, this.afterOutput, ...loose]);
    const holders = [this.el, ...details];
    if (active && active !== activeOf(this.el) && holders.some((el) => el.contains(active))) {
      active.focus({ preventScroll: true });
      if (selection && selection[0] !== null) active.setSelectionRange(...selection);
    }
    this.el.classList.toggle('busy', Boolean(busy));
  }
}
