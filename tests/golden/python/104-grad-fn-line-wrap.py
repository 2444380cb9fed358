import torch

w = torch.tensor([0.12345, -1.5, 2.25, 3.125, -4.0625, 5.5], requires_grad=True)
print(w * 1)
v = torch.tensor([1.5, -2.25, 3.125, 0.0625, 7.75, -8.5, 9.25], requires_grad=True)
print(v + 0)
print(v.view(1, 7) * 2)
print(torch.tensor([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]], requires_grad=True))
