import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(1)         # same weights for each run
m = nn.Conv1d(1, 1, kernel_size= 3, bias = True)
print("weights:", m.weight.data)   # print out weights, size []
print("bias:", m.bias.data)   # print out weights, size []

input = Variable(torch.tensor([[[1,2,3,4,5]]], dtype=torch.float))
output = m(input)
print("input:", input.data)
print("ouput:", output.data)
