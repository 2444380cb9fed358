// The controls column: toolbar (presets, seed, share), the input panel and one fieldset per layer.
// Built once per structure (number/order of layers) and then updated in place, so the field a person is
// typing in keeps its focus and caret. Views only read `state` and `result` and call `actions`.
import { activeOf, h, patchChildren, s as svg, uid } from '../dom.js';
import { INPUT_KINDS, matchingPreset } from '../state.js';
import { FIELD_HELP, NUMBER_FIELDS as INT_FIELDS, PADDING_MODES, PADDING_WORDS } from '../fields.js';

const ERROR_HINTS = {
  kernel_size: 'The (dilated) kernel must fit inside the padded input: lengthen the input, add padding, or shrink kernel_size or dilation.',
  groups: 'in_channels and out_channels must both be multiples of groups.',
  in_channels: 'in_channels must equal the number of channels C coming in.',
};

function setValue(el, value) {
  if (el === activeOf(el)) return;
  if (el.type === 'checkbox') el.checked = Boolean(value);
  else if (el.value !== String(value)) el.value = String(value);
}

function errorSlot(id) {
  return h('div', { class: 'field-error', id, role: 'alert', hidden: true });
}

function showError(slot, message, extra) {
  if (!message) {
    slot.hidden = true;
    slot.replaceChildren();
    return;
  }
  slot.hidden = false;
  slot.replaceChildren(h('span', { class: 'error-text', text: message }), ...(extra ? [extra] : []));
}

/**
 * An argument's help: a (?) button (a tap, a click, Enter or Space) that shows or hides one line of text, which
 * describes the control (aria-describedby) whether shown or not. Shown on demand so the grid of fields stays compact.
 */
function helpFor(id, name, text) {
  const line = h('span', { class: 'field-help', id: `${id}-help`, hidden: true, text });
  const button = h('button', { type: 'button', class: 'help-toggle', 'aria-label': `What ${name} means`,
    'aria-expanded': 'false', 'aria-controls': line.id, text: '?' });
  button.addEventListener('click', () => {
    line.hidden = !line.hidden;
    button.setAttribute('aria-expanded', String(!line.hidden));
  });
  return { line, button };
}

/** A labelled field: returns { wrap, input, error }. */
function field({ name, label, control, help }) {
  const id = uid(name);
  const errId = `${id}-error`;
  control.id = id;
  const tip = help ? helpFor(id, label ?? name, help) : null;
  control.setAttribute('aria-describedby', tip ? `${tip.line.id} ${errId}` : errId);
  const error = errorSlot(errId);
  const labelEl = h('label', { for: id }, h('code', { class: 'arg', text: label ?? name }));
  const wrap = h('div', { class: `field field-${name}` },
    tip ? h('div', { class: 'field-head' }, labelEl, tip.button) : labelEl,
    control,
    tip?.line,
    error);
  return { wrap, input: control, error };
}

export class Toolbar {
  /** presets: false leaves out the tutorial example chips. */
  constructor(actions, { presets = true } = {}) {
    this.actions = actions;
    this.seed = h('input', { type: 'text', inputmode: 'numeric', class: 'seed-input', spellcheck: 'false', autocomplete: 'off' });
    this.seed.addEventListener('input', () => actions.setSeed(this.seed.value));
    this.seedField = field({ name: 'seed', label: 'seed', control: this.seed });
    this.presetButtons = [1, 2, 3].map((n) => h('button', { type: 'button', class: 'chip', onclick: () => actions.loadPreset(n),
      text: `Example ${n}` }));
    this.shareStatus = h('span', { class: 'share-status', role: 'status' });
    this.el = h('div', { class: 'toolbar' },
      presets ? h('div', { class: 'toolbar-group presets', role: 'group', 'aria-label': 'Tutorial examples' },
        h('span', { class: 'toolbar-label', text: 'Tutorial' }), this.presetButtons) : null,
      h('div', { class: 'toolbar-group seed-group' },
        h('span', { class: 'seed-prefix', 'aria-hidden': 'true', text: 'torch.manual_seed(' }), this.seedField.wrap,
        h('span', { class: 'seed-prefix', 'aria-hidden': 'true', text: ')' })),
      h('div', { class: 'toolbar-group' },
        h('button', { type: 'button', class: 'button', onclick: () => actions.resetAllWeights(), text: 'Reset all weights' }),
        h('button', { type: 'button', class: 'button primary', onclick: () => actions.share(this.shareStatus), text: 'Copy link' }),
        this.shareStatus));
  }

  update(state, result) {
    setValue(this.seed, state.seed);
    showError(this.seedField.error, result?.seedError?.message);
    // Pressed only while the state is that example: any change (a weight, the input, an argument) releases it.
    const current = matchingPreset(state);
    this.presetButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(current === i + 1)));
  }
}

// A generated input of thousands of values is tens of kilobytes of text, which takes the browser milliseconds to
// lay out: it is written just after the frame that shows the new results, and once for a burst of changes.
const LONG_TEXT = 4000;

export class InputPanel {
  constructor(actions) {
    this.kind = h('select', null, INPUT_KINDS.map((k) => h('option', { value: k, text: k === 'text' ? 'as typed' : k })));
    this.kind.addEventListener('change', () => actions.setInput({ kind: this.kind.value }, true));
    this.text = h('textarea', { rows: 3, spellcheck: 'false', autocomplete: 'off', class: 'input-text' });
    this.text.addEventListener('input', () => actions.setInput({ kind: 'text', text: this.text.value }));
    const num = (name) => {
      const el = h('input', { type: 'number', min: '1', step: '1' });
      el.addEventListener('input', () => actions.setInput({ [name]: el.value }));
      return el;
    };
    this.batch = num('batch');
    this.channels = num('channels');
    this.length = num('length');
    this.batched = h('input', { type: 'checkbox' });
    this.batched.addEventListener('change', () => actions.setInput({ batched: this.batched.checked }, true));
    this.textField = field({ name: 'input', label: 'input', control: this.text });
    this.textField.wrap.querySelector('label').append(h('span', { class: 'label-note', text: ' — PyTorch notation, or paste a tensor(...) printout' }));
    this.fields = {
      kind: field({ name: 'generator', label: 'generate input', control: this.kind }),
      batch: field({ name: 'batch', label: 'batch N', control: this.batch }),
      channels: field({ name: 'channels', label: 'channels C', control: this.channels }),
      length: field({ name: 'length', label: 'length L', control: this.length }),
    };
    const batchedId = uid('batched');
    this.batched.id = batchedId;
    this.shape = h('p', { class: 'shape-line' });
    this.el = h('fieldset', { class: 'card input-card' },
      h('legend', null, h('span', { class: 'legend-title', text: 'Input' })),
      this.textField.wrap,
      h('div', { class: 'field-row' }, this.fields.kind.wrap, this.fields.batch.wrap, this.fields.channels.wrap, this.fields.length.wrap),
      h('div', { class: 'check batched' }, this.batched, h('label', { for: batchedId }, 'batched ', h('code', { text: '(N, C, L)' }),
        ' — untick for unbatched ', h('code', { text: '(C, L)' }))),
      this.shape);
  }

  update(state, result, text) {
    const input = state.input;
    setValue(this.kind, input.kind);
    this.#setText(text);
    this.text.placeholder = input.kind !== 'text' && text === ''
      ? 'This generated input is too large to show as text; change it with the generator controls below.' : '';
    const generated = input.kind !== 'text';
    if (generated) {
      setValue(this.batch, input.batch);
      setValue(this.channels, input.channels);
      setValue(this.length, input.length);
      setValue(this.batched, input.batched);
    } else {
      // Typed input: the fields show the typed tensor's shape (blank while it does not parse), read-only, since
      // the text decides the shape (choosing a generator then starts from this shape).
      const shape = result?.input?.shape ?? [];
      const [n, c, l] = shape.length === 2 ? ['', ...shape] : shape;
      this.batch.value = String(n ?? '');
      this.channels.value = String(c ?? '');
      this.length.value = String(l ?? '');
      this.batched.checked = shape.length !== 2;
    }
    for (const el of [this.batch, this.channels, this.length]) el.readOnly = !generated;
    this.batched.disabled = !generated;
    this.batch.disabled = generated ? !input.batched : result?.input?.shape.length === 2;
    this.el.classList.toggle('generated', generated);
    const layerInputError = result?.layers.find((l) => l.runError?.field === 'input')?.runError?.message;
    showError(this.textField.error, result?.inputError?.message ?? layerInputError);
    this.shape.textContent = result?.input
      ? `shape (${result.input.shape.join(', ')})${generated ? '' : ' — N, C and L read from the typed tensor'}` : '';
  }

  #setText(text) {
    // text may be a function: a text known to be long, written out only when it is shown (after the frame).
    if (typeof text !== 'function' && text.length < LONG_TEXT && this.text.value.length < LONG_TEXT) {
      this.pendingText = null;
      setValue(this.text, text);
      return;
    }
    const first = this.pendingText === null || this.pendingText === undefined;
    this.pendingText = text;
    if (!first) return;
    const view = this.text.ownerDocument.defaultView ?? globalThis;
    const flush = () => {
      if (this.pendingText === null) return;
      setValue(this.text, typeof this.pendingText === 'function' ? this.pendingText() : this.pendingText);
      this.pendingText = null;
    };
    // After the next paint; the timeout alone covers a page that is not painting (hidden, throttled).
    view.requestAnimationFrame(() => view.setTimeout(flush, 0));
    view.setTimeout(flush, 100);
  }
}

const ICONS = {
  up: 'M8 13V3M3.5 7.5 8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5 8 13l4.5-4.5',
  copy: 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7',
  remove: 'M4 4l8 8M12 4l-8 8',
};

export class LayerCard {
  constructor(index, count, actions) {
    this.index = index;
    this.actions = actions;
    this.fields = {};
    const number = (name) => {
      const el = h('input', { type: 'number', step: '1', inputmode: 'numeric' });
      el.addEventListener('input', () => actions.setLayerArg(this.index, name, el.value));
      return el;
    };
    for (const name of INT_FIELDS) {
      let control;
      if (name === 'padding') {
        const listId = uid('padding-options');
        control = h('input', { type: 'text', list: listId, spellcheck: 'false', autocomplete: 'off' });
        control.addEventListener('input', () => actions.setLayerArg(this.index, 'padding', control.value));
        this.paddingList = h('datalist', { id: listId }, ['0', '1', '2', ...PADDING_WORDS].map((v) => h('option', { value: v })));
      } else {
        control = number(name);
      }
      this.fields[name] = field({ name, control, help: FIELD_HELP[name] });
    }
    const mode = h('select', null, PADDING_MODES.map((m) => h('option', { value: m, text: `'${m}'` })));
    mode.addEventListener('change', () => actions.setLayerArg(this.index, 'padding_mode', mode.value));
    this.fields.padding_mode = field({ name: 'padding_mode', control: mode, help: FIELD_HELP.padding_mode });
    const bias = h('input', { type: 'checkbox' });
    bias.addEventListener('change', () => actions.setLayerArg(this.index, 'bias', bias.checked));
    const biasId = uid('bias');
    bias.id = biasId;
    const biasHelp = helpFor(biasId, 'bias', FIELD_HELP.bias);
    bias.setAttribute('aria-describedby', biasHelp.line.id);
    this.bias = bias;
    this.layerError = errorSlot(uid('layer-error'));
    this.shape = h('div', { class: 'shape-box', 'aria-live': 'polite' });
    const tool = (icon, label, onclick, disabled) => h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, onclick, disabled },
      svg('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
        svg('path', { d: ICONS[icon] })));
    this.el = h('fieldset', { class: 'card layer-card' },
      h('legend', null, h('span', { class: 'legend-title', text: `Layer ${index + 1}` })),
      h('div', { class: 'layer-tools' },
        tool('up', `Move layer ${index + 1} up`, () => actions.moveLayer(this.index, -1), index === 0),
        tool('down', `Move layer ${index + 1} down`, () => actions.moveLayer(this.index, 1), index === count - 1),
        tool('copy', `Duplicate layer ${index + 1}`, () => actions.duplicateLayer(this.index)),
        tool('remove', `Remove layer ${index + 1}`, () => actions.removeLayer(this.index), count === 1)),
      h('div', { class: 'field-grid' }, INT_FIELDS.map((n) => this.fields[n].wrap), this.fields.padding_mode.wrap,
        h('div', { class: 'field field-bias' },
          h('div', { class: 'check' }, bias, h('label', { for: biasId }, h('code', { class: 'arg', text: 'bias' })), biasHelp.button),
          biasHelp.line)),
      this.paddingList,
      this.layerError,
      this.shape);
  }

  update(layer, info, ctx) {
    for (const name of [...INT_FIELDS, 'padding_mode']) setValue(this.fields[name].input, layer[name]);
    setValue(this.bias, layer.bias);
    const error = info?.error ?? info?.runError ?? null;
    const fieldName = error && error.field in this.fields ? error.field : null;
    for (const [name, f] of Object.entries(this.fields)) {
      let extra = null;
      if (name === fieldName && ERROR_HINTS[name]) extra = h('span', { class: 'error-hint', text: ERROR_HINTS[name] });
      if (name === fieldName && name === 'in_channels' && ctx.incomingChannels !== null) {
        extra = h('button', { type: 'button', class: 'button small', onclick: () => this.actions.setLayerArg(this.index, 'in_channels', String(ctx.incomingChannels), true),
          text: `Set in_channels to ${ctx.incomingChannels}` });
      }
      showError(f.error, name === fieldName ? error.message : null, extra);
    }
    // Offer to fix the next layer when this layer's out_channels no longer matches it.
    if (ctx.nextMismatch) {
      const { next, channels } = ctx.nextMismatch;
      const offer = h('button', { type: 'button', class: 'button small', text: `Set Layer ${next + 1} in_channels to ${channels}`,
        onclick: () => this.actions.setLayerArg(next, 'in_channels', String(channels), true) });
      if (fieldName !== 'out_channels') {
        this.fields.out_channels.error.hidden = false;
        this.fields.out_channels.error.className = 'field-offer';
        this.fields.out_channels.error.replaceChildren(h('span', { text: `Layer ${next + 1} expects different in_channels. ` }), offer);
      }
    } else {
      this.fields.out_channels.error.className = 'field-error';
    }
    let layerMessage = null;
    if (error && !fieldName) layerMessage = error.field === 'input' ? `${error.message} (see input)` : error.message;
    showError(this.layerError, layerMessage);
    this.#updateShape(info, ctx);
  }

  #updateShape(info, ctx) {
    const plan = info?.plan;
    if (!plan) {
      const why = info?.pending ? 'Computing…' : info?.blockedBy !== null && info?.blockedBy !== undefined
        ? (info.blockedBy === 'input' ? 'Waiting for a valid input.' : `Waiting for Layer ${info.blockedBy + 1}.`)
        : 'No output: fix the error above.';
      // The box keeps the height it had with shapes in it, so the controls below do not move while an error shows.
      if (!this.shape.style.minHeight && this.shape.firstChild) this.shape.style.minHeight = `${this.shape.getBoundingClientRect().height}px`;
      patchChildren(this.shape, [h('p', { class: 'shape-line muted', text: why })]);
      return;
    }
    this.shape.style.minHeight = '';
    const inShape = ctx.inShape;
    const pad = plan.padLeft === plan.padRight ? `2·${plan.padLeft}` : `${plan.padLeft} + ${plan.padRight}`;
    const o = info.options;
    const padNote = typeof o.padding === 'string'
      ? h('p', { class: 'shape-note', text: `padding='${o.padding}' pads ${plan.padLeft} on the left and ${plan.padRight} on the right.` })
      : null;
    // Patched, not replaced: only the numbers that changed are laid out again (and announced: aria-live).
    patchChildren(this.shape, [
      h('p', { class: 'shape-line' }, h('span', { class: 'shape', text: `(${inShape.join(', ')})` }), ' → ',
        h('span', { class: 'shape out', text: `(${plan.outputShape.join(', ')})` })),
      h('p', { class: 'formula' },
        h('span', { class: 'formula-general', text: 'L_out = ⌊(L_in + padding_total − dilation·(kernel_size − 1) − 1) / stride⌋ + 1' }),
        h('span', { class: 'formula-filled',
          text: `= ⌊(${plan.length} + ${pad} − ${o.dilation}·(${o.kernel_size} − 1) − 1) / ${o.stride}⌋ + 1 = ${plan.outLength}` })),
      padNote]);
  }
}
