import torch
import torch.nn as nn

torch.manual_seed(2)
m = nn.Conv1d(1, 1, kernel_size=3, padding='valid')
print(m)
print(m(torch.ones(1, 1, 5)).shape)
