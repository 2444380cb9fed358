import torch
import torch.nn as nn

x = torch.tensor([[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]])
for mode in ['zeros', 'reflect', 'replicate', 'circular']:
    torch.manual_seed(11)
    m = nn.Conv1d(1, 1, kernel_size=3, padding=1, padding_mode=mode, bias=False)
    print(mode, m(x).data)
