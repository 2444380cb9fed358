// Play/Pause for a training session: on each tick of an injected scheduler (the page passes
// requestAnimationFrame; tests pass one they advance by hand), `speed` steps, then onTick. Never the wall clock.
export const SPEEDS = Object.freeze([1, 2, 5, 10, 25]);

export class Player {
  #session;
  #schedule;
  #cancel;
  #handle = null;

  /**
   * session: a TrainSession (or anything with step(count), diverged() and error), or null until there is one. scheduler: { schedule(fn) →
   * handle, cancel(handle) }. onTick(player): after each tick's steps, and when playing stops by itself.
   */
  constructor(session, scheduler, onTick = () => {}) {
    this.#session = session;
    this.#schedule = scheduler.schedule;
    this.#cancel = scheduler.cancel;
    this.onTick = onTick;
    this.speed = 1;
  }

  get playing() { return this.#handle !== null; }

  set session(session) { this.#session = session; }

  play() {
    if (this.playing || !this.#canStep()) return;
    this.#handle = this.#schedule(() => this.#tick());
  }

  pause() {
    if (this.#handle === null) return;
    this.#cancel(this.#handle);
    this.#handle = null;
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  #canStep() { return Boolean(this.#session) && !this.#session.error && !this.#session.diverged(); }

  #tick() {
    this.#handle = null;
    this.#session.step(this.speed);
    if (this.#canStep()) this.#handle = this.#schedule(() => this.#tick());
    this.onTick(this);
  }
}
