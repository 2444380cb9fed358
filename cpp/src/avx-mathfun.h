// float log, sin and cos exactly as torch.randn computes them on x86 CPUs with AVX2 (PyTorch 1.13,
// at::native normal_fill_16_AVX2). Those are Cephes' single-precision approximations in the AVX port of
// Pommier's sse_mathfun that ATen ships (avx_mathfun.h), as GCC compiles it: every multiply feeding a single
// add is fused, and where both operands of an add are products, the first one is. Matching them value for
// value is what makes nn.randn(n >= 16) equal torch.randn bit for bit (checked once against 524,288 values of
// Debian's PyTorch 1.13; tests/golden/random_streams.json keeps 5,503); libm's log, sin and cos differ in the last
// bits.
#pragma once

namespace conv1d {

// For 0 < x: log(x). (torch calls it on 1 - u with u in [0, 1).)
float mathfun_log(float x);

// For 0 <= x < 2 pi (torch's 2 pi u): sin(x) and cos(x).
void mathfun_sincos(float x, float* sin_x, float* cos_x);

}  // namespace conv1d
