// Python exceptions for the torch layer: torch's types for the package's JS errors, and the subset's boundary.
import { PyException } from '../values.js';

/** `NotImplementedError` for a construct outside the subset, naming it. */
export function notSupported(what) {
  return new PyException('NotImplementedError', `${what} is not supported in this subset of PyTorch`);
}

// The package's messages that torch raises as another type than RuntimeError.
const TYPES_BY_MESSAGE = [
  [new RegExp([
    '^(in_channels|out_channels) must be divisible by groups', '^groups must be a positive integer',
    '^Invalid padding string', '^padding_mode must be one of', "^padding='same' is not supported for strided",
    'is not a valid value for reduction', '^Invalid (learning rate|momentum|weight_decay|epsilon|beta)',
    '^Nesterov momentum requires', '^optimizer got an empty parameter list', "^can't optimize a non-leaf Tensor",
    'duplicate parameters',
  ].join('|')), 'ValueError'],
  [/^optimizer can only optimize Tensors|params argument given to the optimizer/, 'TypeError'],
];

/** A JS error thrown by web/lib (or a PyException, kept) as the Python exception torch raises for it. */
export function toPyException(error) {
  if (error instanceof PyException) return error;
  const message = error?.message ?? String(error);
  const match = TYPES_BY_MESSAGE.find(([pattern]) => pattern.test(message));
  return new PyException(match ? match[1] : 'RuntimeError', message);
}

/** Runs `fn`, converting what it throws with toPyException. */
export function pyErrors(fn) {
  try {
    return fn();
  } catch (error) {
    throw toPyException(error);
  }
}
