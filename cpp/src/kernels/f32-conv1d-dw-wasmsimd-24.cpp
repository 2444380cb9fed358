// Depthwise convolution (C_in/groups == 1, any channel multiplier) with WebAssembly SIMD: per output
// channel, 24 positions in six f32x4 accumulators, taps inner (one broadcast weight, six unaligned loads
// per tap; the channel's row stays in L1 across taps). Input through input-view.h (32-bit byte offsets).
// Tails: 24-position tiles, then 8, then 4, then scalar positions. Term order: the bias, then taps in order.
//
// Why 24 (measured, BENCHMARKS.md): f32x4.add has a 3-cycle latency and two pipes, so a tap loop needs
// >= 6 independent accumulators to keep them busy; 16 positions (4 chains) ran at 26-29 GFLOP/s, 24 at
// ~31. 32 (8 chains) spills: V8 hoists the 8 input loads of a tap, and 8 + 8 + weight + product > 15 xmm.
#ifndef __wasm_simd128__
#error "WebAssembly SIMD kernel: compile this file with -msimd128 (cpp/CMakeLists.txt, CONV1D_WASMSIMD)"
#endif
#include <wasm_simd128.h>

#include "kernels/input-view.h"

namespace conv1d {
namespace {

// Precondition: off < off_end (k >= 1). `w` points at the channel's k taps.
template <int V>
inline void tile(const float* x, const int32_t* off, const int32_t* off_end, const float* w, v128_t bias, float* out) {
  v128_t acc[V];
  for (int v = 0; v < V; ++v) acc[v] = bias;
  do {
    const float* xj = reinterpret_cast<const float*>(reinterpret_cast<const char*>(x) + *off);
    const v128_t wj = wasm_v128_load32_splat(w);
    for (int v = 0; v < V; ++v) acc[v] = wasm_f32x4_add(acc[v], wasm_f32x4_mul(wj, wasm_v128_load(xj + 4 * v)));
    ++w;
    ++off;
  } while (off != off_end);
  for (int v = 0; v < V; ++v) wasm_v128_store(out + 4 * v, acc[v]);
}

}  // namespace

void f32_conv1d_dw_wasmsimd_24(const ConvProblem& p, const float* padded_input, const float* weights, const float* bias,
                               float* output) {
  if (p.out_channels == 0) return;
  const InputView view = make_input_view(p, padded_input);
  // wasm32: every count below is < 2^32 / 4 (it indexes memory), so 32-bit arithmetic is exact.
  const int k = static_cast<int>(p.kernel_size);
  const int multiplier = static_cast<int>(p.out_channels / p.groups);
  const int length = static_cast<int>(p.out_length);
  const int32_t* const off = view.byte_offsets;
  const int32_t* const off_end = off + k;
  for (int oc = 0; oc < static_cast<int>(p.out_channels); ++oc) {
    const float* x = view.base + (oc / multiplier) * view.row_stride;
    const float* w = weights + oc * k;
    const float b = bias ? bias[oc] : 0.0f;
    const v128_t bv = wasm_f32x4_splat(b);
    float* out = output + oc * length;
    int t = 0;
    for (; t + 24 <= length; t += 24) tile<6>(x + t, off, off_end, w, bv, out + t);
    for (; t + 8 <= length; t += 8) tile<2>(x + t, off, off_end, w, bv, out + t);
    for (; t + 4 <= length; t += 4) tile<1>(x + t, off, off_end, w, bv, out + t);
    for (; t < length; ++t) {
      float acc = b;
      for (int j = 0; j < k; ++j) acc += w[j] * x[t + view.offsets[j]];
      out[t] = acc;
    }
  }
}

}  // namespace conv1d
