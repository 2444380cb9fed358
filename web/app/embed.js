// ?embed=1: the hosted page inside an iframe. Compact chrome, the element's options as URL parameters, an
// "Open full playground" link, and the document's height posted to the parent so the iframe can fit it.
//   <iframe src="https://…/index.html?embed=1&panels=weights,output&seed=1&layer=1,1,3,1,0,1,1,1,zeros">
// Messages: { type: 'conv1d-playground:resize', height, id } where id is the iframe's `id` URL parameter.
import { h } from './dom.js';
import { mountPlayground, readQueryState } from './mount.js';
import { linkQuery } from './state.js';
import { parsePanels, parseSelection, applySelection, EMBED_KEYS } from './options.js';

/** null when the query is not an embed; else the embed's options (errors in them become a notice). */
export function embedOptions(search) {
  const params = new URLSearchParams(search);
  const flag = params.get('embed');
  if (flag === null || flag === '0') return null;
  const problems = [];
  const read = (fn, text) => {
    try {
      return fn(text);
    } catch (error) {
      problems.push(error.message);
      return null;
    }
  };
  const panels = params.has('panels') ? read(parsePanels, params.get('panels')) : null;
  const selection = params.has('selected') ? read(parseSelection, params.get('selected')) : null;
  const readOnly = params.get('readonly') === '1' || params.get('readonly') === '';
  const id = (params.get('id') ?? '').slice(0, 64);
  // The state parameters are the page's own; the embed-only ones are removed before the state is read.
  const stateParams = new URLSearchParams(search);
  for (const key of EMBED_KEYS) stateParams.delete(key);
  const { state, refused } = readQueryState(`?${stateParams}`);
  if (refused) problems.push(`the link's state was refused (${refused}); showing the default example instead`);
  if (selection) applySelection(state, selection);
  return { state, panels, readOnly, id, stateQuery: `?${stateParams}`, problem: problems.join('; ') || null };
}

export async function startEmbed(root, embed) {
  const doc = document.documentElement;
  doc.classList.add('embed-mode');
  let lastHeight = 0;
  const report = () => {
    const height = Math.ceil(doc.getBoundingClientRect().height);
    if (height === lastHeight || window.parent === window) return;
    lastHeight = height;
    // The height is not a secret and the embedding page's origin is unknown: '*' is the only usable target.
    window.parent.postMessage({ type: 'conv1d-playground:resize', height, id: embed.id }, '*');
  };
  const full = new URL(window.location.href);
  full.search = embed.stateQuery;
  const link = h('a', { class: 'open-full', href: full.href, target: '_blank', rel: 'noopener', text: 'Open full playground ↗' });
  // The document's one <h1> (the page's header, which holds its own, is hidden here), sized like the bar's text.
  const bar = h('div', { class: 'embed-bar' }, h('h1', { class: 'embed-brand', text: 'Conv1d playground' }), link);
  const host = h('div', { class: 'embed-root' });
  root.replaceChildren(bar, host);
  const app = await mountPlayground(host, {
    state: embed.state,
    panels: embed.panels,
    readOnly: embed.readOnly,
    compact: true,
    notice: embed.problem,
    timingTarget: doc,
    onRender: () => requestAnimationFrame(report),
    // Edits in the embed carry over to the full playground, as long as a link can hold them.
    onChange: (state) => {
      const { query } = linkQuery(state, `${full.origin}${full.pathname}`);
      if (query === null) return;
      full.search = embed.stateQuery = query;
      link.href = full.href;
    },
  });
  new ResizeObserver(report).observe(doc);
  window.conv1dPlayground = app; // the (frozen) controller, for the browser tests
  doc.dataset.ready = 'true';
  report();
}
