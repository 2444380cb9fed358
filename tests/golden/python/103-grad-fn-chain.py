import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = (x * 2 + 1).sum()
print(y)
z = x.mean() * 3
print(z)
print(y.requires_grad, z.requires_grad)
print((x * 0).detach())
