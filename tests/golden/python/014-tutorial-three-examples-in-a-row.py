import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(1)
for cin, cout in [(1, 1), (2, 1), (2, 2)]:
    m = nn.Conv1d(cin, cout, kernel_size=3, bias=True)
    input = Variable(torch.tensor([[[1, 2, 3, 4, 5]] * cin], dtype=torch.float))
    print(cin, cout, m.weight.shape, m(input).data)
