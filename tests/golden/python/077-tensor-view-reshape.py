import torch

x = torch.arange(12, dtype=torch.float)
print(x.view(3, 4))
print(x.view(2, -1))
print(x.reshape(1, 3, 4))
print(x.reshape(-1, 6).shape)
print(x.view(1, 1, 12).shape)
print(x.view(2, 2, 3))
