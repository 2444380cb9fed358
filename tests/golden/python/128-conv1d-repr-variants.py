import torch.nn as nn

print(nn.Conv1d(1, 1, 1))
print(nn.Conv1d(16, 33, 3, stride=2))
print(nn.Conv1d(1, 1, 3, padding=1, bias=False))
print(nn.Conv1d(1, 1, 3, padding='same'))
print(nn.Conv1d(1, 1, 3, dilation=3, padding_mode='reflect', padding=3))
print(nn.Conv1d(4, 4, 5, groups=4))
print(nn.Conv1d(2, 2, 3, padding=0, padding_mode='circular'))
