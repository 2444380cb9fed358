// Depthwise convolution (C_in/groups == 1, any channel multiplier), scalar sibling of
// f32-conv1d-dw-wasmsimd-24: per output channel, tiles of 24 positions with the taps inner, reading the
// input through input-view.h (stride 1 in place, larger strides from the polyphase copy).
// Tails: tiles of 24, then 8, then 4, then one position at a time. Term order: the bias, then taps in order.
#include "kernels/input-view.h"

namespace conv1d {
namespace {

template <int W>
void tile(const float* x, const ptrdiff_t* offsets, int64_t k, const float* w, float bias, float* out) {
  float acc[W];
  for (int i = 0; i < W; ++i) acc[i] = bias;
  for (int64_t j = 0; j < k; ++j) {
    const float* xj = x + offsets[j];
    for (int i = 0; i < W; ++i) acc[i] += w[j] * xj[i];
  }
  for (int i = 0; i < W; ++i) out[i] = acc[i];
}

}  // namespace

void f32_conv1d_dw_scalar_24(const ConvProblem& p, const float* padded_input, const float* weights, const float* bias,
                             float* output) {
  if (p.out_channels == 0) return;
  const InputView view = make_input_view(p, padded_input);
  const int64_t multiplier = p.out_channels / p.groups;
  for (int64_t oc = 0; oc < p.out_channels; ++oc) {
    const float* x = view.base + (oc / multiplier) * view.row_stride;
    const float* w = weights + oc * p.kernel_size;
    const float b = bias ? bias[oc] : 0.0f;
    float* out = output + oc * p.out_length;
    int64_t t = 0;
    for (; t + 24 <= p.out_length; t += 24) tile<24>(x + t, view.offsets, p.kernel_size, w, b, out + t);
    for (; t + 8 <= p.out_length; t += 8) tile<8>(x + t, view.offsets, p.kernel_size, w, b, out + t);
    for (; t + 4 <= p.out_length; t += 4) tile<4>(x + t, view.offsets, p.kernel_size, w, b, out + t);
    for (; t < p.out_length; ++t) tile<1>(x + t, view.offsets, p.kernel_size, w, b, out + t);
  }
}

}  // namespace conv1d
