import torch
import torch.nn as nn

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print(nn.ReLU()(x))
print(nn.Tanh()(x))
print(nn.Sigmoid()(x))
relu = nn.ReLU()
print(relu)
print(nn.Tanh(), nn.Sigmoid())
