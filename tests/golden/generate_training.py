"""Generate golden training runs for conv1d-playground's autograd, losses and optimizers from real PyTorch 1.13.

Run from the repository root with the system Python that has torch installed:

    /usr/bin/python3 tests/golden/generate_training.py

It (re)writes training_runs.json next to this script:

- ``runs``: 25-step training trajectories. Each run seeds torch's global generator, builds its stack (Conv1d
  layers and ReLU / Tanh / Sigmoid), then draws the input and the target with torch.randn, in that order, so the JS
  API reproduces everything from the seed alone (the initial parameters, input and target are stored as well, to
  check that). Each step is ``opt.zero_grad(); loss = loss_fn(model(x), target); loss.backward(); opt.step()``;
  a reduction='none' loss is backed with ``loss.backward(torch.ones_like(loss))`` and recorded as its sum.
  Recorded: every step's loss and the final parameters.
- ``gradients``: single backward passes: the input (requires_grad) and every parameter's gradient after
  ``model(x).backward(g)`` for a gradient ``g`` drawn after the input, or after a loss's ``backward()``.
- ``branches``: two stacks on one input compared by a loss, ``loss_fn(a(x), b(x)).backward()``: the input's
  gradient sums both branches, and the target side (b) gets gradients too.

Adam runs avoid ties: Adam turns a gradient element into a step of about lr * sign(element), so an element that
is a rounding residue of terms cancelling exactly (e.g. an L1 loss's bias gradient, a sum of equally many +1/n
and -1/n) gets a full-size step whose sign depends on the summation order, which no other float32
implementation reproduces. A run whose gradients hold an element below 1e-6 of the model's largest gradient
element (but not 0) is drawn again from the seed plus 1000.

torch runs single-threaded. The output file is committed; do not edit it by hand.
"""

import json
import math
import os

import torch
from torch import nn

torch.set_num_threads(1)

STEPS = 25

# Stacks: ("conv", in, out, k, kwargs) or ("relu" | "tanh" | "sigmoid",), with the input and target shapes.
CONFIGS = {
    "tutorial": ([("conv", 2, 4, 3, {"padding": 1}), ("relu",), ("conv", 4, 1, 3, {})], [1, 2, 16], [1, 1, 14]),
    "single": ([("conv", 1, 1, 3, {})], [1, 1, 10], [1, 1, 8]),
    "reflect_same_circular": ([("conv", 2, 4, 3, {"padding": "same", "padding_mode": "reflect"}), ("tanh",),
                               ("conv", 4, 2, 5, {"padding": 2, "padding_mode": "circular"})], [2, 2, 12], [2, 2, 12]),
    "groups_stride_sigmoid": ([("conv", 4, 4, 3, {"groups": 2, "stride": 2}), ("sigmoid",), ("conv", 4, 2, 1, {})],
                              [3, 4, 15], [3, 2, 7]),
    "dilation_replicate": ([("conv", 1, 3, 3, {"dilation": 2, "padding": 2, "padding_mode": "replicate"}), ("relu",),
                            ("conv", 3, 1, 3, {"bias": False})], [2, 1, 20], [2, 1, 18]),
    "unbatched_valid": ([("conv", 3, 2, 4, {"stride": 2, "padding": "valid"})], [3, 18], [2, 8]),
    "depthwise_tanh_sigmoid": ([("conv", 2, 2, 3, {"groups": 2, "bias": False}), ("tanh",),
                                ("conv", 2, 2, 3, {"padding": 1, "padding_mode": "zeros"}), ("sigmoid",)],
                               [1, 2, 9], [1, 2, 7]),
}

OPTIMIZERS = [
    ("sgd", {"lr": 0.05}),
    ("sgd", {"lr": 0.05, "momentum": 0.9}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": 0.05, "momentum": 0.5, "dampening": 0.3}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.01}),
    ("sgd", {"lr": 0.1, "weight_decay": 0.05}),
    ("adam", {"lr": 0.01}),
    ("adam", {"lr": 0.01, "amsgrad": True}),
    ("adam", {"lr": 0.02, "weight_decay": 0.1}),
    ("adam", {"lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-6, "amsgrad": True, "weight_decay": 0.01}),
]

LOSSES = [("mse", "mean"), ("mse", "sum"), ("mse", "none"), ("l1", "mean"), ("l1", "sum"), ("l1", "none")]


def build(stack):
    layers = []
    for spec in stack:
        if spec[0] == "conv":
            _, i, o, k, kwargs = spec
            layers.append(nn.Conv1d(i, o, k, **kwargs))
        else:
            layers.append({"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}[spec[0]]())
    return nn.Sequential(*layers)


def describe(stack):
    out = []
    for spec in stack:
        if spec[0] == "conv":
            _, i, o, k, kwargs = spec
            out.append({"type": "conv", "in_channels": i, "out_channels": o, "kernel_size": k, **kwargs})
        else:
            out.append({"type": spec[0]})
    return out


def values(t):
    return t.detach().reshape(-1).tolist()


def optimizer(kind, options, params):
    if kind == "sgd":
        return torch.optim.SGD(params, **options)
    opts = dict(options)
    if "betas" in opts:
        opts["betas"] = tuple(opts["betas"])
    return torch.optim.Adam(params, **opts)


def loss_fn(kind, reduction):
    return (nn.MSELoss if kind == "mse" else nn.L1Loss)(reduction=reduction)


def has_tie(params):
    grads = [p.grad.abs() for p in params]
    largest = max(g.max().item() for g in grads)
    return any(((g > 0) & (g < 1e-6 * largest)).any().item() for g in grads)


def training_run(index, name, seed, optim_spec, loss_spec):
    while True:
        run = attempt_run(index, name, seed, optim_spec, loss_spec)
        if run is not None:
            return run
        seed += 1000


def attempt_run(index, name, seed, optim_spec, loss_spec):
    stack, input_shape, target_shape = CONFIGS[name]
    kind, options = optim_spec
    options = dict(options)
    if loss_spec[1] != "mean":  # sums are larger: smaller steps keep every run finite
        options["lr"] = options["lr"] * 0.1
    torch.manual_seed(seed)
    model = build(stack)
    x = torch.randn(input_shape)
    target = torch.randn(target_shape)
    initial = [values(p) for p in model.parameters()]
    fn = loss_fn(*loss_spec)
    opt = optimizer(kind, options, model.parameters())
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = fn(model(x), target)
        if loss.dim() == 0:
            loss.backward()
        else:
            loss.backward(torch.ones_like(loss))
        if kind == "adam" and has_tie(model.parameters()):
            return None
        opt.step()
        losses.append(loss.sum().item())
    assert all(math.isfinite(v) for v in losses), (name, optim_spec, loss_spec)
    return {
        "name": f"{index:02d}_{name}_{kind}_{loss_spec[0]}_{loss_spec[1]}",
        "seed": seed,
        "layers": describe(stack),
        "input_shape": input_shape,
        "target_shape": target_shape,
        "input": values(x),
        "target": values(target),
        "initial_parameters": initial,
        "loss": {"type": loss_spec[0], "reduction": loss_spec[1]},
        "optimizer": {"type": kind, "options": options},
        "losses": losses,
        "final_parameters": [values(p) for p in model.parameters()],
    }


def gradient_case(index, name, seed, loss_spec):
    stack, input_shape, target_shape = CONFIGS[name]
    torch.manual_seed(seed)
    model = build(stack)
    x = torch.randn(input_shape).requires_grad_()
    y = model(x)
    case = {"name": f"{index:02d}_{name}_{loss_spec[0] if loss_spec else 'grad'}", "seed": seed,
            "layers": describe(stack), "input_shape": input_shape, "input": values(x)}
    if loss_spec is None:
        g = torch.randn(y.shape)
        y.backward(g)
        case["grad_output"] = values(g)
        case["output_shape"] = list(y.shape)
    else:
        target = torch.randn(target_shape)
        loss = loss_fn(*loss_spec)(y, target)
        loss.backward()
        case.update(target_shape=target_shape, target=values(target),
                    loss={"type": loss_spec[0], "reduction": loss_spec[1]}, loss_value=loss.item())
    case["input_grad"] = values(x.grad)
    case["parameter_grads"] = [values(p.grad) for p in model.parameters()]
    return case


def branch_case(index, seed, loss_spec):
    torch.manual_seed(seed)
    a = build([("conv", 2, 3, 3, {"padding": 1}), ("tanh",), ("conv", 3, 1, 3, {})])
    b = build([("conv", 2, 1, 5, {"padding": 1, "padding_mode": "reflect"}), ("sigmoid",)])
    x = torch.randn(2, 2, 10).requires_grad_()
    loss = loss_fn(*loss_spec)(a(x), b(x))
    loss.backward()
    return {"name": f"{index:02d}_branches_{loss_spec[0]}_{loss_spec[1]}", "seed": seed, "input_shape": [2, 2, 10],
            "a": describe([("conv", 2, 3, 3, {"padding": 1}), ("tanh",), ("conv", 3, 1, 3, {})]),
            "b": describe([("conv", 2, 1, 5, {"padding": 1, "padding_mode": "reflect"}), ("sigmoid",)]),
            "loss": {"type": loss_spec[0], "reduction": loss_spec[1]}, "loss_value": loss.item(),
            "input_grad": values(x.grad), "a_grads": [values(p.grad) for p in a.parameters()],
            "b_grads": [values(p.grad) for p in b.parameters()]}


def main():
    names = list(CONFIGS)
    runs = []
    for i in range(5 * len(names)):
        name = names[i % len(names)]
        runs.append(training_run(i, name, 100 + i, OPTIMIZERS[i % len(OPTIMIZERS)], LOSSES[(i // 2) % len(LOSSES)]))
    gradients = []
    for i, name in enumerate(names):
        gradients.append(gradient_case(2 * i, name, 500 + i, None))
        gradients.append(gradient_case(2 * i + 1, name, 600 + i, (["mse", "l1"][i % 2], "mean")))
    branches = [branch_case(i, 700 + i, spec) for i, spec in enumerate([("mse", "mean"), ("l1", "sum")])]
    out = {
        "generator": "tests/golden/generate_training.py",
        "torch_version": torch.__version__,
        "note": "written by the generator; do not edit",
        "steps": STEPS,
        "runs": runs,
        "gradients": gradients,
        "branches": branches,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "training_runs.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(runs)} runs, {len(gradients)} gradient cases, {len(branches)} branch cases -> {path}")


if __name__ == "__main__":
    main()
