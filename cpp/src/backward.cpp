// Conv1d backward as plain loops over the padded input, accumulated in double and rounded once, so that
// every gradient is the exactly rounded value of its sum up to double's own rounding (torch's float
// accumulation stays within the golden tolerance of it).
#include "conv1d/backward.h"

#include <algorithm>
#include <string>

#include "conv1d/error.h"
#include "padding.h"

namespace conv1d {
namespace {

// Autograd's check of output.backward(grad_output), in its words.
void check_grad_output(const ConvPlan& p, const Tensor& grad_output) {
  if (grad_output.shape != p.output_shape) {
    throw ArgumentError("grad_output", "Mismatch in shape: grad_output[0] has a shape of torch.Size(" +
                                           format_shape(grad_output.shape) + ") and output[0] has a shape of torch.Size(" +
                                           format_shape(p.output_shape) + ").");
  }
}

void check_index(const char* function, const char* name, int64_t value, int64_t limit, const char* dimension) {
  if (value < 0 || value >= limit) {
    throw ArgumentError(name, std::string(function) + ": " + name + "=" + std::to_string(value) +
                                  " is out of range for " + dimension + " of size " + std::to_string(limit));
  }
}

}  // namespace

Conv1dGradients backward(const Conv1d& layer, const Tensor& input, const Tensor& grad_output) {
  const ConvPlan p = layer.plan(input.shape);
  check_grad_output(p, grad_output);
  const Conv1dOptions& o = layer.options();
  Conv1dGradients grads{Tensor(input.shape), Tensor(layer.weight().shape), std::nullopt};
  if (layer.bias()) grads.bias = Tensor(layer.bias()->shape);

  // With no input channels there are no output channels either (plan), and nothing below runs.
  const int64_t group_in = p.in_channels / o.groups;
  const int64_t group_out = p.out_channels / o.groups;
  const int64_t taps = o.kernel_size;
  const int64_t width = p.padded_length;
  std::vector<int64_t> sources(static_cast<size_t>(width));
  for (int64_t q = 0; q < width; ++q) sources[q] = padded_source(q, p.pad_left, p.length, o.padding_mode);

  std::vector<float> x_padded(static_cast<size_t>(p.in_channels * width));
  std::vector<double> dx_padded(x_padded.size());
  std::vector<double> dx(static_cast<size_t>(p.in_channels * p.length));
  std::vector<double> dw(grads.weight.data.size(), 0.0);
  std::vector<double> db(static_cast<size_t>(p.out_channels), 0.0);
  const float* w = layer.weight().data.data();
  for (int64_t n = 0; n < p.batch; ++n) {
    pad_input(input.data.data() + n * p.in_channels * p.length, p.in_channels, p.length, p.pad_left, p.pad_right,
              o.padding_mode, x_padded.data());
    std::fill(dx_padded.begin(), dx_padded.end(), 0.0);
    for (int64_t oc = 0; oc < p.out_channels; ++oc) {
      const int64_t first_in = (oc / group_out) * group_in;
      const float* dy = grad_output.data.data() + (n * p.out_channels + oc) * p.out_length;
      for (int64_t t = 0; t < p.out_length; ++t) db[oc] += dy[t];
      for (int64_t ic = 0; ic < group_in; ++ic) {
        for (int64_t j = 0; j < taps; ++j) {
          // Tap j of output t reads padded position t*stride + j*dilation (the forward's formula).
          const int64_t offset = (first_in + ic) * width + j * o.dilation;
          const float* x = x_padded.data() + offset;
          double* dxp = dx_padded.data() + offset;
          const double weight = w[(oc * group_in + ic) * taps + j];
          double& dweight = dw[(oc * group_in + ic) * taps + j];
          for (int64_t t = 0; t < p.out_length; ++t) {
            const double g = dy[t];
            dweight += g * x[t * o.stride];
            dxp[t * o.stride] += g * weight;
          }
        }
      }
    }
    // A padded position passes its gradient to the input position it copied (zero padding copies none).
    std::fill(dx.begin(), dx.end(), 0.0);
    for (int64_t c = 0; c < p.in_channels; ++c) {
      for (int64_t q = 0; q < width; ++q) {
        if (sources[q] >= 0) dx[c * p.length + sources[q]] += dx_padded[c * width + q];
      }
    }
    float* out = grads.input.data.data() + n * p.in_channels * p.length;
    for (size_t i = 0; i < dx.size(); ++i) out[i] = static_cast<float>(dx[i]);
  }
  for (size_t i = 0; i < dw.size(); ++i) grads.weight.data[i] = static_cast<float>(dw[i]);
  if (grads.bias) {
    for (size_t i = 0; i < db.size(); ++i) grads.bias->data[i] = static_cast<float>(db[i]);
  }
  return grads;
}

WeightGradientExplanation explain_weight_gradient(const Conv1d& layer, const Tensor& input, const Tensor& grad_output,
                                                  int64_t out_channel, int64_t in_channel, int64_t tap) {
  const ConvPlan p = layer.plan(input.shape);
  check_grad_output(p, grad_output);
  const Conv1dOptions& o = layer.options();
  const Shape& shape = layer.weight().shape;
  const char* function = "explain_weight_gradient()";
  check_index(function, "out_channel", out_channel, shape[0], "the weight's dimension 0");
  check_index(function, "in_channel", in_channel, shape[1], "the weight's dimension 1");
  check_index(function, "tap", tap, shape[2], "the weight's dimension 2");

  WeightGradientExplanation e{};
  e.out_channel = out_channel;
  e.in_channel = in_channel;
  e.tap = tap;
  e.group = out_channel / (shape[0] / o.groups);
  e.input_channel = e.group * shape[1] + in_channel;
  e.terms.reserve(static_cast<size_t>(p.batch * p.out_length));
  // The same order as backward's sum (batch, then position), so the two round to the same float.
  double sum = 0.0;
  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t t = 0; t < p.out_length; ++t) {
      WeightGradientTerm term{};
      term.batch = n;
      term.position = t;
      term.grad_output = grad_output.data[static_cast<size_t>((n * p.out_channels + out_channel) * p.out_length + t)];
      term.padded_position = t * o.stride + tap * o.dilation;
      term.source = padded_source(term.padded_position, p.pad_left, p.length, o.padding_mode);
      term.padded = term.padded_position < p.pad_left || term.padded_position >= p.pad_left + p.length;
      if (term.source >= 0) {
        term.input = input.data[static_cast<size_t>((n * p.in_channels + e.input_channel) * p.length + term.source)];
      }
      sum += static_cast<double>(term.grad_output) * term.input;
      e.terms.push_back(term);
    }
  }
  e.value = static_cast<float>(sum);
  return e;
}

BiasGradientExplanation explain_bias_gradient(const Conv1d& layer, const Tensor& input, const Tensor& grad_output,
                                              int64_t out_channel) {
  const ConvPlan p = layer.plan(input.shape);
  check_grad_output(p, grad_output);
  if (!layer.bias()) throw ArgumentError("bias", "explain_bias_gradient(): the layer has no bias");
  check_index("explain_bias_gradient()", "out_channel", out_channel, layer.weight().shape[0], "the bias");
  BiasGradientExplanation e{};
  e.out_channel = out_channel;
  e.terms.reserve(static_cast<size_t>(p.batch * p.out_length));
  double sum = 0.0;
  // With no input channels the output has no channels, and the bias gradient no terms.
  if (out_channel < p.out_channels) {
    for (int64_t n = 0; n < p.batch; ++n) {
      for (int64_t t = 0; t < p.out_length; ++t) {
        const float g = grad_output.data[static_cast<size_t>((n * p.out_channels + out_channel) * p.out_length + t)];
        e.terms.push_back({n, t, g});
        sum += g;
      }
    }
  }
  e.value = static_cast<float>(sum);
  return e;
}

}  // namespace conv1d
