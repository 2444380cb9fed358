import torch
import torch.nn as nn

torch.manual_seed(7)
m = nn.Conv1d(1, 1, 3)
x = torch.ones(1, 1, 5)
t = torch.zeros(1, 1, 3)
loss = nn.MSELoss()(m(x), t)
print(loss)
print(nn.L1Loss()(m(x), t))
print(nn.MSELoss())
print(nn.L1Loss())
