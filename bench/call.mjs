// A user's whole call, beside the forward pass alone, on the 'wide' shape: what converting the input into a
// new tensor, the first touch of fresh buffers and reading the output add. The first call of a process is
// cold (the WASM heap grows; V8 runs the kernels in its baseline tier until they tier up); later calls are
// warm. Also the cost of explain() per term, which the page's breakdown calls on every selection.
import { load } from 'conv1d-playground';

const SHAPE = [8, 128, 2048];
const REPEATS = 9;

const milliseconds = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const medianOf = (fn) => {
  const samples = Array.from({ length: REPEATS }, () => milliseconds(fn)).sort((a, b) => a - b);
  return samples[(REPEATS - 1) / 2];
};

export async function measureCall() {
  const nn = await load();
  nn.manualSeed(0);
  const values = nn.rand(SHAPE).data;
  const layer = new nn.Conv1d(128, 128, 3, { padding: 1 });
  const wholeCall = () => layer.forward(nn.tensor(values, SHAPE)).data;
  const cold = milliseconds(wholeCall);
  const whole = medianOf(wholeCall);
  const reused = nn.tensor(values, SHAPE);
  const forwardOnly = medianOf(() => layer.forward(reused));
  const conversion = medianOf(() => nn.tensor(values, SHAPE));
  layer.delete();

  const wideKernel = new nn.Conv1d(4, 4, 250000, { padding: 'same' });
  const input = nn.rand(1, 4, 64);
  const terms = 4 * 250000;
  const explainPerTerm = (medianOf(() => wideKernel.explain(input, 0, 0, 32)) * 1e3) / terms;
  wideKernel.delete();
  return { cold, whole, forwardOnly, conversion, explainPerTerm };
}

/** The report's lines from the medians of each process's measurements. */
export function callReport(results, median) {
  const m = (key) => median(results.map((r) => r[key]));
  const ms = (key) => `${m(key).toFixed(1)} ms`;
  return [
    `A user's whole call on (${SHAPE.join(', ')}) with Conv1d(128, 128, 3, padding=1), medians over processes:`,
    '',
    '| call | time | vs forward(t) |',
    '|---|---|---|',
    `| \`forward(t)\` on a reused tensor (the forward alone) | ${ms('forwardOnly')} | 1.00× |`,
    `| \`forward(nn.tensor(x, shape)).data\`, warm | ${ms('whole')} | ${(m('whole') / m('forwardOnly')).toFixed(2)}× |`,
    `| the same, first call of the process (cold) | ${ms('cold')} | ${(m('cold') / m('forwardOnly')).toFixed(2)}× |`,
    `| \`nn.tensor(x, shape)\` alone (the input copy) | ${ms('conversion')} | ${(m('conversion') / m('forwardOnly')).toFixed(2)}× |`,
    '',
    `\`explain()\` of one output of Conv1d(4, 4, 250000): ${(m('explainPerTerm') * 1e3).toFixed(0)} ns per term.`,
  ];
}
