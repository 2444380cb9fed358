import torch

w = torch.tensor([[0.5, -0.5], [1.5, 2.0]], requires_grad=True)
loss = ((w - 1) ** 2).mean()
print(loss)
loss.backward()
print(w.grad)
