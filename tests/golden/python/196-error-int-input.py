import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
x = torch.tensor([[[1, 2, 3, 4, 5]]])
print(x)
y = m(x)
