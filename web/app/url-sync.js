// The state in the address bar (the page only): a change is written just after its frame (pushState and
// replaceState cost a few ms each), one history entry per field-editing session, and only as a link that reloads to
// the state; Back and Forward bring a link's state back. `view` is the window (location, history, timers).
import { defaultState, linkQuery, parseState, StateError } from './state.js';

/** Reads a page-style query string (`?seed=1&layer=…`) into { state, refused }; the default state when empty. */
export function readQueryState(search) {
  try {
    const state = parseState(search);
    return { state: state ?? defaultState(), refused: null };
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    return { state: defaultState(), refused: error.message };
  }
}

/** The notice of a link whose state was refused (`refused`: why). */
export const refusedNotice = (refused) =>
  `The link's state was refused (${refused}); showing the default example instead.`;

export class UrlSync {
  /**
   * state(): the state to write; onNothingWritten(): a change that began an entry wrote none (the session's field
   * then ends); onLinkProblem(): linkProblem changed; onNavigate({ state, refused }): Back or Forward.
   */
  constructor(view, { state, onNothingWritten, onLinkProblem, onNavigate }) {
    this.view = view;
    this.state = state;
    this.onNothingWritten = onNothingWritten;
    this.onLinkProblem = onLinkProblem;
    this.pending = null;
    /** Why the address bar cannot hold the current state (linkQuery's answer), or null. */
    this.linkProblem = null;
    this.onPop = () => {
      this.pending = null;
      this.linkProblem = null; // the state comes from a link
      onNavigate(readQueryState(view.location.search));
    };
    view.addEventListener('popstate', this.onPop);
  }

  /** Writes the current state after this task; push: it begins a history entry (else it replaces the current one). */
  write(push) {
    if (this.pending) {
      this.pending.push ||= push;
      return;
    }
    this.pending = { push };
    this.view.setTimeout(() => this.flush(), 0);
  }

  // Only a link that reloads to the state is written; otherwise the address bar keeps the last one that did.
  flush() {
    if (!this.pending) return;
    const { push } = this.pending;
    this.pending = null;
    const { origin, pathname, hash } = this.view.location;
    const link = linkQuery(this.state(), `${origin}${pathname}${hash}`);
    const problem = link.query === null && link.tooLong ? link : null;
    if (Boolean(problem) !== Boolean(this.linkProblem) || (problem && problem.length !== this.linkProblem.length)) {
      this.linkProblem = problem;
      this.onLinkProblem();
    }
    if (link.query === null || sameState(link.query, this.view.location.search)) {
      // Nothing was written, so no entry began: the next real change in this field gets one of its own (else it
      // would replace the entry of the state the page showed before).
      if (push) this.onNothingWritten();
      return;
    }
    const url = `${pathname}${link.query}${hash}`;
    if (push) this.view.history.pushState(null, '', url);
    else this.view.history.replaceState(null, '', url);
  }

  dispose() {
    this.pending = null;
    this.view.removeEventListener('popstate', this.onPop);
  }
}

// Like with like: location.search keeps the spelling of the link that opened the page (`%2C` or `,`, `[` or
// `%5B`, no query at all for the default example), while `query` is written canonically. The address is
// unchanged when it reads back to the state `query` holds.
function sameState(query, search) {
  if (query === search) return true;
  const { state, refused } = readQueryState(search);
  return !refused && linkQuery(state).query === query;
}
