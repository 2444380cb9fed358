import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, kernel_size=3)
x = torch.tensor([[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]], dtype=torch.float)
print("input:", x.shape)
y = m(x)
print("never printed")
