import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
c = b.detach() * a
c.sum().backward()
print(a.grad)
print(b.detach())
