// Work for the parts of the page that are outside the viewport waits until just after the frame that shows a
// change. A change then costs, inside its frame, only what is on screen (the one-frame budget holds for a
// 3-layer, 16-channel stack whose weight tables and breakdown lie below the fold), and the rest follows a few
// milliseconds later, long before anyone can scroll there. A part scrolled into view is brought up to date at once.
const BUDGET_MS = 8; // deferred work runs in slices this long, so typing is never held up behind it
const FALLBACK_MS = 100; // when frames are throttled (a hidden tab, an off-screen iframe) timers still drain it

export class Offscreen {
  /** view: the window (its frames, timers and clock: view.performance.now); onDrained: called after queued work
   * has run (the page re-marks and re-measures then). */
  constructor(view, onDrained) {
    this.view = view;
    this.onDrained = onDrained;
    this.visible = new Map(); // area → false while its element is known to be off screen
    this.elements = new Map(); // area → element observed for it
    this.areas = new WeakMap(); // element → area
    this.queue = new Map(); // `${area}/${job}` → { area, run }
    this.scheduled = false;
    this.observer = typeof view.IntersectionObserver === 'function'
      ? new view.IntersectionObserver((entries) => this.#seen(entries), { rootMargin: '64px' }) : null;
  }

  /** True while some deferred work has not run yet. */
  get pending() {
    return this.queue.size > 0;
  }

  /** Watches `el` as the element of `area` (a region rebuilt with a new element keeps its area's last state). */
  track(area, el) {
    if (!this.observer || this.elements.get(area) === el) return;
    const old = this.elements.get(area);
    if (old) this.observer.unobserve(old);
    this.elements.set(area, el);
    this.areas.set(el, area);
    this.observer.observe(el);
  }

  /** Runs `fn` now when `area` is on screen (or not known to be off it), else after the frame; a later call for
   * the same area and job replaces a waiting one. */
  run(area, job, fn) {
    const key = `${area}/${job}`;
    this.queue.delete(key);
    if (this.visible.get(area) !== false) {
      fn();
      return;
    }
    this.queue.set(key, { area, run: fn });
    this.#schedule();
  }

  /** Drops the waiting `job` of `area` (what it would draw is no longer wanted). */
  cancel(area, job) {
    this.queue.delete(`${area}/${job}`);
  }

  /** Drops all waiting work (its regions were replaced). */
  clear() {
    this.queue.clear();
  }

  dispose() {
    this.clear();
    this.observer?.disconnect();
  }

  #seen(entries) {
    let ran = false;
    for (const entry of entries) {
      const area = this.areas.get(entry.target);
      if (area === undefined || this.elements.get(area) !== entry.target) continue;
      this.visible.set(area, entry.isIntersecting);
      if (entry.isIntersecting) ran = this.#runArea(area) || ran;
    }
    if (ran) this.onDrained();
  }

  #runArea(area) {
    let ran = false;
    for (const [key, item] of this.queue) {
      if (item.area !== area) continue;
      this.queue.delete(key);
      item.run();
      ran = true;
    }
    return ran;
  }

  #schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // requestAnimationFrame then a task: after the frame is painted, not before it.
    const fallback = this.view.setTimeout(() => this.#drain(), FALLBACK_MS);
    this.view.requestAnimationFrame(() => this.view.setTimeout(() => {
      this.view.clearTimeout(fallback);
      this.#drain();
    }, 0));
  }

  #drain() {
    if (!this.scheduled) return;
    this.scheduled = false;
    const clock = this.view.performance;
    const start = clock.now();
    try {
      for (const [key, item] of this.queue) {
        if (clock.now() - start > BUDGET_MS) break;
        this.queue.delete(key);
        item.run();
      }
    } finally {
      // The next slice is the next task, not the next frame: input still comes first, and a region scrolled
      // to is current a few milliseconds later. (A job that throws leaves the rest to run, not stuck.)
      if (this.queue.size) {
        this.scheduled = true;
        this.view.setTimeout(() => this.#drain(), 0);
      } else {
        this.onDrained();
      }
    }
  }
}
