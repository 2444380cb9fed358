import torch

x = torch.tensor([1.0, 2.0])
y = x.sum()
print(y.requires_grad)
y.backward()
