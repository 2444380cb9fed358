import torch
import torch.nn.functional as F

torch.manual_seed(14)
x = torch.randn(1, 4, 6)
w = torch.randn(4, 2, 3)
b = torch.randn(4)
print(F.conv1d(x, w, b, 1, 1, 1, 2))
print(F.conv1d(x, w, b, groups=2, padding='same').shape)
