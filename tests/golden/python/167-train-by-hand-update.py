import torch
import torch.nn as nn

torch.manual_seed(6)
m = nn.Conv1d(1, 1, kernel_size=2)
x = torch.tensor([[[1.0, 2.0, 3.0]]])
t = torch.tensor([[[1.0, 1.0]]])
lr = 0.1
for i in range(3):
    loss = ((m(x) - t) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        m.weight.copy_(m.weight - lr * m.weight.grad)
        m.bias.copy_(m.bias - lr * m.bias.grad)
    m.weight.grad = None
    m.bias.grad = None
    print(i, loss.item())
print(m.weight.data, m.bias.data)
