import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3)
y = m(torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]]))
print(y[0])
print(y[0, 0])
print(y[0, 0, 1])
print(y[:, :, 1:])
print(y[0, 0, ::2])
print(m.weight[0])
print(m.weight[0, 0, 1])
