// <conv1d-code>: a live Python cell for lessons. Its text content is the cell's code:
//   <conv1d-code session="tutorial">
//   import torch
//   print(torch.ones(3))
//   </conv1d-code>
// The reader edits it in place (highlighted as they type), runs it with Run, Ctrl+Enter, Cmd+Enter or Shift+Enter,
// and sees what PyTorch 1.13 prints below it, like a notebook; Reset puts the author's code back. Cells with the same
// `session` attribute share one Python session (variables and the random generator, which starts at seed
// 67280421310721); a cell without one has its own. Running a cell first runs the cells above it in its session that
// have not run yet, so a reader may start anywhere and still see what the cells print in order.
// Keyboard: Tab indents (Shift+Tab dedents) as in a code editor; to move focus out with the keyboard press Escape,
// then Tab (or Shift+Tab). Enter keeps the line's indentation (one level more after a ':').
// Attributes: session, label (names the cell for assistive technology: "Run Example 1"; default "Cell N"),
// program (each run is a whole program, as runPython runs it: a fresh session, no cells before it; the result also
// carries `model`, what the playground can show of it — see code-model.js; the playground's Code view uses it),
// reset-label (the Reset button's text; default "Reset"). Reset shows once the code differs from its source.
// Properties: code (the editor's text), source (the code Reset puts back; the editor follows it until the reader
// edits), result (the last { stdout, error }), run(), reset().
// Events: conv1d-run (detail: { stdout, error }, and `model` with `program`) after every run.
// Write `<` in the code as `&lt;` (it is HTML).
// Cells compute in a Web Worker when the page's origin serves one (as web/app/mount.js decides for the playground),
// else on the main thread; the runtime's step budget bounds both.
import { highlightPython } from './python-highlight.js';

const STYLE_SHEET = new URL('./code-cell.css', import.meta.url).href;
const WORKER_URL = new URL('./code-cell-worker.js', import.meta.url);
const INDENT = '    ';

// Outside a browser (Node, a server-side renderer) there is no HTMLElement: the class is still exported, inert.
const Base = globalThis.HTMLElement ?? class {};

/** The author's code: the element's text without the HTML's own indentation and blank edge lines. */
export function cellSource(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines.at(-1).trim()) lines.pop();
  const margins = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const margin = margins.length ? Math.min(...margins) : 0;
  return lines.map((l) => l.slice(margin)).join('\n');
}

// --- Where cells run: one runner per page, shared by every cell and session. -----------------------------------

class WorkerRunner {
  #worker = new Worker(WORKER_URL, { type: 'module' });
  #pending = new Map();
  #nextId = 0;

  constructor(onFailure) {
    this.#worker.onmessage = ({ data }) => {
      this.#pending.get(data.id)?.resolve(data.result);
      this.#pending.delete(data.id);
    };
    // The worker could not start (e.g. the page's CSP or a server without the file): the cells run on the main
    // thread from now on, the waiting ones included.
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#worker.terminate();
      onFailure([...this.#pending.values()]);
      this.#pending.clear();
    };
  }

  run(session, source, program) {
    const id = (this.#nextId += 1);
    return new Promise((resolve) => {
      this.#pending.set(id, { session, source, program, resolve });
      this.#worker.postMessage({ id, session, source, program });
    });
  }
}

class MainThreadRunner {
  #sessions = import('./code-cell-sessions.js').then(({ PythonSessions }) => new PythonSessions(), (error) => error);

  async run(session, source, program) {
    const sessions = await this.#sessions;
    if (sessions instanceof Error) {
      return { stdout: '', error: { type: 'RuntimeError', message: `the Python runtime could not load: ${sessions.message}`, line: null } };
    }
    return sessions.run(session, source, { program });
  }
}

function canUseWorker() {
  try {
    return typeof Worker !== 'undefined' && WORKER_URL.origin === globalThis.location?.origin;
  } catch {
    return false;
  }
}

let runner = null;
function pageRunner() {
  if (runner) return runner;
  const fallBack = (waiting) => {
    runner = new MainThreadRunner();
    for (const job of waiting) runner.run(job.session, job.source, job.program).then(job.resolve);
  };
  try {
    runner = canUseWorker() ? new WorkerRunner(fallBack) : new MainThreadRunner();
  } catch {
    runner = new MainThreadRunner();
  }
  return runner;
}

// --- Sessions: the cells sharing one, the order they run in, their execution count. ------------------------

const sessions = new Map();
let privateSessions = 0;

function sessionNamed(name) {
  if (!sessions.has(name)) sessions.set(name, { name, cells: new Set(), queue: Promise.resolve(), count: 0 });
  return sessions.get(name);
}

const inDocumentOrder = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

// --- The element. ------------------------------------------------------------------------------------------

let cellsMade = 0;

export class Conv1dCodeElement extends Base {
  static observedAttributes = ['session', 'label', 'reset-label'];

  #original = null;
  #session = null;
  #privateName = null;
  #parts = null;
  #runs = 0;
  #queued = false;
  #tabLeaves = false;
  #result = null;
  #number = (cellsMade += 1);

  connectedCallback() {
    if (this.#original === null) this.#original = cellSource(this.textContent);
    if (!this.#parts) this.#build();
    this.#join();
    this.dataset.ready = 'true';
  }

  disconnectedCallback() {
    this.#session?.cells.delete(this);
    this.#session = null;
  }

  attributeChangedCallback(name) {
    if (!this.#parts) return;
    if (name === 'label' || name === 'reset-label') this.#name();
    if (name === 'session' && this.isConnected) this.#join();
  }

  /** The code in the editor. */
  get code() { return this.#parts ? this.#parts.editor.value : (this.#original ?? cellSource(this.textContent)); }
  set code(text) {
    if (!this.#parts) this.#original = String(text);
    else this.#setCode(String(text));
  }

  /** The code Reset puts back; while the reader has not edited the cell, the editor follows it. */
  get source() { return this.#original ?? cellSource(this.textContent); }
  set source(text) {
    const unedited = !this.#parts || this.#parts.editor.value === this.#original;
    this.#original = String(text);
    if (unedited && this.#parts) this.#setCode(this.#original);
    else if (this.#parts) this.#showReset();
  }

  /** The last run's { stdout, error }, or null before the first run. */
  get result() { return this.#result; }

  /** Puts the author's code back (the output and the session stay as they are). */
  reset() {
    this.#setCode(this.#original);
    this.#markLine(null);
  }

  /** Runs the cell (after the cells above it in its session that never ran); resolves with { stdout, error }. */
  run() {
    const session = this.#session;
    if (!session) return Promise.reject(new Error('<conv1d-code> runs only while it is in a document'));
    const earlier = this.hasAttribute('program') ? [] : [...session.cells]
      .filter((c) => c !== this && c.#runs === 0 && !c.#queued && inDocumentOrder(c, this) < 0)
      .sort(inDocumentOrder);
    for (const cell of earlier) cell.#enqueue();
    return this.#enqueue();
  }

  #enqueue() {
    const session = this.#session;
    this.#queued = true;
    this.#parts.prompt.textContent = '[*]';
    this.#parts.output.setAttribute('aria-busy', 'true');
    const source = this.#parts.editor.value;
    const program = this.hasAttribute('program');
    const done = session.queue.then(() => pageRunner().run(session.name, source, program));
    session.queue = done.then(() => undefined);
    return done.then((result) => {
      session.count += 1;
      this.#queued = false;
      this.#runs += 1;
      this.#result = result;
      this.#show(result, source, session.count);
      this.dataset.runs = String(this.#runs);
      this.dispatchEvent(new CustomEvent('conv1d-run', { detail: result, bubbles: true, composed: true }));
      return result;
    });
  }

  #join() {
    this.#session?.cells.delete(this);
    const name = this.getAttribute('session')?.trim() || (this.#privateName ??= `\0cell ${(privateSessions += 1)}`);
    this.#session = sessionNamed(name);
    this.#session.cells.add(this);
  }

  #build() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const el = (tag, props = {}, ...children) => {
      const node = Object.assign(document.createElement(tag), props);
      node.append(...children);
      return node;
    };
    // A <link>, not an inline <style>: pages with a strict CSP (style-src 'self') load it too.
    const link = el('link', { rel: 'stylesheet', href: STYLE_SHEET });
    const hintId = 'keys';
    const prompt = el('span', { className: 'prompt' }, '[ ]');
    prompt.setAttribute('aria-hidden', 'true');
    const runButton = el('button', { type: 'button', className: 'run' }, el('span', { className: 'icon' }, '▶'), ' Run');
    runButton.setAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter Shift+Enter');
    const resetButton = el('button', { type: 'button', className: 'reset' }, 'Reset');
    const hint = el('span', { className: 'hint', id: hintId }, 'Ctrl+Enter runs · Tab indents · Esc, Tab leaves');
    const code = el('code');
    const highlight = el('pre', { className: 'highlight' }, code);
    highlight.setAttribute('aria-hidden', 'true');
    const mark = el('div', { className: 'line-mark', hidden: true });
    const editor = el('textarea', { className: 'editor', spellcheck: false, wrap: 'off', value: this.#original });
    for (const [k, v] of [['autocapitalize', 'off'], ['autocomplete', 'off'], ['autocorrect', 'off'], ['aria-describedby', hintId]]) {
      editor.setAttribute(k, v);
    }
    const layers = el('div', { className: 'layers' }, mark, highlight, editor);
    const scroller = el('div', { className: 'scroller' }, layers);
    const output = el('div', { className: 'output' });
    output.setAttribute('role', 'status');
    const group = el('div', { className: 'cell' },
      el('div', { className: 'bar' }, prompt, runButton, resetButton, hint), scroller, output);
    group.setAttribute('role', 'group');
    shadow.replaceChildren(link, group);
    this.#parts = { group, prompt, runButton, resetButton, editor, scroller, code, mark, output };
    this.#name();
    this.#highlight();
    this.#showReset();

    runButton.addEventListener('click', () => this.run());
    resetButton.addEventListener('click', () => {
      this.reset();
      editor.focus(); // Reset hides itself: the focus goes where the code is, not to the page's start
    });
    editor.addEventListener('input', () => {
      this.#highlight();
      this.#showReset();
    });
    editor.addEventListener('keydown', (event) => this.#onKey(event));
    editor.addEventListener('blur', () => { this.#tabLeaves = false; });
  }

  #name() {
    const label = this.getAttribute('label')?.trim().slice(0, 80) || `Cell ${this.#number}`;
    const { group, runButton, resetButton, editor, output } = this.#parts;
    group.setAttribute('aria-label', `${label}, code cell`);
    editor.setAttribute('aria-label', `${label}: Python code`);
    runButton.setAttribute('aria-label', `Run ${label}`);
    const resetLabel = this.getAttribute('reset-label')?.trim().slice(0, 80);
    resetButton.lastChild.textContent = resetLabel || 'Reset';
    resetButton.setAttribute('aria-label', resetLabel || `Reset ${label}`);
    output.setAttribute('aria-label', `${label}: output`);
  }

  #setCode(text) {
    this.#parts.editor.value = text;
    this.#highlight();
    this.#showReset();
  }

  // Before an edit there is nothing to put back.
  #showReset() {
    this.#parts.resetButton.hidden = this.#parts.editor.value === this.#original;
  }

  #highlight() {
    // A final newline in a <pre> takes no room, in a textarea a line: the extra one keeps the two the same height.
    this.#parts.code.replaceChildren(highlightPython(`${this.#parts.editor.value}\n`));
  }

  #show({ stdout, error }, source, count) {
    const { prompt, output } = this.#parts;
    prompt.textContent = `[${count}]`;
    const blocks = [];
    // Focusable, so a keyboard can scroll a printout wider than the cell (tensors print up to 80 columns).
    if (stdout) blocks.push(Object.assign(document.createElement('pre'), { className: 'stdout', textContent: stdout, tabIndex: 0 }));
    if (error) {
      const pre = Object.assign(document.createElement('pre'), { className: 'error' });
      const type = Object.assign(document.createElement('strong'), { textContent: error.type });
      pre.append(type, `: ${error.message}`);
      const line = Number.isInteger(error.line) ? source.split('\n')[error.line - 1] : undefined;
      if (line !== undefined) pre.append(`\n  on line ${error.line}: ${line.trim()}`);
      blocks.push(pre);
    }
    output.replaceChildren(...blocks);
    output.removeAttribute('aria-busy');
    this.#markLine(error && Number.isInteger(error.line) ? error.line : null);
  }

  /** Shades line `n` of the editor (the line an error names), or none. */
  #markLine(n) {
    const { mark } = this.#parts;
    mark.hidden = n === null;
    if (n !== null) mark.style.setProperty('--line', String(n - 1));
  }

  #onKey(event) {
    const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
    if (key === 'Enter' && (ctrlKey || metaKey || shiftKey)) {
      event.preventDefault();
      this.run();
      return;
    }
    if (key === 'Escape') {
      this.#tabLeaves = true;
      return;
    }
    if (key === 'Tab' && !ctrlKey && !metaKey && !altKey) {
      if (this.#tabLeaves) {
        this.#tabLeaves = false; // the browser moves focus
        return;
      }
      event.preventDefault();
      this.#indentLines(shiftKey ? -1 : 1);
      return;
    }
    if (key !== 'Shift') this.#tabLeaves = false;
    if (key === 'Enter' && !altKey) {
      event.preventDefault();
      const { value, selectionStart } = this.#parts.editor;
      const line = value.slice(value.lastIndexOf('\n', selectionStart - 1) + 1, selectionStart);
      const indent = line.match(/^ */)[0] + (/:\s*$/.test(line) ? INDENT : '');
      this.#insert(`\n${indent}`);
      this.#parts.scroller.scrollLeft = 0; // a new line starts at the left edge, even after a long one
    }
  }

  /** Tab: four spaces at the caret, or one level more for every selected line; Shift+Tab: one level less. */
  #indentLines(direction) {
    const editor = this.#parts.editor;
    const { value, selectionStart, selectionEnd } = editor;
    const multiline = value.slice(selectionStart, selectionEnd).includes('\n');
    if (direction > 0 && !multiline) {
      this.#insert(INDENT);
      return;
    }
    const start = value.lastIndexOf('\n', selectionStart - 1) + 1;
    const block = value.slice(start, selectionEnd);
    const changed = block.split('\n')
      .map((l) => (direction > 0 ? INDENT + l : l.replace(/^ {1,4}/, '')))
      .join('\n');
    if (changed === block) return;
    editor.setSelectionRange(start, selectionEnd);
    this.#insert(changed);
    editor.setSelectionRange(start, start + changed.length);
  }

  /** Replaces the selection with `text` as typing would (Ctrl+Z undoes it where the browser supports that). */
  #insert(text) {
    const editor = this.#parts.editor;
    if (!document.execCommand?.(text ? 'insertText' : 'delete', false, text)) {
      editor.setRangeText(text, editor.selectionStart, editor.selectionEnd, 'end');
      this.#highlight();
      this.#showReset();
    }
  }
}

if (globalThis.customElements && !globalThis.customElements.get('conv1d-code')) {
  globalThis.customElements.define('conv1d-code', Conv1dCodeElement);
}
