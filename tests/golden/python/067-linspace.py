import torch

print(torch.linspace(0, 1, 5))
print(torch.linspace(-1, 1, 11))
print(torch.linspace(0, 10, 4))
print(torch.linspace(0, 1, 3).shape)
x = torch.linspace(-2.0, 2.0, 8).view(1, 1, 8)
print(x)
