import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
row = torch.tensor([10.0, 20.0, 30.0])
col = torch.tensor([[1.0], [2.0]])
print(x + row)
print(x * col)
print(row + col)
print((x + row).shape, (row + col).shape)
w = torch.tensor([0.5])
print(x * w)
