import torch
import torch.nn as nn

torch.manual_seed(3)
m = nn.Conv1d(3, 3, kernel_size=3, groups=3, bias=False, padding=1)
print(m)
print(m.weight)
x = torch.tensor([[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]])
print(m(x))
