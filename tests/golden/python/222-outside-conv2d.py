# expect: NotImplementedError line 6: Conv2d
import torch
import torch.nn as nn

print(nn.Conv1d(3, 8, 3))
m = nn.Conv2d(3, 8, 3)
print(m)
