// What the playground takes from a program the Code view ran: the model and the input it leaves behind, as the
// import path reads them (pytorch-import.js's importedState), in plain data a worker can post. No DOM.
//
// The rule, over the program's global variables in Python's globals() order (the order names were first bound):
//   model  the LAST variable holding an nn.Conv1d or an nn.Sequential. The playground holds Conv1d layers only: a
//          Sequential with anything else (ReLU, a loss, a nested Sequential) is refused with a message, not skipped.
//   input  the FIRST tensor variable that fits the model: (N, C, L) or (C, L) with C its first layer's in_channels
//          (Parameters such as `w = m.weight` do not count). The first, not the last: a program builds its input
//          before it computes with it, and an output often fits too (`y = model(x)` for Conv1d(1, 1, 3) is (1, 1, 3)).
//          No tensor fits: the page keeps its input.
// The seed is not read from the program: every parameter comes over as its value (importedState records the
// values the page's seed would not draw as edits).
import { Tensor } from '../lib/tensor.js';
import { ImportError, parseLayers, shortestFloat32 } from './pytorch-import.js';

const isModel = (value) => value?.typeName === 'Conv1d' || value?.typeName === 'Sequential';
const isTensor = (value) => value?.typeName === 'Tensor'; // a Parameter's typeName is 'Parameter'

/** A tensor's values as nested arrays of numbers (integer tensors too). */
function nested(tensor) {
  return new Tensor(Float32Array.from(tensor.values(), Number), tensor.shape).toArray();
}

function fits(tensor, inChannels) {
  const { shape } = tensor;
  return (shape.length === 3 && shape[1] === inChannels) || (shape.length === 2 && shape[0] === inChannels);
}

/**
 * `variables`: a Python session's globals (session.variables()). Returns { name, inputName, parsed } — parsed is
 * what importedState takes ({ seed: null, layers, params, input, output: null }) — or { problem } saying why the
 * program leaves nothing the playground can show.
 */
export function programModel(variables) {
  const models = [...variables].filter(([, value]) => isModel(value));
  if (!models.length) return { problem: 'the program leaves no nn.Conv1d or nn.Sequential in a variable' };
  const [name, model] = models.at(-1);
  const built = model.toPackage();
  let layers;
  try {
    layers = built && parseLayers(String(built));
  } catch (error) {
    if (error instanceof ImportError) return { problem: `${name}: ${error.message}` };
    throw error;
  }
  if (!layers?.length) {
    const first = model.repr().split('\n')[0];
    return { problem: `${name}: the playground holds only Conv1d layers, and ${name} is ${first}` };
  }
  const convs = built.layers ?? [built];
  const params = convs.flatMap((conv, i) => Object.entries({ weight: conv.weight, bias: conv.bias })
    .filter(([, tensor]) => tensor)
    .map(([kind, t]) => ({ layer: i, kind, label: `${i}.${kind}`, values: t.toArray(), shape: t.shape })));
  const inChannels = convs[0].inChannels;
  const input = [...variables].find(([, value]) => isTensor(value) && fits(value, inChannels));
  return {
    name,
    inputName: input ? input[0] : null,
    parsed: {
      seed: null,
      layers,
      params,
      input: input ? { values: mapNested(nested(input[1]), shortestFloat32), shape: input[1].shape } : null,
      output: null,
    },
  };
}

const mapNested = (value, fn) => (Array.isArray(value) ? value.map((v) => mapNested(v, fn)) : fn(value));
