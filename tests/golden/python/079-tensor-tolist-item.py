import torch

x = torch.tensor([[0.5, 0.25], [0.125, 1.0]])
print(x.tolist())
print(x[0].tolist())
print(x[1, 1].item())
print(torch.tensor([0.1]).item())
print(torch.tensor([0.1, 0.2]).tolist())
print(torch.tensor(1).item(), torch.tensor([3, 4]).tolist())
print(torch.tensor([[1, 2]]).tolist())
