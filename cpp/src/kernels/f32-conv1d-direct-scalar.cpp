// Direct convolution, one output element at a time, float accumulation in PyTorch's term order: the bias
// first, then input channel outer, kernel tap inner (torch 1.13's im2col + sgemm with beta = 1; see
// tests/golden/generate_bits.py). Handles every problem; the baseline other kernels beat.
#include "kernels/kernel.h"

namespace conv1d {

void f32_conv1d_direct_scalar(const ConvProblem& p, const float* padded_input, const float* weight, const float* bias,
                              float* output) {
  const int64_t group_in = p.in_channels / p.groups;
  const int64_t group_out = p.out_channels / p.groups;
  for (int64_t oc = 0; oc < p.out_channels; ++oc) {
    const float* input_group = padded_input + (oc / group_out) * group_in * p.padded_length;
    const float* filter = weight + oc * group_in * p.kernel_size;
    const float initial = bias ? bias[oc] : 0.0f;
    float* row = output + oc * p.out_length;
    for (int64_t t = 0; t < p.out_length; ++t) {
      const float* window = input_group + t * p.stride;
      float sum = initial;
      for (int64_t ic = 0; ic < group_in; ++ic) {
        const float* x = window + ic * p.padded_length;
        const float* w = filter + ic * p.kernel_size;
        for (int64_t j = 0; j < p.kernel_size; ++j) sum += w[j] * x[j * p.dilation];
      }
      row[t] = sum;
    }
  }
}

}  // namespace conv1d
