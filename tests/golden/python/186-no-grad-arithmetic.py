import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    v = w * 2
    print(v, v.requires_grad)
print(w * 2)
