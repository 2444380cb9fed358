// A small autograd tape, as torch's: each result of a differentiable operation records a Node (its backward
// function and edges to the nodes or leaf gradient slots of its inputs); backward() walks the graph once in
// topological order, accumulates leaf gradients, and frees the graph. No WebAssembly memory is held by a
// graph: a Conv1d node keeps its input tensor (JS memory) and calls the core's backward when run.
import { Tensor, internals } from './tensor.js';
import { argumentError, describe, elementsOf } from './checks.js';

const FREED = 'Trying to backward through the graph a second time (or directly access saved tensors after they ' +
  'have already been freed). Saved intermediate values of the graph are freed when you call .backward() or ' +
  'autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you ' +
  'need to access saved tensors after calling backward.';

/**
 * Where a leaf's gradient accumulates (torch's AccumulateGrad target): a user tensor after requiresGrad_(), or a
 * layer's parameter. `read()` gives the current values (a Float32Array the caller may keep), `write(values)`
 * replaces them (what an optimizer step does); `version` counts in-place changes, as torch's version counter.
 */
export class GradSlot {
  constructor(shape, read, write) {
    this.shape = shape;
    this.read = read;
    this.write = (values) => {
      write(values);
      this.version++;
    };
    this.grad = null; // Float32Array or null
    this.requiresGrad = true;
    this.version = 0;
  }
}

class Node {
  /**
   * `edges`: per input, { node } (a computed tensor), { slot } (a leaf that requires grad) or null.
   * `run(grad)`: the gradients of the inputs (Float32Array or null each) for the output's gradient `grad`.
   * `check()`: throws, before anything runs, when the node cannot run (e.g. a saved tensor was modified).
   */
  constructor(name, edges, run, check) {
    this.name = name;
    this.edges = edges;
    this.run = run;
    this.check = check;
    this.freed = false;
  }

  release() {
    this.run = null;
    this.check = null;
    this.edges = null;
    this.freed = true;
  }
}

/** The edge a tensor's gradient flows along, or null when it needs none. */
export function edgeOf(tensor) {
  const node = internals.node(tensor);
  if (node) return { node };
  const slot = internals.slot(tensor);
  return slot && slot.requiresGrad ? { slot } : null;
}

/**
 * Wraps an operation's result: when any of `edges` (see edgeOf) is not null, the tensor records a Node that
 * computes the inputs' gradients with `run(grad)`.
 */
export function recordResult(data, shape, name, edges, run, check = null) {
  const out = new Tensor(data, shape);
  if (edges.some((edge) => edge !== null)) internals.setNode(out, new Node(name, edges, run, check));
  return out;
}

/** torch's message when a saved tensor changed after the forward pass (e.g. an optimizer step before backward). */
export function modifiedError(shape, version, expected) {
  return new Error('one of the variables needed for gradient computation has been modified by an inplace ' +
    `operation: [torch.FloatTensor [${shape.join(', ')}]] is at version ${version}; expected version ${expected} ` +
    'instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with ' +
    'torch.autograd.set_detect_anomaly(True).');
}

function addInto(target, source) {
  for (let i = 0; i < target.length; i++) target[i] = Math.fround(target[i] + source[i]);
}

function accumulate(slot, grad) {
  if (slot.grad === null || slot.grad.length !== grad.length) slot.grad = grad.slice();
  else addInto(slot.grad, grad);
}

/**
 * A tensor's values, read once and checked against its shape: a Float32Array over a resizable buffer can change
 * size after the Tensor is made, and a caller can redefine its `length`.
 */
export function dataOf(tensor, name, where) {
  const data = tensor.data;
  const count = tensor.numel();
  if (elementsOf(data) !== count) {
    throw argumentError(RangeError, `${where}: the ${name}'s data holds ${elementsOf(data)} elements, but its shape ` +
      `[${tensor.shape.join(', ')}] needs ${count}`, name);
  }
  return data;
}

function torchSize(shape) { return `torch.Size([${shape.join(', ')}])`; }

/** tensor.backward(gradient): see Tensor.backward. `toTensor` converts a gradient given as nested arrays. */
export function backward(root, gradient, toTensor) {
  const where = 'backward()';
  if (!root.requiresGrad) throw new Error('element 0 of tensors does not require grad and does not have a grad_fn');
  let grad;
  if (gradient === undefined || gradient === null) {
    if (root.numel() !== 1) throw new Error('grad can be implicitly created only for scalar outputs');
    grad = Float32Array.of(1);
  } else {
    let g;
    if (gradient instanceof Tensor) g = gradient;
    else if (toTensor) g = toTensor(gradient, 'gradient');
    else throw argumentError(TypeError, `${where}: argument 'gradient' must be a Tensor, but got ${describe(gradient)}`, 'gradient');
    const shape = g.shape;
    const expected = root.shape;
    if (shape.length !== expected.length || shape.some((size, i) => size !== expected[i])) {
      throw argumentError(Error, `Mismatch in shape: grad_output[0] has a shape of ${torchSize(shape)} and output[0] ` +
        `has a shape of ${torchSize(expected)}.`, 'gradient');
    }
    grad = dataOf(g, 'gradient', where).slice();
  }

  const rootNode = internals.node(root);
  if (!rootNode) {
    accumulate(internals.slot(root), grad);
    return;
  }

  // Every node reachable from the root, with how many consumers send it a gradient; all checked before any runs,
  // so that a refused backward changes nothing.
  const consumers = new Map([[rootNode, 0]]);
  const stack = [rootNode];
  while (stack.length) {
    const node = stack.pop();
    if (node.freed) throw new Error(FREED);
    node.check?.();
    for (const edge of node.edges) {
      if (!edge?.node) continue;
      const seen = consumers.has(edge.node);
      consumers.set(edge.node, (consumers.get(edge.node) ?? 0) + 1);
      if (!seen) stack.push(edge.node);
    }
  }

  const grads = new Map([[rootNode, grad]]);
  const leafGrads = new Map();
  const ready = [rootNode];
  while (ready.length) {
    const node = ready.pop();
    const g = grads.get(node);
    const inputGrads = g ? node.run(g) : node.edges.map(() => null); // nothing flowed here
    grads.delete(node);
    node.edges.forEach((edge, i) => {
      const gi = inputGrads[i];
      if (!edge) return;
      const target = edge.node ?? edge.slot;
      const sums = edge.node ? grads : leafGrads;
      if (gi) {
        const sum = sums.get(target);
        if (sum) addInto(sum, gi);
        else sums.set(target, gi);
      }
      if (edge.node) {
        const left = consumers.get(edge.node) - 1;
        consumers.set(edge.node, left);
        if (left === 0) ready.push(edge.node);
      }
    });
  }
  for (const [slot, g] of leafGrads) accumulate(slot, g);
  for (const node of consumers.keys()) node.release();
}
