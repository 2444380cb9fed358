import torch

y = torch.tensor([[[0.1, 0.2, 0.3]]])
t = torch.tensor([[[0.0, 0.5, 1.0]]])
mse = ((y - t) ** 2).mean()
print(mse)
print(mse.item())
l1 = ((y - t) * (y - t)).sum() / y.numel()
print(l1)
