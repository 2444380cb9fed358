// One playground's editing session, without DOM, timers or threads: the state, the last result computed for it,
// the notice, the undo point and the per-table paste errors, and the rules a change follows. Every change a person
// makes is an action (session.act(name, ...args)) that returns what must follow it — compute the new state, only
// re-explain a new selection, or only re-render a message — and whether it begins a new history entry. The page,
// the scheduler and the URL sync (mount.js wires them) carry those out.
import { baseEdits, cloneState, defaultLayer, hasEdits, preset } from './state.js';
import { flatten, parseNumber, parseTensorText, shapeOf, toLiteral } from './parse.js';
import { inputValues } from './model.js';

/** The actions a read-only instance still takes: looking changes no value (the rest only re-render). */
export const READ_ONLY_ACTIONS = Object.freeze(['dismissNotice', 'setShowAll', 'select']);

// Generated inputs above this many values are not shown as text.
export const TEXT_LIMIT = 20_000;

const RENDER = Object.freeze({ kind: 'render' });

/** (batch · channels · length) of a generated input's fields. */
export const generatedCount = (input) => Number(input.batched ? input.batch : 1) * Number(input.channels)
  * Number(input.length);

export class Session {
  /** notice: { kind, text } to show at start (e.g. a refused link). */
  constructor(state, { notice = null, readOnly = false } = {}) {
    this.state = state;
    this.result = null;
    this.notice = notice;
    /** The state before the last rebuild or import, which Undo brings back (null: nothing to undo). */
    this.undo = null;
    this.pasteErrors = new Map(); // `${layer}.${weight|bias}` → message
    /** The field being edited: changes to the same field share one history entry ("12" in kernel_size is one). */
    this.historyField = null;
    this.readOnly = readOnly;
    this.generated = { key: null, text: '' };
  }

  /** Takes the result computed for this.state (or a breakdown only: { explain }). */
  setResult(result) {
    this.result = result;
  }

  /** The editing of a field ended (it lost focus, or its change wrote no history entry): the next change pushes one. */
  endField() {
    this.historyField = null;
  }

  /**
   * Applies action `name` and returns what follows: null (nothing), { kind: 'render' } (a message changed),
   * { kind: 'explain', push } (only the selection changed) or { kind: 'compute', push, structural } (a new state;
   * structural: the layers' count or order changed). push: whether the change begins a history entry (null: the
   * change is not written to history).
   */
  act(name, ...args) {
    if (!Object.hasOwn(ACTIONS, name)) throw new Error(`unknown action '${name}'`);
    if (this.readOnly && !READ_ONLY_ACTIONS.includes(name)) return RENDER;
    return ACTIONS[name].apply(this, args);
  }

  /**
   * Replaces the whole state (presets, imports, undo, back/forward, the element's attributes): a fresh start, with
   * `notice` and `undo`. history: false when the address bar already holds it.
   */
  replace(state, { notice = null, undo = null, history = true } = {}) {
    this.notice = notice;
    this.undo = undo;
    this.pasteErrors.clear();
    this.state = state;
    this.historyField = null;
    return { kind: 'compute', push: history ? this.historyEntry(null) : null, structural: true };
  }

  /**
   * The input as text: a typed input's own, a generated one's values (remembered per input and seed), or '' for a
   * generated input too large to show.
   */
  inputText(input = this.state.input, seed = this.state.seed) {
    if (input.kind === 'text') return input.text;
    // Large generated inputs are not written out as text: that alone would cost the main thread a frame or more.
    if (generatedCount(input) > TEXT_LIMIT) return '';
    const key = JSON.stringify([input, seed]);
    if (this.generated.key !== key) {
      let text = '';
      try {
        text = toLiteral(inputValues(input, seed));
      } catch {
        // the input panel shows the error
      }
      this.generated = { key, text };
    }
    return this.generated.text;
  }

  /**
   * A change to a copy of the state. rebuild: the change re-runs the notebook (seed, layer arguments, the stack),
   * which re-initialises every layer from the seed, so weight edits are reset (with an undo).
   */
  update(mutate, { field = null, rebuild = false, structural = false } = {}) {
    const before = this.state;
    const next = cloneState(before);
    mutate(next);
    if (rebuild) {
      next.preset = null;
      if (hasEdits(next)) {
        for (const l of next.layers) {
          l.weightEdits = {};
          l.biasEdits = {};
        }
        this.undo = before;
        this.notice = { kind: 'reset', text: `Layers were rebuilt from torch.manual_seed(${next.seed}), as re-running the notebook would, so your weight edits were reset.` };
      } else if (this.notice?.kind === 'reset' && field !== this.historyField) {
        this.notice = null;
      }
    }
    this.state = next;
    return { kind: 'compute', push: this.historyEntry(field), structural };
  }

  /** Whether a change of `field` begins a history entry: not while the same field goes on being edited. */
  historyEntry(field) {
    const push = !(field && field === this.historyField);
    this.historyField = field ?? null;
    return push;
  }
}

// The actions, called with the session as `this`. Each returns what follows (see Session.act).
const ACTIONS = {
  setSeed(value) {
    return this.update((s) => { s.seed = value.trim(); }, { field: 'seed', rebuild: true });
  },
  loadPreset(n) {
    return this.replace(preset(n));
  },
  /** patch: input fields to change; commit: the change ends the field's editing (a choice, not typing). */
  setInput(patch, commit = false) {
    return this.update((s) => {
      const input = s.input;
      if (patch.kind === 'text' && patch.text === undefined) {
        // Switching the generator back to text keeps the values currently shown.
        input.text = this.inputText(input, s.seed);
      }
      if (patch.kind && patch.kind !== 'text' && input.kind === 'text') {
        // Start the generator from the shape of the typed input when it has one.
        const shape = this.result?.input?.shape;
        if (shape?.length === 3) Object.assign(input, { batch: String(shape[0]), channels: String(shape[1]), length: String(shape[2]), batched: true });
        if (shape?.length === 2) Object.assign(input, { channels: String(shape[0]), length: String(shape[1]), batched: false });
      }
      Object.assign(input, patch);
    }, { field: commit ? null : `input.${Object.keys(patch).join(',')}` });
  },
  setLayerArg(i, name, value, commit = false) {
    return this.update((s) => { s.layers[i][name] = value; }, { field: commit ? null : `layer${i}.${name}`, rebuild: true });
  },
  addLayer() {
    return this.update((s) => {
      const last = s.layers[s.layers.length - 1];
      s.layers.push(defaultLayer({ in_channels: last ? last.out_channels : '1' }));
    }, { rebuild: true, structural: true });
  },
  removeLayer(i) {
    return this.update((s) => { s.layers.splice(i, 1); }, { rebuild: true, structural: true });
  },
  duplicateLayer(i) {
    return this.update((s) => { s.layers.splice(i + 1, 0, { ...structuredClone(s.layers[i]), weightEdits: {}, biasEdits: {} }); },
      { rebuild: true, structural: true });
  },
  moveLayer(i, delta) {
    const j = i + delta;
    if (j < 0 || j >= this.state.layers.length) return null;
    return this.update((s) => { [s.layers[i], s.layers[j]] = [s.layers[j], s.layers[i]]; }, { rebuild: true, structural: true });
  },
  /** A value typed into a weight or bias cell; text that is not a number is reported and changes nothing. */
  editParam(i, which, index, text) {
    const value = parseNumber(text);
    const key = `${i}.${which}`;
    if (value === null) {
      this.pasteErrors.set(key, `'${text.slice(0, 40)}' is not a number (${which}[${index}] unchanged).`);
      return RENDER;
    }
    this.pasteErrors.delete(key);
    return this.update((s) => {
      const edits = which === 'weight' ? s.layers[i].weightEdits : s.layers[i].biasEdits;
      edits[String(index)] = value;
    }, { field: `edit${i}.${which}.${index}` });
  },
  /** A whole tensor pasted into a weight or bias table: taken when it has the parameter's shape. */
  pasteParam(i, which, text) {
    const key = `${i}.${which}`;
    const info = this.result?.layers[i];
    const target = which === 'weight' ? info?.weight : info?.bias;
    try {
      if (!target) throw new Error(`Layer ${i + 1} has no ${which}.`);
      const values = parseTensorText(text);
      const shape = shapeOf(values);
      const want = target.shape;
      if (shape.join() !== want.join()) {
        throw new Error(`${which} must have shape [${want.join(', ')}], but the pasted tensor has shape [${shape.join(', ')}]`);
      }
      this.pasteErrors.delete(key);
      return this.update((s) => {
        const edits = {};
        flatten(values).forEach((v, idx) => { edits[String(idx)] = v; });
        if (which === 'weight') s.layers[i].weightEdits = edits;
        else s.layers[i].biasEdits = edits;
      });
    } catch (error) {
      this.pasteErrors.set(key, `Paste refused: ${error.message}`);
      return RENDER;
    }
  },
  resetLayerWeights(i) {
    return this.update((s) => Object.assign(s.layers[i], structuredClone(baseEdits(s, i))));
  },
  resetAllWeights() {
    return this.update((s) => s.layers.forEach((l, i) => Object.assign(l, structuredClone(baseEdits(s, i)))));
  },
  setShowAll(on) {
    return this.update((s) => { s.showAll = on; });
  },
  undoReset() {
    return this.undo ? this.replace(this.undo) : null;
  },
  dismissNotice() {
    this.notice = null;
    return RENDER;
  },
  /** Selects the output element the breakdown explains ({ layer, n, c, t }): only the breakdown is recomputed. */
  select(sel) {
    this.state = { ...this.state, sel: { layer: sel.layer, n: sel.n, c: sel.c, t: sel.t } };
    return { kind: 'explain', push: this.historyEntry('sel') };
  },
  /** Sets the state from an import (PyTorch printouts or the page's JSON); `message` says what was read. */
  importState(state, message) {
    return this.replace(state, { notice: { kind: 'imported', text: message }, undo: this.state });
  },
};

/** The names of every action a session takes. */
export const ACTION_NAMES = Object.freeze(Object.keys(ACTIONS));
