import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3, bias=True)
print(m.weight.shape)
print(m.bias.shape)
x = torch.tensor([[[1, 2, 3, 4, 5]]], dtype=torch.float)
print(x.shape, m(x).shape)
print(m.weight.size(), m.weight.size(2), x.size(-1))
