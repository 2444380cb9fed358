import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
print(m.weight.requires_grad, m.bias.requires_grad)
x = torch.ones(1, 1, 4)
print(x.requires_grad, m(x).requires_grad)
with torch.no_grad():
    print(m(x).requires_grad)
