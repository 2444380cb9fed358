import torch
import torch.nn.functional as F

x = torch.tensor([[-1.5, 0.0, 2.5], [3.0, -0.1, 0.1]])
print(F.relu(x))
torch.manual_seed(16)
w = torch.randn(1, 1, 3, requires_grad=True)
y = F.relu(F.conv1d(torch.ones(1, 1, 5), w))
print(y)
