# expect: NotImplementedError line 6: named_parameters
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
print(len(list(m.parameters())))
for name, p in m.named_parameters():
    print(name, p.shape)
