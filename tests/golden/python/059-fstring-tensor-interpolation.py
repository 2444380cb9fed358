import torch

x = torch.tensor([1.0, 2.0, 3.0])
print(f"x = {x}")
print(f"x.sum() = {x.sum()}")
print(f"mean {x.mean().item()}")
print(f"{x.numel()} elements, {x.dim()} dim")
