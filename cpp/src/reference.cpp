#include "conv1d/reference.h"

#include <vector>

#include "conv1d/error.h"

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
        // In float and in torch 1.13's order (its im2col + sgemm path, tests/golden/generate_bits.py): the bias,
        // then every (input channel, tap) product in turn, each step rounded.
        float sum = b ? b[oc] : 0.0f;
        for (int64_t ic = 0; ic < group_in; ++ic) {
          for (int64_t j = 0; j < o.kernel_size; ++j) {
            const int64_t source = padded_source(t * o.stride + j * o.dilation, p.pad_left, p.length, o.padding_mode);
            // A zero of the padding is multiplied too, as PyTorch's padded-input convolution does
            // (it matters for an infinite weight: 0 * inf is NaN).
            const float value = source < 0 ? 0.0f : x[(n * p.in_channels + first_in + ic) * p.length + source];
            sum += value * w[(oc * group_in + ic) * o.kernel_size + j];
          }
        }
        y[(n * p.out_channels + oc) * p.out_length + t] = sum;
      }
    }
  }
  return output;
}

Conv1dGradients reference_backward(const Conv1d& layer, const Tensor& input, const Tensor& grad_output) {
  const ConvPlan p = layer.plan(input.shape);
  if (grad_output.shape != p.output_shape)
    throw ArgumentError("grad_output", "reference_backward(): grad_output must have the output's shape");
  const Conv1dOptions& o = layer.options();
  const int64_t group_in = p.in_channels / o.groups;
  const int64_t group_out = p.out_channels / o.groups;
  const float* x = input.data.data();
  const float* w = layer.weight().data.data();
  const float* dy = grad_output.data.data();
  std::vector<double> dx(input.data.size(), 0.0);
  std::vector<double> dw(layer.weight().data.size(), 0.0);
  std::vector<double> db(static_cast<size_t>(layer.weight().shape[0]), 0.0);
  // Pointers: indexing a vector with int64_t narrows on 32-bit WebAssembly.
  double* gx = dx.data();
  double* gw = dw.data();
  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t oc = 0; oc < p.out_channels; ++oc) {
      const int64_t first_in = (oc / group_out) * group_in;
      for (int64_t t = 0; t < p.out_length; ++t) {
        const double g = dy[(n * p.out_channels + oc) * p.out_length + t];
        db[static_cast<size_t>(oc)] += g;
        for (int64_t ic = 0; ic < group_in; ++ic) {
          for (int64_t j = 0; j < o.kernel_size; ++j) {
            const int64_t source = padded_source(t * o.stride + j * o.dilation, p.pad_left, p.length, o.padding_mode);
            const int64_t weight_index = (oc * group_in + ic) * o.kernel_size + j;
            if (source < 0) {
              gw[weight_index] += g * 0.0;  // a zero of the padding still multiplies (inf * 0 is NaN), as in torch
              continue;
            }
            const int64_t input_index = (n * p.in_channels + first_in + ic) * p.length + source;
            gw[weight_index] += g * x[input_index];
            gx[input_index] += g * w[weight_index];
          }
        }
      }
    }
  }
  Conv1dGradients grads{Tensor(input.shape), Tensor(layer.weight().shape), std::nullopt};
  for (size_t i = 0; i < dx.size(); ++i) grads.input.data[i] = static_cast<float>(dx[i]);
  for (size_t i = 0; i < dw.size(); ++i) grads.weight.data[i] = static_cast<float>(dw[i]);
  if (layer.bias()) {
    grads.bias = Tensor(layer.bias()->shape);
    for (size_t i = 0; i < db.size(); ++i) grads.bias->data[i] = static_cast<float>(db[i]);
  }
  return grads;
}

}  // namespace conv1d
