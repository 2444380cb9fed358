import torch
import torch.nn as nn

a = torch.ones(3)
b = torch.ones(4)
print(nn.MSELoss()(a, b))
