import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
print(m.weight.grad)
print(m.bias.grad is None)
x = torch.tensor([1.0], requires_grad=True)
print(x.grad)
