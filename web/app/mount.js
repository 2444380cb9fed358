// One playground instance: state → engine (main thread or worker) → views, inside any root element.
// The page (main.js), its ?embed=1 mode and the <conv1d-playground> element all call mountPlayground(), so
// every instance owns its state, worker, timers and listeners: several live on one page without sharing
// anything but the WebAssembly module. Only an instance created with `url: true` touches history.
import { load } from '../lib/index.js';
import { h } from './dom.js';
import { Engine, estimateCost, inputValues } from './model.js';
import { parseNumber, parseTensorText, flatten, shapeOf, toLiteral } from './parse.js';
import {
  baseEdits, cloneState, defaultLayer, defaultState, hasEdits, LIMITS, linkQuery, parseState, preset, StateError,
} from './state.js';
import { foldControls, InputPanel, LayerCard, Toolbar } from './views/controls.js';
import { ResultsView } from './views/results.js';
import { ExplainPanel } from './views/breakdown.js';
import { PANELS } from './options.js';
import { ExchangePanel } from './views/exchange.js';
import { Offscreen } from './offscreen.js';
import { importText, pythonProgram, stateToJson } from './exchange.js';

// States estimated above this much work are computed in a Web Worker so typing never stutters.
const WORKER_THRESHOLD = 3_000_000;
// Generated inputs above this many values are not shown as text.
const TEXT_LIMIT = 20_000;


/** Reads a page-style query string (`?seed=1&layer=…`) into { state, refused }; the default state when empty. */
export function readQueryState(search) {
  try {
    const state = parseState(search);
    return { state: state ?? defaultState(), refused: null };
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    return { state: defaultState(), refused: error.message };
  }
}

// A worker must come from the page's own origin; a component served from a CDN computes on the main thread.
function canUseWorker() {
  try {
    return typeof Worker !== 'undefined' && new URL('./worker.js', import.meta.url).origin === globalThis.location?.origin;
  } catch {
    return false;
  }
}

/**
 * Mounts a playground into `root` (an element or a shadow root's container) and resolves to its controller.
 * options:
 *   state      initial state (default: the tutorial's first example)
 *   url        true for the page: read/write the state in the address bar, follow back/forward
 *   panels     array of PANELS names to show (default: all)
 *   readOnly   show values but accept no edits
 *   presets    false hides the tutorial example chips and the example's note (an article's widgets)
 *   label      names this instance's regions ("<label>: Output"), so several on one page stay distinguishable
 *   compact    compact chrome (embeds): no footer, denser toolbar
 *   notice     a message to show at start (e.g. a refused link)
 *   onRender   called after every render with the controller (e.g. to report the height)
 *   onChange   called with the new state after every change a person makes
 *   timingTarget element whose dataset receives `renders` (the page uses <html>; tests wait on it)
 */
export async function mountPlayground(root, options = {}) {
  const nn = await load();
  const view = root.ownerDocument.defaultView ?? globalThis;
  const panels = new Set(options.panels?.length ? options.panels : PANELS);
  const readOnly = Boolean(options.readOnly);
  const syncUrl = Boolean(options.url);
  const useWorker = options.worker ?? canUseWorker();
  const timingTarget = options.timingTarget ?? null;

  const app = {
    state: null,
    result: null,
    undo: null,
    notice: options.notice ? { kind: 'refused', text: options.notice } : null,
    /** Why the address bar cannot hold the current state (linkQuery's answer), or null. */
    linkProblem: null,
    pasteErrors: new Map(),
    historyField: null,
    structureKey: null,
    cards: [],
    jobId: 0,
    explainId: 0,
    worker: null,
    workerBusy: false,
    busy: false,
    nn,
    engine: new Engine(nn),
    timing: { renders: 0, lastMs: 0, lastComputeMs: 0, lastMode: 'sync' },
    /** True while regions below the fold still wait for the last change (see offscreen.js). */
    get pending() { return Boolean(ui?.offscreen.pending); },
  };
  let ui = null;
  let destroyed = false;
  const cleanups = [];

  // ---- history (page only) ------------------------------------------------------------------------
  // pushState/replaceState cost a few ms each, so the URL is written just after the frame, not inside it.
  let pendingUrl = null;
  function writeUrl(field) {
    // One history entry per field-editing session: typing "12" in kernel_size is one step back, not two.
    const push = !(field && field === app.historyField);
    app.historyField = field ?? null;
    options.onChange?.(app.state);
    if (!syncUrl) return;
    if (pendingUrl) {
      pendingUrl.push ||= push;
      return;
    }
    pendingUrl = { push };
    setTimeout(flushUrl, 0);
  }

  // Only a link that reloads to the state is written; otherwise the address bar keeps the last one that did.
  function flushUrl() {
    if (!pendingUrl || destroyed) return;
    const { push } = pendingUrl;
    pendingUrl = null;
    const { origin, pathname, hash } = view.location;
    const link = linkQuery(app.state, `${origin}${pathname}${hash}`);
    const problem = link.query === null && link.tooLong ? link : null;
    if (Boolean(problem) !== Boolean(app.linkProblem) || (problem && problem.length !== app.linkProblem.length)) {
      app.linkProblem = problem;
      if (ui) renderNotice();
    }
    if (link.query === null || sameState(link.query, view.location.search)) {
      // Nothing was written, so no entry began: the next real change in this field gets one of its own (else it
      // would replace the entry of the state the page showed before).
      if (push) app.historyField = null;
      return;
    }
    const url = `${pathname}${link.query}${hash}`;
    if (push) view.history.pushState(null, '', url);
    else view.history.replaceState(null, '', url);
  }

  // Like with like: location.search keeps the spelling of the link that opened the page (`%2C` or `,`, `[` or
  // `%5B`, no query at all for the default example), while `query` is written canonically. The address is
  // unchanged when it reads back to the state `query` holds.
  function sameState(query, search) {
    if (query === search) return true;
    const { state, refused } = readQueryState(search);
    return !refused && linkQuery(state).query === query;
  }

  // ---- updates --------------------------------------------------------------------------------------
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

  /** Replaces the whole state (presets, imports, back/forward, the element's attributes). */
  function replaceState(state, { notice = null, undo = null, history = true } = {}) {
    app.notice = notice;
    app.undo = undo;
    app.pasteErrors.clear();
    app.state = state;
    app.structureKey = null;
    app.historyField = null;
    if (history) writeUrl(null);
    compute();
  }

  const actions = {
    setSeed(value) {
      update((s) => { s.seed = value.trim(); }, { field: 'seed', rebuild: true });
    },
    loadPreset(n) {
      replaceState(preset(n));
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
      update((s) => Object.assign(s.layers[i], structuredClone(baseEdits(s, i))));
    },
    resetAllWeights() {
      update((s) => s.layers.forEach((l, i) => Object.assign(l, structuredClone(baseEdits(s, i)))));
    },
    setShowAll(on) {
      update((s) => { s.showAll = on; });
    },
    undoReset() {
      if (!app.undo) return;
      replaceState(app.undo);
    },
    refresh() {
      renderAll();
    },
    dismissNotice() {
      app.notice = null;
      renderAll();
    },
    async share(status) {
      const { url, problem } = shareLink();
      if (problem) {
        status.textContent = `No link: ${problem.message}.${problem.tooLong ? ' Save it with Export → JSON.' : ''}`;
      } else {
        try {
          await navigator.clipboard.writeText(url);
          status.textContent = 'Link copied';
        } catch {
          status.textContent = syncUrl ? 'Copy the address bar to share' : url;
        }
      }
      setTimeout(() => { status.textContent = ''; }, 2500);
    },
    /** Selects the output element the breakdown explains ({ layer, n, c, t }); recomputes only the breakdown. */
    select(sel) {
      app.state = { ...app.state, sel: { layer: sel.layer, n: sel.n, c: sel.c, t: sel.t } };
      writeUrl('sel');
      requestExplain();
    },
    /** Shows the breakdown of `sel` without selecting it (a hover preview); null: the selection's again. */
    preview(sel) {
      requestExplain(sel ? { ...app.state, sel: { layer: sel.layer, n: sel.n, c: sel.c, t: sel.t } } : app.state);
    },
    /** Sets the state from an import (PyTorch printouts or the page's JSON); `message` says what was read. */
    importState(state, message) {
      replaceState(state, { notice: { kind: 'imported', text: message }, undo: app.state });
    },
  };
  // Read-only instances still select, scroll and open printouts; they just accept no changes.
  if (readOnly) {
    for (const name of Object.keys(actions)) {
      if (!['refresh', 'dismissNotice', 'share', 'setShowAll', 'select'].includes(name)) actions[name] = () => renderAll();
    }
  }

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

  // A generated input of this many values has a text of at least 3 characters a value ("v, "): at least the 4000 the
  // input panel writes only after the frame, so it is generated then too (a function), not on every change.
  const LONG_GENERATED = 1400;
  function inputTextFor(input, seed) {
    const count = Number(input.batched ? input.batch : 1) * Number(input.channels) * Number(input.length);
    if (input.kind === 'text' || !(count > LONG_GENERATED && count <= TEXT_LIMIT)) return currentInputText(input, seed);
    return () => currentInputText(input, seed);
  }

  function focusLater(find) {
    queueMicrotask(() => requestAnimationFrame(() => find()?.focus()));
  }

  // ---- computing -------------------------------------------------------------------------------------
  function compute() {
    if (destroyed) return;
    const id = (app.jobId += 1);
    app.explainId += 1; // a breakdown the worker is still computing explains the state before this one
    const state = app.state;
    if (!useWorker || estimateCost(state) < WORKER_THRESHOLD) {
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
        if (event.data.explainOnly) {
          if (event.data.id === app.explainId && app.result && !app.result.pending) {
            app.result = { ...app.result, explain: event.data.explain };
            ui.explain?.render(app.state, app.result);
          }
          return;
        }
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

  // A new selection: only the breakdown is recomputed, where the layers live (this thread or the worker).
  // `state`: the state with another selection, for a preview.
  function requestExplain(state = app.state) {
    if (destroyed || !app.result || app.result.pending) return;
    if (app.timing.lastMode === 'worker' && app.worker) {
      app.explainId += 1;
      app.worker.postMessage({ id: app.explainId, state, explainOnly: true });
      return;
    }
    app.result = { ...app.result, explain: app.engine.explainOnly(state) };
    ui.explain?.render(app.state, app.result);
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

  // ---- rendering -------------------------------------------------------------------------------------
  /** { url } of a link to the current state, or { problem } (linkQuery's answer) when no link restores it. */
  function shareLink() {
    const page = syncUrl ? new URL(view.location.href) : new URL('index.html', options.pageUrl ?? new URL('../', import.meta.url));
    const link = linkQuery(app.state, `${page.origin}${page.pathname}${page.hash}`);
    if (link.query === null) return { problem: link };
    page.search = link.query;
    return { url: page.href };
  }

  function openJsonExport() {
    ui.exchange.setOpen(true);
    ui.exchange.show('json');
    ui.exchange.el.scrollIntoView?.({ block: 'nearest' });
  }

  function buildShell() {
    const toolbar = new Toolbar(actions, { presets: options.presets !== false });
    const exchange = new ExchangePanel({
      python: () => pythonProgram(app.engine, app.state),
      json: () => stateToJson(app.state),
      importText: (text) => {
        const { state, message } = importText(nn, text, app.state);
        actions.importState(state, message);
      },
      readOnly,
    });
    toolbar.el.lastElementChild.append(exchange.toggle);
    const inputPanel = new InputPanel(actions);
    const offscreen = new Offscreen(view, () => {
      if (destroyed) return;
      ui.explain?.remark();
      options.onRender?.(controller);
    });
    const results = new ResultsView(actions, offscreen, { label: options.label, layerSlot: (i) => app.cards[i]?.paramsSlot });
    const explain = panels.has('breakdown') ? new ExplainPanel(actions, results, { label: options.label }) : null;
    if (explain) results.afterOutput = explain.el;
    if (!syncUrl) results.el.removeAttribute('id'); // the page's skip link targets #results; components have none
    const notice = h('div', { class: 'notice-area', role: 'status', 'aria-live': 'polite' });
    const presetNote = h('p', { class: 'preset-note', hidden: true });
    const layers = h('div', { class: 'layers' });
    const busy = h('div', { class: 'busy-indicator', hidden: true, role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Computing in the background…');
    const controls = h('section', { class: 'controls', 'aria-label': options.label ? `${options.label}: Model` : 'Model' },
      h('h2', { class: 'column-title', text: 'Model' }),
      inputPanel.el, layers,
      h('button', { type: 'button', class: 'button add-layer', onclick: () => actions.addLayer(), text: '+ Add layer' }));
    // An embed with its default panels opens on the convolution: the model's controls unfold on demand.
    if (options.compact && !options.panels?.length) toolbar.el.lastElementChild.append(foldControls(controls));
    const footer = options.compact ? null : h('footer', { class: 'site-footer' }, h('p', null, 'Every number is computed by the same WebAssembly build of the C++ core that the npm package ships, ',
      'initialised exactly like PyTorch 1.13 (', h('code', { text: 'torch.manual_seed' }), ', then the layers in order). Values show as PyTorch prints them (4 decimals); hover a weight for its full value.'));
    root.replaceChildren(toolbar.el, exchange.el, notice, presetNote,
      h('div', { class: 'layout' }, controls, h('div', { class: 'results-column' }, busy, results.el)), footer ?? '');
    for (const name of PANELS) root.classList.toggle(`hide-${name}`, !panels.has(name));
    root.classList.toggle('read-only', readOnly);
    root.classList.toggle('compact', Boolean(options.compact));
    root.classList.toggle('instance', !syncUrl);
    root.setAttribute('aria-busy', 'false');
    return { toolbar, exchange, inputPanel, results, explain, notice, presetNote, layers, busy, offscreen, resultsColumn: results.el };
  }

  function renderNotice() {
    const items = [];
    if (app.notice) {
      items.push(h('div', { class: `notice notice-${app.notice.kind}` },
        h('span', { text: app.notice.text }),
        (app.notice.kind === 'reset' || app.notice.kind === 'imported') && app.undo ? h('button', { type: 'button', class: 'button small', onclick: () => actions.undoReset(), text: 'Undo' }) : null,
        h('button', { type: 'button', class: 'button small ghost', onclick: () => actions.dismissNotice(), text: 'Dismiss' })));
    }
    if (app.linkProblem && syncUrl) {
      items.push(h('div', { class: 'notice notice-link' },
        h('span', { text: `This state is too large for a link (${app.linkProblem.size}; a link holds at most ${LIMITS.linkLength.toLocaleString('en')}), so the address bar still shows the last state that fit. Save this one with the JSON export; Import brings it back.` }),
        h('button', { type: 'button', class: 'button small', onclick: () => openJsonExport(), text: 'Export JSON' })));
    }
    ui.notice.replaceChildren(...items);
    const p = app.state.preset;
    ui.presetNote.hidden = !(p === 2 || p === 3) || options.presets === false;
    ui.presetNote.textContent = p === 2 || p === 3
      ? `Example ${p} sets the weights and bias the tutorial printed (4 decimals) instead of drawing them from the seed — the tutorial printed them after other cells had used the generator. Rounded weights give outputs that match its printout only to a few 1e-4 (its own hand check gets -1.5223 for the printed -1.5224; Example 3's last value is 2.9933 here, 2.9936 there).`
      : '';
  }

  function renderAll(t0 = performance.now()) {
    if (destroyed || !ui) return;
    app.rendering = true;
    try {
      renderInto(t0);
    } finally {
      app.rendering = false;
    }
    if (readOnly) lockControls();
    ui.exchange.refresh();
    options.onRender?.(controller);
  }

  // Read-only: every editing control is disabled (cells become read-only text, still selectable and focusable).
  function lockControls() {
    for (const el of root.querySelectorAll('.controls input, .controls select, .controls textarea, .controls button, .toolbar button:not(.export-toggle):not(.fold-toggle), .toolbar input, .layer-detail-head button')) {
      el.disabled = true;
    }
    for (const el of root.querySelectorAll('.cell-input')) el.readOnly = true;
  }

  function renderInto(t0) {
    const { state, result } = app;
    renderNotice();
    ui.toolbar.update(state, result);
    ui.inputPanel.update(state, result, inputTextFor(state.input, state.seed));
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
      if (!result.pending) ui.explain?.render(state, result);
      ui.rendered = true;
    }
    const ms = performance.now() - t0;
    app.timing.renders += 1;
    app.timing.lastMs = ms;
    if (timingTarget) timingTarget.dataset.renders = String(app.timing.renders);
  }

  function paddingOf(layer) {
    const t = String(layer.padding).trim();
    return /^[+-]?\d+$/.test(t) ? Number(t) : t;
  }

  // ---- start -------------------------------------------------------------------------------------------
  const controller = {
    app,
    root,
    get state() { return cloneState(app.state); },
    get result() { return app.result; },
    get timing() { return app.timing; },
    get busy() { return app.busy; },
    get nn() { return nn; },
    /** Replaces the state (no undo, no notice). */
    setState(state) { replaceState(cloneState(state), { history: false }); },
    /** The Python program reproducing the current state, as the Export panel shows it. */
    toJSON() { return stateToJson(app.state); },
    /** The Python program the Export panel shows (throws when the state has no output). */
    toPython() { return pythonProgram(app.engine, app.state); },
    /** Imports PyTorch printouts or the JSON export, as the Import box does (throws with a message). */
    importText(text) {
      const { state, message } = importText(nn, text, app.state);
      actions.importState(state, message);
      return message;
    },
    /** Re-measures the plots after the instance's width changed. */
    relayout() {
      if (!ui) return;
      ui.plotWidth = null;
      renderAll();
    },
    destroy() {
      destroyed = true;
      ui?.explain?.dispose();
      ui?.offscreen.dispose();
      for (const fn of cleanups) fn();
      app.worker?.terminate();
      app.engine.dispose();
      root.replaceChildren();
    },
  };

  ui = buildShell();
  app.state = options.state ? cloneState(options.state) : defaultState();
  compute();

  // Plots are drawn to the instance's width: re-measure when it changes (a window resize, a layout change
  // around a component). Only width changes matter; the height changes with every render.
  let lastWidth = root.clientWidth;
  let resizeTimer = null;
  const observer = new ResizeObserver(() => {
    const width = root.clientWidth;
    if (width === lastWidth) return;
    lastWidth = width;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => controller.relayout(), 120);
  });
  observer.observe(root);
  cleanups.push(() => { observer.disconnect(); clearTimeout(resizeTimer); });

  // Leaving a field ends its editing session (re-renders that move a focused cell do not count).
  const onFocusOut = () => { if (!app.rendering) app.historyField = null; };
  root.addEventListener('focusout', onFocusOut);
  cleanups.push(() => root.removeEventListener('focusout', onFocusOut));

  if (syncUrl) {
    const onPop = () => {
      pendingUrl = null;
      app.linkProblem = null; // the state comes from a link
      const next = readQueryState(view.location.search);
      replaceState(next.state, {
        history: false,
        notice: next.refused ? { kind: 'refused', text: `The link's state was refused (${next.refused}); showing the default example instead.` } : null,
      });
    };
    view.addEventListener('popstate', onPop);
    cleanups.push(() => view.removeEventListener('popstate', onPop));
  }
  return controller;
}
