import torch
import torch.nn as nn

torch.manual_seed(11)
m = nn.Conv1d(1, 1, 2, bias=False)
x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])
opt = torch.optim.SGD(m.parameters(), lr=0.02)
for i in range(3):
    opt.zero_grad()
    loss = nn.L1Loss()(m(x), torch.zeros(1, 1, 3))
    loss.backward()
    print(i, m.weight.grad, loss)
    opt.step()
