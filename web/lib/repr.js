// How PyTorch prints modules (`print(model)`), from a layer's normalised options.

/** `Conv1d(2, 4, kernel_size=(3,), stride=(1,), padding=(1,), bias=False)`, as _ConvNd.extra_repr. */
export function formatLayer(o) {
  let s = `Conv1d(${o.inChannels}, ${o.outChannels}, kernel_size=(${o.kernelSize},), stride=(${o.stride},)`;
  if (typeof o.padding === 'string') s += `, padding=${o.padding}`;
  else if (o.padding !== 0) s += `, padding=(${o.padding},)`;
  if (o.dilation !== 1) s += `, dilation=(${o.dilation},)`;
  if (o.groups !== 1) s += `, groups=${o.groups}`;
  if (!o.bias) s += ', bias=False';
  if (o.paddingMode !== 'zeros') s += `, padding_mode=${o.paddingMode}`;
  return `${s})`;
}

/** `Sequential(\n  (0): Conv1d(...)\n)`. */
export function formatSequential(layerStrings) {
  if (layerStrings.length === 0) return 'Sequential()';
  return `Sequential(\n${layerStrings.map((s, i) => `  (${i}): ${s}`).join('\n')}\n)`;
}
