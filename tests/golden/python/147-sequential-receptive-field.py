import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(1, 1, 3, bias=False), nn.Conv1d(1, 1, 3, bias=False), nn.Conv1d(1, 1, 3, bias=False))
L = 12
x = torch.zeros(1, 1, L)
x[0, 0, 6] = 1.0
y = model(x)
print(y.shape)
print(y)
