import torch

x = torch.tensor([1.0, 2.0, 3.0])
print(x[None])
print(x[None].shape)
print(x[:, None].shape)
print(x[-1], x[-2].item())
print(x[5:], x[1:1])
