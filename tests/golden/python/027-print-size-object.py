import torch

x = torch.zeros(2, 3, 4)
print(x.shape)
print(x.size())
print(str(x.shape))
print(x.shape[0], x.shape[-1])
print(list(x.shape))
print(len(x.shape))
print(x.shape == (2, 3, 4))
a, b, c = x.shape
print(a, b, c)
