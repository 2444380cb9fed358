import torch
import torch.nn as nn

torch.manual_seed(4)
m = nn.Conv1d(2, 3, 2, bias=False)
print(m)
print(m.bias)
print(m.weight)
print(len(list(m.parameters())))
