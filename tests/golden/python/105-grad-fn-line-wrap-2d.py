import torch

torch.manual_seed(5)
w = torch.randn(2, 6, requires_grad=True)
print(w)
print(w * 2)
print(w.sum(1))
print(w[0])
print(torch.randn(3, requires_grad=True) * 100)
