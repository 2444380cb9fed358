import torch
import torch.nn as nn

m = nn.Conv1d(2, 2, kernel_size=3)
m.weight.data = torch.tensor([[[-0.0992, 0.4066, 0.3272],
                               [-0.0191, -0.2725, 0.2486]],
                              [[0.1267, -0.2639, 0.2652],
                               [0.2478, 0.3621, -0.2288]]])
m.bias.data = torch.tensor([-0.0672, -0.0079])
x = torch.tensor([[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]], dtype=torch.float)
print(m(x))
print(m(x).data)
