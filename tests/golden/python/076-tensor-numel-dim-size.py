import torch

x = torch.zeros(2, 3, 5)
print(x.numel(), x.dim(), x.size(), x.size(0), x.size(1), x.size(-1))
print(len(x))
s = torch.tensor(1.0)
print(s.numel(), s.dim(), s.shape)
print(torch.ones(7).dim())
