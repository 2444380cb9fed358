import torch

x = torch.randn(5)
print(x)
y = torch.randn(2, 3)
print(y)
