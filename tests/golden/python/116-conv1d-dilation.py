import torch
import torch.nn as nn

torch.manual_seed(7)
m = nn.Conv1d(1, 1, kernel_size=3, dilation=2)
print(m)
x = torch.arange(1, 10, dtype=torch.float).view(1, 1, 9)
y = m(x)
print(y)
w = m.weight.data[0, 0]
b = m.bias.data[0]
print((w[0] * 1 + w[1] * 3 + w[2] * 5 + b).item(), y[0, 0, 0].item())
