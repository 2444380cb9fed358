// Writes runnable PyTorch programs that reproduce a layer or stack exactly (export to a notebook).

/** The shortest decimal that reads back as the same float32: what torch.tensor needs to be exact. */
export function float32Literal(value) {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
  if (Object.is(value, -0)) return '-0.0';
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = target.toPrecision(digits);
    if (Math.fround(Number(text)) === target) return pythonFloat(Number(text));
  }
  return pythonFloat(target);
}

/** A JS number (a double) as a Python float literal: always with a '.' or an exponent. */
export function pythonFloat(x) {
  const text = String(x);
  return /[.e]/.test(text) ? text.replace('e+', 'e') : `${text}.0`;
}

/** `torch.tensor([[1.0, 2.0]])` for a shape and row-major data. */
export function pythonTensor(shape, data) {
  if (shape.length === 0) return `torch.tensor(${float32Literal(data[0])})`;
  let offset = 0;
  const nest = (dim) => {
    const items = [];
    for (let i = 0; i < shape[dim]; i++) items.push(dim === shape.length - 1 ? float32Literal(data[offset++]) : nest(dim + 1));
    return `[${items.join(', ')}]`;
  };
  const count = shape.reduce((a, b) => a * b, 1);
  const literal = count === 0 ? `torch.empty(${shape.join(', ')})` : `torch.tensor(${nest(0)})`;
  return literal;
}

/** `nn.Conv1d(2, 4, kernel_size=3, padding='same', padding_mode='reflect')`: only non-default arguments. */
export function pythonConv1d(layer) {
  const o = layer.options;
  const parts = [String(layer.inChannels), String(layer.outChannels), `kernel_size=${layer.kernelSize}`];
  if (o.stride !== 1) parts.push(`stride=${o.stride}`);
  if (o.padding !== 0) parts.push(`padding=${typeof o.padding === 'string' ? `'${o.padding}'` : o.padding}`);
  if (o.dilation !== 1) parts.push(`dilation=${o.dilation}`);
  if (o.groups !== 1) parts.push(`groups=${o.groups}`);
  if (!o.bias) parts.push('bias=False');
  if (o.paddingMode !== 'zeros') parts.push(`padding_mode='${o.paddingMode}'`);
  return `nn.Conv1d(${parts.join(', ')})`;
}

/**
 * The lines that build `model`: the seed or explicit parameters. `layers`: the Conv1d layers (or objects with
 * their inChannels, outChannels, kernelSize, options, weight and bias) and activations; `seed`: a BigInt when the
 * seed alone reproduces every parameter, else null; `sequential`: write an nn.Sequential.
 */
export function pythonModel({ layers, seed, sequential }) {
  const lines = [];
  if (seed !== null) lines.push(`torch.manual_seed(${BigInt.asIntN(64, seed)})`);
  if (sequential) {
    lines.push('model = nn.Sequential(');
    for (const layer of layers) lines.push(`    ${'weight' in layer ? pythonConv1d(layer) : `nn.${layer}`},`);
    lines.push(')');
  } else {
    lines.push(`model = ${pythonConv1d(layers[0])}`);
  }
  if (seed === null && layers.length > 0) {
    lines.push('with torch.no_grad():');
    layers.forEach((layer, i) => {
      if (!('weight' in layer)) return; // an activation: no parameters
      const target = sequential ? `model[${i}]` : 'model';
      const { weight, bias } = layer;
      lines.push(`    ${target}.weight.copy_(${pythonTensor(weight.shape, weight.data)})`);
      if (bias) lines.push(`    ${target}.bias.copy_(${pythonTensor(bias.shape, bias.data)})`);
    });
  }
  return lines;
}

/** A whole program: imports, the model (see pythonModel), the input, the forward pass and a print. */
export function pythonProgram({ layers, seed, input, sequential }) {
  const lines = ['import torch', 'import torch.nn as nn', '', ...pythonModel({ layers, seed, sequential })];
  lines.push('', `x = ${pythonTensor(input.shape, input.data)}`, 'with torch.no_grad():', '    y = model(x)', 'print(y)', '');
  return lines.join('\n');
}
