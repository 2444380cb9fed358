import torch
import torch.nn as nn

torch.manual_seed(3)
m = nn.Conv1d(1, 1, 3)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
m(torch.ones(1, 1, 4)).sum().backward()
print(m.weight.grad)
opt.zero_grad()
print(m.weight.grad)
print(m.bias.grad)
