import torch
import torch.nn as nn

torch.manual_seed(8)
m = nn.Conv1d(2, 2, 3)
x = torch.randn(2, 2, 6)
t = torch.randn(2, 2, 4)
opt = torch.optim.Adam(m.parameters(), lr=0.05, betas=(0.8, 0.99))
loss_fn = nn.MSELoss()
for i in range(5):
    opt.zero_grad()
    loss = loss_fn(m(x), t)
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5))
print(m.bias)
