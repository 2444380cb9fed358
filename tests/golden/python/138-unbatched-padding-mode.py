import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3, padding=1, padding_mode='reflect')
print(m(torch.tensor([[1.0, 2.0, 3.0, 4.0]])))
