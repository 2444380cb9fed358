import torch

x = torch.ones(2, 3, 4)
bias = torch.tensor([1.0, 2.0, 3.0]).view(1, 3, 1)
print(x + bias)
scale = torch.arange(4, dtype=torch.float)
print((x * scale).shape)
print((x * scale)[1, 2])
