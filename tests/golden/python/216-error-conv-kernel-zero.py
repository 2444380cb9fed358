import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, kernel_size=0)
print(m)
print(m(torch.ones(1, 1, 3)))
