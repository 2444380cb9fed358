import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size=3)
x = torch.tensor([[[1., 2., 3., 4., 5.]]])
y = m(x)
w = m.weight.data[0, 0].tolist()
b = m.bias.data[0].item()
xs = x[0, 0].tolist()
for i in range(3):
    by_hand = w[0] * xs[i] + w[1] * xs[i + 1] + w[2] * xs[i + 2] + b
    print(i, round(by_hand, 4), round(y[0, 0, i].item(), 4))
