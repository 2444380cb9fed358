import torch
from torch.autograd import Variable

v = Variable(torch.tensor([[[1,2,3,4,5]]], dtype=torch.float))
print(v)
print(v.data)
print(v.requires_grad)
w = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
print(w)
