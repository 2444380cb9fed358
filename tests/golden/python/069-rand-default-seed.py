import torch

print(torch.rand(4))
print(torch.rand(2, 2))
print(torch.rand(1, 1, 3).shape)
