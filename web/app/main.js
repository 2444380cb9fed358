// Wiring: state ⇄ URL, state → engine (main thread or worker) → views. The only module that touches
// history, the worker and the clipboard.
import { load } from '../lib/index.js';
import { h } from './dom.js';
import { Engine, estimateCost, inputValues } from './model.js';
import { parseNumber, parseTensorText, flatten, shapeOf, toLiteral } from './parse.js';
import {
  cloneState, defaultLayer, defaultState, hasEdits, parseState, preset, stateToQuery, StateError,
} from './state.js';
import { InputPanel, LayerCard, Toolbar } from './views/controls.js';
import { ResultsView } from './views/results.js';

// States estimated above this much work are computed in a Web Worker so typing never stutters.
const WORKER_THRESHOLD = 3_000_000;
// Generated inputs above this many values are not shown as text.
const TEXT_LIMIT = 20_000;

const app = {
  state: null,
  result: null,
  undo: null,
  notice: null,
  pasteErrors: new Map(),
  historyField: null,
  structureKey: null,
  cards: [],
  jobId: 0,
  worker: null,
  workerBusy: false,
  timing: { renders: 0, lastMs: 0, lastComputeMs: 0, lastMode: 'sync' },
};
window.conv1dPlayground = app; // for the browser tests and the curious: read-only use, please

function readUrlState() {
  try {
    const state = parseState(window.location.search);
    return { state: state ?? defaultState(), refused: null };
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    return { state: defaultState(), refused: error.message };
  }
}

// ---- history ----------------------------------------------------------------------------------------
// pushState/replaceState cost a few ms each, so the URL is written just after the frame, not inside it.
let pendingUrl = null;
function writeUrl(field) {
  // One history entry per field-editing session: typing "12" in kernel_size is one step back, not two.
  const push = !(field && field === app.historyField);
  app.historyField = field ?? null;
  if (pendingUrl) {
    pendingUrl.push ||= push;
    return;
  }
  pendingUrl = { push };
  setTimeout(flushUrl, 0);
}

function flushUrl() {
  if (!pendingUrl) return;
  const { push } = pendingUrl;
  pendingUrl = null;
  const query = stateToQuery(app.state);
  if (query === window.location.search) return;
  const url = `${window.location.pathname}${query}${window.location.hash}`;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

// ---- updates ----------------------------------------------------------------------------------------
/**
 * Applies `mutate` to a copy of the state. `rebuild`: the change re-runs the notebook (seed, layer arguments,
 * the stack), which re-initialises every layer from the seed, so weight edits are reset (with an undo).
 */
function update(mutate, { field = null, rebuild = false, structural = false } = {}) {
  const before = app.state;
  const next = cloneState(before);
  mutate(next);
  if (rebuild) {
    next.preset = null;
    if (hasEdits(next)) {
      for (const l of next.layers) {
        l.weightEdits = {};
        l.biasEdits = {};
      }
      app.undo = before;
      app.notice = { kind: 'reset', text: `Layers were rebuilt from torch.manual_seed(${next.seed}), as re-running the notebook would, so your weight edits were reset.` };
    } else if (app.notice?.kind === 'reset' && field !== app.historyField) {
      app.notice = null;
    }
  }
  app.state = next;
  if (structural) app.structureKey = null;
  writeUrl(field);
  compute();
}

const actions = {
  setSeed(value) {
    update((s) => { s.seed = value.trim(); }, { field: 'seed', rebuild: true });
  },
  loadPreset(n) {
    app.notice = null;
    app.undo = null;
    app.pasteErrors.clear();
    app.state = preset(n);
    app.structureKey = null;
    writeUrl(null);
    compute();
  },
  setInput(patch, commit = false) {
    update((s) => {
      const input = s.input;
      if (patch.kind === 'text' && patch.text === undefined) {
        // Switching the generator back to text keeps the values currently shown.
        input.text = currentInputText(input, s.seed);
      }
      if (patch.kind && patch.kind !== 'text' && input.kind === 'text') {
        // Start the generator from the shape of the typed input when it has one.
        const shape = app.result?.input?.shape;
        if (shape?.length === 3) Object.assign(input, { batch: String(shape[0]), channels: String(shape[1]), length: String(shape[2]), batched: true });
        if (shape?.length === 2) Object.assign(input, { channels: String(shape[0]), length: String(shape[1]), batched: false });
      }
      Object.assign(input, patch);
    }, { field: commit ? null : `input.${Object.keys(patch).join(',')}` });
  },
  setLayerArg(i, name, value, commit = false) {
    update((s) => { s.layers[i][name] = value; }, { field: commit ? null : `layer${i}.${name}`, rebuild: true });
  },
  addLayer() {
    update((s) => {
      const last = s.layers[s.layers.length - 1];
      s.layers.push(defaultLayer({ in_channels: last ? last.out_channels : '1' }));
    }, { rebuild: true, structural: true });
    focusLater(() => app.cards[app.cards.length - 1]?.fields.in_channels.input);
  },
  removeLayer(i) {
    update((s) => { s.layers.splice(i, 1); }, { rebuild: true, structural: true });
    focusLater(() => app.cards[Math.min(i, app.cards.length - 1)]?.el.querySelector('input'));
  },
  duplicateLayer(i) {
    update((s) => { s.layers.splice(i + 1, 0, { ...structuredClone(s.layers[i]), weightEdits: {}, biasEdits: {} }); },
      { rebuild: true, structural: true });
    focusLater(() => app.cards[i + 1]?.el.querySelector('input'));
  },
  moveLayer(i, delta) {
    const j = i + delta;
    if (j < 0 || j >= app.state.layers.length) return;
    update((s) => { [s.layers[i], s.layers[j]] = [s.layers[j], s.layers[i]]; }, { rebuild: true, structural: true });
    focusLater(() => app.cards[j]?.el.querySelector(delta < 0 ? '[aria-label^="Move layer"][aria-label$="up"]' : '[aria-label$="down"]'));
  },
  editParam(i, which, index, text) {
    const value = parseNumber(text);
    const key = `${i}.${which}`;
    if (value === null) {
      app.pasteErrors.set(key, `'${text.slice(0, 40)}' is not a number (${which}[${index}] unchanged).`);
      renderAll();
      return;
    }
    app.pasteErrors.delete(key);
    update((s) => {
      const edits = which === 'weight' ? s.layers[i].weightEdits : s.layers[i].biasEdits;
      edits[String(index)] = value;
    }, { field: `edit${i}.${which}.${index}` });
  },
  pasteParam(i, which, text) {
    const key = `${i}.${which}`;
    const info = app.result?.layers[i];
    const target = which === 'weight' ? info?.weight : info?.bias;
    try {
      if (!target) throw new Error(`Layer ${i + 1} has no ${which}.`);
      const values = parseTensorText(text);
      const shape = shapeOf(values);
      const want = target.shape;
      // Accept a pasted bias printed as tensor([..]) and weights with or without their leading dims.
      if (shape.join() !== want.join()) {
        throw new Error(`${which} must have shape [${want.join(', ')}], but the pasted tensor has shape [${shape.join(', ')}]`);
      }
      app.pasteErrors.delete(key);
      update((s) => {
        const edits = {};
        flatten(values).forEach((v, idx) => { edits[String(idx)] = v; });
        if (which === 'weight') s.layers[i].weightEdits = edits;
        else s.layers[i].biasEdits = edits;
      });
    } catch (error) {
      app.pasteErrors.set(key, `Paste refused: ${error.message}`);
      renderAll();
    }
  },
  resetLayerWeights(i) {
    update((s) => {
      s.layers[i].weightEdits = {};
      s.layers[i].biasEdits = {};
    });
  },
  resetAllWeights() {
    update((s) => s.layers.forEach((l) => {
      l.weightEdits = {};
      l.biasEdits = {};
    }));
  },
  setShowAll(on) {
    update((s) => { s.showAll = on; });
  },
  undoReset() {
    if (!app.undo) return;
    app.state = app.undo;
    app.undo = null;
    app.notice = null;
    app.structureKey = null;
    writeUrl(null);
    compute();
  },
  refresh() {
    renderAll();
  },
  dismissNotice() {
    app.notice = null;
    renderAll();
  },
  async share(status) {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = 'Link copied';
    } catch {
      status.textContent = 'Copy the address bar to share';
    }
    setTimeout(() => { status.textContent = ''; }, 2500);
  },
};

let generatedText = { key: null, text: '' };
function currentInputText(input, seed) {
  if (input.kind === 'text') return input.text;
  // Large generated inputs are not written out as text: that alone would cost the main thread a frame or more.
  if (Number(input.batched ? input.batch : 1) * Number(input.channels) * Number(input.length) > TEXT_LIMIT) return '';
  const key = JSON.stringify([input, seed]);
  if (generatedText.key !== key) {
    let text = '';
    try {
      text = toLiteral(inputValues(input, seed));
    } catch {
      // the input panel shows the error
    }
    generatedText = { key, text };
  }
  return generatedText.text;
}

function focusLater(find) {
  queueMicrotask(() => requestAnimationFrame(() => find()?.focus()));
}

// ---- computing ---------------------------------------------------------------------------------------
function compute() {
  const id = (app.jobId += 1);
  const state = app.state;
  if (estimateCost(state) < WORKER_THRESHOLD) {
    const t0 = performance.now();
    const result = app.engine.run(state);
    app.timing.lastComputeMs = performance.now() - t0;
    app.timing.lastMode = 'sync';
    app.result = result;
    app.busy = false;
    renderAll(t0);
    return;
  }
  // Heavy: hand it to the worker. A worker still busy with an older state is replaced, not waited for.
  if (app.worker && app.workerBusy) {
    app.worker.terminate();
    app.worker = null;
  }
  if (!app.worker) {
    app.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    app.worker.onmessage = (event) => {
      app.workerBusy = false;
      if (event.data.id !== app.jobId) return;
      const t0 = performance.now();
      app.timing.lastMode = 'worker';
      app.timing.lastComputeMs = event.data.result.ms ?? 0;
      app.result = event.data.result.fatal ? fatalResult(event.data.result.fatal) : event.data.result;
      app.busy = false;
      renderAll(t0);
    };
    app.worker.onerror = (event) => {
      event.preventDefault();
      app.workerBusy = false;
      app.result = fatalResult(event.message || 'the worker failed');
      app.busy = false;
      renderAll();
    };
  }
  app.workerBusy = true;
  app.busy = true;
  if (!app.result || app.result.pending || app.result.layers.length !== state.layers.length) app.result = pendingResult(state);
  app.worker.postMessage({ id, state });
  renderAll();
}

function pendingResult(state) {
  return { pending: true, seedError: null, input: null, inputError: null, layers: state.layers.map(() => ({
    pending: true, error: null, editErrors: [], plan: null, output: null, runError: null, blockedBy: null,
  })) };
}

function fatalResult(message) {
  return { seedError: null, input: null, inputError: { message, field: 'input' }, layers: app.state.layers.map(() => ({
    error: { message, field: 'layer' }, editErrors: [], plan: null, output: null, runError: null, blockedBy: null,
  })) };
}

// ---- rendering ---------------------------------------------------------------------------------------
let ui = null;

function buildShell(root) {
  const toolbar = new Toolbar(actions);
  const inputPanel = new InputPanel(actions);
  const results = new ResultsView(actions);
  const notice = h('div', { class: 'notice-area', role: 'status', 'aria-live': 'polite' });
  const presetNote = h('p', { class: 'preset-note', hidden: true });
  const layers = h('div', { class: 'layers' });
  const busy = h('div', { class: 'busy-indicator', hidden: true, role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Computing in the background…');
  const controls = h('section', { class: 'controls', 'aria-label': 'Model' },
    h('h2', { class: 'column-title', text: 'Model' }),
    inputPanel.el, layers,
    h('button', { type: 'button', class: 'button add-layer', onclick: () => actions.addLayer(), text: '+ Add layer' }));
  root.replaceChildren(toolbar.el, notice, presetNote,
    h('main', { class: 'layout' }, controls, h('div', { class: 'results-column' }, busy, results.el)),
    h('footer', { class: 'site-footer' }, h('p', null, 'Every number is computed by the same WebAssembly build of the C++ core that the npm package ships, ',
      'initialised exactly like PyTorch 1.13 (', h('code', { text: 'torch.manual_seed' }), ', then the layers in order). Values show as PyTorch prints them (4 decimals); hover a weight for its full value.')));
  root.setAttribute('aria-busy', 'false');
  return { toolbar, inputPanel, results, notice, presetNote, layers, busy, resultsColumn: results.el };
}

function renderNotice() {
  const items = [];
  if (app.notice) {
    items.push(h('div', { class: `notice notice-${app.notice.kind}` },
      h('span', { text: app.notice.text }),
      app.notice.kind === 'reset' && app.undo ? h('button', { type: 'button', class: 'button small', onclick: () => actions.undoReset(), text: 'Undo' }) : null,
      h('button', { type: 'button', class: 'button small ghost', onclick: () => actions.dismissNotice(), text: 'Dismiss' })));
  }
  ui.notice.replaceChildren(...items);
  const p = app.state.preset;
  ui.presetNote.hidden = !(p === 2 || p === 3);
  ui.presetNote.textContent = p === 2 || p === 3
    ? `Example ${p} sets the weights and bias the tutorial printed (4 decimals) instead of drawing them from the seed — the tutorial printed them after other cells had used the generator. Rounded weights give outputs that match its printout only to a few 1e-4 (its own hand check gets -1.5223 for the printed -1.5224; Example 3's last value is 2.9933 here, 2.9936 there).`
    : '';
}

function renderAll(t0 = performance.now()) {
  app.rendering = true;
  try {
    renderInto(t0);
  } finally {
    app.rendering = false;
  }
}

function renderInto(t0) {
  const { state, result } = app;
  renderNotice();
  ui.toolbar.update(state, result);
  ui.inputPanel.update(state, result, currentInputText(state.input, state.seed));
  const key = state.layers.length;
  if (app.structureKey !== key || app.cards.length !== state.layers.length) {
    app.cards = state.layers.map((_, i) => new LayerCard(i, state.layers.length, actions));
    ui.layers.replaceChildren(...app.cards.map((c) => c.el));
    app.structureKey = key;
  }
  let inShape = result.input?.shape ?? null;
  state.layers.forEach((layer, i) => {
    const info = result.layers[i];
    const channelsOf = (shape) => (shape ? (shape.length === 3 ? shape[1] : shape[0]) : null);
    const incoming = i === 0 ? channelsOf(result.input?.shape) : channelsOf(result.layers[i - 1]?.output?.shape);
    const next = result.layers[i + 1];
    const nextMismatch = next?.runError?.field === 'in_channels' && info?.output
      ? { next: i + 1, channels: channelsOf(info.output.shape) } : null;
    app.cards[i].update(layer, info, { inShape: inShape ?? [], incomingChannels: incoming, nextMismatch, paddingValue: info?.plan ? paddingOf(layer) : null });
    inShape = info?.output?.shape ?? null;
  });
  ui.busy.hidden = !app.busy;
  if (!app.busy || !ui.rendered || result.pending) {
    // Reading the column's width forces a layout, so it is measured once and again only on resize.
    ui.plotWidth ??= Math.min(760, Math.max(260, ui.resultsColumn.clientWidth - 34));
    const width = ui.plotWidth;
    ui.results.render(state, result, { width, busy: app.busy, pasteErrors: app.pasteErrors });
    ui.rendered = true;
  }
  const ms = performance.now() - t0;
  app.timing.renders += 1;
  app.timing.lastMs = ms;
  document.documentElement.dataset.renders = String(app.timing.renders);
}

function paddingOf(layer) {
  const t = String(layer.padding).trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : t;
}

// ---- start -------------------------------------------------------------------------------------------
async function start() {
  const root = document.getElementById('app');
  const nn = await load();
  app.nn = nn;
  app.engine = new Engine(nn);
  ui = buildShell(root);
  const { state, refused } = readUrlState();
  app.state = state;
  if (refused) {
    app.notice = { kind: 'refused', text: `The link's state was refused (${refused}); showing the default example instead.` };
    window.history.replaceState(null, '', `${window.location.pathname}${stateToQuery(state)}`);
  }
  compute();
  window.addEventListener('popstate', () => {
    pendingUrl = null;
    const next = readUrlState();
    app.state = next.state;
    app.notice = next.refused ? { kind: 'refused', text: `The link's state was refused (${next.refused}); showing the default example instead.` } : null;
    app.undo = null;
    app.structureKey = null;
    app.historyField = null;
    compute();
  });
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      ui.plotWidth = null;
      renderAll();
    }, 120);
  });
  // Leaving a field ends its editing session (re-renders that move a focused cell do not count).
  document.addEventListener('focusout', () => { if (!app.rendering) app.historyField = null; });
  document.documentElement.dataset.ready = 'true';
}

start().catch((error) => {
  const root = document.getElementById('app');
  root.replaceChildren(h('p', { class: 'fatal', role: 'alert', text: `The playground could not start: ${error.message}` }));
  root.setAttribute('aria-busy', 'false');
});
