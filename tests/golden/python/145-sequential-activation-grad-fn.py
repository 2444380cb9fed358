import torch
import torch.nn as nn

w = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
print(nn.ReLU()(w))
print(nn.Tanh()(w))
print(nn.Sigmoid()(w))
