import torch

print(torch.arange(5))
print(torch.arange(2, 8))
print(torch.arange(0, 10, 3))
print(torch.arange(0.0, 1.0, 0.25))
print(torch.arange(5).float())
print(torch.arange(1, 6, dtype=torch.float))
x = torch.arange(1, 11, dtype=torch.float32).view(1, 2, 5)
print(x)
