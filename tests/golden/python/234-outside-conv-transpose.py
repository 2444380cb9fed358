# expect: NotImplementedError line 5: ConvTranspose1d
import torch.nn as nn

print(nn.Conv1d(2, 1, 3))
up = nn.ConvTranspose1d(1, 2, 3)
