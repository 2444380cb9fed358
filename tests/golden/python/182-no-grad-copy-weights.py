import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, kernel_size=3)
with torch.no_grad():
    m.weight.copy_(torch.tensor([[[0.25, 0.5, 0.25]]]))
    m.bias.copy_(torch.tensor([1.0]))
print(m.weight)
print(m.bias)
print(m(torch.tensor([[[4.0, 8.0, 4.0, 0.0]]])))
