import torch

print(torch.zeros(2).shape)
x = torch.randn(-1)
