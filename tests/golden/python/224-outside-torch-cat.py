# expect: NotImplementedError line 6: cat
import torch

a = torch.ones(1, 1, 3)
print(a)
b = torch.cat([a, a], dim=2)
print(b)
