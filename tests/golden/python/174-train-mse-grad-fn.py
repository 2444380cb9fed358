import torch
import torch.nn as nn

torch.manual_seed(12)
m = nn.Conv1d(1, 1, 3)
y = m(torch.ones(1, 1, 4))
print(nn.MSELoss()(y, torch.zeros(1, 1, 2)))
print(nn.L1Loss()(y, torch.zeros(1, 1, 2)))
print(((y - 1) ** 2).sum())
