import torch

x = torch.ones(3)
print(x.numel())
print(x.not_a_method())
