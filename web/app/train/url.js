// A training run in the page's link: which target, loss, optimizer and learning rate, and how many steps, so the
// link replays the run from the seed's weights. Pure functions over URLSearchParams; every key starts with `train`:
//   train=edge&trainloss=mse&trainopt=sgd&trainlr=0.05&trainsteps=40   (traintarget=[[[…]]] for a typed target;
//   trainbase=2 when the run started from Example 2's printed weights rather than the seed's)
import { LOSSES, OPTIMIZERS, TARGETS } from './targets.js';

// A replayed run takes about a millisecond a step for the tutorial's models: a link opens within seconds.
export const MAX_LINK_STEPS = 5000;
const MAX_TARGET_TEXT = 10_000;
const KEYS = ['train', 'trainloss', 'trainopt', 'trainlr', 'trainsteps', 'traintarget', 'trainbase'];
const LR_TEXT = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether `key` is one of the training parameters. */
export const isTrainKey = (key) => KEYS.includes(key);

/** Writes `train` ({ target, loss, optimizer, lr, steps, targetText, base }) into `params`; nothing when it is null. */
export function writeTrainParams(params, train) {
  if (!train) return;
  params.set('train', train.target);
  params.set('trainloss', train.loss);
  params.set('trainopt', train.optimizer);
  params.set('trainlr', String(train.lr));
  params.set('trainsteps', String(train.steps));
  if (train.target === 'custom') params.set('traintarget', train.targetText);
  if (train.base) params.set('trainbase', String(train.base));
}

/**
 * The training run in `params`, or null when there is none. `refuse(message)` throws the caller's error for a
 * parameter that is malformed or out of range (the page's StateError).
 */
export function readTrainParams(params, refuse) {
  if (!params.has('train')) {
    const stray = KEYS.find((key) => params.has(key));
    if (stray) refuse(`'${stray}' needs 'train' (the target)`);
    return null;
  }
  const one = (key, fallback) => {
    if (params.getAll(key).length > 1) refuse(`'${key}' is given twice`);
    return params.get(key) ?? fallback;
  };
  const target = one('train');
  if (!Object.hasOwn(TARGETS, target)) refuse(`'train' must be one of ${Object.keys(TARGETS).join(', ')}`);
  const loss = one('trainloss', 'mse');
  if (!Object.hasOwn(LOSSES, loss)) refuse(`'trainloss' must be one of ${Object.keys(LOSSES).join(', ')}`);
  const optimizer = one('trainopt', 'sgd');
  if (!Object.hasOwn(OPTIMIZERS, optimizer)) refuse(`'trainopt' must be one of ${Object.keys(OPTIMIZERS).join(', ')}`);
  const lrText = one('trainlr', '0.05');
  const lr = Number(lrText);
  if (!LR_TEXT.test(lrText) || !(lr > 0 && lr <= 1e3)) refuse("'trainlr' must be a positive number up to 1000");
  const stepsText = one('trainsteps', '0');
  if (!/^\d{1,7}$/.test(stepsText) || Number(stepsText) > MAX_LINK_STEPS) {
    refuse(`'trainsteps' must be a whole number from 0 to ${MAX_LINK_STEPS}`);
  }
  const targetText = one('traintarget', '');
  if (targetText.length > MAX_TARGET_TEXT) refuse("'traintarget' is too long");
  if (target !== 'custom' && params.has('traintarget')) refuse("'traintarget' belongs to train=custom only");
  const baseText = one('trainbase', '');
  if (!['', '2', '3'].includes(baseText)) refuse("'trainbase' must be 2 or 3 (the example whose printed weights the run starts from)");
  return { target, loss, optimizer, lr, steps: Number(stepsText), targetText, base: baseText ? Number(baseText) : null };
}
