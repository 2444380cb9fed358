import torch
import torch.nn as nn

torch.manual_seed(0)
m = nn.Conv1d(3, 2, kernel_size=1)
print(m.weight.data.view(2, 3))
x = torch.arange(12, dtype=torch.float).view(1, 3, 4)
print(m(x))
