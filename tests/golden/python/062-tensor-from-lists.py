import torch

a = torch.tensor([1.0, 2.0, 3.0])
print(a)
b = torch.tensor([[1.5, -2.0], [0.25, 4.0]])
print(b)
c = torch.tensor([[[1, 2, 3, 4, 5]]], dtype=torch.float)
print(c)
d = torch.tensor([[[1, 2, 3, 4, 5]]], dtype=torch.float32)
print(d)
print(torch.tensor(2.5))
print(torch.tensor([0.1, 0.2, 0.3]))
