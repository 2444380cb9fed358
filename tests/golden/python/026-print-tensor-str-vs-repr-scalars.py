import torch

t = torch.tensor(3.5)
print(t)
print(str(t))
print(t.item())
i = torch.tensor(7)
print(i, i.item())
print(torch.tensor(-0.25), torch.tensor(1e-5), torch.tensor(123456.0))
