import torch
import torch.nn as nn

torch.manual_seed(13)
m = nn.Conv1d(2, 1, kernel_size=2)
x = torch.randn(3, 2, 4)
y = m(x)
print(y.shape)
print(y)
for i in range(3):
    print(i, m(x[i:i + 1]).data)
