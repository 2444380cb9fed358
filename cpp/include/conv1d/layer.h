// torch.nn.Conv1d: a layer that owns its parameters and convolves (N, C, L) or (C, L) input.
#pragma once

#include <optional>
#include <vector>

#include "conv1d/generator.h"
#include "conv1d/options.h"
#include "conv1d/tensor.h"

namespace conv1d {

// Everything one forward call needs to know about its input, worked out (and validated) once.
struct ConvPlan {
  bool batched = true;        // false for (C, L) input
  int64_t batch = 1;          // N (1 when unbatched)
  int64_t in_channels = 0;    // C_in
  int64_t length = 0;         // L
  int64_t pad_left = 0;       // elements added before the input, by padding_mode
  int64_t pad_right = 0;      // ... and after it ('same' puts the odd one here)
  int64_t padded_length = 0;  // L + pad_left + pad_right
  int64_t out_channels = 0;   // C_out
  int64_t out_length = 0;     // floor((padded_length - dilation*(k-1) - 1) / stride) + 1
  Shape output_shape;         // (N, C_out, L_out) or (C_out, L_out)
};

class Conv1d {
 public:
  // Validates the options as torch.nn.Conv1d.__init__ does, then draws the weight and then the bias
  // from `generator` with torch's kaiming-uniform(a=sqrt(5)) bounds, exactly as torch does.
  explicit Conv1d(const Conv1dOptions& options, Generator& generator = default_generator());

  const Conv1dOptions& options() const { return options_; }
  const Tensor& weight() const { return weight_; }             // [out, in/groups, k]
  const std::optional<Tensor>& bias() const { return bias_; }  // [out], or none

  // Replace parameters. The shape must be exactly the layer's; any float values are allowed.
  void set_weight(Tensor weight);             // [out, in/groups, k]
  void set_bias(std::optional<Tensor> bias);  // [out], or none to drop the bias

  // Draws weight and bias again, as constructing the layer anew from `generator` would.
  void reset_parameters(Generator& generator = default_generator());

  // Amount of padding added on each side (the 'same' split puts the odd element on the right).
  int64_t pad_left() const;
  int64_t pad_right() const;

  // Validates an input shape as torch's forward does (same checks, order and messages) and
  // returns the geometry of the call. Throws std::invalid_argument.
  ConvPlan plan(const Shape& input_shape) const;
  Shape output_shape(const Shape& input_shape) const { return plan(input_shape).output_shape; }

  Tensor forward(const Tensor& input) const;
  // input: plan.batch * C_in * L floats; output: plan.batch * C_out * L_out floats.
  void forward(const ConvPlan& plan, const float* input, float* output) const;

 private:
  void check_dimensions_positive() const;
  // Re-packs weight_ into the layout the fast kernels read (kernels/dispatch.h); called on every weight change.
  void pack_weight();

  Conv1dOptions options_;
  Tensor weight_;
  std::optional<Tensor> bias_;
  std::vector<float> packed_weight_;  // weight_ in weight_layout_for(geometry); empty when that is raw
};

// Where padded position `padded_index` (0 .. L + pad_left + pad_right - 1) reads the input from:
// an index in [0, L), or -1 for a zero. Reflect mirrors without repeating the edge, replicate
// repeats the edge, circular wraps around, as torch.nn.functional.pad does.
int64_t padded_source(int64_t padded_index, int64_t pad_left, int64_t length, PaddingMode mode);

}  // namespace conv1d
