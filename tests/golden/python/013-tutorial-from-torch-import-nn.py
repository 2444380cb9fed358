import torch
from torch import nn

torch.manual_seed(1)
conv = nn.Conv1d(in_channels=1, out_channels=1, kernel_size=3)
print(conv.weight.data)
print(conv.bias.data)
print(conv(torch.tensor([[[1., 2., 3., 4., 5.]]])).data)
