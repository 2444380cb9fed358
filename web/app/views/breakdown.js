// The breakdown panel: why one output number is what it is. The formula with the real numbers (views/formula.js),
// the kernel window over the padded input with an animation over output positions (views/strip.js), and the
// receptive field through the stack (views/receptive.js); it also marks what it explains in the results
// (views/select.js). Renders only the selected element, so its cost does not grow with the page.
import { activeOf, h, patchVirtual, uid, v } from '../dom.js';
import { formatValue } from '../../lib/format.js';
import { formulaView, formulaText, idx } from './formula.js';
import { stripView } from './strip.js';
import { receptiveView } from './receptive.js';
import { Highlighter, attachSelection } from './select.js';

const SPEEDS = [0.5, 1, 2, 4];
// Text that is unchanged is not rewritten (a new text node would be laid out again).
const setText = (el, text) => {
  if (el.textContent !== text) el.textContent = text;
};
const STEP_MS = 1100; // one output position per step at 1×

export class ExplainPanel {
  /** actions.select(sel) selects an output element; results: the ResultsView (its element and weight tables). */
  constructor(actions, results, { label = null } = {}) {
    this.actions = actions;
    this.results = results;
    this.expanded = false;
    this.filling = false;
    this.playing = false;
    this.timer = null;
    this.speed = 1;
    this.known = new Map();
    this.knownKey = null;
    this.last = null;
    const view = results.el.ownerDocument.defaultView ?? globalThis;
    this.reduced = view.matchMedia?.('(prefers-reduced-motion: reduce)') ?? { matches: false };
    const titleId = uid('breakdown-title');
    this.title = h('h2', { id: titleId, class: 'region-title', text: 'How this output is computed' });
    this.where = h('span', { class: 'badge' });
    this.live = h('p', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.hint = h('p', { class: 'region-sub' }, 'Select any output value — click it, tap a plot point, or use the arrow keys in an output table — to see its computation.');
    this.formula = h('div', { class: 'formula-area' });
    this.strip = h('div', { class: 'strip-area' });
    this.rf = h('div', { class: 'rf-area' });
    // A persistent checkbox (not part of the redrawn formula) so it keeps focus; native, so keys and taps work.
    const preciseId = uid('precise');
    this.precise = false;
    this.preciseBox = h('input', { type: 'checkbox', id: preciseId, class: 'precise-toggle' });
    this.preciseBox.addEventListener('change', () => {
      this.precise = this.preciseBox.checked;
      this.actions.refresh?.();
    });
    this.preciseControl = h('div', { class: 'check precise-control' }, this.preciseBox,
      h('label', { for: preciseId }, 'full precision — the float32 values PyTorch computes with'));

    // Animation controls: persistent elements (updated in place) so they keep focus while it plays.
    const button = (label, text, onclick) => h('button', { type: 'button', class: 'button small anim-button', 'aria-label': label, title: label, text, onclick });
    this.first = button('First output position', '⇤', () => this.#go(0));
    this.back = button('Back to the previous output position', '◀ Back', () => this.#go(this.last.at.t - 1));
    this.play = button('Play', '▶ Play', () => this.#toggle());
    this.forward = button('Step to the next output position', 'Step ▶', () => this.#go(this.last.at.t + 1));
    const scrubId = uid('scrub');
    this.scrub = h('input', { type: 'range', id: scrubId, min: '0', max: '0', step: '1', value: '0', class: 'scrub' });
    this.scrub.addEventListener('input', () => this.#go(Number(this.scrub.value)));
    const speedId = uid('speed');
    this.speedSelect = h('select', { id: speedId }, SPEEDS.map((v) => h('option', { value: String(v), text: `${v}×`, selected: v === 1 })));
    this.speedSelect.addEventListener('change', () => { this.speed = Number(this.speedSelect.value); });
    this.position = h('span', { class: 'anim-position' });
    this.controls = h('div', { class: 'anim-controls', role: 'group', 'aria-label': 'Animation over output positions' },
      this.first, this.back, this.play, this.forward,
      h('label', { for: scrubId, class: 'scrub-label' }, 'position ', h('code', { text: 't' })), this.scrub, this.position,
      h('label', { for: speedId, class: 'speed-label', text: 'speed' }), this.speedSelect);
    // Keyboard on the strip: ←/→ step, Space plays or pauses, Home/End jump.
    this.strip.addEventListener('keydown', (e) => {
      if (!this.last) return;
      const t = this.last.at.t;
      const keys = { ArrowLeft: t - 1, ArrowRight: t + 1, Home: 0, End: Infinity };
      if (e.key in keys) this.#go(keys[e.key]);
      else if (e.key === ' ') this.#toggle();
      else return;
      e.preventDefault();
    });

    this.body = h('div', { class: 'breakdown-body' }, this.preciseControl, this.formula,
      h('h3', { class: 'breakdown-sub', text: 'The kernel sliding over the padded input' }), this.controls, this.strip,
      h('h3', { class: 'breakdown-sub', text: 'Receptive field through the stack' }), this.rf);
    this.el = h('section', { class: 'region breakdown', ...(label ? { 'aria-label': `${label}: How this output is computed` } : { 'aria-labelledby': titleId }) },
      h('div', { class: 'region-head' }, this.title, this.where), this.hint, this.live, this.body);
    this.offscreen = results.offscreen;
    this.offscreen.track('breakdown', this.el);
    this.highlighter = new Highlighter(results.el);
    attachSelection(results.el, (sel) => {
      this.filling = false;
      this.#stop();
      actions.select(sel);
    });
  }

  #go(t) {
    if (!this.last) return;
    const { at } = this.last;
    const max = this.outLength - 1;
    const next = Math.max(0, Math.min(max, t));
    this.filling = true;
    if (next !== at.t) this.actions.select({ layer: at.layer, n: at.n, c: at.c, t: next });
    else this.#controlsState();
  }

  #toggle() {
    if (this.playing) this.#stop();
    else this.#start();
  }

  #start() {
    if (!this.last) return;
    this.playing = true;
    this.filling = true;
    if (this.last.at.t >= this.outLength - 1) this.actions.select({ ...this.#sel(), t: 0 });
    this.#schedule();
    this.#controlsState();
  }

  #stop() {
    this.playing = false;
    clearTimeout(this.timer);
    this.timer = null;
    if (this.last) this.#controlsState();
  }

  #schedule() {
    clearTimeout(this.timer);
    // Reduced motion: the window still moves when asked to play, but never faster than one step per 2 s.
    const ms = Math.max(this.reduced.matches ? 2000 : 120, STEP_MS / this.speed);
    this.timer = setTimeout(() => {
      if (!this.playing || !this.last) return;
      if (this.last.at.t >= this.outLength - 1) {
        this.#stop();
        return;
      }
      this.actions.select({ ...this.#sel(), t: this.last.at.t + 1 });
      this.#schedule();
    }, ms);
  }

  #sel() {
    const { at } = this.last;
    return { layer: at.layer, n: at.n, c: at.c, t: at.t };
  }

  #controlsState() {
    const t = this.last.at.t;
    const max = this.outLength - 1;
    this.play.textContent = this.playing ? '⏸ Pause' : '▶ Play';
    this.play.setAttribute('aria-label', this.playing ? 'Pause' : 'Play');
    this.play.title = this.playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-pressed', String(this.playing));
    this.first.disabled = t <= 0;
    this.back.disabled = t <= 0;
    this.forward.disabled = t >= max;
    this.scrub.max = String(max);
    if (this.scrub.value !== String(t)) this.scrub.value = String(t);
    this.scrub.setAttribute('aria-valuetext', `t = ${t} of ${max}`);
    this.position.textContent = `${t} / ${max}`;
  }

  /** Renders the breakdown of result.explain (cheap when nothing changed) and marks the results. */
  render(state, result) {
    const ex = result?.explain ?? null;
    const k = ex?.at?.layer;
    const info = k === undefined ? null : result.layers[k];
    const input = k === undefined ? null : k === 0 ? result.input : result.layers[k - 1]?.output;
    if (!ex || ex.error || !info?.output || !input || !info.plan) {
      this.last = null;
      this.#stop();
      this.offscreen.cancel('breakdown', 'build');
      this.body.hidden = true;
      this.where.textContent = '';
      this.hint.textContent = ex?.error ? `No breakdown: ${ex.error}` : 'Select any output value to see its computation once the stack computes an output.';
      this.highlighter.clear();
      return;
    }
    this.body.hidden = false;
    const key = [ex, info.output.data, input.data, this.expanded, this.precise, this.filling, state.layers.length];
    const same = this.lastKey && key.every((d, i) => d === this.lastKey[i]);
    this.last = ex;
    this.outLength = info.plan.outLength;
    if (!same) {
      this.offscreen.run('breakdown', 'build', () => {
        this.lastKey = key;
        this.#build(state, result, ex, info, input);
      });
    }
    this.#controlsState();
    this.lastInfo = info;
    this.remark();
  }

  /** Marks what the breakdown explains in the results (again after off-screen regions were redrawn). */
  remark() {
    if (!this.last) return;
    const ex = this.last;
    const info = this.lastInfo;
    const tables = this.results.weightTables?.[ex.at.layer];
    this.highlighter.apply(ex, {
      weightCells: (index) => tables?.weight.cells.get(index),
      heatmap: tables?.heatmap,
      inner: info.weight.shape[1],
      kernel: info.weight.shape[2],
    });
  }

  #build(state, result, ex, info, input) {
    const { at } = ex;
    const o = info.options; // the layer's arguments as the engine read them
    const mode = o.padding_mode;
    const stack = state.layers.length > 1;
    setText(this.where, `${stack ? `Layer ${at.layer + 1} · ` : ''}out[${idx(at.batched, at.n, at.c, at.t)}]${at.implicit ? ' · first element' : ''}`);
    setText(this.hint, at.implicit
      ? 'Showing the first output element. Select any output value — click it, tap a plot point, or use the arrow keys in an output table — to explain it instead.'
      : 'Click another output value, tap a plot point, or use the arrow keys in an output table to explain it.');
    const outShape = info.output.shape;
    const C = outShape.length === 3 ? outShape[1] : outShape[0];
    const L = outShape[outShape.length - 1];
    const shown = formatValue(info.output.data[((at.batched ? at.n * C : 0) + at.c) * L + at.t]);
    const who = stack
      ? [`x is the input of Layer ${at.layer + 1}${at.layer > 0 ? ` (Layer ${at.layer}'s output)` : ' (the page\'s input)'}; w and b are Layer ${at.layer + 1}'s weight and bias.`]
      : ['x is the input, w the weight and b the bias.'];
    const group = o.groups > 1 ? ` groups=${o.groups}: output channel ${at.c} belongs to group ${ex.group} and reads ${info.weight.shape[1] === 1 ? `input channel ${ex.firstInChannel}` : `input channels ${ex.firstInChannel}…${ex.firstInChannel + info.weight.shape[1] - 1}`} only.` : '';
    // Formula, strip and receptive field are virtual nodes diffed against the previous breakdown's: the next one
    // differs mostly in its numbers, so only those reach the page (new subtrees, ~700 nodes, would be styled and
    // laid out from scratch; building real nodes to compare would cost as much as the rest of the re-render).
    patchVirtual(this.formula, [
      formulaView(ex, { mode, expanded: this.expanded, onExpand: () => { this.expanded = true; this.actions.refresh?.(); }, shownValue: shown,
        precise: this.precise }),
      v('p', { class: 'formula-note' }, `${who}${group} Each term is a weight times the value under that tap of the kernel; `,
        v('span', { class: 'pad-swatch', 'aria-hidden': 'true' }), ' marks padding. Under each term: its product. The core computes every term and the sum, as PyTorch does.')]);
    const live = ex.termCount <= 12 ? formulaText(ex, mode).symbols
      : `out[${idx(at.batched, at.n, at.c, at.t)}] = ${formatValue(ex.value)}: ${ex.termCount} terms over ${ex.channelCount} input channels${ex.bias !== null ? ' plus the bias' : ''}.`;
    setText(this.live, live);
    // Padded cells met so far (their value and origin), remembered while the layer's input is unchanged.
    const knownKey = `${at.layer},${at.n}`;
    if (this.knownKey !== knownKey || this.knownData !== input.data) {
      this.known = new Map();
      this.knownKey = knownKey;
      this.knownData = input.data;
    }
    for (const term of ex.terms) if (term.padded) this.known.set(`${term.inChannel}:${term.paddedPosition}`, term);
    const args = { stride: o.stride, dilation: o.dilation, kernel: o.kernel_size, mode };
    const scroller = this.strip.querySelector('.strip-scroll');
    const hadFocus = scroller && scroller === activeOf(scroller);
    patchVirtual(this.strip, [stripView({ ex, input, output: info.output, plan: info.plan, args, known: this.known, filling: this.filling })]);
    if (hadFocus) this.strip.querySelector('.strip-scroll')?.focus({ preventScroll: true });
    // Keep the selected output (under its window's centre) in view when the strip is wider than the panel.
    // Measured after the frame is painted and only when the strip is on screen (off screen it skips layout:
    // content-visibility).
    requestAnimationFrame(() => setTimeout(() => {
      const sc = this.strip.querySelector('.strip-scroll');
      const cell = sc?.querySelector('td.out.current');
      if (!sc || !cell) return;
      const box = this.strip.getBoundingClientRect();
      const view = this.strip.ownerDocument.defaultView;
      if (box.bottom < 0 || box.top > view.innerHeight || sc.scrollWidth <= sc.clientWidth) return;
      sc.scrollLeft = Math.max(0, cell.offsetLeft + cell.offsetWidth / 2 - sc.clientWidth / 2);
    }, 0));
    const inLen = result.input.shape[result.input.shape.length - 1];
    patchVirtual(this.rf, [receptiveView({ ex, layers: result.layers.map((l) => l.options), inputLength: inLen })]);
  }

  dispose() {
    this.#stop();
  }
}
