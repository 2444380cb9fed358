import torch
import torch.nn as nn

torch.manual_seed(9)
m = nn.Conv1d(2, 4, 3, 1, 1, 1, 2, False)
print(m)
print(m.weight.shape)
