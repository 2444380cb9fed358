import torch

torch.manual_seed(3)
x = torch.randn(2000)
print(x)
print(x.shape, x.numel())
