import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
for row in x:
    print(row, row.sum().item())
for v in x[0]:
    print(v)
print([v.item() for v in x[:, 1]])
