import torch
import torch.nn as nn

torch.manual_seed(21)
m = nn.Conv1d(8, 16, kernel_size=5)
print(m)
print(m.weight.shape, m.weight.numel())
print(m.bias)
x = torch.randn(1, 8, 40)
print(m(x).shape)
print(m(x)[0, :2])
