// The Code view: the page's state as a Python program in a <conv1d-code program> cell, editable and runnable. A run
// prints what runPython prints, and the model and input the program leaves behind (code-model.js's rule) come back
// through the import path, with Undo, so code and picture stay one thing. The text follows the state until the
// person edits it; then the cell's "Reset to the current state" puts the state's program back.
import { h, uid } from '../dom.js';
import '../code-cell.js';

const HELP = 'This page as a PyTorch program. Edit it and run it (Ctrl+Enter): it prints what PyTorch prints, and '
  + 'the playground then shows the last nn.Conv1d or nn.Sequential it leaves in a variable, with the first tensor '
  + 'that fits it as input.';

export class CodePanel {
  /** program(): a promise of the state's program text (rejects with a message); importProgram(parsed): applies a
   * run's model to the page (its notice says what changed, with Undo), returns whether the state changed (throws with
   * a message). */
  constructor({ program, importProgram }) {
    this.program = program;
    this.importProgram = importProgram;
    const panelId = uid('code');
    this.toggle = h('button', { type: 'button', class: 'button code-toggle', 'aria-expanded': 'false',
      'aria-controls': panelId, text: 'Code', onclick: () => this.setOpen(this.panel.hidden) });
    this.cell = h('conv1d-code', { program: true, label: 'Program', 'reset-label': 'Reset to the current state' });
    this.status = h('p', { class: 'code-status', role: 'status' });
    this.panel = h('section', { class: 'code-panel', id: panelId, hidden: true, 'aria-label': 'Code' },
      h('p', { class: 'exchange-help', text: HELP }),
      this.cell, this.status);
    this.el = h('div', { class: 'code-view' }, this.panel);
    this.cell.addEventListener('conv1d-run', ({ detail }) => this.#ran(detail));
  }

  setOpen(open) {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.refresh();
  }

  /** Follows the state (called after every render; only while open). */
  refresh() {
    if (this.panel.hidden) return;
    const asked = (this.asked = {});
    this.program().then((text) => {
      if (asked === this.asked) this.cell.source = text;
    }, (error) => {
      if (asked === this.asked) this.status.textContent = `This state has no program: ${error.message}.`;
    });
  }

  #ran({ error, model }) {
    if (error) {
      const where = Number.isInteger(error.line) ? ` on line ${error.line}` : '';
      this.status.textContent = `The program stopped with ${error.type}${where}: the playground is unchanged.`;
    } else if (model.problem) {
      this.status.textContent = `Nothing to show: ${model.problem}. The playground is unchanged.`;
    } else {
      try {
        const changed = this.importProgram(model.parsed);
        const input = model.inputName ? ` with ${model.inputName} as its input`
          : ' (no tensor fits it as input: the input stays)';
        this.status.textContent = changed ? `The playground now shows ${model.name}${input}.`
          : `The playground already shows ${model.name}${input}.`;
      } catch (refused) {
        this.status.textContent = `The playground cannot show ${model.name}: ${refused.message}. It is unchanged.`;
      }
    }
  }
}
