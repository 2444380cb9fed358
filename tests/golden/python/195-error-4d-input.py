import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
x = torch.ones(1, 1, 1, 5)
print(x.dim())
m(x)
