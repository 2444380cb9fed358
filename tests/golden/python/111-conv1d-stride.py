import torch
import torch.nn as nn

torch.manual_seed(0)
m = nn.Conv1d(1, 1, kernel_size=3, stride=2)
print(m)
x = torch.arange(1, 11, dtype=torch.float).view(1, 1, 10)
y = m(x)
print(y)
print(y.shape)
