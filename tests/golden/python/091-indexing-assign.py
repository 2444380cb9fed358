import torch

x = torch.zeros(1, 1, 6)
x[0, 0, 2] = 1.0
print(x)
x[0, 0, 3:5] = 2.5
print(x)
x[:, :, 0] = -1
print(x)
y = torch.zeros(2, 3)
y[1] = torch.tensor([1.0, 2.0, 3.0])
print(y)
