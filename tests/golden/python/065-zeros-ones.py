import torch

print(torch.zeros(3))
print(torch.zeros(2, 3))
print(torch.ones(1, 1, 5))
print(torch.zeros((2, 2)))
print(torch.ones([3]))
print(torch.zeros(1, 2, 3).shape)
z = torch.zeros(4, requires_grad=True)
print(z)
