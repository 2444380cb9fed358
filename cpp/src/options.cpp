#include "conv1d/options.h"
#include "conv1d/error.h"

#include <stdexcept>

namespace conv1d {
namespace {

struct PaddingModeName {
  PaddingMode mode;
  const char* name;
};

constexpr PaddingModeName padding_mode_names[] = {
    {PaddingMode::zeros, "zeros"},
    {PaddingMode::reflect, "reflect"},
    {PaddingMode::replicate, "replicate"},
    {PaddingMode::circular, "circular"},
};

}  // namespace

PaddingMode parse_padding_mode(const std::string& name) {
  for (const auto& entry : padding_mode_names) {
    if (name == entry.name) return entry.mode;
  }
  // Python prints the set in hash order, which varies per process; this is its order under PYTHONHASHSEED=0.
  throw ArgumentError(
      "padding_mode",
      "padding_mode must be one of {'replicate', 'reflect', 'zeros', 'circular'}, but got padding_mode='" + name + "'");
}

const char* padding_mode_name(PaddingMode mode) {
  for (const auto& entry : padding_mode_names) {
    if (mode == entry.mode) return entry.name;
  }
  return "zeros";
}

Padding Padding::parse(const std::string& text) {
  if (text == "same") return same();
  if (text == "valid") return valid();
  throw ArgumentError("padding", "Invalid padding string '" + text + "', should be one of {'same', 'valid'}");
}

namespace {

// Beyond int32, sizes only overflow the arithmetic that follows (L + 2*padding, dilation*(kernel_size-1),
// channels * kernel_size); no tensor that fits in memory needs them. PyTorch has no such limit.
void check_magnitude(const char* name, int64_t value) {
  if (value < -max_argument_magnitude || value > max_argument_magnitude) {
    throw ArgumentError(
        name, std::string(name) + "=" + std::to_string(value) + " is out of range: conv1d supports arguments from -" +
                  std::to_string(max_argument_magnitude) + " to " + std::to_string(max_argument_magnitude));
  }
}

void check_magnitudes(int64_t in_channels, int64_t out_channels, int64_t kernel_size, int64_t stride, int64_t padding,
                      int64_t dilation, int64_t groups) {
  check_magnitude("in_channels", in_channels);
  check_magnitude("out_channels", out_channels);
  check_magnitude("kernel_size", kernel_size);
  check_magnitude("stride", stride);
  check_magnitude("padding", padding);
  check_magnitude("dilation", dilation);
  check_magnitude("groups", groups);
}

void check_groups(int64_t groups, int64_t in_channels, int64_t out_channels) {
  if (groups <= 0) throw ArgumentError("groups", "groups must be a positive integer");
  if (in_channels % groups != 0) throw ArgumentError("groups", "in_channels must be divisible by groups");
  if (out_channels % groups != 0) throw ArgumentError("groups", "out_channels must be divisible by groups");
}

void check_same_padding(const Padding& padding, int64_t stride) {
  if (padding.kind == Padding::Kind::same && stride != 1) {
    throw ArgumentError("padding", "padding='same' is not supported for strided convolutions");
  }
}

}  // namespace

Conv1dOptions parse_arguments(const Conv1dArguments& a) {
  check_magnitudes(a.in_channels, a.out_channels, a.kernel_size, a.stride, a.padding, a.dilation, a.groups);
  check_groups(a.groups, a.in_channels, a.out_channels);
  Conv1dOptions options;
  options.in_channels = a.in_channels;
  options.out_channels = a.out_channels;
  options.kernel_size = a.kernel_size;
  options.stride = a.stride;
  options.padding = a.padding_is_string ? Padding::parse(a.padding_string) : Padding::of(a.padding);
  check_same_padding(options.padding, a.stride);
  options.dilation = a.dilation;
  options.groups = a.groups;
  options.bias = a.bias;
  options.padding_mode = parse_padding_mode(a.padding_mode);
  return options;
}

Conv1dArguments to_arguments(const Conv1dOptions& o) {
  Conv1dArguments a;
  a.in_channels = o.in_channels;
  a.out_channels = o.out_channels;
  a.kernel_size = o.kernel_size;
  a.stride = o.stride;
  a.padding = o.padding.amount;
  a.padding_is_string = o.padding.kind != Padding::Kind::amount;
  a.padding_string = o.padding.kind == Padding::Kind::same    ? "same"
                     : o.padding.kind == Padding::Kind::valid ? "valid"
                                                              : "";
  a.dilation = o.dilation;
  a.groups = o.groups;
  a.bias = o.bias;
  a.padding_mode = padding_mode_name(o.padding_mode);
  return a;
}

void validate_construction(const Conv1dOptions& options) {
  check_magnitudes(options.in_channels, options.out_channels, options.kernel_size, options.stride,
                   options.padding.amount, options.dilation, options.groups);
  check_groups(options.groups, options.in_channels, options.out_channels);
  check_same_padding(options.padding, options.stride);
}

}  // namespace conv1d
