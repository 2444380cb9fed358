import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3, bias=True)
input = torch.tensor([[[1, 2, 3, 4, 5]]], dtype=torch.float)
output = m(input)
print(output)
print(m.weight)
print(m.bias)
