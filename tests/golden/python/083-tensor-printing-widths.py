import torch

print(torch.tensor([[1.5, -22.25], [333.125, 4.0]]))
print(torch.tensor([-0.0001, 0.1234]))
print(torch.tensor([[0.2975, -0.2548, -0.1119]]))
print(torch.tensor([1.23456789]))
print(torch.tensor([[[-1.5, 2.0]], [[3.25, -4.0]]]))
