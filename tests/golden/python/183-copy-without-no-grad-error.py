import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, kernel_size=3)
print(m.weight.shape)
m.weight.copy_(torch.tensor([[[0.25, 0.5, 0.25]]]))
