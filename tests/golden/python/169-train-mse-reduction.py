import torch
import torch.nn as nn

a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([1.5, 2.0, 5.0])
print(nn.MSELoss()(a, b))
print(nn.MSELoss(reduction='sum')(a, b))
print(nn.L1Loss(reduction='sum')(a, b))
print(nn.L1Loss(reduction='mean')(a, b))
