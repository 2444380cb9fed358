import torch.nn as nn

block = nn.Sequential(nn.Conv1d(4, 4, 3, padding=1), nn.ReLU())
model = nn.Sequential(nn.Conv1d(1, 4, 3, padding=1), block, nn.Conv1d(4, 1, 1))
print(model)
