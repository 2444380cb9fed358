# expect: NotImplementedError line 7: BatchNorm1d
import torch
import torch.nn as nn

torch.manual_seed(0)
conv = nn.Conv1d(1, 4, 3)
bn = nn.BatchNorm1d(4)
print(bn(conv(torch.randn(2, 1, 8))))
