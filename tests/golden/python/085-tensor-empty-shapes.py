import torch

e = torch.zeros(0)
print(e, e.shape, e.numel())
print(torch.zeros(2, 0))
print(torch.tensor([]))
