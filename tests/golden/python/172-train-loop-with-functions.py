# tolerance: the losses pass through torch's BLAS/oneDNN sums (FMA, blocked order), which float32 cannot replay exactly
import torch
import torch.nn as nn

def make_model():
    torch.manual_seed(10)
    return nn.Sequential(nn.Conv1d(1, 3, 3), nn.Tanh(), nn.Conv1d(3, 1, 3))

def train(model, x, t, steps, lr):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(x), t)
        loss.backward()
        opt.step()
    return loss.item()

x = torch.linspace(0, 1, 9).view(1, 1, 9)
t = torch.ones(1, 1, 5)
for lr in [0.01, 0.1]:
    print(lr, train(make_model(), x, t, 10, lr))
