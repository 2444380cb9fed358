import torch

x = torch.tensor([[1.0, 2.0, 3.0, 4.0, 5.0]])
print(x * 2)
print(2 * x)
print(x + 0.5)
print(1 - x)
print(x / 4)
print(10 / x)
print(x * 0.1)
print((x - 3) ** 2)
