import torch

x = torch.tensor([1.0, 0.0, -1.0])
print(x / 0)
print(torch.tensor([float("inf"), 1.5, float("nan")]))
print(torch.tensor([float("-inf"), 2.0]))
