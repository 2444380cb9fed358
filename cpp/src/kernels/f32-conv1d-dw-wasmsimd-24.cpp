// Depthwise convolution (C_in/groups == 1, any channel multiplier) with WebAssembly SIMD: per output
// channel, 16 positions in four f32x4 accumulators, taps inner (one broadcast weight, four unaligned loads
// per tap; the channel's row stays in L1 across taps). Input through input-view.h.
// Tails: 16-position tiles, then 4, then scalar positions. Term order: taps in order, bias last.
#include <wasm_simd128.h>

#include "kernels/input-view.h"

namespace conv1d {
namespace {

template <int V>
inline void tile(const float* x, const ptrdiff_t* offsets, int64_t k, const float* w, v128_t bias, float* out) {
  v128_t acc[V];
  for (int v = 0; v < V; ++v) acc[v] = wasm_f32x4_const_splat(0.0f);
  for (int64_t j = 0; j < k; ++j) {
    const float* xj = x + offsets[j];
    const v128_t wj = wasm_v128_load32_splat(w + j);
    for (int v = 0; v < V; ++v) acc[v] = wasm_f32x4_add(acc[v], wasm_f32x4_mul(wj, wasm_v128_load(xj + 4 * v)));
  }
  for (int v = 0; v < V; ++v) wasm_v128_store(out + 4 * v, wasm_f32x4_add(acc[v], bias));
}

}  // namespace

void f32_conv1d_dw_wasmsimd_16(const ConvProblem& p, const float* padded_input, const float* weights,
                               const float* bias, float* output) {
  if (p.out_channels == 0) return;
  const InputView view = make_input_view(p, padded_input);
  const int64_t multiplier = p.out_channels / p.groups;
  for (int64_t oc = 0; oc < p.out_channels; ++oc) {
    const float* x = view.base + (oc / multiplier) * view.row_stride;
    const float* w = weights + oc * p.kernel_size;
    const float b = bias ? bias[oc] : 0.0f;
    const v128_t bv = wasm_f32x4_splat(b);
    float* out = output + oc * p.out_length;
    int64_t t = 0;
    for (; t + 16 <= p.out_length; t += 16) tile<4>(x + t, view.offsets, p.kernel_size, w, bv, out + t);
    for (; t + 4 <= p.out_length; t += 4) tile<1>(x + t, view.offsets, p.kernel_size, w, bv, out + t);
    for (; t < p.out_length; ++t) {
      float acc = 0.0f;
      for (int64_t j = 0; j < p.kernel_size; ++j) acc += w[j] * x[t + view.offsets[j]];
      out[t] = acc + b;
    }
  }
}

}  // namespace conv1d
