// The page's deferral of off-screen work (web/app/offscreen.js), alone: a fake window drives its intersection
// reports, frames and timers, so each rule is checked deterministically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Offscreen } from '../../web/app/offscreen.js';

function fakeWindow() {
  const frames = [];
  const timers = new Map();
  let nextTimer = 0;
  let now = 0;
  const win = {
    /** The clock: it moves only when a test says so (advance), never with the machine's speed. */
    performance: { now: () => now },
    advance(ms) { now += ms; },
    observer: null,
    IntersectionObserver: class {
      constructor(callback) {
        this.callback = callback;
        this.observed = new Set();
        win.observer = this;
      }
      observe(el) { this.observed.add(el); }
      unobserve(el) { this.observed.delete(el); }
      disconnect() { this.observed.clear(); }
    },
    requestAnimationFrame: (fn) => frames.push(fn),
    setTimeout: (fn, ms) => {
      timers.set((nextTimer += 1), { fn, ms });
      return nextTimer;
    },
    clearTimeout: (id) => timers.delete(id),
    /** Paints a frame: the animation-frame callbacks run, then the 0 ms timers they set. */
    frame() {
      for (const fn of frames.splice(0)) fn();
      win.timers((ms) => ms === 0);
    },
    /** Runs the pending timers that `which(ms)` selects. */
    timers(which) {
      for (const [id, t] of [...timers]) {
        if (!which(t.ms)) continue;
        timers.delete(id);
        t.fn();
      }
    },
    /** The browser reports `el` as on screen or off it. */
    report(el, isIntersecting) {
      win.observer.callback([{ target: el, isIntersecting }]);
    },
  };
  return win;
}

function setUp() {
  const win = fakeWindow();
  const drained = [];
  const offscreen = new Offscreen(win, () => drained.push('drained'));
  /** Tracks a new element for `area` and reports it off screen; returns the element. */
  const offScreenArea = (area) => {
    const el = {};
    offscreen.track(area, el);
    win.report(el, false);
    return el;
  };
  return { win, offscreen, drained, offScreenArea };
}

test('work for an area not known to be off screen runs at once', () => {
  const { offscreen } = setUp();
  const ran = [];
  offscreen.run('output', 'view', () => ran.push('now'));
  offscreen.track('output', {});
  offscreen.run('output', 'view', () => ran.push('tracked, not yet reported'));
  assert.deepEqual(ran, ['now', 'tracked, not yet reported']);
  assert.equal(offscreen.pending, false);
});

test('off-screen work waits for the painted frame; a later call replaces the waiting one', () => {
  const { win, offscreen, drained, offScreenArea } = setUp();
  offScreenArea('layer2');
  const ran = [];
  offscreen.run('layer2', 'params', () => ran.push('old values'));
  offscreen.run('layer2', 'params', () => ran.push('new values'));
  offscreen.run('layer2', 'view', () => ran.push('view'));
  assert.deepEqual(ran, []);
  assert.equal(offscreen.pending, true);
  win.frame();
  assert.deepEqual(ran, ['new values', 'view']);
  assert.equal(offscreen.pending, false);
  assert.deepEqual(drained, ['drained']);
});

test('an area scrolled into view runs its waiting work at once', () => {
  const { win, offscreen, drained, offScreenArea } = setUp();
  offScreenArea('a');
  const b = offScreenArea('b');
  const ran = [];
  offscreen.run('a', 'params', () => ran.push('a'));
  offscreen.run('b', 'params', () => ran.push('b'));
  win.report(b, true);
  assert.deepEqual(ran, ['b']);
  assert.deepEqual(drained, ['drained']);
  assert.equal(offscreen.pending, true, "a's work still waits");
  offscreen.run('b', 'params', () => ran.push('b again'));
  assert.deepEqual(ran, ['b', 'b again'], 'b is on screen now: no waiting');
});

test("a region rebuilt with a new element keeps its area's state; reports for the old element are ignored", () => {
  const { win, offscreen, offScreenArea } = setUp();
  const old = offScreenArea('layer0');
  const rebuilt = {};
  offscreen.track('layer0', rebuilt);
  assert.equal(win.observer.observed.has(old), false);
  const ran = [];
  offscreen.run('layer0', 'params', () => ran.push('params'));
  assert.deepEqual(ran, [], 'still off screen');
  win.report(old, true);
  assert.deepEqual(ran, []);
  win.report(rebuilt, true);
  assert.deepEqual(ran, ['params']);
});

test('cancel and clear drop waiting work', () => {
  const { win, offscreen, offScreenArea } = setUp();
  offScreenArea('breakdown');
  const ran = [];
  offscreen.run('breakdown', 'build', () => ran.push('build'));
  offscreen.run('breakdown', 'other', () => ran.push('other'));
  offscreen.cancel('breakdown', 'build');
  assert.equal(offscreen.pending, true);
  offscreen.clear();
  assert.equal(offscreen.pending, false);
  win.frame();
  assert.deepEqual(ran, []);
});

test('long waiting work runs in slices of a few milliseconds, one task each', () => {
  const { win, offscreen, drained, offScreenArea } = setUp();
  offScreenArea('x');
  const ran = [];
  for (const job of ['a', 'b', 'c', 'd']) offscreen.run('x', job, () => { win.advance(5); ran.push(job); });
  win.frame();
  assert.deepEqual(ran, ['a', 'b'], 'the slice ends once 8 ms have gone');
  assert.equal(offscreen.pending, true);
  assert.deepEqual(drained, []);
  win.timers((ms) => ms === 0);
  assert.deepEqual(ran, ['a', 'b', 'c', 'd'], 'the next slice is the next task, without waiting for a frame');
  assert.deepEqual(drained, ['drained']);
});

test('a job that throws does not leave the rest waiting', () => {
  const { win, offscreen, drained, offScreenArea } = setUp();
  offScreenArea('x');
  const ran = [];
  offscreen.run('x', 'bad', () => { throw new Error('bad job'); });
  offscreen.run('x', 'good', () => ran.push('good'));
  assert.throws(() => win.frame(), /bad job/);
  win.timers((ms) => ms === 0);
  assert.deepEqual(ran, ['good']);
  assert.equal(offscreen.pending, false);
  assert.deepEqual(drained, ['drained']);
});

test('without frames (a hidden tab, an off-screen iframe) a timer still runs the waiting work', () => {
  const { win, offscreen, offScreenArea } = setUp();
  offScreenArea('x');
  const ran = [];
  offscreen.run('x', 'params', () => ran.push('params'));
  win.timers((ms) => ms > 0);
  assert.deepEqual(ran, ['params']);
  win.frame();
  assert.deepEqual(ran, ['params'], 'not twice');
});

test('without IntersectionObserver everything runs at once', () => {
  const win = fakeWindow();
  delete win.IntersectionObserver;
  const offscreen = new Offscreen(win, () => {});
  const ran = [];
  offscreen.track('x', {});
  offscreen.run('x', 'params', () => ran.push('params'));
  assert.deepEqual(ran, ['params']);
});
