import torch

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0]]])
print(x[0])
print(x[0, 1])
print(x[0, 1, 2])
print(x[0][1][2])
print(x[0, -1, -1])
print(x[0, 0].shape, x[0, 0, 0].shape)
