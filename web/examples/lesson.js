// The lesson's live hand check: reads the widget's weights as PyTorch prints them (4 decimals), adds the products
// the way the notebook's sanity-check cell does, and compares with the widget's own output.
import { formatValue } from '../lib/format.js';

const widget = document.getElementById('widget-check');
const live = document.getElementById('live-check');

await customElements.whenDefined('conv1d-playground');
await widget.ready;
const { result } = widget;
const layer = result.layers[0];
const x = result.input.data;
const printed = (v) => Number(formatValue(v));
const w = Array.from(layer.weight.data, printed);
const b = printed(layer.bias.data[0]);
const hand = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b;
const out0 = layer.output.data[0];
live.textContent = `Live from the widget: printed weights give ${hand.toFixed(4)} (Python prints ${hand}); the layer's own output[0, 0, 0] is ${formatValue(out0)} (${out0} in float32).`;
document.documentElement.dataset.lessonReady = 'true';
