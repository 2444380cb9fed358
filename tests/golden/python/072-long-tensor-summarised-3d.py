import torch

x = torch.arange(0, 3000, dtype=torch.float).view(1, 3, 1000)
print(x)
y = torch.arange(2000).view(2, 1000)
print(y)
