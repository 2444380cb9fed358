// One playground instance, wired: state → session → engine (scheduler) → snapshot → page, plus the URL sync for
// the page. The page (main.js), its ?embed=1 mode and the <conv1d-playground> element all call mountPlayground(),
// so every instance owns its session, worker, timers and listeners: several live on one page without sharing
// anything but the WebAssembly module. Only an instance created with `url: true` touches history.
import { load } from '../lib/index.js';
import { cloneState, defaultState, stateToQuery } from './state.js';
import { ACTION_NAMES, READ_ONLY_ACTIONS, Session } from './session.js';
import { pendingResult, Scheduler } from './scheduler.js';
import { refusedNotice, UrlSync } from './url-sync.js';
import { Page } from './page.js';
import { TrainPanel } from './views/train.js';
import { importedProgram, importText, pythonProgram, stateToJson } from './exchange.js';

export { readQueryState } from './url-sync.js';

// A worker must come from the page's own origin; a component served from a CDN computes on the main thread.
function canUseWorker() {
  try {
    return typeof Worker !== 'undefined' && new URL('./worker.js', import.meta.url).origin === globalThis.location?.origin;
  } catch {
    return false;
  }
}

// After these actions the keyboard focus follows the layer card that moved or appeared.
const FOCUS_AFTER = {
  addLayer: () => (cards) => cards[cards.length - 1]?.fields.in_channels.input,
  removeLayer: (i) => (cards) => cards[Math.min(i, cards.length - 1)]?.el.querySelector('input'),
  duplicateLayer: (i) => (cards) => cards[i + 1]?.el.querySelector('input'),
  moveLayer: (i, delta) => (cards) => cards[i + delta]?.el
    .querySelector(delta < 0 ? '[aria-label^="Move layer"][aria-label$="up"]' : '[aria-label$="down"]'),
};

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
 *   pageUrl    the hosted playground "Copy link" points to (default: the package's web/index.html)
 *   worker     false computes every state on the main thread (default: heavy ones in a worker when allowed)
 *   onRender   called after every render with the controller (e.g. to report the height)
 *   onChange   called with the new state after every change a person makes
 *   timingTarget element whose dataset receives `renders` (the page uses <html>; tests wait on it)
 *   train      show the Train panel (views/train.js), which writes its run and trained weights into the state
 */
export async function mountPlayground(root, options = {}) {
  const nn = await load();
  const view = root.ownerDocument.defaultView ?? globalThis;
  const useWorker = options.worker ?? canUseWorker();
  const timing = { renders: 0, lastMs: 0, lastComputeMs: 0, lastMode: 'sync' };
  let destroyed = false;

  const session = new Session(options.state ? cloneState(options.state) : defaultState(), {
    notice: options.notice ? { kind: 'refused', text: options.notice } : null,
    readOnly: Boolean(options.readOnly),
  });
  const snapshot = () => ({
    state: session.state,
    result: session.result,
    busy: scheduler.busy,
    notice: session.notice,
    canUndo: Boolean(session.undo),
    linkProblem: urlSync?.linkProblem ?? null,
    pasteErrors: session.pasteErrors,
    inputText: () => session.inputText(),
  });

  const scheduler = new Scheduler({
    nn,
    createWorker: useWorker ? () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }) : null,
    onResult(result, { mode, computeMs }) {
      if (destroyed) return;
      // A change computed here is timed from before its computation (timing.lastMs: the whole change).
      const t0 = view.performance.now() - (mode === 'sync' ? computeMs : 0);
      timing.lastMode = mode;
      timing.lastComputeMs = computeMs;
      session.setResult(result);
      render(t0);
    },
    onExplain(explain) {
      if (destroyed || !session.result || session.result.pending) return;
      session.setResult({ ...session.result, explain });
      page.renderExplain(snapshot());
    },
  });

  function compute() {
    if (destroyed) return;
    const state = session.state;
    scheduler.run(state);
    if (!scheduler.busy) return; // computed here: onResult has rendered it
    const shown = session.result;
    if (!shown || shown.pending || shown.layers.length !== state.layers.length) session.setResult(pendingResult(state));
    render();
  }

  function render(t0) {
    if (destroyed) return;
    page.render(snapshot(), t0);
    train?.render(session.state);
    if (options.timingTarget) options.timingTarget.dataset.renders = String(timing.renders);
    options.onRender?.(controller);
  }

  /** Carries out what an action returned (see Session.act). */
  function follow(effect) {
    if (!effect) return;
    if (effect.kind === 'render') {
      render();
      return;
    }
    if (effect.push !== null) {
      options.onChange?.(session.state);
      urlSync?.write(effect.push);
    }
    if (effect.kind === 'explain') {
      if (session.result && !session.result.pending) scheduler.explain(session.state);
      return;
    }
    if (effect.structural) page.structureKey = null;
    compute();
  }

  const act = (name, ...args) => follow(session.act(name, ...args));
  const actions = {};
  for (const name of ACTION_NAMES) {
    actions[name] = (...args) => {
      act(name, ...args);
      const focus = FOCUS_AFTER[name];
      if (focus && (!session.readOnly || READ_ONLY_ACTIONS.includes(name))) page.focusLater(focus(...args));
    };
  }
  actions.refresh = () => render();
  /** Shows the breakdown of `sel` without selecting it (a hover preview); null: the selection's again. */
  actions.preview = (sel) => {
    if (!session.result || session.result.pending) return;
    scheduler.explain(sel ? { ...session.state, sel: { layer: sel.layer, n: sel.n, c: sel.c, t: sel.t } } : session.state);
  };
  actions.share = (status) => page.share(status, session.state);

  function importFrom(text) {
    const { state, message } = importText(nn, text, session.state);
    actions.importState(state, message);
    return message;
  }

  // A run that leaves the state as it is (the same program run again) changes nothing, so Undo still goes back
  // to the state before the first run. Returns whether the state changed.
  function importProgram(parsed) {
    const { state, message } = importedProgram(nn, parsed, session.state);
    if (stateToQuery(state) === stateToQuery(session.state)) return false;
    actions.importState(state, message);
    return true;
  }

  const page = new Page(root, {
    actions,
    options,
    timing,
    // Export is computed when shown, where the layers live (it reuses their last run: no second forward).
    exchange: {
      python: () => scheduler.python(session.state), json: () => stateToJson(session.state), importText: importFrom,
    },
    // The Code view runs what it shows, so its program has no round-trip tail (its printing options are not in the
    // Python subset, and the run itself brings the state back).
    code: { program: () => scheduler.python(session.state, { roundTrip: false }), importProgram },
    onDrained: () => {
      if (destroyed) return;
      page.explain?.remark();
      options.onRender?.(controller);
    },
  });

  // The Train panel's whole seam: it hands back its run and the trained weights (session.applyTraining).
  const train = options.train ? new TrainPanel(nn, {
    apply: (run, edits, { followUp = false } = {}) => actions.applyTraining(run, edits, followUp),
  }, { label: options.label, view }) : null;
  if (train) root.insertBefore(train.el, root.querySelector(':scope > .site-footer'));

  const urlSync = options.url ? new UrlSync(view, {
    state: () => session.state,
    onNothingWritten: () => session.endField(),
    onLinkProblem: () => page.renderNotice(snapshot()),
    onNavigate: ({ state, refused }) => follow(session.replace(state, {
      history: false,
      notice: refused ? { kind: 'refused', text: refusedNotice(refused) } : null,
    })),
  }) : null;

  const controller = Object.freeze({
    root,
    get state() { return cloneState(session.state); },
    get result() { return session.result; },
    get timing() { return timing; },
    get busy() { return scheduler.busy; },
    /** True while regions below the fold, or the address bar, still wait for the last change. */
    get pending() { return page.pending || Boolean(urlSync?.writing); },
    get nn() { return nn; },
    /** The changes a person can make (the controls call these); read-only instances accept only a few. */
    actions: Object.freeze({ ...actions }),
    /** What the notice area says: { notice, canUndo, linkProblem, pasteErrors } as plain data. */
    get notices() {
      return {
        notice: session.notice ? { ...session.notice } : null,
        canUndo: Boolean(session.undo),
        linkProblem: urlSync?.linkProblem ? urlSync.linkProblem.message : null,
        pasteErrors: Object.fromEntries(session.pasteErrors),
      };
    },
    /** Replaces the state (no undo, no notice). */
    setState(state) { follow(session.replace(cloneState(state), { history: false })); },
    toJSON() { return stateToJson(session.state); },
    /** The Python program the Export panel shows (throws when the state has no output). */
    toPython() { return pythonProgram(scheduler.engine, session.state); },
    /** Imports PyTorch printouts or the JSON export, as the Import box does (throws with a message). */
    importText: importFrom,
    /** Re-measures the plots after the instance's width changed. */
    relayout() {
      page.relayout();
      render();
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      clearTimeout(resizeTimer);
      root.removeEventListener('focusout', onFocusOut);
      urlSync?.dispose();
      scheduler.dispose();
      train?.dispose();
      page.dispose();
    },
  });

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
  // Leaving a field ends its editing session (re-renders that move a focused cell do not count).
  const onFocusOut = () => { if (!page.rendering) session.endField(); };
  root.addEventListener('focusout', onFocusOut);

  compute();
  return controller;
}
