import torch
import torch.nn as nn

torch.manual_seed(8)
model = nn.Sequential(nn.Conv1d(1, 2, 3, padding=1), nn.Tanh(), nn.Conv1d(2, 1, 1), nn.Sigmoid())
print(model)
x = torch.linspace(-1, 1, 6).view(1, 1, 6)
print(model(x))
