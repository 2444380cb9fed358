"""Generate golden Conv1d gradients for conv1d-playground from real PyTorch 1.13.

Run from the repository root with the system Python that has torch installed:

    /usr/bin/python3 tests/golden/generate_gradients.py

It (re)writes conv1d_gradients.json next to this script: for each configuration the
layer's constructor arguments, its weight and bias (drawn here, not by nn.Conv1d's
initialisation), the input, a gradient of the output, and torch's gradients of the
input, weight and bias after ``output.backward(grad_output)``.

Configurations cover every constructor argument and padding mode (int, 'same' and
'valid' padding, negative padding where F.pad crops, stride, dilation, groups, bias
on and off), batched and unbatched input, an empty batch and zero input channels.
torch 1.13 refuses circular padding of unbatched input, so those are not generated;
neither is anything else torch's forward rejects.

Determinism: values come from numpy.random.RandomState seeded by a CRC32 of the
configuration's name, and torch uses a single thread.

The output file is committed; do not edit it by hand.
"""

import os
import warnings
import zlib

import numpy as np
import torch
import torch.nn as nn

from generate import write_json  # the fixtures' one file format

GENERATOR = "tests/golden/generate_gradients.py"
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
MODES = ["zeros", "reflect", "replicate", "circular"]

torch.set_num_threads(1)
warnings.filterwarnings("ignore")


def values(rng, shape):
    n = int(np.prod(shape)) if len(shape) else 1
    return torch.from_numpy(rng.standard_normal(n).astype(np.float32).reshape(shape))


def floats(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def run(name, layer, input_shape):
    """One configuration, or None when torch's forward refuses it."""
    rng = np.random.RandomState(zlib.crc32(name.encode()))
    module = nn.Conv1d(**layer)
    with torch.no_grad():
        module.weight.copy_(values(rng, list(module.weight.shape)))
        if module.bias is not None:
            module.bias.copy_(values(rng, list(module.bias.shape)))
    x = values(rng, input_shape).requires_grad_()
    try:
        y = module(x)
    except (RuntimeError, ValueError, NotImplementedError):
        return None
    g = values(rng, list(y.shape))
    y.backward(g)

    def grad_of(tensor):
        # An output with no elements leaves some gradients unset: they are zeros.
        return torch.zeros_like(tensor) if tensor.grad is None else tensor.grad

    case = {
        "name": name,
        "layer": layer,
        "weight": floats(module.weight),
        "bias": floats(module.bias) if module.bias is not None else None,
        "input_shape": input_shape,
        "input": floats(x),
        "grad_output_shape": list(y.shape),
        "grad_output": floats(g),
        "grad_input": floats(grad_of(x)),
        "grad_weight": floats(grad_of(module.weight)),
        "grad_bias": floats(grad_of(module.bias)) if module.bias is not None else None,
    }
    return case


def conv(cin, cout, k, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode="zeros"):
    return {
        "in_channels": cin, "out_channels": cout, "kernel_size": k, "stride": stride, "padding": padding,
        "dilation": dilation, "groups": groups, "bias": bias, "padding_mode": padding_mode,
    }


def specs():
    out = []

    def add(name, layer, input_shape):
        out.append((name, layer, input_shape))

    # The tutorial's layer, and one of each argument on its own.
    add("tutorial", conv(1, 1, 3), [1, 1, 5])
    add("stride_2", conv(2, 3, 3, stride=2), [2, 2, 9])
    add("stride_3_tail", conv(1, 2, 2, stride=3), [1, 1, 10])
    add("dilation_2", conv(2, 2, 3, dilation=2), [1, 2, 9])
    add("groups_2", conv(4, 6, 3, groups=2), [2, 4, 7])
    add("depthwise", conv(3, 3, 3, groups=3, padding=1), [2, 3, 8])
    add("depthwise_multiplier", conv(2, 6, 2, groups=2), [1, 2, 6])
    add("no_bias", conv(2, 2, 3, bias=False), [2, 2, 6])
    add("kernel_1", conv(3, 2, 1), [2, 3, 4])
    add("kernel_equals_length", conv(2, 2, 5), [1, 2, 5])
    add("same_even_kernel", conv(2, 2, 4, padding="same"), [1, 2, 7])
    add("same_dilated_odd_total", conv(1, 2, 2, padding="same", dilation=3), [2, 1, 7])
    add("valid", conv(2, 3, 3, padding="valid"), [1, 2, 6])
    # Zero-size dimensions as torch handles them.
    add("empty_batch", conv(2, 3, 3, padding=1), [0, 2, 5])
    add("empty_batch_reflect", conv(2, 3, 3, padding=1, padding_mode="reflect"), [0, 2, 5])
    add("empty_batch_circular", conv(2, 3, 3, padding=1, padding_mode="circular"), [0, 2, 5])
    add("empty_batch_no_bias", conv(2, 3, 3, bias=False), [0, 2, 4])
    add("empty_batch_zero_length", conv(2, 3, 3), [0, 2, 0])
    add("no_input_channels", conv(0, 3, 3), [2, 0, 5])
    add("no_input_channels_unbatched", conv(0, 2, 2), [0, 4])
    # Negative padding: F.pad crops for the non-zero modes.
    for mode in MODES[1:]:
        add("negative_padding_" + mode, conv(2, 2, 2, padding=-1, padding_mode=mode), [1, 2, 7])
    # Padding as wide as reflect / circular allow.
    add("reflect_widest", conv(1, 2, 3, padding=4, padding_mode="reflect"), [2, 1, 5])
    add("circular_widest", conv(1, 2, 3, padding=5, padding_mode="circular"), [1, 1, 5])
    add("replicate_wider_than_input", conv(1, 1, 3, padding=6, padding_mode="replicate"), [1, 1, 3])
    # A dilation or stride far wider than the output (backward then skips the kernels' spread copy).
    add("dilation_wider_than_output", conv(2, 4, 3, padding=2, dilation=6, padding_mode="reflect"), [2, 2, 10])
    add("dilation_wider_than_output_circular", conv(2, 2, 2, padding=3, dilation=9, padding_mode="circular"),
        [1, 2, 6])
    add("stride_wider_than_kernel", conv(2, 3, 2, stride=10), [1, 2, 40])

    # Random configurations over every argument, padding mode, batched and unbatched.
    rng = np.random.RandomState(20240514)
    count = 0
    while count < 240:
        groups = int(rng.choice([1, 1, 2, 3]))
        cin = groups * int(rng.randint(1, 3))
        cout = groups * int(rng.randint(1, 3))
        k = int(rng.randint(1, 5))
        dilation = int(rng.choice([1, 1, 2, 3]))
        mode = MODES[count % 4]
        kind = rng.randint(0, 6)
        stride = 1
        if kind == 0:
            padding = "same"
        elif kind == 1:
            padding = "valid"
            stride = int(rng.randint(1, 4))
        else:
            padding = int(rng.randint(0, 4))
            stride = int(rng.randint(1, 4))
        bias = bool(rng.randint(0, 2))
        length = int(rng.randint(1, 12))
        batched = mode == "circular" or rng.randint(0, 3) != 0
        batch = int(rng.randint(1, 4))
        shape = [batch, cin, length] if batched else [cin, length]
        layer = conv(cin, cout, k, stride, padding, dilation, groups, bias, mode)
        out.append(("random_%03d" % count, layer, shape))
        count += 1
    return out


def main():
    cases = []
    skipped = 0
    for name, layer, shape in specs():
        case = run(name, layer, shape)
        if case is None:
            skipped += 1
        else:
            cases.append(case)
    write_json("conv1d_gradients.json", {"generator": GENERATOR}, cases)
    print("%d configurations refused by torch were not written" % skipped)

if __name__ == "__main__":
    main()
