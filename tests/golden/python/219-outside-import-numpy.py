# expect: NotImplementedError line 5: numpy
import torch

print(torch.ones(2))
import numpy as np
x = torch.tensor(np.array([1.0, 2.0, 3.0]))
print(x)
