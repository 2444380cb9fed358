import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(1, 2, kernel_size=3, padding=1), nn.ReLU(), nn.Conv1d(2, 1, kernel_size=1))
print(model)
