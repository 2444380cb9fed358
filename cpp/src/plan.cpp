// Conv1d::plan: the forward-time checks of torch 1.13's Conv1d.forward -> F.pad -> F.conv1d ->
// at::_convolution -> backend, in that order and wording, so the first error a user meets is the
// one PyTorch reports. tests/golden/conv1d_errors.json holds PyTorch's own messages.
#include <stdexcept>
#include <string>

#include "conv1d/error.h"
#include "conv1d/layer.h"

namespace conv1d {
namespace {

[[noreturn]] void fail(const char* argument, const std::string& message) { throw ArgumentError(argument, message); }

std::string str(int64_t value) { return std::to_string(value); }

// F.pad(input, [left, right], mode) for reflect / replicate / circular. Negative amounts crop.
void check_explicit_padding(const Shape& shape, int64_t left, int64_t right, PaddingMode mode) {
  const size_t dims = shape.size();
  if (dims != 2 && dims != 3)
    fail("input", "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
  const int64_t width = shape.back();
  const int64_t out_width = width + left + right;
  const int64_t width_dim = static_cast<int64_t>(dims) - 1;
  switch (mode) {
    case PaddingMode::reflect: {
      // reflection_pad1d still uses the older check, which prints the tensor's type and sizes.
      if (shape[1] == 0 || (dims == 3 && shape[2] == 0)) {
        std::string sizes;
        for (size_t d = 0; d < dims; ++d) sizes += (d ? "," : "") + str(shape[d]);
        fail("input", "2D or 3D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{" + sizes + "} ]");
      }
      if (left >= width || right >= width) {
        fail("padding_mode",
             "Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (" +
                 str(left) + ", " + str(right) + ") at dimension " + str(width_dim) + " of input " +
                 format_shape(shape));
      }
      // Sic: torch 1.13 prints the dimension glued to the text.
      if (out_width < 1) {
        fail("padding",
             str(width_dim) + "input (W: " + str(width) + ")is too small. Calculated output W: " + str(out_width));
      }
      return;
    }
    case PaddingMode::replicate: {
      const bool batched = dims == 3;
      bool non_empty = true;
      for (size_t d = batched ? 1 : 0; d < dims; ++d) non_empty = non_empty && shape[d] != 0;
      if (!non_empty) {
        fail("input",
             "Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for "
             "input, but got: " +
                 format_shape(shape));
      }
      if (out_width < 1)
        fail("padding", "input (W: " + str(width) + ") is too small. Calculated output W: " + str(out_width));
      return;
    }
    case PaddingMode::circular:
      // torch 1.13's circular padding treats the first two dimensions as batch and channels, so it
      // has nothing to pad in an unbatched (C, L) input.
      if (dims == 2) fail("padding_mode", "Invalid padding size, expected 0 but got 2");
      if (left > width || right > width) fail("padding_mode", "Padding value causes wrapping around more than once.");
      if (out_width < 0) fail("padding", "Negative padding value is resulting in an empty dimension");
      return;
    case PaddingMode::zeros:
      return;
  }
}

}  // namespace

ConvPlan Conv1d::plan(const Shape& input_shape) const {
  const Conv1dOptions& o = options_;
  const Shape& w = weight_.shape;
  for (size_t d = 0; d < input_shape.size(); ++d) {
    if (input_shape[d] < 0) {
      fail("input",
           "Trying to create tensor with negative dimension " + str(input_shape[d]) + ": " + format_shape(input_shape));
    }
    if (input_shape[d] > max_argument_magnitude) {
      fail("input", "input of size " + format_shape(input_shape) + " is out of range: conv1d supports sizes up to " +
                        str(max_argument_magnitude) + " in each dimension");
    }
  }
  ConvPlan p;
  p.pad_left = pad_left();
  p.pad_right = pad_right();

  // What at::_convolution receives: the input after any explicit padding, and its symmetric padding.
  Shape conv_shape = input_shape;
  int64_t conv_padding = p.pad_left;
  if (o.padding_mode != PaddingMode::zeros) {
    check_explicit_padding(input_shape, p.pad_left, p.pad_right, o.padding_mode);
    conv_shape.back() += p.pad_left + p.pad_right;
    conv_padding = 0;
  }
  if (conv_shape.size() != 2 && conv_shape.size() != 3) {
    fail("input",
         "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: " + format_shape(conv_shape));
  }
  p.batched = conv_shape.size() == 3;
  if (!p.batched) conv_shape.insert(conv_shape.begin(), 1);
  // padding='same' with an odd total: torch zero-pads the right by the difference first.
  if (o.padding_mode == PaddingMode::zeros && p.pad_right > p.pad_left) conv_shape[2] += p.pad_right - p.pad_left;

  if (conv_padding < 0) fail("padding", "negative padding is not supported");
  if (o.stride <= 0) fail("stride", "non-positive stride is not supported");
  if (w[0] < o.groups) {
    fail("out_channels", "Given groups=" + str(o.groups) + ", expected weight to be at least " + str(o.groups) +
                             " at dimension 0, but got weight of size " + format_shape(w) + " instead");
  }
  if (conv_shape[1] != w[1] * o.groups) {
    fail("in_channels", "Given groups=" + str(o.groups) + ", weight of size " + format_shape(w) + ", expected input" +
                            format_shape(conv_shape) + " to have " + str(w[1] * o.groups) + " channels, but got " +
                            str(conv_shape[1]) + " channels instead");
  }
  const int64_t padded = conv_shape[2] + 2 * conv_padding;
  const int64_t effective_kernel = o.dilation * (w[2] - 1) + 1;
  if (padded < effective_kernel) {
    fail("kernel_size", "Calculated padded input size per channel: (" + str(padded) + "). Kernel size: (" +
                            str(effective_kernel) + "). Kernel size can't be greater than actual input size");
  }

  // Backend selection: an input with no batch or no channels computes nothing ("Empty" backend),
  // which skips the kernel-size and dilation checks below.
  const bool empty = conv_shape[0] == 0 || conv_shape[1] == 0;
  if (empty) {
    if (conv_shape[1] != 0 && w[2] == 0)
      fail("kernel_size", "select(): index 0 out of range for tensor of size [0] at dimension 0");
  } else if (conv_shape[2] == 0) {
    fail("input", "Only zero batch or zero channel inputs are supported, but got input shape: " +
                      format_shape({conv_shape[0], conv_shape[1], 1, 0}));
  } else if (o.dilation != 1) {  // the dilated backend
    if (w[2] <= 0) fail("kernel_size", "kernel size should be greater than zero, but got [1, " + str(w[2]) + "]");
    if (o.dilation <= 0) fail("dilation", "dilation should be greater than zero, but got [1, " + str(o.dilation) + "]");
  } else if (w[2] <= 0) {
    fail("kernel_size", "kernel size should be greater than zero, but got kernel_height: 1 kernel_width: " + str(w[2]));
  }

  p.batch = conv_shape[0];
  p.in_channels = conv_shape[1];
  p.length = input_shape.back();
  p.padded_length = p.length + p.pad_left + p.pad_right;
  // With no input channels torch returns no output channels either.
  p.out_channels = p.in_channels == 0 ? 0 : w[0];
  p.out_length = (padded - effective_kernel) / o.stride + 1;
  p.output_shape = p.batched ? Shape{p.batch, p.out_channels, p.out_length} : Shape{p.out_channels, p.out_length};
  element_count(input_shape, "input");
  element_count(p.output_shape, "output");
  element_count({p.in_channels, p.padded_length}, "padded input");
  return p;
}

}  // namespace conv1d
