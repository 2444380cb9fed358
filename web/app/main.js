// The hosted page: one playground instance bound to the address bar (state ⇄ URL, back/forward), or, with
// ?embed=1, a compact instance for an iframe that reports its height to the parent page.
import { h } from './dom.js';
import { mountPlayground } from './mount.js';
import { readQueryState, refusedNotice } from './url-sync.js';
import { stateToQuery } from './state.js';
import { embedOptions, startEmbed } from './embed.js';

async function start() {
  const root = document.getElementById('app');
  const search = window.location.search;
  const embed = embedOptions(search);
  if (embed) {
    await startEmbed(root, embed);
    return;
  }
  const { state, refused } = readQueryState(search);
  const app = await mountPlayground(root, {
    state,
    url: true,
    timingTarget: document.documentElement,
    notice: refused ? refusedNotice(refused) : null,
  });
  if (refused) window.history.replaceState(null, '', `${window.location.pathname}${stateToQuery(state)}`);
  window.conv1dPlayground = app; // the (frozen) controller, for the browser tests and the curious
  document.documentElement.dataset.ready = 'true';
}

start().catch((error) => {
  const root = document.getElementById('app');
  root.replaceChildren(h('p', { class: 'fatal', role: 'alert', text: `The playground could not start: ${error.message}` }));
  root.setAttribute('aria-busy', 'false');
});
