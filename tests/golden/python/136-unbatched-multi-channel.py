import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(2, 3, kernel_size=2, padding=1)
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.0, 1.0]])
y = m(x)
print(y)
print(y[0])
print(y.sum())
