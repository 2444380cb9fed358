// Types for `conv1d-playground/element`: the <conv1d-playground> custom element. Importing the module registers
// the element (in a browser; in Node it defines nothing). See docs/embedding.md for every attribute.

/** One layer of the page's state, as text fields exactly as a person types them. */
export interface LayerState {
  in_channels: string;
  out_channels: string;
  kernel_size: string;
  stride: string;
  /** A number, 'same' or 'valid'. */
  padding: string;
  dilation: string;
  groups: string;
  bias: boolean;
  padding_mode: 'zeros' | 'reflect' | 'replicate' | 'circular';
  /** Edited weight values by flat index into [out, in/groups, k]. */
  weightEdits: Record<string, number>;
  /** Edited bias values by index. */
  biasEdits: Record<string, number>;
}

export interface PlaygroundState {
  seed: string;
  layers: LayerState[];
  input: { kind: 'text' | 'ramp' | 'sine' | 'step' | 'impulse' | 'noise'; text: string; batch: string; channels: string; length: string; batched: boolean };
  showAll: boolean;
  /** The output element the breakdown explains: layer (from 0), n, c, t. */
  sel?: { layer: number; n: number; c: number; t: number } | null;
  preset: 1 | 2 | 3 | null;
}

export interface PlainTensor { shape: number[]; data: Float32Array }

export interface LayerResult {
  weight?: PlainTensor;
  bias?: PlainTensor | null;
  output: PlainTensor | null;
  error: { message: string; field: string } | null;
  runError: { message: string; field: string } | null;
}

export interface PlaygroundResult {
  input: PlainTensor | null;
  inputError: { message: string; field: string } | null;
  layers: LayerResult[];
}

/**
 * `<conv1d-playground>`. Attributes (all optional):
 * `example` (1|2|3), `query` (the page's `?seed=…&layer=…`), `seed`, `layers` (`Conv1d(2, 1, kernel_size=3)`, several
 * separated by `;` or newlines), `input` (`[[[1, 2, 3]]]` or a `tensor(...)` printout), `weights` (printed tensors or a
 * state_dict dump), `panels` (`toolbar, controls, input, weights, output, breakdown, code`), `readonly`, `presets` (`off`
 * hides the tutorial example chips and the examples' note), `label` (prefixes the regions' accessible names:
 * `Example 2: Output`, so several widgets on a page stay distinct), `selected`
 * (`n, c, t` or `layer 2: n, c, t`), `page` (URL of the hosted playground for "copy link": http(s) or relative only).
 * Events: `conv1d-render` after every render, `conv1d-change` (detail.state) after every change a reader makes.
 */
export declare class Conv1dPlaygroundElement extends HTMLElement {
  static observedAttributes: string[];
  /** Resolves with the element once its first render is on screen. */
  readonly ready: Promise<Conv1dPlaygroundElement>;
  /** A copy of the current state; null before the first render. */
  readonly state: PlaygroundState | null;
  /** The last computed result; null before the first render. */
  readonly result: PlaygroundResult | null;
  /** A runnable PyTorch 1.13 program reproducing the current state (throws when the state has an error). */
  toPython(): string | null;
  /** The state as the page's JSON export. */
  toJSON(): { format: 'conv1d-playground/state'; version: 1; query: string; state: Omit<PlaygroundState, 'preset'> } | null;
  /** Imports PyTorch printouts (print(model), state_dict(), labelled tensors) or the JSON export; returns what it read. */
  importText(text: string): string;
}

/**
 * `<conv1d-code>`: a live Python cell; its text content is the code. Run (button, Ctrl/Cmd+Enter or Shift+Enter)
 * prints below it what PyTorch 1.13 prints; Reset restores the author's code. Attributes: `session` (cells naming the
 * same session share variables and the random generator, which starts at seed 67280421310721), `label` (names the
 * cell's controls: `Run Example 1`). Tab indents; Escape then Tab moves focus on. Event: `conv1d-run` (detail: the
 * result) after every run.
 */
export declare class Conv1dCodeElement extends HTMLElement {
  static observedAttributes: string[];
  /** The code in the editor (settable). */
  code: string;
  /** The last run's result; null before the first run. */
  readonly result: PythonResult | null;
  /** Runs the cell, after the cells above it in its session that have not run yet. */
  run(): Promise<PythonResult>;
  /** Puts the author's code back. */
  reset(): void;
}

/** What a cell printed, and the Python error it ended with (null when none). */
export interface PythonResult {
  stdout: string;
  error: { type: string; message: string; line: number | null } | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'conv1d-playground': Conv1dPlaygroundElement;
    'conv1d-code': Conv1dCodeElement;
  }
}
