import torch

print(torch.tensor([1e-5, 1.0, 100.0]))
print(torch.tensor([1e-8, 1e-9]))
print(torch.tensor([12345678.0, 1.0]))
print(torch.tensor([0.001, 0.01]))
print(torch.tensor([1e10]))
print(torch.tensor([1.0, 2.0, 3.0]) * 1e6)
print(torch.tensor([123.456, 0.5]))
print(torch.tensor([1000.0, 2000.5]))
