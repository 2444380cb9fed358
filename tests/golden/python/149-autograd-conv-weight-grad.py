import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3)
x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
y = m(x)
loss = y.sum()
loss.backward()
print(loss)
print(m.weight.grad)
print(m.bias.grad)
