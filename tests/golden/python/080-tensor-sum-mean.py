import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(x.sum())
print(x.mean())
print(x.sum().item(), x.mean().item())
print(x.sum(0))
print(x.sum(1))
print(x.mean(0))
print(x.mean(dim=1))
print(x.sum(dim=-1))
