import torch
import torch.nn as nn

torch.manual_seed(13)
m = nn.Conv1d(1, 2, 3)
params = list(m.parameters())
print(params[0])
print(params[1])
opt = torch.optim.Adam(params, lr=0.001)
m(torch.randn(1, 1, 5)).sum().backward()
opt.step()
print(params[1])
