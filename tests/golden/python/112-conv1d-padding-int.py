import torch
import torch.nn as nn

torch.manual_seed(0)
m = nn.Conv1d(1, 2, kernel_size=3, padding=1)
print(m)
x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
print(m(x))
print(m(x).shape)
