// The DOM of one playground instance: builds the shell of views once and renders snapshots into it. It holds no
// state of its own beyond what views need to update in place (the layer cards, the measured plot width); every
// number comes from the snapshot ({ state, result, busy, notice, canUndo, linkProblem, pasteErrors, inputText })
// and every change goes out through `actions`.
import { h } from './dom.js';
import { LIMITS, linkQuery } from './state.js';
import { generatedCount, TEXT_LIMIT } from './session.js';
import { sizesOf } from './explain.js';
import { foldControls, InputPanel, LayerCard, Toolbar } from './views/controls.js';
import { ResultsView } from './views/results.js';
import { ExplainPanel } from './views/breakdown.js';
import { PANELS } from './options.js';
import { ExchangePanel } from './views/exchange.js';
import { CodePanel } from './views/code.js';
import { Offscreen } from './offscreen.js';

// A generated input of this many values has a text of at least 3 characters a value ("v, "): at least the 4000 the
// input panel writes only after the frame, so it is generated then too (a function), not on every change.
const LONG_GENERATED = 1400;

const EXAMPLE_NOTE = (p) => `Example ${p} sets the weights and bias the tutorial printed (4 decimals) instead of drawing them from the seed — the tutorial printed them after other cells had used the generator. Rounded weights give outputs that match its printout only to a few 1e-4 (its own hand check gets -1.5223 for the printed -1.5224; Example 3's last value is 2.9933 here, 2.9936 there).`;

export class Page {
  /**
   * root: the element to fill; actions: the instance's actions (views call them); exchange: { python, json,
   * importText } for the Export/Import panel; code: { program, importProgram } for the Code view; options: mountPlayground's (panels, readOnly, presets, label, compact,
   * url); onDrained(): off-screen regions caught up; timing: the instance's timing record (renders, lastMs).
   */
  constructor(root, { actions, exchange, code, options, onDrained, timing }) {
    this.root = root;
    this.view = root.ownerDocument.defaultView ?? globalThis;
    this.actions = actions;
    this.options = options;
    this.panels = new Set(options.panels?.length ? options.panels : PANELS);
    this.readOnly = Boolean(options.readOnly);
    this.timing = timing;
    this.cards = [];
    this.structureKey = null;
    this.rendering = false;
    this.rendered = false;
    this.plotWidth = null;
    this.#build(exchange, code, onDrained);
  }

  #build(exchange, code, onDrained) {
    const { actions, options, root, panels } = this;
    const toolbar = new Toolbar(actions, { presets: options.presets !== false });
    const exchangePanel = new ExchangePanel({ ...exchange, readOnly: this.readOnly });
    toolbar.el.lastElementChild.append(exchangePanel.toggle);
    // The Code view runs programs that change the state: a read-only instance has none.
    const codePanel = panels.has('code') && !this.readOnly ? new CodePanel(code) : null;
    if (codePanel) toolbar.el.lastElementChild.append(codePanel.toggle);
    const inputPanel = new InputPanel(actions);
    const offscreen = new Offscreen(this.view, onDrained);
    const results = new ResultsView(actions, offscreen, { label: options.label, layerSlot: (i) => this.cards[i]?.paramsSlot });
    const explain = panels.has('breakdown') ? new ExplainPanel(actions, results, { label: options.label }) : null;
    if (explain) results.afterOutput = explain.el;
    if (!options.url) results.el.removeAttribute('id'); // the page's skip link targets #results; components have none
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
    root.replaceChildren(toolbar.el, exchangePanel.el, codePanel?.el ?? '', notice, presetNote,
      h('div', { class: 'layout' }, controls, h('div', { class: 'results-column' }, busy, results.el)), footer ?? '');
    for (const name of PANELS) root.classList.toggle(`hide-${name}`, !panels.has(name));
    root.classList.toggle('read-only', this.readOnly);
    root.classList.toggle('compact', Boolean(options.compact));
    root.classList.toggle('instance', !options.url);
    root.setAttribute('aria-busy', 'false');
    // Without the toolbar (an embed's choice of panels) nothing could open it.
    if (codePanel && !panels.has('toolbar')) codePanel.setOpen(true);
    Object.assign(this, { toolbar, exchange: exchangePanel, code: codePanel, inputPanel, results, explain, notice, presetNote, layers, busy, offscreen });
  }

  /** True while regions below the fold still wait for the last change (see offscreen.js). */
  get pending() {
    return this.offscreen.pending;
  }

  /** Renders a snapshot; t0: when the change began (performance.now()), for timing.lastMs. */
  render(snapshot, t0 = this.view.performance.now()) {
    this.rendering = true;
    try {
      this.#renderInto(snapshot, t0);
    } finally {
      this.rendering = false;
    }
    if (this.readOnly) this.#lockControls();
    this.exchange.refresh();
    this.code?.refresh();
  }

  /** Renders a new breakdown only (the selection changed). */
  renderExplain(snapshot) {
    this.explain?.render(snapshot.state, snapshot.result);
  }

  renderNotice({ state, notice, canUndo, linkProblem }) {
    this.#renderNoticeArea(notice, canUndo, linkProblem);
    const p = state.preset;
    const example = p === 2 || p === 3;
    this.presetNote.hidden = !example || this.options.presets === false;
    const note = example ? EXAMPLE_NOTE(p) : '';
    if (this.presetNote.textContent !== note) this.presetNote.textContent = note;
  }

  // The notice area is a live region: rewritten only when what it says changed, so a notice is announced once, not
  // after every key typed while it shows.
  #renderNoticeArea(notice, canUndo, linkProblem) {
    const said = this.noticeSaid;
    if (said && said.notice === notice && said.canUndo === canUndo && said.linkProblem === linkProblem) return;
    this.noticeSaid = { notice, canUndo, linkProblem };
    const items = [];
    if (notice) {
      items.push(h('div', { class: `notice notice-${notice.kind}` },
        h('span', { text: notice.text }),
        (notice.kind === 'reset' || notice.kind === 'imported') && canUndo ? h('button', { type: 'button', class: 'button small', onclick: () => this.actions.undoReset(), text: 'Undo' }) : null,
        h('button', { type: 'button', class: 'button small ghost', onclick: () => this.actions.dismissNotice(), text: 'Dismiss' })));
    }
    if (linkProblem) {
      items.push(h('div', { class: 'notice notice-link' },
        h('span', { text: `This state is too large for a link (${linkProblem.size}; a link holds at most ${LIMITS.linkLength.toLocaleString('en')}), so the address bar still shows the last state that fit. Save this one with the JSON export; Import brings it back.` }),
        h('button', { type: 'button', class: 'button small', onclick: () => this.openJsonExport(), text: 'Export JSON' })));
    }
    this.notice.replaceChildren(...items);
  }

  /** Copies a link to `state` and says so in `status` (or why there is none). */
  async share(status, state) {
    const { url, problem } = this.#link(state);
    if (problem) {
      status.textContent = `No link: ${problem.message}.${problem.tooLong ? ' Save it with Export → JSON.' : ''}`;
    } else {
      try {
        await this.view.navigator.clipboard.writeText(url);
        status.textContent = 'Link copied';
      } catch {
        status.textContent = this.options.url ? 'Copy the address bar to share' : url;
      }
    }
    this.view.setTimeout(() => { status.textContent = ''; }, 2500);
  }

  /** { url } of a link to `state`, or { problem } (linkQuery's answer) when no link restores it. The page links to
   * its own address; an instance to options.pageUrl (default: the package's web/index.html). */
  #link(state) {
    const at = this.options.url ? new URL(this.view.location.href)
      : new URL('index.html', this.options.pageUrl ?? new URL('../', import.meta.url));
    const link = linkQuery(state, `${at.origin}${at.pathname}${at.hash}`);
    if (link.query === null) return { problem: link };
    at.search = link.query;
    return { url: at.href };
  }

  openJsonExport() {
    this.exchange.setOpen(true);
    this.exchange.show('json');
    this.exchange.el.scrollIntoView?.({ block: 'nearest' });
  }

  /** Focuses what `find(cards)` returns once the next frame has rendered it. */
  focusLater(find) {
    queueMicrotask(() => this.view.requestAnimationFrame(() => find(this.cards)?.focus()));
  }

  /** The plots are measured again at the next render (the instance's width changed). */
  relayout() {
    this.plotWidth = null;
  }

  dispose() {
    this.explain?.dispose();
    this.offscreen.dispose();
    this.root.replaceChildren();
  }

  // Read-only: every editing control is disabled (cells become read-only text, still selectable and focusable).
  #lockControls() {
    for (const el of this.root.querySelectorAll('.controls input, .controls select, .controls textarea, .controls button, .toolbar button:not(.export-toggle):not(.fold-toggle), .toolbar input, .layer-detail-head button')) {
      el.disabled = true;
    }
    for (const el of this.root.querySelectorAll('.cell-input')) el.readOnly = true;
  }

  #inputText(snapshot) {
    const input = snapshot.state.input;
    const count = generatedCount(input);
    if (input.kind === 'text' || !(count > LONG_GENERATED && count <= TEXT_LIMIT)) return snapshot.inputText();
    return () => snapshot.inputText();
  }

  #renderInto(snapshot, t0) {
    const { state, result, busy } = snapshot;
    this.renderNotice(snapshot);
    this.toolbar.update(state, result);
    this.inputPanel.update(state, result, this.#inputText(snapshot));
    const key = state.layers.length;
    if (this.structureKey !== key || this.cards.length !== state.layers.length) {
      this.cards = state.layers.map((_, i) => new LayerCard(i, state.layers.length, this.actions));
      this.layers.replaceChildren(...this.cards.map((c) => c.el));
      this.structureKey = key;
    }
    const channelsOf = (shape) => (shape ? sizesOf(shape).c : null);
    let inShape = result.input?.shape ?? null;
    state.layers.forEach((layer, i) => {
      const info = result.layers[i];
      const incoming = i === 0 ? channelsOf(result.input?.shape) : channelsOf(result.layers[i - 1]?.output?.shape);
      const next = result.layers[i + 1];
      const nextMismatch = next?.runError?.field === 'in_channels' && info?.output
        ? { next: i + 1, channels: channelsOf(info.output.shape) } : null;
      this.cards[i].update(layer, info, { inShape: inShape ?? [], incomingChannels: incoming, nextMismatch });
      inShape = info?.output?.shape ?? null;
    });
    this.busy.hidden = !busy;
    if (!busy || !this.rendered || result.pending) {
      // Reading the column's width forces a layout, so it is measured once and again only on resize.
      this.plotWidth ??= Math.min(760, Math.max(260, this.results.el.clientWidth - 34));
      this.results.render(state, result, { width: this.plotWidth, busy, pasteErrors: snapshot.pasteErrors });
      if (!result.pending) this.explain?.render(state, result);
      this.rendered = true;
    }
    this.timing.renders += 1;
    this.timing.lastMs = this.view.performance.now() - t0;
  }
}
