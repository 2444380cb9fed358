import torch
import torch.nn.functional as F

x = torch.tensor([[1.0, 2.0, 3.0, 4.0]])
w = torch.tensor([[[0.5, 0.5]]])
print(F.conv1d(x, w))
