import torch

a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5, 6])
print(a + b)
print(a * b)
print(a * 2)
print(a / 2)
print(a + 0.5)
print(a - b)
