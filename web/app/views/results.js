// The results column: final output (prominent), the input, and per layer its weight and bias (editable)
// and, when asked, its intermediate output. Renders from (state, result) only.
import { activeOf, h, uid } from '../dom.js';
import { formatTensor } from '../../lib/format.js';
import { LinePlot, tensorSeries } from './plot.js';
import { TensorTable, WeightTable } from './tables.js';
import { WeightHeatmap, linkHeatmap } from './heatmap.js';
import { userEdits } from '../state.js';

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
  constructor(name, shape, data) {
    this.pre = h('pre', null);
    this.el = h('details', { class: 'printout', open: openPrintouts.has(name), dataset: { name } },
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
  constructor(tensor, { name, width, big = false, layer }) {
    this.options = { name, width, big, layer };
    const channels = tensor.shape.length === 3 ? tensor.shape[1] : tensor.shape[0];
    this.plot = new LinePlot({ series: tensorSeries(tensor), width, height: big ? 200 : 150, label: plotLabel(name, tensor.shape), layer, channels });
    this.table = new TensorTable(tensor, { label: `${name} values${layer >= 0 ? ' (select one to see how it is computed)' : ''}`, layer });
    this.printout = new Printout(name, tensor.shape, tensor.data);
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

const shapeText = (shape) => `(${shape.join(', ')})`;
const shapeBadge = (shape) => h('span', { class: 'badge', text: shapeText(shape) });

export class ResultsView {
  /** offscreen: an Offscreen; regions below the fold are updated after the frame (see offscreen.js). */
  constructor(actions, offscreen, { label = null } = {}) {
    this.actions = actions;
    this.label = label;
    this.offscreen = offscreen;
    this.el = h('div', { class: 'results', id: 'results', tabindex: '-1' });
    this.weightTables = [];
    this.expanded = new Set(); // layers whose weight table shows every value
    this.memoCache = new Map();
    this.views = new Map(); // persistent tensor views by key, redrawn in place while their shape holds
    this.afterOutput = null; // the breakdown panel, placed right after the final output
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
      this.el.replaceChildren(h('p', { class: 'empty-state', role: 'status', text: 'Computing in the background…' }));
      this.memoCache.clear();
      this.views.clear();
      this.offscreen.clear();
      return;
    }
    const children = [];
    const layers = result.layers;
    const last = layers[layers.length - 1];

    // Final output.
    const outView = this.#view('output', last?.output, { name: 'Output', width, big: true, layer: layers.length - 1 });
    children.push(this.#memo('output', [outView, Boolean(last?.output), width, state.showAll, layers.length,
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

    if (this.afterOutput) children.push(this.afterOutput);
    // Input.
    const inView = this.#view('input', result.input, { name: 'Input', width, layer: -1 });
    children.push(this.#memo('input', [inView, width], () => {
    this.inBadge = result.input ? shapeBadge(result.input.shape) : null;
    const inp = region('Input', { label: this.label, className: 'input-view', extra: this.inBadge });
    if (result.input) inp.append(...inView.els);
    else inp.append(h('p', { class: 'empty-state', text: 'The input has an error (see the input field).' }));
    return inp;
    }));
    if (this.inBadge && result.input) this.inBadge.textContent = shapeText(result.input.shape);

    // Layers: weights, biases, intermediate outputs.
    layers.forEach((info, i) => {
      const intermediate = state.showAll && i < layers.length - 1
        ? this.#view(`layer${i}`, info.output, { name: `Layer ${i + 1} output`, width, layer: i }) : this.#view(`layer${i}`, null);
      // New values alone do not rebuild the layer's section: its tables, heatmap and printouts update in place.
      // Nor do edits and their errors: the badge, the reset button and the error lines are updated in place too,
      // so the cell being typed in is never detached or rewritten.
      const deps = [info.weight?.shape.join(), info.bias?.shape.join(), this.expanded.has(i), intermediate, state.showAll,
        layers.length, info.repr, info.error?.message, width];
      children.push(this.#memo(`layer${i}`, deps, () => this.#layerDetail(state, result, info, i, { width, intermediate })));
      // A preset's own weights are not edits: only what the person changed after is marked.
      const edits = userEdits(state, i);
      edits.resetText = state.preset === 2 || state.preset === 3 ? `Reset to Example ${state.preset}` : 'Reset from seed';
      this.#updateEdits(info, edits, i, pasteErrors);
      this.offscreen.run(`layer${i}`, 'params', () => this.#updateParams(info, edits, i));
    });
    for (const key of this.memoCache.keys()) {
      if (/^layer\d+$/.test(key) && Number(key.slice(5)) >= layers.length) this.memoCache.delete(key);
    }
    for (const key of this.views.keys()) {
      if (/^layer\d+$/.test(key) && Number(key.slice(5)) >= layers.length) this.views.delete(key);
    }
    this.#place(children, busy, active, selection);
  }

  /** Shows a layer's weight and bias values in its (persistent) tables, heatmap and printouts. */
  #updateParams(info, edits, i) {
    const t = this.weightTables[i];
    if (!info.weight) return;
    const groups = info.options.groups || 1;
    t.weight.update(info.weight, edits.weight, groups, this.expanded.has(i));
    t.heatmap.update(info.weight, groups);
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

  #layerDetail(state, result, info, i, { intermediate }) {
    const layers = result.layers;
    {
      const tables = this.weightTables[i];
      const headId = uid(`layer-detail-${i}`); // unique per instance: several playgrounds may share a document
      const group = h('section', { class: 'layer-detail', ...(this.label ? { 'aria-label': `${this.label}: Layer ${i + 1}` } : { 'aria-labelledby': headId }) },
        h('div', { class: 'layer-detail-head' },
          h('h2', { id: headId, class: 'layer-detail-title' }, `Layer ${i + 1}`,
            info.repr ? h('code', { class: 'repr', text: info.repr }) : null),
          tables.editedBadge, tables.resetButton));
      if (!info.weight) {
        group.append(h('p', { class: 'empty-state', text: `Layer ${i + 1} cannot be built: ${info.error?.message ?? ''}` }));
        return group;
      }
      const w = region(`Layer ${i + 1} weight`, { label: this.label, level: 'h3', className: 'param', extra: shapeBadge(info.weight.shape) });
      w.append(h('p', { class: 'region-sub' }, 'Shape ', h('code', { text: '[out_channels, in_channels / groups, kernel_size]' }),
        '. Type to edit a value, or paste a whole tensor into any cell.'),
        h('div', { class: 'weight-views' }, tables.weight.el, tables.heatmap.el, tables.weightError));
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
      if (state.showAll && i < layers.length - 1) {
        const o = region(`Layer ${i + 1} output`, { label: this.label, level: 'h3', className: 'intermediate', extra: info.output ? shapeBadge(info.output.shape) : null });
        if (intermediate) o.append(...intermediate.els);
        else o.append(h('p', { class: 'empty-state', text: 'Not computed (see the error in the layer controls).' }));
        group.append(o);
      }
      return group;
    }
  }

  #place(children, busy, active, selection) {
    // Keep focus inside a weight table across re-renders: the tables are persistent nodes, moved not rebuilt.
    // Only the regions that were rebuilt are swapped in: the others stay attached, so they are neither styled nor
    // laid out again (re-inserting the breakdown alone costs a few milliseconds of layout).
    const el = this.el;
    children.forEach((child, k) => {
      const at = el.children[k];
      if (at === child) return;
      if (at && !children.includes(at)) el.replaceChild(child, at);
      else el.insertBefore(child, at ?? null);
    });
    while (el.children.length > children.length) el.lastElementChild.remove();
    if (active && active !== activeOf(this.el) && this.el.contains(active)) {
      active.focus({ preventScroll: true });
      if (selection && selection[0] !== null) active.setSelectionRange(...selection);
    }
    this.el.classList.toggle('busy', Boolean(busy));
  }
}
