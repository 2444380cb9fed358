import torch
import torch.nn as nn
from torch.autograd import Variable
