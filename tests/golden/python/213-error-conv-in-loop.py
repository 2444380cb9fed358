import torch
import torch.nn as nn

torch.manual_seed(20)
x = torch.ones(1, 2, 6)
for cin in [2, 3]:
    m = nn.Conv1d(cin, 1, 3)
    print(cin, m(x).shape)
