#include "conv1d/reference.h"

namespace conv1d {

Tensor reference_forward(const Conv1d& layer, const Tensor& input) {
  const ConvPlan p = layer.plan(input.shape);
  const Conv1dOptions& o = layer.options();
  const int64_t group_in = p.in_channels / o.groups;
  const int64_t group_out = p.out_channels / o.groups;
  const float* x = input.data.data();
  const float* w = layer.weight().data.data();
  const float* b = layer.bias() ? layer.bias()->data.data() : nullptr;
  Tensor output(p.output_shape);
  float* y = output.data.data();
  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t oc = 0; oc < p.out_channels; ++oc) {
      const int64_t first_in = (oc / group_out) * group_in;
      for (int64_t t = 0; t < p.out_length; ++t) {
        double sum = b ? b[oc] : 0.0;
        for (int64_t ic = 0; ic < group_in; ++ic) {
          for (int64_t j = 0; j < o.kernel_size; ++j) {
            const int64_t source = padded_source(t * o.stride + j * o.dilation, p.pad_left, p.length, o.padding_mode);
            // A zero of the padding is multiplied too, as PyTorch's padded-input convolution does
            // (it matters for an infinite weight: 0 * inf is NaN).
            const double value = source < 0 ? 0.0 : x[(n * p.in_channels + first_in + ic) * p.length + source];
            sum += value * w[(oc * group_in + ic) * o.kernel_size + j];
          }
        }
        y[(n * p.out_channels + oc) * p.out_length + t] = static_cast<float>(sum);
      }
    }
  }
  return output;
}

}  // namespace conv1d
