// mse_loss and l1_loss as torch 1.13 computes them, for nn.MSELoss/L1Loss and F.mse_loss/l1_loss: the package's loss
// supplies the backward; the value is recomputed in torch's order (elementwise loss, then torch's summation).
import { PyException, typeName } from '../values.js';
import { internals } from '../../lib/tensor.js';
import { TorchTensor, float32 } from './tensor.js';
import { pyErrors, toPyException } from './errors.js';
import { arithmetic, broadcastShapes, floatResult, toDType } from './ops.js';
import { cascadeSum } from './sum.js';

const f = Math.fround;

/** The package's loss object for `kind` ('MSELoss' | 'L1Loss'), or torch's ValueError for a bad reduction. */
export function packageLoss(nn, kind, reduction) {
  try {
    return new nn[kind]({ reduction });
  } catch (error) {
    const converted = toPyException(error);
    throw converted.type === 'RuntimeError' ? new PyException('ValueError', converted.message) : converted;
  }
}

// torch 1.13 computes l1_loss as (input - target).abs() then the reduction: its grad_fn is the last of those.
function gradFn(kind, reduction) {
  if (kind === 'MSELoss') return 'MseLossBackward0';
  return { mean: 'MeanBackward0', sum: 'SumBackward0', none: 'AbsBackward0' }[reduction];
}

function value(kind, reduction, x, t) {
  const each = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const d = f(x[i] - t[i]);
    each[i] = kind === 'MSELoss' ? f(d * d) : Math.abs(d);
  }
  if (reduction === 'none') return each;
  const sum = cascadeSum(each);
  return Float32Array.of(reduction === 'sum' ? sum : f(sum / x.length));
}

/** The loss of `input` against `target`; a target of another shape broadcasts (torch warns on stderr). */
export function computeLoss(ctx, loss, kind, reduction, input, target) {
  const given = [input, target].map((t) => {
    if (!(t instanceof TorchTensor)) {
      throw new PyException('AttributeError', `'${typeName(t)}' object has no attribute 'size'`);
    }
    return toDType(t, float32);
  });
  const shape = broadcastShapes(given[0].shape, given[1].shape);
  const [x, y] = given.map((t) => (t.shape.length === shape.length && t.shape.every((s, i) => s === shape[i]) ? t
    : arithmetic(ctx, '+', t, TorchTensor.floatOf(ctx, new Float32Array(shape.reduce((a, b) => a * b, 1)), shape))));
  const result = pyErrors(() => loss.forward(x.js(), y.js()));
  const node = internals.node(result);
  return floatResult(ctx, value(kind, reduction, x.values(), y.values()), result.shape, gradFn(kind, reduction), [x, y],
    (g) => node.run(g));
}
