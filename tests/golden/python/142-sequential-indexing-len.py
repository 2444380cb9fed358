import torch.nn as nn

model = nn.Sequential(nn.Conv1d(1, 8, 5), nn.ReLU(), nn.Conv1d(8, 8, 5, dilation=2), nn.ReLU(), nn.Conv1d(8, 1, 1))
print(len(model))
print(model[0])
print(model[-1])
print(model[1])
for layer in model:
    print(layer)
