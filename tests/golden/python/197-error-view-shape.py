import torch

x = torch.arange(10, dtype=torch.float)
print(x.view(2, 5).shape)
print(x.view(3, 4))
