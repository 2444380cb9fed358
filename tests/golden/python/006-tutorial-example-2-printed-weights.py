import torch
import torch.nn as nn

# Example 2 with the weights the notebook printed
m = nn.Conv1d(2, 1, kernel_size=3, bias=True)
with torch.no_grad():
    m.weight.copy_(torch.tensor([[[-0.2167, 0.1201, -0.1179], [-0.0448, -0.3925, -0.1946]]]))
    m.bias.copy_(torch.tensor([0.2215]))
x = torch.tensor([[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]], dtype=torch.float)
y = m(x)
print("weights:", m.weight.data)
print("bias:", m.bias.data)
print("ouput:", y.data)
print(y[0, 0, 0].item())
