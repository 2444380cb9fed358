import torch

i = torch.arange(6).view(2, 3)
print(i)
f = i.float()
print(f)
print(f / 2)
print(f.mean())
