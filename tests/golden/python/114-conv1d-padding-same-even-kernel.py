import torch
import torch.nn as nn

torch.manual_seed(2)
m = nn.Conv1d(1, 1, kernel_size=4, padding='same', bias=False)
print(m)
x = torch.arange(6, dtype=torch.float).view(1, 1, 6)
print(m.weight.data)
print(m(x))
