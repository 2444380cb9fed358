import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(1)
model = nn.Conv1d(1, 1, kernel_size=3, bias=True)
x = torch.tensor([[[1, 2, 3, 4, 5]]], dtype=torch.float)
y_true = torch.tensor([[[2.0, 3.0, 4.0]]])
criterion = nn.MSELoss()
optimizer = optim.Adam(model.parameters(), lr=0.1)
for step in range(10):
    optimizer.zero_grad()
    loss = criterion(model(x), y_true)
    loss.backward()
    optimizer.step()
    if step % 3 == 0:
        print(f"step {step}: loss {loss.item():.6f}")
print(model(x))
