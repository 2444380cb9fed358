import torch
import torch.nn.functional as F

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
w = torch.tensor([[[1.0, 0.0, -1.0]]])
print(F.conv1d(x, w))
print(F.conv1d(x, w, bias=torch.tensor([0.5])))
print(F.conv1d(x, w, padding=1))
print(F.conv1d(x, w, stride=2))
print(F.conv1d(x, w, dilation=2))
