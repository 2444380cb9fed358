# expect: NotImplementedError line 5: max
import torch

x = torch.tensor([3.0, 1.0, 4.0])
print(x.max())
