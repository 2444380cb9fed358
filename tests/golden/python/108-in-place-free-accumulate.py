import torch

total = torch.zeros(3)
for i in range(4):
    total = total + torch.tensor([1.0, 0.5, 0.25]) * i
print(total)
acc = torch.tensor(0.0)
for v in [0.1, 0.2, 0.3]:
    acc += v
print(acc)
