import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])
print(x.unsqueeze(0).shape)
print(x.unsqueeze(0).unsqueeze(0))
print(x.unsqueeze(1).shape)
print(x.unsqueeze(-1).shape)
y = torch.zeros(1, 1, 5)
print(y.squeeze().shape)
print(y.squeeze(0).shape)
print(y.squeeze(1).shape)
print(y.squeeze(2).shape)
