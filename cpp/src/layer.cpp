#include "conv1d/layer.h"
#include "conv1d/error.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "kernels/dispatch.h"
#include "padding.h"

namespace conv1d {
namespace {

// torch.nn.init.kaiming_uniform_(w, a=sqrt(5)) computes its bound in Python floats (double):
// gain = sqrt(2 / (1 + a^2)), std = gain / sqrt(fan_in), bound = sqrt(3) * std.
double kaiming_uniform_bound(int64_t fan_in) {
  const double a = std::sqrt(5.0);
  const double gain = std::sqrt(2.0 / (1.0 + a * a));
  const double std_dev = gain / std::sqrt(static_cast<double>(fan_in));
  return std::sqrt(3.0) * std_dev;
}

void require_shape(const Tensor& tensor, const Shape& expected, const char* name, const char* layout) {
  if (tensor.shape != expected) {
    throw ArgumentError(name, std::string(name) + " must have shape " + format_shape(expected) + " " + layout +
                                  ", but got " + format_shape(tensor.shape));
  }
}

}  // namespace

Conv1d::Conv1d(const Conv1dOptions& options, Generator& generator) : options_(options) {
  validate_construction(options_);
  const Shape weight_shape{options_.out_channels, options_.in_channels / options_.groups, options_.kernel_size};
  // torch.empty's message for a negative size, naming the argument that made it; the count also
  // guards the allocation below.
  const char* weight_dimensions[] = {"out_channels", "in_channels", "kernel_size"};
  for (size_t d = 0; d < weight_shape.size(); ++d) {
    if (weight_shape[d] < 0) {
      throw ArgumentError(weight_dimensions[d], "Trying to create tensor with negative dimension " +
                                                    std::to_string(weight_shape[d]) + ": " +
                                                    format_shape(weight_shape));
    }
  }
  try {
    element_count(weight_shape, "weight");
  } catch (const ArgumentError& too_large) {
    // Blame the largest of the three sizes: the one a person would shrink.
    const size_t largest =
        static_cast<size_t>(std::max_element(weight_shape.begin(), weight_shape.end()) - weight_shape.begin());
    throw ArgumentError(weight_dimensions[largest], too_large.what());
  }
  weight_ = Tensor(weight_shape);
  if (options_.bias) bias_ = Tensor(Shape{options_.out_channels});
  reset_parameters(generator);
}

void Conv1d::reset_parameters(Generator& generator) {
  const Shape& shape = weight_.shape;
  const int64_t fan_in = shape[1] * shape[2];
  // kaiming_uniform_ is a no-op on a tensor with a zero dimension, and the bias is only drawn when
  // fan_in != 0 (torch.nn.modules.conv._ConvNd.reset_parameters): neither consumes random numbers then.
  if (fan_in == 0) {
    pack_weight();
    return;
  }
  if (shape[0] != 0) {
    const double bound = kaiming_uniform_bound(fan_in);
    generator.fill_uniform(weight_.data.data(), static_cast<int64_t>(weight_.data.size()), -bound, bound);
  }
  if (bias_) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
    generator.fill_uniform(bias_->data.data(), static_cast<int64_t>(bias_->data.size()), -bound, bound);
  }
  pack_weight();
}

void Conv1d::set_weight(Tensor weight) {
  require_shape(weight, weight_.shape, "weight", "(out_channels, in_channels / groups, kernel_size)");
  weight_ = std::move(weight);
  pack_weight();
}

void Conv1d::pack_weight() {
  // Only the geometry matters for packing: lengths are irrelevant (see WeightLayout).
  const ConvProblem geometry{
      options_.in_channels, 0, options_.out_channels, 0, options_.kernel_size, options_.stride, options_.dilation,
      options_.groups};
  const WeightLayout layout = weight_layout_for(geometry);
  packed_weight_.clear();
  if (weight_.data.empty()) return;  // nothing to pack (and no loop over, say, 2^31 empty groups)
  packed_weight_.assign(static_cast<size_t>(packed_weight_size(layout, geometry)), 0.0f);
  pack_weights(layout, geometry, weight_.data.data(), packed_weight_.data());
}

void Conv1d::set_bias(std::optional<Tensor> bias) {
  if (bias) require_shape(*bias, Shape{options_.out_channels}, "bias", "(out_channels)");
  bias_ = std::move(bias);
}

int64_t Conv1d::pad_left() const {
  switch (options_.padding.kind) {
    case Padding::Kind::amount:
      return options_.padding.amount;
    case Padding::Kind::valid:
      return 0;
    case Padding::Kind::same: {
      // Python's floor division: a negative total (kernel_size 0) still splits as torch splits it.
      const int64_t total = options_.dilation * (options_.kernel_size - 1);
      return total >= 0 ? total / 2 : -((1 - total) / 2);
    }
  }
  return 0;
}

int64_t Conv1d::pad_right() const {
  if (options_.padding.kind != Padding::Kind::same) return pad_left();
  return options_.dilation * (options_.kernel_size - 1) - pad_left();
}

Tensor Conv1d::forward(const Tensor& input) const {
  const ConvPlan p = plan(input.shape);
  Tensor output(p.output_shape);
  forward(p, input.data.data(), output.data.data());
  return output;
}

void Conv1d::forward(const ConvPlan& p, const float* input, float* output) const {
  const ConvProblem problem{p.in_channels,        p.padded_length, p.out_channels,    p.out_length,
                            options_.kernel_size, options_.stride, options_.dilation, options_.groups};
  const KernelInfo& kernel = select_kernel(problem);
  const float* weights = kernel.layout == WeightLayout::raw ? weight_.data.data() : packed_weight_.data();
  const float* bias = bias_ ? bias_->data.data() : nullptr;
  const int64_t item_in = p.in_channels * p.length;
  const int64_t item_out = p.out_channels * p.out_length;
  if (p.pad_left == 0 && p.pad_right == 0) {
    for (int64_t n = 0; n < p.batch; ++n)
      kernel.run(problem, input + n * item_in, weights, bias, output + n * item_out);
    return;
  }
  // Kernels only convolve "valid" windows; every padding mode is applied here, into scratch that is reused
  // across calls (per thread, so concurrent forwards stay safe). Raw-layout kernels over several groups are run
  // a group at a time on that group's padded rows: the copy then stays in cache for the kernel to read, instead
  // of a whole padded item written to memory and read back (depthwise, 256 x 4096, k 9: measured 5-20 % faster).
  const int64_t groups = kernel.layout == WeightLayout::raw ? options_.groups : 1;
  ConvProblem part = problem;
  part.in_channels /= groups;
  part.out_channels /= groups;
  part.groups /= groups;
  const int64_t part_weights = part.out_channels * (part.in_channels / part.groups) * options_.kernel_size;
  thread_local std::vector<float> padded;
  padded.resize(static_cast<size_t>(part.in_channels * p.padded_length));
  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t g = 0; g < groups; ++g) {
      pad_input(input + n * item_in + g * part.in_channels * p.length, part.in_channels, p.length, p.pad_left,
                p.pad_right, options_.padding_mode, padded.data());
      kernel.run(part, padded.data(), weights + g * part_weights, bias ? bias + g * part.out_channels : nullptr,
                 output + n * item_out + g * part.out_channels * p.out_length);
    }
  }
}

}  // namespace conv1d
