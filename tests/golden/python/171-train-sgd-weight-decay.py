import torch
import torch.nn as nn

torch.manual_seed(9)
m = nn.Conv1d(1, 1, 3)
x = torch.randn(1, 1, 9)
opt = torch.optim.SGD(m.parameters(), lr=0.1, weight_decay=0.01)
for i in range(4):
    opt.zero_grad()
    loss = nn.MSELoss()(m(x), torch.zeros(1, 1, 7))
    loss.backward()
    opt.step()
print(loss)
print(m.weight.data)
