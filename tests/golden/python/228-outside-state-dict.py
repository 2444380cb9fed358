# expect: NotImplementedError line 8: state_dict
import torch
import torch.nn as nn

torch.manual_seed(1)
m = nn.Conv1d(1, 1, 3)
print(m.weight.data)
print(m.state_dict())
