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
  const gradOutput = nn.ones(m.outputShape([1, 1, 5]));
  const tapTerms: number = m.explainGrad(input, gradOutput, { weight: [0, 0, 1], maxTerms: 8 }).terms[0].source;
  const biasGrad: number = m.explainGrad(input, gradOutput, { bias: 0 }).value;
  void [tapTerms, biasGrad];
  const sources: number[] = m.paddedSources(5).concat(m.paddedSources(5, 0, 2));
  const own: Tensor = new Tensor(new Float32Array(6), [2, 3]);
  const fields = model.receptiveFields();
  const seen: number[] = model.influencingInputs([1, 1, 5], 1, 0);
  const program: string = model.toPython(input) + m.toPython(input);
  void [sum, some, sources, own, fields, seen, program, m.origin.seed];
  const heap: number = nn.memory().allocatedBytes;
  model.delete();
  void [w, b, shape, data, text, outLength, outputs, shapes, seed, heap];

  // Training, as the issue spells it.
  const net = new nn.Sequential(new nn.Conv1d(2, 4, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv1d(4, 1, 3), new nn.Tanh());
  const x = nn.randn(1, 2, 16);
  const target = nn.randn(1, 1, 14);
  const lossFn = new nn.MSELoss({ reduction: 'sum' });
  const opt = new nn.optim.SGD(net.parameters(), { lr: 0.1, momentum: 0.9, weight_decay: 0.01 });
  const adam = new nn.optim.Adam(net.parameters(), { betas: [0.9, 0.99], amsgrad: true });
  opt.zeroGrad();
  const loss: Tensor = lossFn.forward(net.forward(x), target);
  loss.backward();
  opt.step();
  adam.step();
  const value: number = loss.item();
  const first = net.at(0);
  const grad: Tensor | null = first instanceof nn.Conv1d ? first.weight.grad : null;
  const xi: Tensor = nn.randn(1, 2, 16).requiresGrad_();
  net.forward(xi).backward(nn.ones(1, 1, 14));
  const flags: boolean[] = [xi.requiresGrad, xi.isLeaf, xi.detach().requiresGrad];
  const plans = net.plans([1, 2, 16]);
  const convs = new nn.Sequential(new nn.Conv1d(1, 1, 3), new nn.Conv1d(1, 1, 3));
  const outLen: number = convs.plans([1, 1, 9])[1].outLength;
  const l1 = new nn.L1Loss();
  void [value, grad, flags, plans, outLen, l1.reduction, xi.grad, nn.zeros([2]), new nn.Sigmoid().forward(x)];
  // @ts-expect-error reduction is one of three names
  new nn.L1Loss({ reduction: 'avg' });
  // @ts-expect-error SGD needs lr
  new nn.optim.SGD(net.parameters(), {});
  // @ts-expect-error a ReLU has no weight: narrow first
  void net.at(1)?.weight;

  // @ts-expect-error padding_mode must be one of the four modes
  new nn.Conv1d(1, 1, 3, { paddingMode: 'constant' });
  // @ts-expect-error kernel_size is required
  new nn.Conv1d(1, 1);
  // @ts-expect-error shape is read-only
  y.shape = [1];
}

void main();
