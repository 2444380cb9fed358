// torch's global generator for one session, over the package's single global generator: every draw since the last
// seed is logged, so that the session can put the package's generator back where the session left it when something
// else drew from it (another session, the page's own layers) and after a layer built only for its computation
// (F.conv1d, a reshaped weight) took draws that torch would not have taken.

let holder = null; // the log whose state the package's generator holds

export class GeneratorLog {
  #nn;
  #seed;
  #calls = []; // [kind, count]: 'rand' for uniform draws (merged), 'randn' for a small randn (it may keep a normal)
  #draws = 0;

  constructor(nn, seed) {
    this.#nn = nn;
    this.seed(seed);
  }

  /** torch.manual_seed. */
  seed(value) {
    this.#nn.manualSeed(value);
    this.#seed = this.#nn.initialSeed();
    this.#calls = [];
    this.#draws = 0;
    holder = this;
  }

  /** torch.initial_seed. */
  initialSeed() { return this.#seed; }

  /** nn.randn / nn.rand of `sizes`, drawn where this session's generator stands. */
  draw(kind, sizes) {
    return this.record(() => this.#nn[kind](sizes), kind === 'randn' ? sizes.reduce((a, b) => a * b, 1) : Infinity);
  }

  /**
   * Runs `fn` (which draws, e.g. builds a layer) where this session's generator stands and logs its draws. A randn of
   * fewer than 16 values (`normals`) is logged as itself: torch keeps the second normal of a pair for the next one.
   */
  record(fn, normals = Infinity) {
    this.#restore();
    const result = fn();
    const draws = this.#nn.drawsSinceSeed() - this.#draws;
    if (normals < 16) this.#calls.push(['randn', normals]);
    else if (draws > 0 && this.#calls.at(-1)?.[0] === 'rand') this.#calls.at(-1)[1] += draws;
    else if (draws > 0) this.#calls.push(['rand', draws]);
    this.#draws += draws;
    return result;
  }

  /** Runs `fn` and takes back what it drew: the generator stands where it stood before. */
  borrow(fn) {
    this.#restore();
    try {
      return fn();
    } finally {
      this.#replay();
    }
  }

  #restore() {
    const nn = this.#nn;
    if (holder !== this || nn.initialSeed() !== this.#seed || nn.drawsSinceSeed() !== this.#draws) this.#replay();
  }

  #replay() {
    const nn = this.#nn;
    nn.manualSeed(this.#seed);
    for (const [kind, count] of this.#calls) {
      if (kind === 'randn') nn.randn(count);
      else for (let left = count; left > 0; left -= nn.maxTensorElements) nn.rand(Math.min(left, nn.maxTensorElements));
    }
    holder = this;
  }
}
