import torch
import torch.nn as nn

torch.manual_seed(2)
m = nn.Conv1d(1, 1, kernel_size=2)
x = torch.tensor([[[1.0, -1.0, 2.0]]])
for i in range(3):
    m(x).sum().backward()
    print(i, m.weight.grad, m.bias.grad)
