import torch

w = torch.tensor([0.5, -1.0], requires_grad=True)
print(w)
print(w.requires_grad)
x = torch.tensor([[1.0, 2.0]], requires_grad=False)
print(x, x.requires_grad)
y = torch.tensor(3.0, requires_grad=True)
print(y)
