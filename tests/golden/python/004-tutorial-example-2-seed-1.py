import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(1)
m = nn.Conv1d(2, 1, kernel_size= 3, bias = True)
print("weights:", m.weight.data)
print("bias:", m.bias.data)

input = Variable(torch.tensor([[[1,2,3,4,5],[1,2,3,4,5]]], dtype=torch.float))
output = m(input)
print("input:", input.data)
print("ouput:", output.data)
