import torch
import torch.nn as nn

m = nn.Conv1d(2, 1, kernel_size=2)
m.weight.data = torch.tensor([[[1.0, 2.0], [3.0, 4.0]]])
m.bias.data = torch.tensor([-1.0])
print(m.weight)
print(m.bias.data)
x = torch.tensor([[[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]])
print(m(x))
