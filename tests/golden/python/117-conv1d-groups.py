import torch
import torch.nn as nn

torch.manual_seed(3)
m = nn.Conv1d(4, 2, kernel_size=3, groups=2)
print(m)
print(m.weight.shape)
x = torch.randn(1, 4, 6)
print(m(x))
