import torch
import torch.nn as nn

torch.manual_seed(17)
m = nn.Conv1d(1, 1, 3)
x = torch.ones(1, 1, 5)
with torch.no_grad():
    y = m(x)
    print(y)
    print(y.requires_grad)
z = m(x)
print(z)
