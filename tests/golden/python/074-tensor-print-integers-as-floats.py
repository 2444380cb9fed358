import torch

print(torch.tensor([1.0, 2.0, 3.0]))
print(torch.tensor([-1.0, 20.0, 300.0]))
print(torch.tensor([[1.0, -2.0], [30.0, 4.0]]))
print(torch.tensor([0.0, -0.0]))
print(torch.tensor([100000000.0]))
