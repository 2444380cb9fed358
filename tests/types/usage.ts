// Compiled with `tsc --noEmit` by tests/js/types.test.mjs: the hand-written .d.ts must accept real usage
// and reject misuse (the @ts-expect-error lines fail the build if they stop being errors).
import { load, Tensor, type Conv1dPlan, type TensorLike } from 'conv1d-playground';

async function main(): Promise<void> {
  const nn = await load();
  nn.manualSeed(1);
  nn.manualSeed(2n ** 63n);
  const m = new nn.Conv1d(1, 1, 3, { bias: true, padding: 'same', paddingMode: 'reflect' });
  const n = new nn.Conv1d({ inChannels: 2, outChannels: 4, kernelSize: [3], stride: 2, groups: 2 });
  const w: Tensor = m.weight;
  const b: Tensor | null = m.bias;
  m.weight = nn.tensor([[[0.1, 0.2, 0.3]]]);
  m.weight = [[[0.1, 0.2, 0.3]]];
  m.bias = null;
  const input: TensorLike = [[[1, 2, 3, 4, 5]]];
  const y = m.forward(input);
  const shape: number[] = y.shape;
  const data: Float32Array = y.data;
  const text: string = y.toString();
  const plan: Conv1dPlan = n.plan([1, 2, 9]);
  const outLength: number = plan.outLength;
  const model = new nn.Sequential(m, n);
  const outputs: Tensor[] = model.forwardAll(nn.tensor(new Float32Array(5), [1, 1, 5]));
  const shapes: number[][] = model.outputShapes([1, 1, 5]);
  for (const layer of model) layer.resetParameters();
  const seed: bigint = nn.initialSeed();
  const noise: Tensor = nn.randn(1, 2, 8).clone();
  void [noise, nn.rand([3])];
  const why = m.explain(input, 0, 0, 1);
  const some: number = m.explain(input, 0, 0, 1, { channels: [0] }).termCount;
  const sum: number = why.terms.reduce((s, t) => s + t.input * t.weight, why.bias ?? 0);
  const sources: number[] = m.paddedSources(5).concat(m.paddedSources(5, 0, 2));
  const own: Tensor = new Tensor(new Float32Array(6), [2, 3]);
  const fields = model.receptiveFields();
  const seen: number[] = model.influencingInputs([1, 1, 5], 1, 0);
  const program: string = model.toPython(input) + m.toPython(input);
  void [sum, some, sources, own, fields, seen, program, m.origin.seed];
  const heap: number = nn.memory().allocatedBytes;
  model.delete();
  void [w, b, shape, data, text, outLength, outputs, shapes, seed, heap];

  // @ts-expect-error padding_mode must be one of the four modes
  new nn.Conv1d(1, 1, 3, { paddingMode: 'constant' });
  // @ts-expect-error kernel_size is required
  new nn.Conv1d(1, 1);
  // @ts-expect-error shape is read-only
  y.shape = [1];
}

void main();
