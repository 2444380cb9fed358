// A training run as a PyTorch program that prints the same losses: the model with the run's starting weights
// (web/lib/python.js writes it, as the forward export does), the training input and target, the loss, the
// optimizer and the loop. Numbers are written exactly (float32 literals), so torch starts where the page did.
import { pythonFloat, pythonModel, pythonTensor } from '../../lib/python.js';
import { SGD_MOMENTUM } from './session.js';

const LOSS_CLASSES = { mse: 'nn.MSELoss()', l1: 'nn.L1Loss()' };

/** session: a TrainSession without an error; steps: how many steps the loop runs (default: the session's). */
export function trainingProgram(session, steps = session.steps) {
  const { layers, input, target, settings } = session.startRecipe;
  const lr = pythonFloat(settings.lr);
  const optimizer = settings.optimizer === 'sgd'
    ? `torch.optim.SGD(model.parameters(), lr=${lr}, momentum=${pythonFloat(SGD_MOMENTUM)})`
    : `torch.optim.Adam(model.parameters(), lr=${lr})`;
  return [
    'import torch',
    'import torch.nn as nn',
    '',
    ...pythonModel({ layers, seed: null, sequential: true }),
    '',
    `x = ${pythonTensor(input.shape, input.data)}`,
    `target = ${pythonTensor(target.shape, target.data)}`,
    `loss_fn = ${LOSS_CLASSES[settings.loss]}`,
    `optimizer = ${optimizer}`,
    '',
    `for step in range(${steps}):`,
    '    optimizer.zero_grad()',
    '    loss = loss_fn(model(x), target)',
    '    loss.backward()',
    '    optimizer.step()',
    "    print(f'step {step}: loss {loss.item()!r}')",
    '',
  ].join('\n');
}
