import torch
import torch.nn.functional as F

x = torch.tensor([-1.0, 0.0, 2.0, 3.0], requires_grad=True)
y = F.relu(x)
print(y)
y.sum().backward()
print(x.grad)
