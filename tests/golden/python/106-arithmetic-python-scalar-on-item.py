import torch

x = torch.tensor([0.2975, -0.2548, -0.1119])
s = x.sum().item()
print(s)
print(s * 2, s / 3, round(s, 4))
print(x[0].item() + x[1].item())
print(float(x[0]), int(torch.tensor(3.7)))
