import torch.nn as nn

model = nn.Sequential(nn.Conv1d(2, 4, 3), nn.ReLU(), nn.Conv1d(4, 1, 3, bias=False))
params = list(model.parameters())
print(len(params))
for p in params:
    print(p.shape, p.requires_grad)
print(sum([p.numel() for p in model.parameters()]))
