// Export / Import panel: the Python program and the JSON of the current state (shown, copyable), and a box to
// paste PyTorch printouts or JSON into. Calls back into the instance; renders nothing from the page otherwise.
import { h, uid } from '../dom.js';

const TABS = [['python', 'Python'], ['json', 'JSON'], ['import', 'Import']];

export class ExchangePanel {
  /** python(), json(): the texts to show, or promises of them (may throw or reject with a message); importText(text):
   * applies or throws. */
  constructor({ python, json, importText, readOnly = false }) {
    this.sources = { python, json };
    this.importText = importText;
    this.tab = 'python';
    const panelId = uid('exchange');
    this.toggle = h('button', { type: 'button', class: 'button export-toggle', 'aria-expanded': 'false', 'aria-controls': panelId,
      text: readOnly ? 'Export' : 'Export / Import', onclick: () => this.setOpen(this.panel.hidden) });
    this.tabs = TABS.filter(([key]) => !(readOnly && key === 'import')).map(([key, label]) => h('button', {
      type: 'button', class: 'chip', role: 'tab', 'aria-selected': String(key === this.tab), dataset: { tab: key },
      text: label, onclick: () => this.show(key) }));
    this.output = h('pre', { tabindex: '0' }, h('code'));
    this.status = h('span', { class: 'exchange-status', role: 'status' });
    this.error = h('p', { class: 'exchange-error', role: 'alert', hidden: true });
    this.copy = h('button', { type: 'button', class: 'button small primary', text: 'Copy', onclick: () => this.#copy() });
    const areaId = uid('import-text');
    this.area = h('textarea', { id: areaId, spellcheck: 'false', autocomplete: 'off',
      placeholder: "Conv1d(1, 1, kernel_size=(3,), stride=(1,))\nOrderedDict([('weight', tensor([[[ 0.2975, -0.2548, -0.1119]]])), ('bias', tensor([0.2710]))])\ninput: tensor([[[1., 2., 3., 4., 5.]]])" });
    this.importButton = h('button', { type: 'button', class: 'button small primary', text: 'Import', onclick: () => this.#import() });
    this.viewBox = h('div', { class: 'exchange-view' },
      h('p', { class: 'exchange-help' }),
      this.output,
      h('div', { class: 'exchange-actions' }, this.copy, this.status));
    this.importBox = h('div', { class: 'exchange-import', hidden: true },
      h('label', { for: areaId, class: 'exchange-help' }, 'Paste ', h('code', { text: 'print(model)' }), ', a ', h('code', { text: 'state_dict()' }),
        ' and printed tensors (', h('code', { text: 'input: tensor(…)' }), ', ', h('code', { text: 'torch.manual_seed(n)' }), '), or the JSON export.'),
      this.area,
      h('div', { class: 'exchange-actions' }, this.importButton));
    this.panel = h('div', { class: 'exchange-panel', id: panelId, hidden: true },
      h('div', { class: 'exchange-tabs', role: 'tablist', 'aria-label': 'Export and import' }, this.tabs),
      this.viewBox, this.importBox, this.error);
    this.el = h('div', { class: 'exchange' }, this.panel);
  }

  setOpen(open) {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.show(this.tab);
  }

  /** Refreshes the shown text (called after every render while open). */
  refresh() {
    if (!this.panel.hidden && this.tab !== 'import') this.show(this.tab, { keepError: false });
  }

  show(tab) {
    this.tab = tab;
    for (const b of this.tabs) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
    this.importBox.hidden = tab !== 'import';
    this.viewBox.hidden = tab === 'import';
    this.error.hidden = true;
    if (tab === 'import') return;
    this.viewBox.firstChild.replaceChildren(...(tab === 'python'
      ? ['A PyTorch 1.13 program that reproduces this page: the layers, ', h('code', { text: 'torch.manual_seed' }),
        ' or the exact weights, the input, the forward pass. Its output pasted into Import restores this state.']
      : ['The state as JSON; paste it into Import (or use its ', h('code', { text: 'query' }), ' as a link).']));
    // Only the text asked last is shown: an older one arriving later is not.
    const asked = (this.asked = {});
    new Promise((resolve) => { resolve(this.sources[tab]()); }).then((text) => {
      if (asked !== this.asked) return;
      this.output.firstChild.textContent = text;
      this.output.hidden = false;
      this.copy.disabled = false;
    }, (error) => {
      if (asked !== this.asked) return;
      this.output.hidden = true;
      this.copy.disabled = true;
      this.#fail(`Nothing to export: ${error.message}`);
    });
  }

  #fail(message) {
    this.error.hidden = false;
    this.error.textContent = message;
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.output.textContent);
      this.status.textContent = 'Copied';
    } catch {
      // No clipboard permission (an iframe, an insecure origin): select the text so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(this.output);
      const selection = this.output.getRootNode().getSelection?.() ?? window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      this.status.textContent = 'Selected: press Ctrl+C (⌘C) to copy';
    }
    setTimeout(() => { this.status.textContent = ''; }, 2500);
  }

  #import() {
    this.error.hidden = true;
    try {
      this.importText(this.area.value);
      this.area.value = '';
      this.setOpen(false);
    } catch (error) {
      this.#fail(`Import refused: ${error.message}`);
    }
  }
}
