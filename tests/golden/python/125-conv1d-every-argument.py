import torch
import torch.nn as nn

torch.manual_seed(9)
m = nn.Conv1d(in_channels=4, out_channels=6, kernel_size=3, stride=2, padding=2, dilation=2, groups=2, bias=True, padding_mode='circular')
print(m)
x = torch.randn(2, 4, 11)
y = m(x)
print(y.shape)
print(y[1, 5])
