import torch.nn as nn

m = nn.Conv1d(1, 2, 3)
print(m.weight)
print(m.bias)
