import torch
import torch.nn as nn

torch.manual_seed(5)
m = nn.Conv1d(1, 1, kernel_size=3, padding=2, padding_mode='reflect')
print(m)
x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
print(m(x))
