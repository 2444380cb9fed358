"""Record the exact float32 bits of PyTorch 1.13's nn.Conv1d outputs, and find the summation order behind them.

Run from the repository root with the system Python that has torch installed:

    /usr/bin/python3 tests/golden/generate_bits.py          # writes conv1d_bits.json
    /usr/bin/python3 tests/golden/generate_bits.py --orders # also prints which order reproduces each family

Every case is reproducible from its seed alone: torch.manual_seed(seed), nn.Conv1d(...), then
x = torch.randn(input_shape) from the same generator (the core emulates both draw for draw), so the fixture
stores only the output bits (one hex string, 8 digits per float, in memory order).

Which code computes a convolution in torch 1.13 on CPU decides the order of its float32 additions, so every
case is labelled with its family, following ConvParams::use_mkldnn (aten/src/ATen/native/Convolution.cpp):
* "native": THNN's slow_conv2d / slow_conv_dilated2d, im2col then a BLAS sgemm whose output starts as the
  bias (beta = 1): out = bias[o], then += w[o,c,k] * x[c, t*stride + k*dilation] for c, then k, each step
  rounded to float32. Taken when there is one batch item, one group and at most 20480 input floats (padded by
  F.pad for the non-zeros modes), and on one thread for k == 1 without stride or dilation (any batch < 16,
  any groups: torch then convolves group by group).
* "mkldnn": oneDNN (jit:avx512_core / jit_dw / gemm:jit, FMA, channels blocked by 16 on an AVX-512 CPU, by 8
  on AVX2): the order depends on the CPU's instruction set and oneDNN's blocking, so only a tolerance is
  portable. `--orders` shows how far the candidate orders get.
torch runs on one thread here (torch.set_num_threads(1)): the thread count only changes the family of a
k == 1 layer without stride or dilation (more threads send it to oneDNN), never an order inside a family.
"""

import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

GENERATOR = "tests/golden/generate_bits.py"
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
THREADS = 1
torch.set_num_threads(THREADS)

MODES = ["zeros", "reflect", "replicate", "circular"]


def conv(cin, cout, k, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode="zeros"):
    return {"in_channels": cin, "out_channels": cout, "kernel_size": k, "stride": stride, "padding": padding,
            "dilation": dilation, "groups": groups, "bias": bias, "padding_mode": padding_mode}


def pads(layer):
    k, d, p = layer["kernel_size"], layer["dilation"], layer["padding"]
    if p == "valid":
        return 0, 0
    if p == "same":
        total = d * (k - 1)
        return total // 2, total - total // 2
    return p, p


def accepted(layer, length):
    left, right = pads(layer)
    eff = layer["dilation"] * (layer["kernel_size"] - 1) + 1
    if layer["padding_mode"] == "reflect" and max(left, right) >= length:
        return False
    if layer["padding_mode"] == "circular" and max(left, right) > length:
        return False
    return length + left + right >= eff


def family(layer, shape):
    """torch 1.13's backend for this forward (ConvParams::use_mkldnn, on a 2-d view of the 1-d problem)."""
    batch = 1 if len(shape) == 2 else shape[0]
    left, right = pads(layer)
    if layer["padding_mode"] != "zeros":  # F.pad first, then an unpadded convolution
        length = shape[-1] + left + right
    else:  # 'same' with an odd total pads its extra right zero first (_convolution_mode)
        length = shape[-1] + right - left
    input_floats = batch * layer["in_channels"] * length
    strided, dilated = layer["stride"] > 1, layer["dilation"] > 1
    first = strided or dilated or batch >= 16 or layer["kernel_size"] != 1 or THREADS > 1
    second = layer["groups"] > 1 or batch > 1 or input_floats > 20480
    return "mkldnn" if first and second else "native"


def specs():
    """(name, layer, input_shape): a broad grid, cycling the less important options."""
    out = []
    i = 0
    chans = [(1, 1), (1, 3), (2, 1), (3, 2), (4, 4), (5, 7), (8, 3), (16, 16), (9, 17), (12, 6)]
    for cin, cout in chans:
        for k in range(1, 8):
            for stride, dilation in [(1, 1), (2, 1), (1, 2), (3, 3)]:
                padding = [0, 1, "same", "valid", 2, 3][i % 6]
                if padding == "same" and stride > 1:
                    padding = 1
                mode = MODES[i % 4]
                layer = conv(cin, cout, k, stride, padding, dilation, 1, bias=(i % 5 != 4), padding_mode=mode)
                length = [5, 9, 16, 33, 64][i % 5]
                while not accepted(layer, length):
                    length += 1
                batch = [1, 1, 2, 1, 3, 0][i % 6]
                if batch == 0 and mode == "circular":  # torch 1.13 pads only batched input circularly
                    batch = 1
                shape = [cin, length] if batch == 0 else [batch, cin, length]
                out.append(("grid_%d" % i, layer, shape))
                i += 1
    for cin, cout, g in [(2, 2, 2), (4, 2, 2), (4, 8, 4), (6, 3, 3), (8, 16, 2), (16, 16, 16), (3, 6, 3), (16, 8, 4)]:
        for k in [1, 3, 4, 7]:
            layer = conv(cin, cout, k, 1 + i % 2, [0, 1, "same", "valid"][i % 4] if i % 2 == 0 else 1,
                         1 + (i // 2) % 2, g, bias=(i % 3 != 2), padding_mode=MODES[i % 4])
            length = 12 + i % 9
            while not accepted(layer, length):
                length += 1
            unbatched = i % 3 == 0 and layer["padding_mode"] != "circular"
            out.append(("groups_%d" % i, layer, [cin, length] if unbatched else [1 + i % 2, cin, length]))
            i += 1
    # padding='same' (odd and even effective kernels, so symmetric and one-sided extra padding), one item.
    for k in range(1, 9):
        for dilation in [1, 2]:
            cin, cout = [(1, 1), (2, 3), (3, 2), (4, 5)][i % 4]
            layer = conv(cin, cout, k, 1, "same", dilation, 1, bias=(i % 3 != 1), padding_mode=MODES[i % 4])
            length = 7 + i % 13
            while not accepted(layer, length):
                length += 1
            unbatched = i % 4 == 1 and layer["padding_mode"] != "circular"
            out.append(("same_%d" % i, layer, [cin, length] if unbatched else [1, cin, length]))
            i += 1
    # Long inputs: one item, one group, some below and some above oneDNN's 20480-float threshold.
    for cin, cout, k, length, mode in [(1, 1, 3, 256, "zeros"), (4, 8, 5, 256, "reflect"), (16, 16, 7, 256, "zeros"),
                                       (1, 2, 7, 4096, "circular"), (4, 4, 3, 4096, "zeros"),
                                       (5, 3, 4, 4096, "replicate"), (8, 4, 3, 4096, "zeros")]:
        layer = conv(cin, cout, k, 1, k // 2, 1, 1, padding_mode=mode)
        out.append(("long_c%d_%d_k%d_L%d_%s" % (cin, cout, k, length, mode), layer, [1, cin, length]))
    out.append(("tutorial", conv(1, 1, 3), [1, 1, 5]))
    return out


def hex_bits(t):
    return t.detach().contiguous().numpy().astype("<f4").tobytes().hex()


def run(name, layer, shape, seed):
    torch.manual_seed(seed)
    m = nn.Conv1d(**layer)
    x = torch.randn(shape)
    with torch.no_grad():
        y = m(x)
    return m, x, y


# --------------------------------------------------------------------------
# Candidate orders, emulated in numpy (float32 arithmetic rounds every step; a fused multiply-add is one
# float64 multiply-add rounded once to float32, exact but for rare double roundings).
# --------------------------------------------------------------------------

def windows(layer, x):
    """[N, C_in, k, L_out] of the padded input, as the convolution reads it."""
    left, right = pads(layer)
    xb = x if x.dim() == 3 else x.unsqueeze(0)
    mode = layer["padding_mode"]
    xp = torch.nn.functional.pad(xb, (left, right), mode="constant" if mode == "zeros" else mode)
    xp = xp.numpy()
    k, s, d = layer["kernel_size"], layer["stride"], layer["dilation"]
    l_out = (xp.shape[2] - d * (k - 1) - 1) // s + 1
    idx = np.arange(k)[:, None] * d + np.arange(l_out)[None, :] * s
    return xp[:, :, idx]


def emulate(layer, m, x, order):
    win = windows(layer, x)  # [N, C, k, T]
    w = m.weight.detach().numpy()  # [O, C/g, k]
    g = layer["groups"]
    n, _, k, t = win.shape
    o, gi = w.shape[0], w.shape[1]
    go = o // g
    xin = np.stack([win[:, (oc // go) * gi:(oc // go + 1) * gi] for oc in range(o)], axis=1)  # [N, O, gi, k, T]
    b = m.bias.detach().numpy() if m.bias is not None else np.zeros(o, np.float32)
    bias = np.broadcast_to(b[None, :, None], (n, o, t)).astype(np.float32)
    terms = [(c, j) for c in range(gi) for j in range(k)]
    fused = order.startswith("fma")
    if "kc" in order:
        block = int(order.split("_b")[1]) if "_b" in order else gi
        terms = [(c, j) for c0 in range(0, gi, block) for j in range(k) for c in range(c0, min(c0 + block, gi))]
    acc = np.zeros((n, o, t), np.float32) if order.endswith("bias_last") else bias.copy()
    for c, j in terms:
        wv = w[None, :, c, j, None]
        xv = xin[:, :, c, j, :]
        if fused:
            acc = (acc.astype(np.float64) + wv.astype(np.float64) * xv.astype(np.float64)).astype(np.float32)
        else:
            acc = acc + wv * xv
    if order.endswith("bias_last"):
        acc = acc + bias
    return acc


ORDERS = ["ck", "ck_bias_last", "kc", "fma_ck", "fma_kc_b16", "fma_kc_b8", "fma_kc"]


def main():
    show_orders = "--orders" in sys.argv
    cases = []
    tally = {}
    for index, (name, layer, shape) in enumerate(specs()):
        seed = 1000 + index
        m, x, y = run(name, layer, shape, seed)
        fam = family(layer, shape)
        cases.append({"name": name, "family": fam, "seed": seed, "layer": layer, "input_shape": shape,
                      "output_shape": list(y.shape), "output_bits": hex_bits(y)})
        if show_orders:
            got = y.numpy().reshape(-1).view(np.uint32)
            row = tally.setdefault(fam, {"cases": 0, **{o: 0 for o in ORDERS}})
            row["cases"] += 1
            for order in ORDERS:
                e = emulate(layer, m, x, order).reshape(-1).view(np.uint32)
                row[order] += int(np.array_equal(e, got))
    if show_orders:
        for fam, row in tally.items():
            print(fam, row)
    head = {"generator": GENERATOR, "torch_version": torch.__version__, "threads": THREADS,
            "note": "generated by real PyTorch; do not edit. Output bits are little-endian float32, hex"}
    lines = ["{"] + ["  %s: %s," % (json.dumps(k), json.dumps(v)) for k, v in head.items()] + ['  "cases": [']
    lines += ["    " + json.dumps(c, separators=(",", ":")) + ("," if i + 1 < len(cases) else "")
              for i, c in enumerate(cases)]
    lines += ["  ]", "}"]
    path = os.path.join(OUT_DIR, "conv1d_bits.json")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: %d cases, %d bytes" % (path, len(cases), os.path.getsize(path)))


if __name__ == "__main__":
    main()
