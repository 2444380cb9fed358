import torch

torch.manual_seed(0)
m = torch.nn.Conv1d(1, 1, 3)
y = m(torch.ones(1, 1, 5))
print(f"first output: {y[0, 0, 0].item():.4f}")
print(f"sum: {y.sum().item():.6f}")
print(f"shape: {y.shape}")
print(f"{y.shape[-1]} outputs")
