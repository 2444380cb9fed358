import torch

i = torch.tensor([1, 2, 3])
print(i)
print(torch.tensor([[1, -20], [300, 4]]))
print(torch.tensor([[[1, 2, 3, 4, 5]]]))
print(i.float())
print(i.sum(), i.numel())
print(i.tolist())
print(torch.tensor([10, 200, -3000]).tolist())
