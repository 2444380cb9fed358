import torch
import torch.nn as nn

torch.manual_seed(9)
m = nn.Conv1d(1, 1, kernel_size=(3,), stride=(2,), padding=(1,), dilation=(1,))
print(m)
print(m(torch.ones(1, 1, 6)))
