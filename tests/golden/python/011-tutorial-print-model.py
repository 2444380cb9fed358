import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(1)
m = nn.Conv1d(1, 1, kernel_size= 3, bias = True)
print(m)
m2 = nn.Conv1d(2, 1, kernel_size= 3, bias = True)
print(m2)
m3 = nn.Conv1d(2, 2, kernel_size= 3, bias = True)
print(m3)
