import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Conv1d(1, 4, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.Conv1d(4, 1, kernel_size=3),
)
print(model)
