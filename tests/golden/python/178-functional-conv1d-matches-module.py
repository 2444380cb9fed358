import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(15)
m = nn.Conv1d(2, 3, kernel_size=3, stride=1, padding=1)
x = torch.randn(1, 2, 5)
a = m(x)
b = F.conv1d(x, m.weight, m.bias, padding=1)
print(a)
print(b)
print((a - b).sum().item())
