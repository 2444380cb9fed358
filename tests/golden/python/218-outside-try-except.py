# expect: NotImplementedError line 7: try
import torch
import torch.nn as nn

m = nn.Conv1d(1, 1, 3)
print("before")
try:
    m(torch.ones(1, 2, 5))
except RuntimeError as e:
    print("caught", e)
