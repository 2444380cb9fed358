"""Record what real PyTorch 1.13 prints for the torch layer's own programs (tests/js/python-torch.test.mjs).

Run from the repository root with the system Python that has torch installed:

    /usr/bin/python3 tests/golden/generate_python_torch.py

It (re)writes python_torch_programs.json next to this script: for each program below, its stdout and its error
({type, message, line}) or null. The programs probe the torch side of the Python runtime bit by bit (values printed
with tolist()/item() show every float32 bit): dtypes, broadcasting, torch's float32 rounding, summation order,
grad_fn names and gradients, views, indexing, in-place rules, modules, losses, optimizers and their print-outs.
tests/golden/generate_python.py records the broader golden set of whole programs.

Each program starts with torch.manual_seed(67280421310721) applied invisibly, as a session of the runtime starts.
The output file is committed; do not edit it by hand.
"""

import builtins
import contextlib
import io
import json
import os
import sys
import traceback
import warnings

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import torch  # noqa: E402

SEED = 67280421310721
OUT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_torch_programs.json")
torch.set_num_threads(1)
warnings.filterwarnings("ignore")

PROGRAMS = {
    "int64 tensors and their arithmetic": """
import torch
i = torch.tensor([[1, -20, 300]])
print(i, i.dtype, i.shape)
print(i * 2, i + 1, i - 3, -i, i ** 2, i // 7, i % 7)
print(i / 2, i + 0.5, i * 1.5)
print(i.sum(), i.sum(1), i.float(), i.float().dtype)
print(torch.tensor(5), torch.tensor([[1, 2], [3, 4]]).tolist(), torch.tensor([1, 2])[0].item())
print(torch.arange(12).view(3, 4))
print(torch.tensor([1.5, -2.7], dtype=torch.long), torch.tensor([1, 2], dtype=torch.float))
""",
    "float32 rounding of scalar arithmetic": """
import torch
t = torch.tensor([0.1, 0.2, 0.3, 1.0, 3.0])
print((t * 0.1).tolist())
print((t + 0.1).tolist())
print((t - 0.7).tolist())
print((t / 3).tolist())
print((1 / t).tolist())
print((2 - t).tolist())
print((t ** 2).tolist())
print((t ** 3).tolist())
print((t ** 0.5).tolist())
print((t ** -1).tolist())
print((2 ** t).tolist())
print((t / t.sum()).tolist())
print((t % 0.25).tolist(), (t // 0.25).tolist())
a = torch.tensor([7., -7., 0.3, -0.3, 1., 5.5, -5.5, 0., -0., 1e-8, 3.])
b = torch.tensor([2., 2., 0.1, 0.1, 0.1, -2., -2., 3., 3., -1., 0.])
print((a // b).tolist(), (a % b).tolist(), (a // 0.1).tolist())
""",
    "grad_fn names": """
import torch
t = torch.tensor([1., 2., 3.], requires_grad=True)
print(t + 1, 1 + t, t - 1, 1 - t, sep='\\n')
print(t * 2, 2 * t, t / 2, 2 / t, sep='\\n')
print(t ** 2, 2 ** t, t ** t, -t, +t, sep='\\n')
print(t[0], t[1:], t.sum(), t.mean(), t.sum(0), sep='\\n')
print(t.view(3, 1), t.reshape(1, 3), t.unsqueeze(0), t.unsqueeze(0).squeeze(), t.unsqueeze(0).squeeze(0), sep='\\n')
print(t.relu(), torch.tanh(t), torch.sigmoid(t), t.clone(), t.detach(), t.float(), sep='\\n')
print(t.grad_fn, (t * 2).grad_fn is None, t.is_leaf, (t * 2).is_leaf)
""",
    "gradients through broadcasting": """
import torch
a = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
b = torch.tensor([0.5, -1., 2.], requires_grad=True)
c = torch.tensor([[2.], [3.]], requires_grad=True)
y = ((a * b + c) / (b - 3) - a ** 2).mean()
y.backward()
print(y.item())
print(a.grad.tolist())
print(b.grad.tolist())
print(c.grad.tolist())
z = (1 - b) * (2 / b) + b ** b
z.sum().backward()
print(b.grad.tolist())
""",
    "sums and means in torch's order": """
import torch
torch.manual_seed(5)
x = torch.randn(6, 40)
print(x.sum().item(), x.mean().item())
print(x.sum(0).tolist()[:5], x.sum(1).tolist())
print(x.mean(dim=1, keepdim=True).shape, x.sum(-1).shape, x.mean(0).tolist()[:3])
y = torch.randn(3, 4, 5)
print(y.sum(1).tolist()[0], y.mean(-1).tolist()[1])
print(torch.sum(y).item(), torch.mean(y, 2).shape)
""",
    "views and reshapes": """
import torch
t = torch.arange(6.)
v = t.view(2, 3)
print(v, v.shape, t.view(-1, 2).shape, t.reshape(3, -1).shape, t.view(1, 1, 6).squeeze().shape)
v[0, 0] = 10
print(t)
print(t.unsqueeze(1).shape, t.unsqueeze(-1).shape, t.view(2, 1, 3).squeeze(1).shape, t.view(2, 1, 3).squeeze(0).shape)
print(t.numel(), t.dim(), v.dim(), v.ndim, v.size(), v.size(1), v.size(-1), v.flatten())
""",
    "indexing and slicing": """
import torch
t = torch.arange(24.).view(2, 3, 4)
print(t[0], t[1, 2], t[1, 2, 3], t[:, 1], t[0, :, 1:3], t[:, None, 0].shape, t[-1, -1, -1])
print(t[0, 1:], t[:, ::2, ::3])
x = torch.tensor([1., 2., 3., 4.], requires_grad=True)
y = x[1:3] * x[0] + x[-1]
y.sum().backward()
print(y, x.grad)
z = torch.zeros(2, 3)
z[0] = 5
z[1, 1:] = torch.tensor([7., 8.])
z[:, 0] = torch.tensor([1., 2.])
print(z)
for row in torch.arange(6).view(3, 2):
    print(row, row.tolist())
""",
    "torch.Size": """
import torch
s = torch.ones(1, 2, 3).shape
print(s, s[0], s[-1], s[1:], len(s), list(s), s == (1, 2, 3), s == torch.Size([1, 2, 3]), s != (1, 2))
n, c, l = s
print(n, c, l, s.numel(), torch.Size([4, 5]))
for d in s:
    print(d, end=' ')
print()
print(f"{s}", str(s), [s])
""",
    "factories": """
import torch
print(torch.zeros(2, 3), torch.ones(3), torch.zeros([2]), torch.ones((1, 2)), torch.zeros(2, dtype=torch.long))
print(torch.arange(5), torch.arange(1, 10, 2), torch.arange(0, 1, 0.25), torch.arange(5.), torch.arange(1, 4, dtype=torch.float))
print(torch.arange(0, 1, 0.1).tolist())
print(torch.linspace(0, 1, 5), torch.linspace(-1, 1, 7).tolist(), torch.linspace(0, 1, steps=3))
print(torch.linspace(0, 10, 11).tolist(), torch.linspace(3, -2, 6).tolist())
print(torch.randn(3).tolist(), torch.rand(2, 2).tolist())
print(torch.tensor(3.5), torch.tensor([]), torch.tensor(0.1).item(), torch.tensor([[1, 2], [3, 4.]]))
print(torch.zeros(2, requires_grad=True), torch.randn(2, 3).shape)
x = torch.randn(2, 3)
print(torch.zeros_like(x), torch.ones_like(torch.arange(3)), torch.randn_like(x).tolist(), torch.ones_like(x, requires_grad=True))
""",
    "autograd leaves and grads": """
import torch
w = torch.tensor([1., -2., 3.], requires_grad=True)
x = torch.tensor([0.5, 0.25, 2.])
print(w.grad, w.requires_grad, x.requires_grad)
for step in range(3):
    loss = ((w * x).sum() - 1) ** 2
    loss.backward()
    print(step, loss, w.grad)
with torch.no_grad():
    w -= 0.1 * w.grad
    print(w, (w * 2).requires_grad)
w.grad.zero_()
print(w.grad, w.requires_grad, w.is_leaf)
x.requires_grad_()
print(x, x.requires_grad)
print(torch.is_grad_enabled())
""",
    "conv1d module and parameters": """
import torch
import torch.nn as nn
torch.manual_seed(2)
m = nn.Conv1d(2, 3, 3, stride=2, padding=1, dilation=1, groups=1, bias=True, padding_mode='zeros')
print(m, m.weight.shape, m.bias, m.in_channels, m.out_channels, m.kernel_size, m.stride, m.padding, m.dilation, m.groups, m.padding_mode)
x = torch.randn(1, 2, 7)
y = m(x)
print(y, y.shape)
print(m(x[0]))
ps = list(m.parameters())
print(len(ps), ps[1])

m2 = nn.Conv1d(in_channels=4, out_channels=2, kernel_size=(2,), groups=2, bias=False, padding='same', padding_mode='circular')
print(m2, m2.bias, m2.padding)
""",
    "conv1d gradients and training step": """
import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Conv1d(1, 1, 3)
x = torch.tensor([[[1., 2., 3., 4., 5.]]], requires_grad=True)
y = m(x)
y.sum().backward()
print(m.weight.grad, m.bias.grad, x.grad)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
opt.step()
print(m.weight, m.bias)
opt.zero_grad()
print(m.weight.grad, m.bias.grad)
m.zero_grad()
print(m.weight.grad)
""",
    "weights set under no_grad": """
import torch
import torch.nn as nn
m = nn.Conv1d(1, 1, 3)
with torch.no_grad():
    m.weight.copy_(torch.tensor([[[1., 0., -1.]]]))
    m.bias.fill_(0.5)
print(m.weight, m.bias)
m.weight.data = torch.tensor([[[0.25, 0.5, 0.25]]])
m.bias.data.zero_()
print(m(torch.tensor([[[1., 2., 3., 4.]]])))
m.weight.data[0, 0, 1] = 2.
print(m.weight.data)
w = m.weight
with torch.no_grad():
    w.mul_(2)
print(m.weight)
m.weight = nn.Parameter(torch.ones(1, 1, 3))
print(m.weight)
""",
    "in-place refusals": """
import torch
import torch.nn as nn
m = nn.Conv1d(1, 1, 3)
m.weight.copy_(torch.zeros(1, 1, 3))
""",
    "in-place on a leaf that requires grad": """
import torch
t = torch.ones(3, requires_grad=True)
t += 1
""",
    "setitem on a leaf that requires grad": """
import torch
t = torch.ones(3, requires_grad=True)
print(t)
t[0] = 2.
""",
    "sequential and activations": """
import torch
import torch.nn as nn
torch.manual_seed(4)
model = nn.Sequential(nn.Conv1d(1, 2, 3, padding=1), nn.ReLU(), nn.Conv1d(2, 1, 1), nn.Sigmoid(), nn.Sequential(nn.Tanh()))
print(model)
print(model[0], model[-1], len(model))
x = torch.randn(1, 1, 6)
print(model(x))
for layer in model:
    x = layer(x)
    print(layer, x.shape)
print(nn.ReLU(inplace=True), nn.MSELoss(), nn.L1Loss(reduction='sum'))
import torch.nn.functional as F
print(F.relu(torch.tensor([-1., 0., 2.])), torch.relu(torch.tensor([-1., 3.])))
""",
    "losses": """
import torch
import torch.nn as nn
torch.manual_seed(7)
x = torch.randn(2, 1, 5, requires_grad=True)
t = torch.randn(2, 1, 5)
for reduction in ['mean', 'sum', 'none']:
    for loss_fn in [nn.MSELoss(reduction=reduction), nn.L1Loss(reduction=reduction)]:
        loss = loss_fn(x, t)
        print(loss)
        loss.sum().backward() if reduction == 'none' else loss.backward()
        print(x.grad.tolist()[0])
        x.grad = None
""",
    "optimizers print and step": """
import torch
import torch.nn as nn
torch.manual_seed(8)
m = nn.Conv1d(1, 1, 2)
print(torch.optim.SGD(m.parameters(), lr=0.1))
print(torch.optim.SGD(m.parameters(), lr=1, momentum=0.9, nesterov=True, weight_decay=1e-4))
print(torch.optim.Adam(m.parameters()))
opt = torch.optim.Adam(m.parameters(), lr=0.01, betas=(0.8, 0.99), amsgrad=True)
print(opt)
x = torch.randn(3, 1, 4)
for i in range(3):
    opt.zero_grad()
    loss = (m(x) ** 2).mean()
    loss.backward()
    opt.step()
    print(i, loss.item(), m.weight.tolist(), m.bias.tolist())
""",
    "functional conv1d": """
import torch
import torch.nn.functional as F
x = torch.tensor([[[1., 2., 3., 4., 5.], [0., 1., 0., 1., 0.]]], requires_grad=True)
w = torch.tensor([[[1., 0., -1.], [0.5, 0.5, 0.5]]], requires_grad=True)
b = torch.tensor([0.1], requires_grad=True)
y = F.conv1d(x, w, b, stride=1, padding=1)
print(y)
y.sum().backward()
print(x.grad, w.grad, b.grad)
print(F.conv1d(x[0], w), F.conv1d(x, w, dilation=2), F.conv1d(x, w.view(2, 1, 3), groups=2))
print(torch.randn(2).tolist())
""",
    "errors: shapes": """
import torch
t = torch.ones(3)
print(t.view(3, 1).shape)
t + torch.ones(4)
""",
    "errors: view": """
import torch
torch.ones(3).view(2, 2)
""",
    "errors: item": """
import torch
torch.ones(3).item()
""",
    "errors: index": """
import torch
torch.ones(3)[3]
""",
    "errors: conv channels": """
import torch
import torch.nn as nn
m = nn.Conv1d(1, 1, 3)
m(torch.ones(1, 2, 5))
""",
    "errors: conv int input": """
import torch
import torch.nn as nn
nn.Conv1d(1, 1, 3)(torch.tensor([[[1, 2, 3, 4, 5]]]))
""",
    "errors: groups": """
import torch.nn as nn
nn.Conv1d(3, 2, 3, groups=2)
""",
    "errors: backward twice": """
import torch
x = torch.ones(2, requires_grad=True)
y = (x * x).sum()
y.backward()
y.backward()
""",
    "errors: int requires grad": """
import torch
torch.tensor([1, 2], requires_grad=True)
""",
    "errors: round of a tensor": """
import torch
print(round(torch.tensor(2.567).item(), 2))
round(torch.tensor(2.567))
""",
    "errors: mean of int": """
import torch
torch.arange(4).mean()
""",
    "errors: size dim": """
import torch
torch.ones(2, 3).size(2)
""",
    "tensors in f-strings and str()": """
import torch
loss = torch.tensor(0.123456)
print(f"{loss:.4f} {loss.item():.2e} {loss} {torch.ones(2)}")
print(str(torch.arange(3)), repr(torch.ones(1)), [torch.zeros(1), torch.tensor(2)])
print(float(loss), int(torch.tensor(3.7)), round(loss.item(), 3), bool(torch.tensor(0.)), len(torch.ones(4, 2)))
""",
    "bool tensors and abs": """
import torch
t = torch.tensor([[1., 5., 5.], [-7., 2., 0.]], requires_grad=True)
print(t > 0, (t > 0).sum(), (t >= 2).float().mean(), t == 5, 1 < t, torch.tensor([True, False]), torch.tensor(True))
print((t > 0).dtype, (t > 0).tolist(), (t[0, 1] > 0).item(), torch.arange(4) != 2)
print(torch.abs(t), t.abs(), abs(torch.tensor([-2., 3.])), torch.tensor([-3, 1]).abs())
print(2 in torch.tensor([1, 2]), 2.5 in t, torch.tensor(1.) in t, 5 in t.detach())
t.abs().sum().backward()
print(t.grad)
""",
    "functional losses": """
import torch
import torch.nn.functional as F
x = torch.tensor([1., 2., -0.5], requires_grad=True)
y = torch.tensor([0.3, 0.3, 0.3])
print(F.mse_loss(x, y), F.l1_loss(x, y, reduction='sum'), F.mse_loss(x, y, reduction='none'))
F.mse_loss(x, y).backward()
print(x.grad)
""",
    "manual SGD under no_grad on parameters (5 digits: the package's conv gradients may differ in the last bit)": """
import torch
import torch.nn as nn
torch.manual_seed(11)
m = nn.Conv1d(1, 1, 2)
x = torch.randn(1, 1, 5)
for step in range(3):
    loss = (m(x) ** 2).sum()
    m.zero_grad()
    loss.backward()
    with torch.no_grad():
        for p in m.parameters():
            p -= 0.05 * p.grad
    print(step, f"{loss.item():.5f}", [round(w, 5) for w in m.weight.view(-1).tolist()], round(m.bias.item(), 5))
""",
    "broadcast gradients summed in torch's order": """
import torch
torch.manual_seed(12)
x = torch.randn(3, 4, 20)
for shape in [(4, 1), (1, 4, 1), (20,), (3, 1, 20), (1,), (), (3, 4, 1), (1, 1, 20), (3, 1, 1)]:
    b = torch.randn(shape, requires_grad=True)
    (x * b).sum().backward()
    print(shape, b.grad.view(-1).tolist()[:6])
w = torch.randn(9, 1, requires_grad=True)
(torch.randn(9, 33) * w).mean().backward()
print(w.grad.view(-1).tolist())
""",
    "gradients along two paths": """
import torch
torch.manual_seed(61)
a = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = ((a - b) + b) + (b + a) * a
y.sum().backward()
print(a.grad.tolist(), b.grad.tolist())
c = torch.tensor(0.5, requires_grad=True)
z = (0.7 / c) ** 2 + c + c * c
z.backward()
print(z.item(), c.grad.item())
""",
    "empty tensors": """
import torch
i = torch.arange(12).view(3, 4)
print(i[3:], i[:, 5:], torch.arange(0), torch.tensor([]), torch.zeros(0, 2), (i > 100)[2:1])
x = torch.randn(2, 3, requires_grad=True)
y = x[:, 4:]
print(y, y.sum(), y.sum(1))
""",
    "F.conv1d draws nothing: the generator (and its spare normal) stay where they were": """
import torch
import torch.nn.functional as F
torch.manual_seed(0)
a = torch.randn(3)
y = F.conv1d(torch.ones(1, 1, 4), torch.ones(1, 1, 2))
b = torch.randn(1)
print(a.tolist(), y, b.tolist(), torch.randn(2).tolist(), torch.initial_seed())
""",
    "views read and write their base": """
import torch
t = torch.arange(6.).view(2, 3)
r = t[0]
r[0] = 100
s = t[:, 1]
s[0] = -1
t[1, 1] = 40
print(t, r, s)
v = t.view(-1)
v[5] = 7
d = t.detach()
d[0, 2] = 9
print(t)
for row in t:
    row[0] = 0
print(t)
i = torch.arange(4)
i[1:3][0] = 9
print(i)
""",
    "a bias set to None": """
import torch
import torch.nn as nn
torch.manual_seed(0)
m = nn.Conv1d(1, 1, 2)
m.bias = None
print(m, m.bias, len(list(m.parameters())))
print(m(torch.ones(1, 1, 3)))
m.bias = nn.Parameter(torch.tensor([0.5]))
print(m, m(torch.ones(1, 1, 3)))
""",
    "type() and isinstance()": """
import torch
import torch.nn as nn
x = torch.ones(2)
m = nn.Conv1d(1, 1, 2)
print(type(x), type(m.weight), type(m), type(x.shape), type(nn.ReLU()), type(nn.MSELoss()), type(nn.Sequential()))
print(type(torch.optim.SGD(m.parameters(), lr=1)), type(x).__name__, type(m).__name__, type(x) == torch.Tensor)
print(isinstance(m.weight, torch.Tensor), isinstance(m, nn.Module), isinstance(x, nn.Parameter), isinstance(m, nn.Conv1d))
print(isinstance(m, nn.ReLU), torch.Tensor, nn.Conv1d, nn.Module, nn.Parameter, torch.Size([2, 3]))
""",
    "outside: float64": """
import torch
torch.zeros(2, dtype=torch.float64)
""",
    "outside: numpy": """
import torch
torch.ones(2).numpy()
""",
}


def run(source):
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    torch.manual_seed(SEED)
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<program>", "exec"), namespace)
        except Exception as e:  # noqa: BLE001 - every Python error is a recorded outcome
            lines = [f.lineno for f in traceback.extract_tb(e.__traceback__) if f.filename == "<program>"]
            error = {"type": type(e).__name__, "message": str(e), "line": lines[-1] if lines else None}
    return {"stdout": out.getvalue(), "error": error}


def main():
    programs = [{"name": name, "source": source.lstrip("\n"), **run(source.lstrip("\n"))} for name, source in PROGRAMS.items()]
    with open(OUT_FILE, "w") as f:
        json.dump({"generator": "tests/golden/generate_python_torch.py", "torch_version": torch.__version__, "seed": SEED,
                   "programs": programs}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(programs)} programs to {OUT_FILE}")


if __name__ == "__main__":
    main()
