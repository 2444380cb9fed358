import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
m.weight.data = torch.tensor([[[1.0, 2.0]]])
print(m.weight.shape)
print(m(torch.ones(1, 1, 5)))
