import torch
import torch.nn as nn

torch.manual_seed(5)
m = nn.Conv1d(1, 1, kernel_size=3, padding=1, bias=False)
x = torch.randn(8, 1, 10)
opt = torch.optim.SGD(m.parameters(), lr=0.3)
loss_fn = nn.MSELoss()
for step in range(4):
    opt.zero_grad()
    loss = loss_fn(m(x), x)
    loss.backward()
    opt.step()
print(round(loss.item(), 6))
print(m.weight)
