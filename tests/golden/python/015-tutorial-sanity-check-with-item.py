import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3, bias=True)
w = m.weight.data
b = m.bias.data
output0 = w[0, 0, 0] * 1 + w[0, 0, 1] * 2 + w[0, 0, 2] * 3 + b[0]
print(output0)
print(output0.item())
print(m(torch.tensor([[[1., 2., 3., 4., 5.]]]))[0, 0, 0])
