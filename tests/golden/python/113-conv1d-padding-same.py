import torch
import torch.nn as nn

torch.manual_seed(2)
m = nn.Conv1d(2, 2, kernel_size=5, padding='same')
print(m)
x = torch.randn(1, 2, 7)
y = m(x)
print(y.shape)
print(y)
