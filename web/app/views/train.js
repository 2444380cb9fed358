// The Train panel: pick a target, a loss and an optimizer, then Step or Play and watch the loss fall, the kernel
// move toward the target's, the output approach the target and each weight's gradient; select a weight to read
// its gradient term by term (Conv1d.explainGrad), in the forward breakdown's visual language. No math here: the
// session (web/app/train/session.js) trains through the package.
//
// The seam with the page: new TrainPanel(nn, host, options), where host.apply(train, edits, { followUp }) writes the
// run ({ target, loss, optimizer, lr, steps, targetText, base }) into the page's state and the layers' weight and bias
// edits (so the rest of the page shows the trained kernel and the link holds the run); the page calls
// render(state) after every render of its own. options.scheduler: { schedule(fn), cancel(handle) } for Play
// (default: requestAnimationFrame), so tests can advance time by hand.
import { h, s } from '../dom.js';
import { formatValue } from '../../lib/format.js';
import { DEFAULT_SETTINGS, TrainSession, modelKey, runBase } from '../train/session.js';
import { estimateCost } from '../model.js';
import { LOSSES, OPTIMIZERS, TARGETS } from '../train/targets.js';
import { Player, SPEEDS } from '../train/player.js';
import { LinePlot, PALETTE } from './plot.js';
import { weightRgb } from './heatmap.js';
import { float32Text } from './formula.js';
import { trainingProgram } from '../train/python.js';

// Terms the gradient breakdown writes before summarising the rest ("… 40 more terms …").
const SHOWN_TERMS = 12;
// Training runs on the main thread: a model whose forward pass the page would hand to its worker (mount.js's
// WORKER_THRESHOLD, in estimateCost's multiply-adds) is not trained, so that the page never freezes.
const TRAIN_COST_LIMIT = 3_000_000;
// Cells of a layer's gradient heatmap that get a button each; a larger weight is summarised.
const MAX_CELLS = 256;
const CURVE = { width: 560, height: 160, left: 76, right: 12, top: 10, bottom: 24 };
const MINUS = '\u2212';
const signedText = (text) => text.replace(/^-/, MINUS);

/** The largest |value| of `values` that is finite, or `floor` (a loop: a spread of a million values overflows the stack). */
function largestMagnitude(values, floor) {
  let max = floor;
  for (const v of values) if (Math.abs(v) > max && Number.isFinite(v)) max = Math.abs(v);
  return max;
}

const frameScheduler = (view) => ({
  schedule: (fn) => view.requestAnimationFrame(fn),
  cancel: (handle) => view.cancelAnimationFrame(handle),
});

function select(label, choices, value, onchange) {
  const control = h('select', { 'aria-label': label, onchange: (e) => onchange(e.target.value) },
    Object.entries(choices).map(([id, text]) => h('option', { value: id, text, selected: id === value })));
  return { control, el: h('label', { class: 'train-field' }, h('span', { text: label }), control) };
}

export class TrainPanel {
  constructor(nn, host, { label = null, scheduler = null, view = globalThis } = {}) {
    this.nn = nn;
    this.host = host;
    this.session = null;
    this.sessionKey = null;
    this.pageState = null;
    this.settings = { ...DEFAULT_SETTINGS };
    this.selected = { layer: 0, kind: 'weight', index: [0, 0, 0] };
    this.logScale = true;
    this.blocked = null;
    this.player = new Player(null, scheduler ?? frameScheduler(view), () => this.#afterSteps());
    this.#build(label);
  }

  #build(label) {
    const title = h('h2', { class: 'column-title', text: 'Train' });
    this.target = select('Target', TARGETS, this.settings.target, (v) => this.#configure({ target: v }));
    this.loss = select('Loss', LOSSES, this.settings.loss, (v) => this.#configure({ loss: v }));
    this.optimizer = select('Optimizer', OPTIMIZERS, this.settings.optimizer, (v) => this.#configure({ optimizer: v }));
    this.lr = h('input', { type: 'number', min: '0', step: 'any', inputmode: 'decimal', value: String(this.settings.lr), 'aria-label': 'Learning rate',
      onchange: (e) => {
        const lr = Number(e.target.value);
        if (lr > 0 && Number.isFinite(lr)) this.#configure({ lr });
        else this.#showError('The learning rate must be a positive number.');
      } });
    this.targetText = h('textarea', { rows: 2, spellcheck: 'false', placeholder: '[[[0.5, 1.0, 1.5]]]', 'aria-label': 'Target tensor',
      onchange: (e) => this.#configure({ targetText: e.target.value }) });
    this.targetBox = h('label', { class: 'train-field train-target-text', hidden: true },
      h('span', { 'aria-hidden': 'true', text: 'Target tensor (the model\'s output shape, on the page\'s input)' }), this.targetText);
    this.stepButton = h('button', { type: 'button', class: 'button', text: 'Step', onclick: () => this.#step() });
    this.playButton = h('button', { type: 'button', class: 'button primary', text: 'Play', 'aria-pressed': 'false',
      onclick: () => this.#togglePlay() });
    this.speed = select('Speed', Object.fromEntries(SPEEDS.map((n) => [String(n), `${n} step${n > 1 ? 's' : ''} a frame`])),
      '1', (v) => { this.player.speed = Number(v); });
    this.resetButton = h('button', { type: 'button', class: 'button', text: 'Reset', onclick: () => this.#reset() });
    this.counter = h('span', { class: 'train-counter', text: 'Step 0' });
    this.lossReadout = h('span', { class: 'train-loss', text: '' });
    // Announced after Step, Pause and Reset, not on every frame of Play (a screen reader cannot keep up).
    this.live = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    this.error = h('p', { class: 'field-error train-error', role: 'alert', hidden: true });
    this.logToggle = h('input', { type: 'checkbox', checked: this.logScale,
      onchange: (e) => { this.logScale = e.target.checked; this.#drawCurve(); } });
    this.curve = s('svg', { viewBox: `0 0 ${CURVE.width} ${CURVE.height}`, class: 'train-plot train-curve', role: 'img',
      'aria-label': 'Loss by step' });
    this.kernels = h('div', { class: 'train-kernels' });
    this.outputPlot = null;
    this.outputFigure = h('div', { class: 'train-output' });
    this.heatmaps = h('div', { class: 'train-heatmaps' });
    this.breakdown = h('div', { class: 'train-breakdown', 'aria-live': 'off' });
    this.exportCode = h('code');
    this.exportBox = h('details', { class: 'train-export', ontoggle: () => this.#drawExport() },
      h('summary', { text: 'Export the training loop to PyTorch' }),
      h('p', { class: 'train-note', text: 'Run it with PyTorch 1.13: it starts from the same weights and data and prints the same losses, step by step.' }),
      h('pre', { class: 'train-program' }, this.exportCode));
    const figure = (name, ...children) => h('section', { class: 'train-figure' }, h('h3', { class: 'train-figure-title', text: name }), ...children);
    this.el = h('section', { class: 'train-panel', 'aria-label': label ? `${label}: Train` : 'Train' },
      title,
      h('p', { class: 'train-intro', text: 'Train the layers above toward a target with PyTorch\'s loss and optimizer. Every step runs forward, backward and the update in the same core; the rest of the page shows the trained weights.' }),
      h('div', { class: 'train-settings' }, this.target.el, this.loss.el, this.optimizer.el,
        h('label', { class: 'train-field' }, h('span', { text: 'Learning rate' }), this.lr), this.targetBox),
      h('div', { class: 'train-buttons' }, this.stepButton, this.playButton, this.speed.el, this.resetButton,
        h('span', { class: 'train-status' }, this.counter, this.lossReadout)),
      this.live, this.error,
      h('div', { class: 'train-figures' },
        figure('Loss', h('label', { class: 'train-log' }, this.logToggle, ' log scale'), this.curve),
        figure('Kernel and target', this.kernels),
        figure('Output and target', this.outputFigure),
        figure('Gradient of each weight (select one)', this.heatmaps)),
      h('section', { class: 'train-figure train-why' }, h('h3', { class: 'train-figure-title', text: 'Why this gradient' }), this.breakdown),
      this.exportBox);
  }

  /**
   * Follows the page's state. The page's re-render after apply() only redraws; a run the panel did not write (a
   * link, back/forward) is replayed from where it started; a model changed under the panel's run restarts it, from
   * the new model's own start (the seed's weights, or its example's).
   */
  render(state) {
    this.pageState = state;
    const train = state.train ?? null;
    const key = modelKey(state);
    const trainText = JSON.stringify(train);
    if (this.session && key === this.sessionKey && trainText === this.appliedText) {
      this.#draw();
      return;
    }
    const restart = Boolean(this.session) && trainText === this.appliedText;
    this.player.pause();
    this.blocked = estimateCost(state) > TRAIN_COST_LIMIT
      ? 'This model is too large to train in the page (training runs on the main thread). Shorten the input or the layers.' : null;
    if (this.blocked) {
      this.session?.dispose();
      this.session = null;
      this.sessionKey = null;
      this.player.session = null;
      this.#draw();
      return;
    }
    if (train) {
      const { target, loss, optimizer, lr, targetText } = train;
      this.settings = { ...DEFAULT_SETTINGS, target, loss, optimizer, lr, targetText };
    }
    const runState = restart ? { ...state, train: null } : state;
    this.session?.dispose();
    this.session = new TrainSession(this.nn, runState, this.settings);
    this.base = runBase(runState);
    this.sessionKey = modelKey(runState);
    this.player.session = this.session;
    if (train && !restart) this.session.step(train.steps);
    this.appliedText = trainText;
    this.#syncControls();
    this.#draw();
    // The page's weights follow the run: after this render, not inside it.
    const stale = restart ? train && (train.steps !== 0 || (train.base ?? null) !== this.base) : train?.steps > 0;
    if (stale) queueMicrotask(() => this.#apply({ followUp: true }));
  }

  #configure(patch) {
    this.player.pause();
    this.settings = { ...this.settings, ...patch };
    this.session?.configure(this.settings);
    this.#syncControls();
    this.#apply();
    this.#announce();
  }

  #step() {
    if (!this.session) return;
    this.session.step(1);
    this.#apply();
    this.#announce();
  }

  #togglePlay() {
    this.player.toggle();
    this.#syncPlay();
    if (!this.player.playing) this.#announce();
  }

  #reset() {
    this.player.pause();
    this.session?.reset();
    this.#apply();
    this.#announce();
  }

  #afterSteps() {
    this.#syncPlay();
    this.#apply();
    if (!this.player.playing) this.#announce();
  }

  // Hands the run and its weights to the page, which re-renders and calls render() back (which then only draws).
  // followUp: the page's own change caused it (a link's replay, a restart), so it is no history entry of its own.
  #apply({ followUp = false } = {}) {
    const session = this.session;
    if (!session || session.error) {
      this.#draw();
      return;
    }
    const train = { ...this.settings, steps: session.steps, base: this.base };
    this.appliedText = JSON.stringify(train);
    const edits = session.steps === 0 ? session.startEdits() : session.edits();
    this.host.apply(train, edits, { followUp });
  }

  #announce() {
    const session = this.session;
    this.live.textContent = session && !session.error ? `Step ${session.steps}, loss ${formatValue(session.loss)}` : '';
  }

  #showError(message) {
    this.error.hidden = !message;
    this.error.textContent = message ?? '';
  }

  #syncControls() {
    this.target.control.value = this.settings.target;
    this.loss.control.value = this.settings.loss;
    this.optimizer.control.value = this.settings.optimizer;
    if (Number(this.lr.value) !== this.settings.lr) this.lr.value = String(this.settings.lr);
    this.targetBox.hidden = this.settings.target !== 'custom';
    if (this.targetText.value !== this.settings.targetText) this.targetText.value = this.settings.targetText;
  }

  #syncPlay() {
    const playing = this.player.playing;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
  }

  #draw() {
    const session = this.session;
    this.#syncPlay();
    const broken = !session || session.error;
    this.#showError(session?.error ?? this.blocked);
    for (const button of [this.stepButton, this.playButton]) button.disabled = Boolean(broken) || session.diverged();
    this.counter.textContent = `Step ${session?.steps ?? 0}`;
    this.lossReadout.textContent = broken ? '' : ` · loss ${formatValue(session.loss)}${session.diverged() ? ' (diverged: lower the learning rate, then Reset)' : ''}`;
    if (broken) {
      for (const el of [this.kernels, this.outputFigure, this.heatmaps, this.breakdown]) el.replaceChildren();
      this.curve.replaceChildren();
      this.outputPlot = null;
      this.heatmapSignature = null;
      return;
    }
    this.#drawCurve();
    this.#drawKernels();
    this.#drawOutput();
    this.#drawHeatmaps();
    this.#drawBreakdown();
    this.#drawExport();
  }

  #drawExport() {
    if (!this.exportBox.open) return;
    const session = this.session;
    this.exportCode.textContent = session && !session.error ? trainingProgram(session) : '';
  }

  #drawCurve() {
    const history = this.session?.history ?? [];
    const { width, height, left, right, top, bottom } = CURVE;
    const log = this.logScale;
    const values = history.map((v) => (log ? (v > 0 ? Math.log10(v) : NaN) : v)).filter(Number.isFinite);
    const lo = values.length ? values.reduce((a, b) => Math.min(a, b)) : 0;
    const hi = values.length ? values.reduce((a, b) => Math.max(a, b)) : 1;
    const span = hi - lo || 1;
    const x = (i) => left + (history.length <= 1 ? 0 : (i / (history.length - 1)) * (width - left - right));
    const y = (v) => top + (1 - (v - lo) / span) * (height - top - bottom);
    let points = '';
    history.forEach((v, i) => {
      const value = log ? (v > 0 ? Math.log10(v) : NaN) : v;
      if (Number.isFinite(value)) points += `${points ? ' ' : ''}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
    });
    const label = (v) => formatValue(log ? 10 ** v : v);
    const ticks = hi > lo ? [lo, hi] : [lo];
    this.curve.replaceChildren(
      ...ticks.map((v) => s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'plot-tick', text: label(v) })),
      s('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'plot-zero' }),
      s('text', { x: left, y: height - 6, class: 'plot-tick', text: '0' }),
      s('text', { x: width - right, y: height - 6, 'text-anchor': 'end', class: 'plot-tick', text: `step ${Math.max(0, history.length - 1)}` }),
      s('polyline', { points, fill: 'none', stroke: PALETTE[0], 'stroke-width': 2 }));
    const last = history[history.length - 1];
    this.curve.setAttribute('aria-label', `Loss by step${log ? ' (log scale)' : ''}: ${formatValue(history[0] ?? NaN)} at step 0, ${formatValue(last ?? NaN)} now`);
  }

  // Each layer's weights as bars, the target's as dark ticks: the bars move onto the ticks as the model learns.
  #drawKernels() {
    const session = this.session;
    const figures = [];
    for (let i = 0; i < session.layerCount; i++) {
      const { weight, targetWeight } = session.layer(i);
      const count = Math.min(weight.data.length, MAX_CELLS);
      const all = [...weight.data.subarray(0, count), ...(targetWeight?.data.subarray(0, count) ?? [])].filter(Number.isFinite);
      const max = largestMagnitude(all, 1e-6);
      const w = 280;
      const hgt = 90;
      const slot = w / count;
      const y = (v) => hgt / 2 - (v / max) * (hgt / 2 - 4);
      const bars = [];
      for (let j = 0; j < count; j++) {
        const v = weight.data[j];
        if (Number.isFinite(v)) {
          bars.push(s('rect', { x: j * slot + slot * 0.2, width: slot * 0.6, y: Math.min(y(v), hgt / 2), height: Math.abs(y(v) - hgt / 2),
            fill: PALETTE[0], class: 'train-bar' }));
        }
        if (targetWeight) bars.push(s('line', { x1: j * slot + slot * 0.1, x2: j * slot + slot * 0.9, y1: y(targetWeight.data[j]),
          y2: y(targetWeight.data[j]), class: 'train-target-tick' }));
      }
      const text = Array.from(weight.data.subarray(0, 8), (v) => signedText(formatValue(v))).join(', ');
      const goal = targetWeight ? `; target ${Array.from(targetWeight.data.subarray(0, 8), (v) => signedText(formatValue(v))).join(', ')}` : '';
      figures.push(h('figure', { class: 'train-kernel' },
        s('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'train-plot', role: 'img', 'aria-label': `Layer ${i + 1} weight ${text}${goal}` },
          s('line', { x1: 0, x2: w, y1: hgt / 2, y2: hgt / 2, class: 'plot-zero' }), bars),
        h('figcaption', { text: `Layer ${i + 1} [${weight.shape.join(', ')}]: ${text}${weight.data.length > 8 ? ', …' : ''}${targetWeight ? ` — ticks: the ${session.layerCount > 1 ? 'teacher\'s (one of the stacks that fit the target)' : 'target'}` : ''}` })));
    }
    this.kernels.replaceChildren(...figures);
  }

  #drawOutput() {
    const { output, target } = this.session;
    const channels = output.shape[1];
    const length = output.shape[2];
    const series = [];
    for (let c = 0; c < Math.min(channels, 4); c++) {
      series.push({ label: `output c${c}`, values: output.data.subarray(c * length, (c + 1) * length) });
      series.push({ label: `target c${c}`, values: target.data.subarray(c * length, (c + 1) * length) });
    }
    if (!this.outputPlot?.fits(series)) {
      this.outputPlot = new LinePlot({ series, width: 560, height: 170, label: 'Output and target', compact: true });
      this.outputFigure.replaceChildren(this.outputPlot.el);
    } else {
      this.outputPlot.update(series);
    }
  }

  // One button per weight (and bias), coloured by its gradient: the keyboard and a screen reader reach each one.
  #drawHeatmaps() {
    const session = this.session;
    const signature = Array.from({ length: session.layerCount }, (_, i) => {
      const { weight, bias } = session.layer(i);
      return `${weight.shape.join('x')}${bias ? '+b' : ''}`;
    }).join('|');
    if (this.heatmapSignature !== signature) {
      this.heatmapSignature = signature;
      this.cells = [];
      this.heatmaps.replaceChildren(...Array.from({ length: session.layerCount }, (_, i) => this.#heatmap(i)));
    }
    // One colour scale per layer, its weight's and bias's gradients together.
    const layers = Array.from({ length: session.layerCount }, (_, i) => {
      const { weightGrad, biasGrad } = session.layer(i);
      return { weightGrad, biasGrad, max: Math.max(largestMagnitude(weightGrad.data, 1e-12), largestMagnitude(biasGrad?.data ?? [], 0)) };
    });
    for (const cell of this.cells) {
      const { weightGrad, biasGrad, max } = layers[cell.layer];
      const value = (cell.kind === 'weight' ? weightGrad : biasGrad).data[cell.flat];
      const [r, g, b] = weightRgb(value, max);
      cell.button.style.background = `rgb(${r}, ${g}, ${b})`;
      const name = cell.kind === 'weight' ? `∂L/∂w[${cell.index.join(',')}]` : `∂L/∂b[${cell.index}]`;
      cell.button.setAttribute('aria-label', `Layer ${cell.layer + 1} ${name} = ${formatValue(value)}`);
      cell.button.title = `${name} = ${float32Text(value)}`;
      const selected = this.#isSelected(cell);
      cell.button.setAttribute('aria-pressed', String(selected));
    }
  }

  #heatmap(i) {
    const { weight, bias } = this.session.layer(i);
    const [outs, inner, taps] = weight.shape;
    const rows = [];
    let listed = 0;
    for (let o = 0; o < outs && listed < MAX_CELLS; o++) {
      const row = h('div', { class: 'grad-row' }, h('span', { class: 'grad-row-label', text: `out ${o}` }));
      for (let c = 0; c < inner; c++) {
        const block = h('span', { class: 'grad-block' });
        for (let k = 0; k < taps && listed < MAX_CELLS; k++, listed++) block.append(this.#cell(i, 'weight', [o, c, k], (o * inner + c) * taps + k));
        row.append(block);
      }
      if (bias) row.append(h('span', { class: 'grad-block grad-bias' }, this.#cell(i, 'bias', o, o)));
      rows.push(row);
    }
    const more = outs * inner * taps > MAX_CELLS ? h('p', { class: 'train-note', text: `The first ${MAX_CELLS} weights of ${outs * inner * taps}.` }) : null;
    return h('div', { class: 'grad-map', role: 'group', 'aria-label': `Layer ${i + 1} gradients` },
      h('p', { class: 'grad-map-title', text: `Layer ${i + 1}: rows out channels, blocks in channels, cells taps${bias ? '; last: bias' : ''}` }), rows, more);
  }

  #cell(layer, kind, index, flat) {
    const button = h('button', { type: 'button', class: `grad-cell${kind === 'bias' ? ' bias' : ''}`, dataset: { layer, kind, index: String(index) },
      onclick: () => {
        this.selected = { layer, kind, index };
        this.#drawHeatmaps();
        this.#drawBreakdown();
      } });
    this.cells.push({ layer, kind, index, flat, button });
    return button;
  }

  #isSelected(cell) {
    const sel = this.selected;
    return sel.layer === cell.layer && sel.kind === cell.kind && String(sel.index) === String(cell.index);
  }

  // ∂L/∂w[o,i,k] = Σ_t ∂L/∂y[o,t] · x[c, t·stride + k·dilation − pad], written term by term as the forward breakdown
  // writes its terms (train.css gives them its look under names of their own, so the page's selectors stay unique).
  #drawBreakdown() {
    const session = this.session;
    let sel = this.selected;
    if (!this.cells.some((cell) => this.#isSelected(cell))) {
      const { layer, kind, index } = this.cells[0];
      sel = this.selected = { layer, kind, index };
    }
    const ex = session.explainGrad(sel.layer, sel.kind === 'weight' ? { weight: sel.index } : { bias: sel.index }, SHOWN_TERMS);
    const batched = session.input.shape.length === 3;
    const at = (n, ...rest) => (batched ? [n, ...rest] : rest).join(',');
    const stack = session.layerCount > 1;
    const lhs = sel.kind === 'weight' ? `∂L/∂w[${sel.index.join(',')}]` : `∂L/∂b[${sel.index}]`;
    const terms = [];
    ex.terms.forEach((term, j) => {
      const g = float32Text(term.gradOutput);
      const gSym = `∂L/∂y[${at(term.batch, ex.outChannel, term.position)}]`;
      if (j > 0) terms.push(h('span', { class: 'op', text: '+' }));
      if (sel.kind === 'bias') {
        terms.push(h('span', { class: 'train-term', dataset: { t: term.position } },
          h('span', { class: 't-sym', text: gSym }), h('span', { class: 't-num', text: signedText(g) })));
        return;
      }
      const zero = term.padded && term.source < 0;
      const x = float32Text(term.input);
      const xSym = zero ? 'pad' : `x[${at(term.batch, ex.inputChannel, term.source)}]`;
      const product = String(Number((term.gradOutput * term.input).toPrecision(9)));
      terms.push(h('span', { class: `train-term${term.padded ? ' padded' : ''}`, dataset: { t: term.position, p: term.paddedPosition },
        title: term.padded ? `Padded position ${term.paddedPosition}: ${zero ? 'zero padding puts 0 here' : `read from x position ${term.source}`}.` : undefined },
      h('span', { class: 't-sym' }, h('span', { class: 'w-sym', text: gSym }), '·', h('span', { class: 'x-sym', text: xSym }),
        term.padded ? h('span', { class: 'pad-tag', text: zero ? 'pad' : 'padding' }) : null),
      h('span', { class: 't-num' }, h('span', { class: 'w-num', text: signedText(g) }), h('span', { class: 'times', text: '×' }),
        h('span', { class: 'x-num', text: signedText(x) })),
      h('span', { class: 't-prod' }, h('span', { class: 'eq-small', text: '= ' }), h('span', { class: 'p-num', text: signedText(product) }))));
    });
    const rest = ex.termCount - ex.terms.length;
    if (rest > 0) terms.push(h('span', { class: 'op', text: '+' }), h('span', { class: 'train-fold', text: `… ${rest} more term${rest === 1 ? '' : 's'} …` }));
    const layer = this.pageState?.layers[sel.layer];
    const rule = sel.kind === 'weight'
      ? `${lhs} = Σ_t ∂L/∂y[${at('n', ex.outChannel, 't')}] · x[${at('n', ex.inputChannel, `t·${layer?.stride ?? 1} + ${sel.index[2]}·${layer?.dilation ?? 1} − pad`)}]`
      : `${lhs} = Σ_t ∂L/∂y[${at('n', ex.outChannel, 't')}]`;
    const value = float32Text(ex.value);
    this.breakdown.replaceChildren(
      h('p', { class: 'train-rule' }, h('code', { text: rule })),
      h('div', { class: 'train-formula' },
        h('p', { class: 'train-formula-main' },
          h('span', { class: 'train-lhs', text: `${stack ? `Layer ${sel.layer + 1} ` : ''}${lhs}` }),
          h('span', { class: 'op eq', text: '=' }),
          h('span', { class: 'train-formula-terms' }, terms),
          h('span', { class: 'op eq', text: '=' }),
          h('span', { class: 'train-grad-value', dataset: { value: String(ex.value) }, text: signedText(value) }))),
      h('p', { class: 'train-note', text: `${ex.termCount} terms: one per output position${batched && session.input.shape[0] > 1 ? ' and batch item' : ''}. ` +
        `∂L/∂y is the gradient of the ${LOSSES[this.settings.loss]} loss reaching ${stack ? `Layer ${sel.layer + 1}'s` : 'the'} output; ` +
        `x is ${sel.layer === 0 ? 'the training input' : `Layer ${sel.layer}'s output`}. The next Step moves this weight against this value.` }));
  }

  dispose() {
    this.player.pause();
    this.session?.dispose();
    this.session = null;
  }
}
