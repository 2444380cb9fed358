# tolerance: the losses pass through torch's BLAS/oneDNN sums (FMA, blocked order), which float32 cannot replay exactly
import torch
import torch.nn as nn

torch.manual_seed(3)
m = nn.Conv1d(2, 1, kernel_size=3, padding=1)
x = torch.randn(4, 2, 8)
t = torch.zeros(4, 1, 8)
opt = torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.MSELoss()
for i in range(6):
    opt.zero_grad()
    loss = loss_fn(m(x), t)
    loss.backward()
    opt.step()
    print(i, f"{loss.item():.8f}")
