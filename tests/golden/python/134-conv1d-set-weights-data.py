import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
m.weight.data = torch.tensor([[[1.0, 0.0, -1.0]]])
m.bias.data = torch.tensor([0.0])
x = torch.tensor([[[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]]])
print(m.weight)
print(m(x))
