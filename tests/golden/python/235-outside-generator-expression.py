# expect: NotImplementedError line 6: generator
import torch.nn as nn

m = nn.Conv1d(2, 4, 3)
print(sum([p.numel() for p in m.parameters()]))
print(sum(p.numel() for p in m.parameters()))
