import torch
import torch.nn as nn

torch.manual_seed(18)
m = nn.Conv1d(1, 1, 3)
m.weight.data[0, 0, 1] = 0.0
m.bias.data[0] = 2.0
print(m.weight)
print(m.bias)
