// Tensor tables. Read-only tables for inputs and outputs (rows = batch × channel, columns = position) and
// editable tables for weights (rows grouped by output channel, then input channel; columns = kernel tap).
// Tensors above PyTorch's print threshold (1000 values) are summarised as PyTorch summarises them: the
// first and last 3 along each dimension.
import { activeOf, h } from '../dom.js';
import { formatValue, PRINT_OPTIONS, shownIndices } from '../../lib/format.js';
import { parseNumber } from '../parse.js';

const { threshold: THRESHOLD, edgeitems: EDGE } = PRINT_OPTIONS;
// Editable tables are summarised sooner: hundreds of live <input>s cost more than a frame to lay out. "Show all"
// goes up to PyTorch's threshold only (16000 inputs took seconds to lay out).
export const EDIT_THRESHOLD = 256;

const numel = (shape) => shape.reduce((a, b) => a * b, 1);

/**
 * A (N, C, L) or (C, L) tensor as a table that keeps its cells: update(tensor) with new values — and a new
 * length, as long as the rows and the number of columns shown stay — rewrites only the texts that changed.
 */
export class TensorTable {
  constructor({ shape, data }, { caption, label, layer }) {
    // layer: which tensor this is (-1 the input, k the output of layer k); output cells are selectable for the
    // breakdown (one tab stop per table, arrow keys move between cells: see views/select.js).
    this.keyed = layer !== undefined;
    const selectable = this.keyed && layer >= 0;
    this.layout = TensorTable.#layout(shape);
    const { batched, n, c, summarize, cols } = this.layout;
    this.cells = []; // { td, text, b, ch, col } for every value shown
    this.colHeads = [];
    let first = true;
    const cell = (b, ch, col) => {
      const text = document.createTextNode('');
      const td = h('td', null, text);
      this.cells.push({ td, text, b, ch, col });
      if (selectable) {
        td.tabIndex = first ? 0 : -1;
        first = false;
      }
      return td;
    };
    const head = h('tr', null, h('th', { scope: 'col', class: 'corner', text: batched ? 'n, c \\ t' : 'c \\ t' }),
      cols.map((t, col) => {
        const th = h('th', { scope: 'col', text: t === null ? '…' : String(t) });
        if (t !== null) this.colHeads.push([th, col]);
        return th;
      }));
    const rows = [];
    for (const b of shownIndices(n, summarize)) {
      for (const ch of shownIndices(c, summarize)) {
        if (b === null || ch === null) {
          rows.push(h('tr', { class: 'gap' }, h('th', { scope: 'row', text: '⋮' }), cols.map(() => h('td', { text: '⋮' }))));
          if (b === null) break;
          continue;
        }
        rows.push(h('tr', { class: batched && ch === 0 && b > 0 ? 'group-start' : null },
          h('th', { scope: 'row', text: batched ? `${b}, ${ch}` : String(ch) }),
          cols.map((t, col) => (t === null ? h('td', { text: '…' }) : cell(b, ch, col)))));
      }
    }
    this.hint = h('p', { class: 'hint' });
    this.el = h('div', { class: 'table-scroll', tabindex: selectable ? undefined : '0', role: 'group', 'aria-label': label },
      h('table', { class: `tensor-table${selectable ? ' selectable' : ''}`, dataset: this.keyed ? { layer } : undefined }, caption ? h('caption', { text: caption }) : null, h('thead', null, head),
        h('tbody', null, rows)),
      summarize ? this.hint : null);
    this.update({ shape, data });
  }

  static #layout(shape) {
    const batched = shape.length === 3;
    const n = batched ? shape[0] : 1;
    const c = batched ? shape[1] : shape[0];
    const len = shape[shape.length - 1];
    const summarize = numel(shape) > THRESHOLD;
    const cols = shownIndices(len, summarize);
    return { batched, n, c, len, summarize, cols, rowsKey: `${shape.length}/${n}/${c}/${summarize}/${cols.length}` };
  }

  /** True when update() can show a tensor of `shape`: the same rows and as many columns shown. */
  fits(shape) {
    return TensorTable.#layout(shape).rowsKey === this.layout.rowsKey;
  }

  /** Shows new values (of a shape that fits). */
  update({ shape, data }) {
    if (data === this.data) return;
    this.data = data;
    const layout = TensorTable.#layout(shape);
    const moved = !this.shape || layout.len !== this.layout.len;
    this.layout = layout;
    this.shape = shape;
    const { c, len, cols } = layout;
    if (moved) {
      for (const [th, col] of this.colHeads) th.textContent = String(cols[col]);
      if (layout.summarize) this.hint.textContent = `${numel(shape)} values: showing the first and last ${EDGE} along each dimension, as PyTorch prints it.`;
    }
    for (const cell of this.cells) {
      const t = cols[cell.col];
      if (moved && this.keyed) cell.td.dataset.key = `${cell.b},${cell.ch},${t}`;
      const value = formatValue(data[(cell.b * c + cell.ch) * len + t]);
      if (cell.text.data !== value) cell.text.data = value;
    }
  }
}

/** A (N, C, L) or (C, L) tensor as a table's element (see TensorTable). */
export function tensorTable(tensor, options) {
  return new TensorTable(tensor, options).el;
}

/**
 * Editable weight table [out, in/groups, k] that updates in place. A cell behaves like a spreadsheet's: while it
 * has focus nothing rewrites it (every keystroke that reads as a number is applied at once, and states on the way
 * to one — '-', '0.', '1e' — are neither applied nor reported); Enter or leaving the cell shows the value as
 * PyTorch prints it, Escape shows the value in use again, and text that is still not a number then is reported.
 * onEdit(flatIndex, text) is called with text that is a number on input, and with text that is not on commit;
 * onPaste(text) when a whole tensor is pasted into a cell.
 */
export class WeightTable {
  constructor({ name, onEdit, onPaste, onShowAll }) {
    this.name = name;
    this.onShowAll = onShowAll;
    this.lastData = null;
    this.lastEdited = '';
    this.onEdit = onEdit;
    this.onPaste = onPaste;
    this.key = null;
    this.cells = new Map();
    this.el = h('div', { class: 'table-scroll weight-scroll', dataset: { param: name } });
    const indexOf = (target) => (target.dataset?.index === undefined ? null : Number(target.dataset.index));
    this.el.addEventListener('input', (e) => {
      const i = indexOf(e.target);
      if (i === null) return;
      const number = parseNumber(e.target.value) !== null;
      e.target.classList.toggle('incomplete', !number);
      if (number) this.onEdit(i, e.target.value);
    });
    this.el.addEventListener('keydown', (e) => {
      const i = indexOf(e.target);
      if (i === null || e.target.readOnly) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        this.#commit(e.target, i);
        e.target.select();
      } else if (e.key === 'Escape') {
        e.target.classList.remove('incomplete');
        this.#show(e.target, i);
        e.target.select();
      }
    });
    this.el.addEventListener('focusout', (e) => {
      const i = indexOf(e.target);
      // A cell that stays the active element lost focus with its window (another tab or app): still being edited.
      if (i === null || this.cells.get(i) !== e.target || e.target.readOnly || activeOf(e.target) === e.target) return;
      this.#commit(e.target, i);
    });
    this.el.addEventListener('paste', (e) => {
      const text = e.clipboardData?.getData('text') ?? '';
      if (text.includes('[')) {
        e.preventDefault();
        this.onPaste(text);
      }
    });
  }

  /** Ends an edit: a number is shown as printed; anything else is reported and the cell shows the value kept. */
  #commit(input, index) {
    if (input.classList.contains('incomplete')) {
      input.classList.remove('incomplete');
      const text = input.value;
      this.#show(input, index);
      this.onEdit(index, text);
    } else {
      this.#show(input, index);
    }
  }

  #show(input, index) {
    if (!this.lastData || index >= this.lastData.length) return;
    const text = formatValue(this.lastData[index]);
    if (input.value !== text) input.value = text;
  }

  /** shape: [out, in/groups, k] or [out] for a bias; edited: Set of flat indices; groups for channel labels. */
  update({ shape, data }, edited, groups = 1, showAll = false) {
    const summarize = numel(shape) > (showAll ? THRESHOLD : EDIT_THRESHOLD);
    const key = `${shape.join('x')}/${summarize}/${groups}`;
    const editedKey = [...edited].join();
    if (key === this.key && data === this.lastData && editedKey === this.lastEdited) return;
    // Same cells: only values that differ from the ones shown are formatted and written.
    const previous = key === this.key ? this.lastData : null;
    if (key !== this.key) this.#rebuild(shape, summarize, groups);
    this.key = key;
    this.lastData = data;
    this.lastEdited = editedKey;
    const active = activeOf(this.el);
    for (const [index, input] of this.cells) {
      const isEdited = edited.has(index);
      if (input.classList.contains('edited') !== isEdited) input.classList.toggle('edited', isEdited);
      if (previous && Object.is(previous[index], data[index])) continue;
      input.title = String(data[index]);
      if (input === active) continue;
      const text = formatValue(data[index]);
      if (input.value !== text) input.value = text;
    }
  }

  #rebuild(shape, summarize, groups) {
    this.cells.clear();
    const cell = (index, label) => {
      const input = h('input', { type: 'text', inputmode: 'decimal', class: 'cell-input', 'aria-label': label,
        dataset: { index: String(index) }, spellcheck: 'false', autocomplete: 'off' });
      this.cells.set(index, input);
      return h('td', null, input);
    };
    let table;
    if (shape.length === 1) {
      const cols = shownIndices(shape[0], summarize);
      table = h('table', { class: 'tensor-table weight-table' },
        h('thead', null, h('tr', null, h('th', { class: 'corner', text: 'out' }), cols.map((o) => h('th', { scope: 'col', text: o === null ? '…' : String(o) })))),
        h('tbody', null, h('tr', null, h('th', { scope: 'row', text: this.name }),
          cols.map((o) => (o === null ? h('td', { text: '…' }) : cell(o, `${this.name}[${o}]`))))));
    } else {
      const [out, inner, k] = shape;
      const perGroup = out / groups;
      const cols = shownIndices(k, summarize);
      const rows = [];
      for (const o of shownIndices(out, summarize)) {
        if (o === null) {
          rows.push(h('tr', { class: 'gap' }, h('th', { text: '⋮' }), h('th', { text: '' }), cols.map(() => h('td', { text: '⋮' }))));
          continue;
        }
        const innerIdx = shownIndices(inner, summarize);
        innerIdx.forEach((i, row) => {
          const group = Math.floor(o / perGroup);
          const outHead = row === 0 ? h('th', { scope: 'rowgroup', rowspan: innerIdx.length, class: 'out-head', text: `out ${o}` }) : null;
          if (i === null) {
            rows.push(h('tr', { class: 'gap' }, outHead, h('th', { text: '⋮' }), cols.map(() => h('td', { text: '⋮' }))));
            return;
          }
          const inLabel = groups > 1 ? `in ${i} (input ch ${group * inner + i})` : `in ${i}`;
          rows.push(h('tr', { class: row === 0 ? 'group-start' : null }, outHead, h('th', { scope: 'row', text: inLabel }),
            cols.map((t) => (t === null ? h('td', { text: '…' })
              : cell((o * inner + i) * k + t, `${this.name}[${o}, ${i}, ${t}]`)))));
        });
      }
      table = h('table', { class: 'tensor-table weight-table' },
        h('thead', null, h('tr', null, h('th', { class: 'corner', text: 'out' }), h('th', { class: 'corner', text: 'in \\ k' }),
          cols.map((t) => h('th', { scope: 'col', text: t === null ? '…' : String(t) })))),
        h('tbody', null, rows));
    }
    const count = numel(shape);
    const more = summarize ? h('p', { class: 'hint' }, `${count} values: showing the first and last ${EDGE} along each dimension`,
      count <= THRESHOLD ? ['. ', h('button', { type: 'button', class: 'button small', onclick: () => this.onShowAll?.(), text: 'Show all' })]
        : ', as PyTorch prints it.') : null;
    this.el.replaceChildren(table, more ?? '');
  }
}
