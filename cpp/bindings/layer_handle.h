// What JavaScript holds for one Conv1d: the core layer plus the buffers that let a forward call move
// data without extra copies. Plain C++ (no Emscripten headers), so it is tested natively; bindings.cpp
// registers it and converts its values for JavaScript.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "conv1d/backward.h"
#include "conv1d/conv1d.h"

namespace conv1d::bindings {

// The result of every call that can fail. An exception must never unwind through JavaScript frames
// (Emscripten 3.1.6 then leaks its stack and, after enough of them, corrupts the module), so each
// call catches and reports here; the JS layer throws the Error. `error` is empty on success.
template <typename T = std::monostate>
struct Outcome {
  T value{};
  std::string error;     // the message, in PyTorch's words
  std::string argument;  // the argument blamed, in PyTorch's spelling ("" when none)
};

class LayerHandle {
 public:
  // Builds a layer from the constructor's arguments (parsed and validated as torch does).
  static Outcome<std::unique_ptr<LayerHandle>> create(const Conv1dArguments& arguments);

  // The normalised constructor arguments; `bias` says whether the layer has one now.
  Conv1dArguments arguments() const;
  const Conv1d& layer() const { return layer_; }

  // Validates an input shape as torch's forward does; the plan is kept for reserve() and run().
  Outcome<ConvPlan> prepare(const Shape& input_shape);
  // Sizes the input and output buffers for the prepared plan (kept apart from prepare() so that
  // asking for a plan never allocates).
  Outcome<> reserve();
  float* input_buffer() { return input_.data(); }    // plan.batch * C_in * L floats
  float* output_buffer() { return output_.data(); }  // the output shape's element count
  // Convolves the input buffer into the output buffer, for the prepared plan.
  Outcome<> run();

  Shape weight_shape() const { return layer_.weight().shape; }  // [out, in/groups, k]
  const float* weight_buffer() const { return layer_.weight().data.data(); }
  bool has_bias() const { return layer_.bias().has_value(); }
  const float* bias_buffer() const { return has_bias() ? layer_.bias()->data.data() : nullptr; }  // [out]
  // Copy `shape`'s element count of floats from `data` (the caller guarantees that many).
  Outcome<> set_weight(const Shape& shape, const float* data);
  Outcome<> set_bias(const Shape& shape, const float* data);
  void remove_bias() { layer_.set_bias(std::nullopt); }
  void reset_parameters() { layer_.reset_parameters(); }

  // The terms of output element (batch, out_channel, position) of the input `data` shaped `input_shape`,
  // listed for `channels` (offsets within the group) or all of them.
  Outcome<Explanation> explain(const Shape& input_shape, const float* data, int64_t batch, int64_t out_channel,
                               int64_t position, const std::optional<std::vector<int64_t>>& channels) const;
  // The gradients torch's autograd gives for this layer's output.backward(grad_output), with the layer's current
  // parameters. input: `input_shape`'s element count of floats, (N, C_in, L) or (C_in, L); grad_output: as many
  // floats as the output of that input has, (N, C_out, L_out) or (C_out, L_out) (the caller guarantees both counts).
  Outcome<Conv1dGradients> backward(const Shape& input_shape, const float* input, const float* grad_output) const;
  // Why the gradient of weight[out_channel, in_channel, tap], or of bias[out_channel], has its value, for input
  // and grad_output as backward takes them: every term summed, the first `term_limit` listed (all when negative).
  // Each pointer holds its shape's element count of floats; a grad_output shaped unlike the output is refused.
  Outcome<WeightGradientExplanation> explain_weight_gradient(const Shape& input_shape, const float* input,
                                                             const Shape& grad_output_shape, const float* grad_output,
                                                             int64_t out_channel, int64_t in_channel, int64_t tap,
                                                             int64_t term_limit) const;
  Outcome<BiasGradientExplanation> explain_bias_gradient(const Shape& input_shape, const float* input,
                                                         const Shape& grad_output_shape, const float* grad_output,
                                                         int64_t out_channel, int64_t term_limit) const;
  // For padded positions [begin, end) of a (1, C_in, length) input: the input index each reads, or -1.
  // The range is clamped to the padded length.
  Outcome<std::vector<int64_t>> padded_sources(int64_t length, int64_t begin, int64_t end) const;

 private:
  explicit LayerHandle(const Conv1dOptions& options) : layer_(options) {}

  // Floats left uninitialised: JS fills the input and the kernels write every output, so zero-filling
  // megabytes on each growth would be wasted work (and a first touch of every page).
  class Buffer {
   public:
    void reserve(size_t count);
    float* data() { return data_.get(); }

   private:
    std::unique_ptr<float[]> data_;
    size_t capacity_ = 0;
  };

  Conv1d layer_;
  ConvPlan plan_;
  bool prepared_ = false;
  Buffer input_;
  Buffer output_;
};

// The original-input positions that output `position` of layer `layer_index` of a stack reads.
Outcome<std::vector<int64_t>> influencing_inputs(const std::vector<const LayerHandle*>& stack, const Shape& input_shape,
                                                 int64_t layer_index, int64_t position);
std::vector<ReceptiveField> receptive_fields(const std::vector<const LayerHandle*>& stack);

}  // namespace conv1d::bindings
