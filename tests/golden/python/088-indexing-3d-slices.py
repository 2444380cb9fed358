import torch

x = torch.arange(24, dtype=torch.float).view(2, 3, 4)
print(x[:, 0, :])
print(x[1, :, 1:3])
print(x[:, :, 0])
print(x[:, :, -1])
print(x[0:1].shape, x[:, 0:2, ::2].shape)
