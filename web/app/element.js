// <conv1d-playground>: the playground as a custom element, for lessons written as plain HTML.
//   <script type="module" src="https://unpkg.com/conv1d-playground/web/app/element.js"></script>
//   <conv1d-playground></conv1d-playground>                      the tutorial's first example, every control
//   <conv1d-playground layers="Conv1d(2, 1, kernel_size=3)" input="[[[1, 2, 3], [4, 5, 6]]]"
//                      panels="weights, output" readonly selected="0, 0, 1"></conv1d-playground>
// Attributes (all optional; see docs/embedding.md): example, query, seed, layers, input, weights, panels,
// readonly, selected, page. Each instance lives in its own open shadow root with the page's style sheets and owns
// its state; they share only the WebAssembly module. Importing this file outside a browser defines nothing.
import { mountPlayground } from './mount.js';
import { load } from '../lib/index.js';
import { instanceLabel, pageAddress, parsePanels, presetsShown, stateFromAttributes } from './options.js';
import { seededParams } from './exchange.js';
export { Conv1dCodeElement } from './code-cell.js'; // registers <conv1d-code>, the lessons' live Python cells

const STATE_ATTRIBUTES = ['example', 'query', 'seed', 'layers', 'input', 'weights', 'selected'];
const VIEW_ATTRIBUTES = ['panels', 'readonly', 'presets', 'label'];
const STYLE_SHEETS = ['./style.css', './embed.css'].map((p) => new URL(p, import.meta.url).href);

// Outside a browser (Node, a server-side renderer) there is no HTMLElement: the class is still exported, inert.
const Base = globalThis.HTMLElement ?? class {};

export class Conv1dPlaygroundElement extends Base {
  static observedAttributes = [...STATE_ATTRIBUTES, ...VIEW_ATTRIBUTES];

  #controller = null;
  #mounting = null;
  #container = null;
  #errorSlot = null;
  #readyResolve;

  constructor() {
    super();
    /** Resolves with the element once its first render is on screen. */
    this.ready = new Promise((resolve) => { this.#readyResolve = resolve; });
  }

  connectedCallback() {
    if (this.#mounting) return;
    this.#mounting = this.#mount().catch((error) => this.#showError(`The playground could not start: ${error.message}`));
  }

  disconnectedCallback() {
    // Moving the element keeps it; removing it for good frees its layers and listeners after this task.
    queueMicrotask(() => {
      if (this.isConnected || !this.#controller) return;
      this.#controller.destroy();
      this.#controller = null;
      this.#mounting = null;
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#controller || oldValue === newValue) return;
    if (VIEW_ATTRIBUTES.includes(name)) {
      this.#controller.destroy();
      this.#controller = null;
      this.#mounting = this.#mount();
      return;
    }
    this.#applyState();
  }

  /** The current state (a copy), as the page would put it in its URL. */
  get state() { return this.#controller?.state ?? null; }
  /** The last computed result: result.layers[i].output = { shape, data } and so on. */
  get result() { return this.#controller?.result ?? null; }
  /** The Python program reproducing the widget's current state. */
  toPython() { return this.#controller?.toPython() ?? null; }
  /** The state as the JSON export. */
  toJSON() { return this.#controller ? JSON.parse(this.#controller.toJSON()) : null; }
  /** Imports PyTorch printouts or the JSON export (throws with a message when it cannot). */
  importText(text) { return this.#controller.importText(text); }

  async #mount() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!this.#container) {
      // <link> elements, not inline <style>: pages with a strict CSP (style-src 'self') load them too.
      const links = STYLE_SHEETS.map((href) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
      const loaded = Promise.all(links.map((link) => new Promise((resolve) => {
        link.addEventListener('load', resolve, { once: true });
        link.addEventListener('error', resolve, { once: true });
      })));
      this.#errorSlot = Object.assign(document.createElement('p'), { className: 'element-error', hidden: true });
      this.#errorSlot.setAttribute('role', 'alert');
      this.#container = document.createElement('div');
      this.#container.className = 'app pending-style';
      this.#container.setAttribute('aria-busy', 'true');
      shadow.replaceChildren(...links, this.#errorSlot, this.#container);
      await loaded;
      this.#container.classList.remove('pending-style');
    }
    const nn = await load();
    let panels = null;
    const problems = [];
    if (this.hasAttribute('panels')) {
      try {
        panels = parsePanels(this.getAttribute('panels'));
      } catch (error) {
        problems.push(`panels: ${error.message}`);
      }
    }
    let pageUrl;
    if (this.hasAttribute('page')) {
      try {
        pageUrl = pageAddress(this.getAttribute('page'), document.baseURI);
      } catch (error) {
        problems.push(`${error.message}; Copy link points to the playground next to this element's files instead.`);
      }
    }
    const { state, problem } = this.#stateFromAttributes(nn);
    if (problem) problems.push(problem);
    this.#showError(problems.join('\n'));
    let first = true;
    this.#controller = await mountPlayground(this.#container, {
      state,
      panels,
      readOnly: this.hasAttribute('readonly') && this.getAttribute('readonly') !== 'false',
      presets: presetsShown(this.getAttribute('presets')),
      label: instanceLabel(this.getAttribute('label')),
      compact: true,
      timingTarget: this,
      pageUrl,
      onRender: () => {
        this.dispatchEvent(new CustomEvent('conv1d-render', { bubbles: true, composed: true }));
        if (first) {
          first = false;
          requestAnimationFrame(() => this.#readyResolve(this));
        }
      },
      onChange: (next) => this.dispatchEvent(new CustomEvent('conv1d-change', { detail: { state: next }, bubbles: true, composed: true })),
    });
    this.dataset.ready = 'true';
  }

  #stateFromAttributes(nn) {
    const attrs = {};
    for (const name of STATE_ATTRIBUTES) if (this.hasAttribute(name)) attrs[name] = this.getAttribute(name);
    try {
      return { state: stateFromAttributes(attrs, (s) => seededParams(nn, s)), problem: null };
    } catch (error) {
      return { state: undefined, problem: `${error.message} — showing the default example instead.` };
    }
  }

  async #applyState() {
    const nn = await load();
    const { state, problem } = this.#stateFromAttributes(nn);
    this.#showError(problem);
    if (state) this.#controller?.setState(state);
  }

  #showError(message) {
    if (!this.#errorSlot) return;
    this.#errorSlot.hidden = !message;
    this.#errorSlot.textContent = message ? `<conv1d-playground> ${message}` : '';
  }
}

if (globalThis.customElements && !globalThis.customElements.get('conv1d-playground')) {
  globalThis.customElements.define('conv1d-playground', Conv1dPlaygroundElement);
}
