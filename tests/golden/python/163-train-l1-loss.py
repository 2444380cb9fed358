import torch
import torch.nn as nn

torch.manual_seed(2)
m = nn.Conv1d(1, 1, kernel_size=2)
x = torch.tensor([[[0.0, 1.0, 2.0, 3.0]]])
t = torch.tensor([[[1.0, 1.0, 1.0]]])
loss_fn = nn.L1Loss()
opt = torch.optim.SGD(m.parameters(), lr=0.05)
losses = []
for i in range(8):
    opt.zero_grad()
    loss = loss_fn(m(x), t)
    loss.backward()
    opt.step()
    losses.append(round(loss.item(), 4))
print(losses)
print(m.weight.data, m.bias.data)
