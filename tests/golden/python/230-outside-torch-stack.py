# expect: NotImplementedError line 7: stack
import torch

a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
print(a + b)
batch = torch.stack([a, b])
print(batch.shape)
