import torch
import torch.nn as nn

torch.manual_seed(6)
model = nn.Sequential(nn.Conv1d(1, 2, 3), nn.Tanh(), nn.Conv1d(2, 1, 2))
x = torch.randn(1, 1, 6)
out = model(x)
out.mean().backward()
print(out)
print(model[0].weight.grad)
print(model[2].bias.grad)
