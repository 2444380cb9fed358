// Types for conv1d-playground: PyTorch's nn.Conv1d, bit for bit, in WebAssembly.

/** Nested arrays of numbers, as `torch.tensor` takes them: `[[[1, 2, 3]]]`. */
export type NestedArray = number | NestedArray[];
/** Anything a layer accepts as a tensor. */
export type TensorLike = Tensor | NestedArray;
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

/** A float32 tensor held in JavaScript memory (no delete() needed). */
export class Tensor {
  /**
   * A tensor over `data` (used as it is, not copied) with `shape`; the element counts must agree.
   * `nn.tensor(...)` converts and copies anything else.
   */
  constructor(data: Float32Array, shape: number[]);
  /** The sizes, as a new plain array, e.g. `[1, 1, 3]`. */
  readonly shape: number[];
  /** Contiguous row-major float32 values. */
  readonly data: Float32Array;
  readonly ndim: number;
  numel(): number;
  size(): number[];
  size(dim: number): number;
  /** The value of a one-element tensor. */
  item(): number;
  /** Nested arrays, like torch's `tolist()`. */
  toArray(): NestedArray;
  clone(): Tensor;
  /** Whether gradients flow to or through this tensor: a leaf after requiresGrad_(), a parameter, or a result. */
  readonly requiresGrad: boolean;
  /** False for a tensor computed from tensors that require grad. */
  readonly isLeaf: boolean;
  /** torch's requires_grad_(): a leaf's gradients land in `.grad` from then on (a parameter's flag is its layer's). */
  requiresGrad_(requiresGrad?: boolean): this;
  /** The accumulated gradient (a copy shaped like this tensor), or null before any backward (always null for a result). */
  readonly grad: Tensor | null;
  /** The same values (shared) cut off from the graph. */
  detach(): Tensor;
  /**
   * Gradients of this tensor with respect to every leaf that requires grad, accumulated into their `.grad`; frees
   * the graph. `gradient`, shaped like this tensor, is required unless it is a scalar.
   */
  backward(gradient?: TensorLike): void;
  /** As PyTorch prints it: `tensor([[[-0.2770, -0.3462, -0.4155]]])`. */
  toString(): string;
  toJSON(): { shape: number[]; data: number[] };
}

/** Constructor options: PyTorch's keyword arguments in camelCase (snake_case spellings also accepted). */
export interface Conv1dOptions {
  /** Default 1. A one-element array (PyTorch's tuple) is also accepted. */
  stride?: number | [number];
  /** Zero-padding on both sides (default 0), or 'same' / 'valid'. */
  padding?: number | [number] | 'same' | 'valid';
  /** Default 1. */
  dilation?: number | [number];
  /** Default 1; must divide in_channels and out_channels. */
  groups?: number;
  /** Default true. */
  bias?: boolean;
  /** Default 'zeros'. */
  paddingMode?: PaddingMode;
  padding_mode?: PaddingMode;
}

/** Everything one forward call will do, as PyTorch validates it. */
export interface Conv1dPlan {
  /** false for (C, L) input. */
  batched: boolean;
  batch: number;
  inChannels: number;
  /** L, the input length. */
  length: number;
  /** Padding added before the input ('same' puts the odd element on the right). */
  padLeft: number;
  padRight: number;
  /** L + padLeft + padRight. */
  paddedLength: number;
  outChannels: number;
  /** floor((paddedLength - dilation*(kernelSize-1) - 1) / stride) + 1 */
  outLength: number;
  outputShape: number[];
}

/** torch.nn.Conv1d. Owns WebAssembly memory: call delete() when done (or let it be garbage-collected). */
export class Conv1d {
  constructor(inChannels: number | [number], outChannels: number | [number], kernelSize: number | [number],
    options?: Conv1dOptions);
  constructor(options: Conv1dOptions & { inChannels: number; outChannels: number; kernelSize: number | [number] });
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: number;
  readonly stride: number;
  readonly padding: number | 'same' | 'valid';
  readonly dilation: number;
  readonly groups: number;
  readonly paddingMode: PaddingMode;
  /** The normalised options: enough to build an identical layer. */
  readonly options: Required<Omit<Conv1dOptions, 'padding_mode' | 'stride' | 'padding' | 'dilation'>> & {
    stride: number; padding: number | 'same' | 'valid'; dilation: number;
  };
  /** [out_channels, in_channels / groups, kernel_size]. Reading returns a copy; assigning checks the shape. */
  get weight(): Tensor;
  set weight(value: TensorLike);
  /** [out_channels], or null without bias. Assign null to remove it. */
  get bias(): Tensor | null;
  set bias(value: TensorLike | null);
  /** Draws weight and bias again from the global generator. */
  resetParameters(): void;
  /** The weight, then the bias if any; their `.grad` is the layer's gradient. */
  parameters(): Tensor[];
  /** Sets the parameters' gradients to zero (torch 1.13's zero_grad()). */
  zeroGrad(): void;
  /** Validates an input shape and describes the call; throws PyTorch's error message. */
  plan(inputShape: number[]): Conv1dPlan;
  outputShape(inputShape: number[]): number[];
  /** input: (N, C_in, L) or (C_in, L). */
  forward(input: TensorLike): Tensor;
  /**
   * Where each position of the padded input reads from, for an input of `length`: an index into the
   * input, or -1 for a zero of zero-padding (length + padLeft + padRight entries). Only padded positions
   * [start, end) when given: a long padding can be millions of positions.
   */
  paddedSources(length: number, start?: number, end?: number): number[];
  /**
   * The output element (batch, outChannel, position) of `input`, term by term. For (C, L) input, batch is 0.
   * `channels`: list only these input channels' terms (offsets within the group); the value sums them all.
   */
  explain(input: TensorLike, batch: number, outChannel: number, position: number,
          options?: { channels?: number[] }): Explanation;
  /**
   * Why one parameter's gradient has its value, for `input` and `gradOutput` (∂L/∂y, shaped like forward(input)'s
   * output): ∂L/∂w[o, i, k] = Σ_n Σ_t ∂L/∂y[n, o, t] · x_padded[n, c, t·stride + k·dilation], or ∂L/∂b[o] = Σ ∂L/∂y[n, o, t].
   * The value is the float32 backward gives and sums all termCount terms; `maxTerms` lists only the first ones.
   */
  explainGrad(input: TensorLike, gradOutput: TensorLike, which: { weight: [number, number, number]; maxTerms?: number }): WeightGradientExplanation;
  explainGrad(input: TensorLike, gradOutput: TensorLike, which: { bias: number; maxTerms?: number }): BiasGradientExplanation;
  /**
   * Where the parameters came from. A layer with drawsBefore 0 that is not edited is reproduced by
   * torch.manual_seed(seed) alone.
   */
  readonly origin: { seed: bigint; drawsBefore: number; drawsAfter: number; edited: boolean };
  /** A runnable PyTorch program reproducing this layer on `input`. */
  toPython(input: TensorLike): string;
  /** Frees the layer's WebAssembly memory; using it afterwards throws. */
  delete(): void;
  isDeleted(): boolean;
  /** As PyTorch prints the module. */
  toString(): string;
}

/** One product weight * input that an output element sums. */
export interface ExplainedTerm {
  /** Input channel (index into C_in). */
  inChannel: number;
  /** Kernel position j. */
  tap: number;
  /** position * stride + tap * dilation: where the tap lands in the padded input. */
  paddedPosition: number;
  /** The input position the value comes from, or -1 for a zero of zero-padding. */
  source: number;
  /** The tap lands in the padding (source says where the padding mode took the value from). */
  padded: boolean;
  input: number;
  weight: number;
}

export interface Explanation {
  batch: number;
  outChannel: number;
  position: number;
  group: number;
  firstInChannel: number;
  /** How many terms the value sums: (inChannels / groups) * kernelSize. */
  termCount: number;
  /** By input channel, then tap: every term, or those of the channels asked for. */
  terms: ExplainedTerm[];
  bias: number | null;
  /** bias + sum of input * weight, in float32 and in the forward's (torch's) order: the forward's exact value. */
  value: number;
}

/** One product ∂L/∂y[n, o, t] · x_padded[n, c, t·stride + k·dilation] that a weight's gradient sums. */
export interface WeightGradientTerm {
  batch: number;
  /** t: the output position. */
  position: number;
  /** ∂L/∂y[n, o, t]. */
  gradOutput: number;
  /** x[n, c, source], or 0 for a zero of zero-padding. */
  input: number;
  /** t * stride + k * dilation: where the tap lands in the padded input. */
  paddedPosition: number;
  /** The input position the value comes from, or -1 for a zero of zero-padding. */
  source: number;
  /** The tap lands in the padding (source says where the padding mode took the value from). */
  padded: boolean;
}

export interface WeightGradientExplanation {
  outChannel: number;
  /** i: the offset within the group (the weight's second index). */
  inChannel: number;
  tap: number;
  group: number;
  /** group * (inChannels / groups) + inChannel: the channel of x the terms read. */
  inputChannel: number;
  /** The terms the value sums: batch * output length. */
  termCount: number;
  /** By batch, then position: all of them, or the first maxTerms. */
  terms: WeightGradientTerm[];
  /** The sum of every gradOutput * input, accumulated in double and rounded once: backward's float. */
  value: number;
}

export interface BiasGradientExplanation {
  outChannel: number;
  termCount: number;
  terms: { batch: number; position: number; gradOutput: number }[];
  value: number;
}

/** How far one layer's outputs see into the stack's original input. */
export interface ReceptiveField {
  /** Input positions spanned by one output (padding included). */
  size: number;
  /** Distance in the input between neighbouring outputs. */
  jump: number;
  /** Input position of the first element output 0 sees (negative inside the left padding). */
  start: number;
}

/** torch.nn.ReLU, torch.nn.Tanh, torch.nn.Sigmoid: elementwise, any shape, no parameters. */
export class Activation {
  forward(input: TensorLike): Tensor;
  /** The shape is kept. */
  plan(inputShape: number[]): ActivationPlan;
  outputShape(inputShape: number[]): number[];
  parameters(): Tensor[];
  zeroGrad(): void;
  /** `ReLU()`, as PyTorch prints it. */
  toString(): string;
}
export class ReLU extends Activation { private readonly relu: true }
export class Tanh extends Activation { private readonly tanh: true }
export class Sigmoid extends Activation { private readonly sigmoid: true }
export interface ActivationPlan { outputShape: number[] }
/** What a Sequential holds. */
export type Module = Conv1d | ReLU | Tanh | Sigmoid;
/** Conv1dPlan for a Conv1d, ActivationPlan for an activation. */
export type PlanOf<L> = L extends Conv1d ? Conv1dPlan : ActivationPlan;

/** torch.nn.Sequential of Conv1d layers and activations; `L` is the union of the modules given. */
export interface Sequential<L extends Module = Module> extends Iterable<L> {
  readonly length: number;
  readonly layers: L[];
  at(index: number): L | undefined;
  [Symbol.iterator](): Iterator<L>;
  forward(input: TensorLike): Tensor;
  /** Every layer's output, in order. */
  forwardAll(input: TensorLike): Tensor[];
  plans(inputShape: number[]): PlanOf<L>[];
  outputShapes(inputShape: number[]): number[][];
  /** Weight then bias of each Conv1d, in order. */
  parameters(): Tensor[];
  zeroGrad(): void;
  /** Per layer, through all earlier layers (an activation's is the layer's before it). */
  receptiveFields(): ReceptiveField[];
  /** The original-input positions (sorted) that output `position` of layer `layerIndex` reads. */
  influencingInputs(inputShape: number[], layerIndex: number, position: number): number[];
  /** A runnable PyTorch program: torch.manual_seed when the seed alone reproduces the stack. */
  toPython(input: TensorLike): string;
  /** Deletes every Conv1d. */
  delete(): void;
  toString(): string;
}
export interface SequentialConstructor {
  new <T extends Module[]>(...layers: T): Sequential<T[number]>;
  new <T extends Module[]>(layers: T): Sequential<T[number]>;
}

export type Reduction = 'mean' | 'sum' | 'none';
/** torch.nn.MSELoss / torch.nn.L1Loss. */
export class Loss {
  constructor(options?: { reduction?: Reduction });
  readonly reduction: Reduction;
  /** A scalar Tensor (shape []), or per element with reduction 'none'. The shapes must be equal. */
  forward(input: TensorLike, target: TensorLike): Tensor;
}
export class MSELoss extends Loss { private readonly mse: true }
export class L1Loss extends Loss { private readonly l1: true }

/** torch.optim.SGD's arguments (snake_case weight_decay accepted too). */
export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  weight_decay?: number;
  nesterov?: boolean;
}
/** torch.optim.Adam's arguments (snake_case weight_decay accepted too). */
export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
  weight_decay?: number;
  amsgrad?: boolean;
}
/** Optimizers update the tensors given (parameters, or leaves that require grad) in place, torch 1.13's way. */
export class Optimizer {
  step(): void;
  /** Sets gradients to zero (torch 1.13: set_to_none=False). */
  zeroGrad(): void;
}
export class SGD extends Optimizer {
  constructor(params: Iterable<Tensor>, options: SGDOptions);
  readonly options: Readonly<Required<Omit<SGDOptions, 'weight_decay'>>>;
}
export class Adam extends Optimizer {
  constructor(params: Iterable<Tensor>, options?: AdamOptions);
  readonly options: Readonly<Required<Omit<AdamOptions, 'weight_decay'>>>;
}

/**
 * What the package throws: PyTorch's message, the argument at fault in PyTorch's spelling ('groups',
 * 'padding', 'kernel_size', 'input', 'weight', ...), and for a Sequential the layer that raised it.
 */
export interface Conv1dError extends Error {
  argument?: string;
  layerIndex?: number;
}


export interface Conv1dApi {
  readonly Tensor: typeof Tensor;
  readonly Conv1d: typeof Conv1d;
  readonly Sequential: SequentialConstructor;
  readonly ReLU: typeof ReLU;
  readonly Tanh: typeof Tanh;
  readonly Sigmoid: typeof Sigmoid;
  readonly MSELoss: typeof MSELoss;
  readonly L1Loss: typeof L1Loss;
  readonly optim: { readonly SGD: typeof SGD; readonly Adam: typeof Adam };
  /** torch.tensor: nested arrays, a number, a Tensor, or flat values with a shape. */
  tensor(values: TensorLike): Tensor;
  tensor(values: ArrayLike<number>, shape: number[]): Tensor;
  /** torch.rand(size): uniform [0, 1), bit-identical to torch. `rand(2, 3)` or `rand([2, 3])`. */
  rand(...size: number[]): Tensor;
  rand(size: number[]): Tensor;
  /**
   * torch.randn(size): standard normal, bit-identical to torch on x86 (its AVX2 kernels; torch's scalar
   * kernels, e.g. on ARM, may differ in the last bits from 16 values on), drawing exactly as torch does.
   */
  randn(...size: number[]): Tensor;
  randn(size: number[]): Tensor;
  /** torch.zeros(size): `zeros(2, 3)` or `zeros([2, 3])`. */
  zeros(...size: number[]): Tensor;
  zeros(size: number[]): Tensor;
  /** torch.ones(size). */
  ones(...size: number[]): Tensor;
  ones(size: number[]): Tensor;
  /** torch.manual_seed: any integer from -2^63 to 2^64-1. */
  manualSeed(seed: number | bigint): void;
  /** torch.initial_seed. */
  initialSeed(): bigint;
  /** 32-bit values drawn from the global generator since the last manualSeed. */
  drawsSinceSeed(): number;
  /** Allocator bytes in use and the WebAssembly heap size. */
  memory(): { allocatedBytes: number; heapBytes: number };
  /** The largest tensor, in elements, the library accepts. */
  readonly maxTensorElements: number;
}

/** Instantiates the WebAssembly module once; later calls return the same API. */
export function load(): Promise<Conv1dApi>;
