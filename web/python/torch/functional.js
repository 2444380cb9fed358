// torch.nn.functional (conv1d, relu, tanh, sigmoid) and the convolution both it and nn.Conv1d run.
import { PyException } from '../values.js';
import { internals } from '../../lib/tensor.js';
import { TorchTensor } from './tensor.js';
import { bind, intArg, tensorArg } from './args.js';
import { notSupported, pyErrors } from './errors.js';
import { floatResult, wrapResult } from './ops.js';

/** The input of a layer or function: a float32 tensor (torch's message for an int64 one against float weights). */
export function checkInput(input, where) {
  tensorArg(input, where);
  if (!input.isFloat) throw new PyException('RuntimeError', 'expected scalar type Long but found Float');
  return input;
}

/**
 * `layer.forward(input)` for a package Conv1d, as torch's conv1d result: unbatched (C, L) input gives
 * SqueezeBackward1 (torch convolves it as a batch of one and squeezes the batch dimension away).
 */
export function convolve(ctx, forward, input) {
  const output = pyErrors(() => forward(input.js()));
  if (!ctx.gradEnabled || input.shape.length !== 2 || !internals.node(output)) return wrapResult(ctx, output);
  return floatResult(ctx, output.data, output.shape, 'SqueezeBackward1', [TorchTensor.float(ctx, output)], (g) => [g]);
}

/** F.relu / F.tanh / F.sigmoid (and the modules and methods of the same names): the package's activations. */
export function activation(input, kind) {
  checkInput(input, kind.toLowerCase() + '()');
  const layer = new input.ctx.nn[kind]();
  return wrapResult(input.ctx, pyErrors(() => layer.forward(input.js())));
}

/** F.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1). */
export function conv1d(ctx, args, kwargs) {
  const a = bind('conv1d()', args, kwargs, ['input', 'weight', 'bias=', 'stride=', 'padding=', 'dilation=', 'groups='],
    { stride: 1n, padding: 0n, dilation: 1n, groups: 1n });
  const input = checkInput(a.input, 'conv1d()');
  const { weight, bias } = a;
  for (const [name, t] of [['weight', weight], ['bias', bias]]) {
    if (t === null && name === 'bias') continue;
    tensorArg(t, 'conv1d()', name, name === 'weight' ? 2 : 3);
    if (!t.isFloat) throw new PyException('RuntimeError', 'expected scalar type Float but found Long');
  }
  const shape = weight.shape;
  if (shape.length !== 3) {
    throw notSupported(`F.conv1d with a weight of ${shape.length} dimensions (expected 3)`);
  }
  const groups = intArg(a.groups, 'conv1d()', 'groups');
  const options = {
    stride: single(a.stride, 'stride'), dilation: single(a.dilation, 'dilation'), groups, bias: bias !== null,
    padding: typeof a.padding === 'string' ? a.padding : single(a.padding, 'padding'),
  };
  const nn = ctx.nn;
  // A layer only for its computation: its initial weights are drawn, and given back, as F.conv1d draws nothing.
  const make = () => new ctx.nn.Conv1d(shape[1] * groups, shape[0], shape[2], options);
  const layer = pyErrors(() => ctx.generator.borrow(make));
  pyErrors(() => {
    layer.weight = weight.js();
    if (bias !== null) layer.bias = bias.js();
  });
  const output = pyErrors(() => layer.forward(input.js()));
  const node = internals.node(output);
  const result = floatResult(ctx, output.data, output.shape, 'ConvolutionBackward0', [input, weight, bias],
    (g) => node.run(g));
  if (!ctx.gradEnabled || input.shape.length !== 2 || !result.gradFn) return result;
  return floatResult(ctx, output.data, output.shape, 'SqueezeBackward1', [result], (g) => [g]);
}

// An int argument given as an int or a 1-tuple, e.g. stride=2 or stride=(2,).
export function single(value, name) {
  const items = value?.items;
  if (items) {
    if (items.length !== 1) {
      throw new PyException('RuntimeError', `expected ${name} to be a single integer value or a list of 1 values to ` +
        `match the convolution dimensions, but got ${name}=[${items.join(', ')}]`);
    }
    return intArg(items[0], 'conv1d()', name);
  }
  return intArg(value, 'conv1d()', name);
}
