import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(2, 2, kernel_size=3)
x = torch.randn(2, 6)
a = m(x)
b = m(x.unsqueeze(0))
print(a.shape, b.shape)
print(a)
print(b)
print(b.squeeze(0))
