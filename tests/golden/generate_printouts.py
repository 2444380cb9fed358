"""Generate real PyTorch 1.13 printouts for the playground's Import (tests/golden/pytorch_printouts.json).

Run from the repository root with the system Python that has torch installed:

    /usr/bin/python3 tests/golden/generate_printouts.py

Each case is text exactly as PyTorch prints it -- print(model) of single layers and Sequential stacks,
print(model.state_dict()), `key tensor` lines from iterating a state_dict, labelled tensors -- plus what an
import must recover: the layers' arguments, the float32 values (as float64 numbers, exact) and the input.
Cases with "error" are printouts an import must refuse (PyTorch's summarised form with '...').

The output file is committed; do not edit it by hand.
"""

import contextlib
import io
import json
import os

import torch
import torch.nn as nn

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))


def printed(*objects, **kw):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print(*objects, **kw)
    return buf.getvalue()


def layer_args(m):
    return {
        "in_channels": m.in_channels, "out_channels": m.out_channels, "kernel_size": m.kernel_size[0],
        "stride": m.stride[0], "padding": m.padding if isinstance(m.padding, str) else m.padding[0],
        "dilation": m.dilation[0], "groups": m.groups, "bias": m.bias is not None, "padding_mode": m.padding_mode,
    }


def values(t):
    return [float(v) for v in t.detach().flatten().tolist()]


def expected(layers, x):
    return {
        "layers": [layer_args(m) for m in layers],
        "weights": [{"shape": list(m.weight.shape), "data": values(m.weight)} for m in layers],
        "biases": [None if m.bias is None else {"shape": list(m.bias.shape), "data": values(m.bias)} for m in layers],
        "input": None if x is None else {"shape": list(x.shape), "data": values(x)},
    }


STACKS = {
    "single-default": lambda: [nn.Conv1d(1, 1, 3)],
    "single-all-arguments": lambda: [nn.Conv1d(4, 6, 3, stride=2, padding=2, dilation=2, groups=2, bias=False,
                                               padding_mode="reflect")],
    "same-circular": lambda: [nn.Conv1d(2, 3, 4, padding="same", padding_mode="circular")],
    "stack-3": lambda: [nn.Conv1d(2, 4, 3, padding=1), nn.Conv1d(4, 4, 3, groups=4, padding_mode="replicate",
                                                                   padding=1), nn.Conv1d(4, 1, 1, bias=False)],
    "valid-dilated": lambda: [nn.Conv1d(3, 2, 2, padding="valid", dilation=3)],
}


def main():
    cases = []
    for i, (name, build) in enumerate(STACKS.items()):
        torch.manual_seed(100 + i)
        layers = build()
        model = layers[0] if len(layers) == 1 else nn.Sequential(*layers)
        gen = torch.Generator().manual_seed(7 + i)
        x = torch.randn(1, layers[0].in_channels, 9, generator=gen)
        want = expected(layers, x)
        # 1. print(model) + print(state_dict) at full precision + a labelled input: exact round trip.
        torch.set_printoptions(precision=17)
        text = printed(model) + printed(model.state_dict()) + printed("input:", x)
        torch.set_printoptions(profile="default")
        cases.append({"name": f"{name}/model+state_dict-full", "text": text, "exact": True, **want})
        # 2. Default printing (4 decimals): values match to 5e-5.
        text = printed(model) + printed(model.state_dict()) + printed("input:", x)
        cases.append({"name": f"{name}/model+state_dict-default", "text": text, "exact": False, **want})
        # 3. `for k, v in state_dict().items(): print(k, v)` and print(model) afterwards.
        lines = "".join(printed(k, v) for k, v in model.state_dict().items())
        cases.append({"name": f"{name}/state_dict-lines", "text": printed(model) + lines + printed("x =", x),
                      "exact": False, **want})
    # 4. The tutorial's printouts, as its notebook prints them (labels 'weights:', 'bias:', 'input:').
    torch.manual_seed(1)
    m = nn.Conv1d(1, 1, kernel_size=3, bias=True)
    x = torch.tensor([[[1, 2, 3, 4, 5]]], dtype=torch.float)
    text = (printed("weights:", m.weight.data) + printed("bias:", m.bias.data) + printed("input:", x.data)
            + printed("ouput:", m(x).data))
    cases.append({"name": "tutorial-example-1", "text": text, "exact": False, **expected([m], x)})
    # 5. print(m.weight) of a Parameter ("Parameter containing:") with the module printed first.
    torch.manual_seed(3)
    m = nn.Conv1d(2, 2, 2)
    text = printed(m) + printed("weight:", m.weight) + printed("bias:", m.bias) + printed("input:", torch.ones(2, 4))
    cases.append({"name": "parameter-printout-unbatched-input", "text": text, "exact": False,
                  **expected([m], torch.ones(2, 4))})
    # 6. Summarised printouts PyTorch writes for large tensors: must be refused, not half-read.
    torch.manual_seed(5)
    big = nn.Conv1d(64, 64, 5)
    cases.append({"name": "summarised-state_dict", "text": printed(big) + printed(big.state_dict()),
                  "error": "summarised"})
    cases.append({"name": "summarised-input", "text": printed(nn.Conv1d(1, 1, 3)) + printed("input:", torch.arange(2000.).reshape(1, 1, 2000)),
                  "error": "summarised"})
    out = {
        "generator": "tests/golden/generate_printouts.py",
        "torch_version": torch.__version__,
        "note": "Generated by real PyTorch; do not edit by hand.",
        "cases": cases,
    }
    with open(os.path.join(HERE, "pytorch_printouts.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
