import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
y = w * 3
print(y)
print(y.detach())
print(y.data)
print(y.detach().requires_grad, y.requires_grad)
print(w.data, w.detach())
