import torch

i = torch.arange(10).view(2, 5)
print(i[1])
print(i[1, 3])
print(i[1, 3].item())
print(i[:, 2:4])
print(i[0, ::2].tolist())
