import torch.nn as nn

m = nn.Conv1d(1, 1, kernel_size=3, padding='same', stride=2)
