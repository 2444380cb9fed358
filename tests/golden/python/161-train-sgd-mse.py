import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Conv1d(1, 1, kernel_size=3)
x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
target = torch.tensor([[[0.0, 1.0, 0.0]]])
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(5):
    optimizer.zero_grad()
    loss = loss_fn(model(x), target)
    loss.backward()
    optimizer.step()
    print(epoch, loss.item())
print(model.weight)
print(model.bias)
