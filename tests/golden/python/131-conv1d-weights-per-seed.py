import torch
import torch.nn as nn

for seed in [0, 1, 2, 42]:
    torch.manual_seed(seed)
    m = nn.Conv1d(1, 1, 3)
    print(seed, m.weight.data, m.bias.data)
