import torch

x = torch.arange(16, dtype=torch.float).view(2, 2, 2, 2)
print(x)
print(torch.arange(8).view(2, 2, 2))
