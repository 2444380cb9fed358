// The URL sync (web/app/url-sync.js) against a stand-in window whose timers the test runs: a change is written
// after its task, changes in one task make one write (pushed when any of them began an entry), a state the address
// already holds (in another spelling) writes nothing and ends the field, a state too large for a link keeps the
// last address and says why, and Back reads the address's state (a refused one with its reason).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, preset, stateToQuery } from '../../web/app/state.js';
import { readQueryState, UrlSync } from '../../web/app/url-sync.js';

function fakeWindow(search = '') {
  const timers = [];
  const listeners = new Map();
  const view = {
    location: { origin: 'http://x', pathname: '/index.html', hash: '', search },
    writes: [],
    history: {
      pushState: (_, __, url) => { view.writes.push(['push', url]); view.location.search = url.slice(url.indexOf('?')); },
      replaceState: (_, __, url) => { view.writes.push(['replace', url]); view.location.search = url.slice(url.indexOf('?')); },
    },
    setTimeout: (fn) => timers.push(fn),
    addEventListener: (type, fn) => listeners.set(type, fn),
    removeEventListener: (type) => listeners.delete(type),
    runTimers: () => timers.splice(0).forEach((fn) => fn()),
    fire: (type) => listeners.get(type)?.(),
    listeners,
  };
  return view;
}

function sync(view, current) {
  const seen = { ended: 0, problems: 0, navigated: [] };
  const url = new UrlSync(view, {
    state: () => current.state,
    onNothingWritten: () => { seen.ended += 1; },
    onLinkProblem: () => { seen.problems += 1; },
    onNavigate: (read) => seen.navigated.push(read),
  });
  return { url, seen };
}

test('changes are written after their task, one write for a burst, pushed when one of them began an entry', () => {
  const view = fakeWindow();
  const current = { state: { ...preset(1), seed: '2' } };
  const { url } = sync(view, current);
  url.write(false);
  url.write(true);
  current.state = { ...preset(1), seed: '3' };
  assert.deepEqual(view.writes, []);
  view.runTimers();
  assert.deepEqual(view.writes, [['push', `/index.html${stateToQuery(current.state)}`]]);
  current.state = { ...preset(1), seed: '34' };
  url.write(false);
  view.runTimers();
  assert.equal(view.writes[1][0], 'replace');
});

test('a state the address already holds, in any spelling, writes nothing and ends the field being edited', () => {
  const query = stateToQuery(preset(1)).replace(/,/g, '%2C');
  const view = fakeWindow(query);
  const { url, seen } = sync(view, { state: preset(1) });
  url.write(true);
  view.runTimers();
  assert.deepEqual(view.writes, []);
  assert.equal(seen.ended, 1);
  url.write(false);
  view.runTimers();
  assert.equal(seen.ended, 1, 'a change that began no entry has no field to end');
});

test('a state too large for a link keeps the last address and reports the problem once, until it fits again', () => {
  const view = fakeWindow();
  const big = { ...preset(1), input: { ...preset(1).input, text: `[${'1, '.repeat(LIMITS.linkLength)}1]` } };
  const current = { state: big };
  const { url, seen } = sync(view, current);
  url.write(true);
  view.runTimers();
  assert.deepEqual(view.writes, []);
  assert.equal(seen.problems, 1);
  assert.match(url.linkProblem.message, /too large for a link/);
  current.state = preset(2);
  url.write(true);
  view.runTimers();
  assert.equal(seen.problems, 2);
  assert.equal(url.linkProblem, null);
  assert.equal(view.writes.length, 1);
});

test('Back and Forward read the address: its state, or the default example and why the link was refused', () => {
  const view = fakeWindow();
  const { url, seen } = sync(view, { state: preset(1) });
  view.location.search = stateToQuery(preset(3));
  view.fire('popstate');
  view.location.search = '?seed=abc';
  view.fire('popstate');
  assert.equal(stateToQuery(seen.navigated[0].state), stateToQuery(preset(3)));
  assert.equal(seen.navigated[0].refused, null);
  assert.deepEqual(seen.navigated[1], readQueryState('?seed=abc'));
  assert.equal(seen.navigated[1].refused, 'seed must be an integer');
  url.dispose();
  assert.equal(view.listeners.size, 0);
});
