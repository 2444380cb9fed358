# expect: NotImplementedError line 5: numpy
import torch

x = torch.tensor([1.0, 2.0])
print(x.numpy())
