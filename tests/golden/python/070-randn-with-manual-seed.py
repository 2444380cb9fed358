import torch

torch.manual_seed(0)
a = torch.randn(1, 2, 8)
print(a)
torch.manual_seed(0)
b = torch.randn(1, 2, 8)
print(b)
print((a - b).sum().item())
torch.manual_seed(42)
print(torch.randn(3))
print(torch.rand(3))
