// What JavaScript holds for one Conv1d: the core layer plus the WASM-side buffers that let a forward
// call move data without extra copies. Type conversion and error capture only; no math.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <emscripten/val.h>

#include "conv1d/conv1d.h"

namespace conv1d::bindings {

// Every fallible call returns an error message ("" on success) instead of throwing: an exception
// must never unwind through JS frames (see shared/TOOLCHAIN.md, point 5). The JS layer throws.
class LayerHandle {
 public:
  // Returns nullptr on failure; the message is then in last_error().
  static LayerHandle* create(const Conv1dArguments& arguments);

  // The normalised constructor arguments; `bias` says whether the layer has one now.
  Conv1dArguments arguments() const;
  int pad_left() const { return static_cast<int>(layer_.pad_left()); }
  int pad_right() const { return static_cast<int>(layer_.pad_right()); }

  // Validates an input shape (a JS array of integers); afterwards plan() describes the call.
  std::string prepare(const emscripten::val& input_shape);
  emscripten::val plan() const;
  // Sizes the input and output buffers for the prepared shape (kept separate so that asking for a
  // plan never allocates).
  std::string reserve();
  uintptr_t input_buffer() { return reinterpret_cast<uintptr_t>(input_.data()); }
  uintptr_t output_buffer() { return reinterpret_cast<uintptr_t>(output_.data()); }
  // Convolves the input buffer into the output buffer, for the prepared shape.
  std::string run();

  emscripten::val weight_shape() const;
  uintptr_t weight_buffer() { return reinterpret_cast<uintptr_t>(layer_.weight().data.data()); }
  bool has_bias() const { return layer_.bias().has_value(); }
  uintptr_t bias_buffer() { return has_bias() ? reinterpret_cast<uintptr_t>(layer_.bias()->data.data()) : 0; }
  // Copy `shape`'s element count of floats from WASM memory at `data`.
  std::string set_weight(const emscripten::val& shape, uintptr_t data);
  std::string set_bias(const emscripten::val& shape, uintptr_t data);
  void remove_bias() { layer_.set_bias(std::nullopt); }
  void reset_parameters() { layer_.reset_parameters(); }

  // The terms of output element (batch, out_channel, position) for the input in WASM memory at
  // `data`: a JS object, or {error} when the core refuses.
  emscripten::val explain(const emscripten::val& input_shape, uintptr_t data, int batch, int out_channel,
                          int position) const;
  const Conv1d& layer() const { return layer_; }
  // For each padded position of a (1, C_in, length) input: the input index it reads, or -1; or {error}.
  emscripten::val padded_sources(int length) const;

 private:
  explicit LayerHandle(const Conv1dOptions& options) : layer_(options) {}

  Conv1d layer_;
  ConvPlan plan_;
  bool prepared_ = false;
  std::vector<float> input_;
  std::vector<float> output_;
};

std::string last_error();
// The argument the last failed call blamed, in PyTorch's spelling ("" when none).
std::string last_error_argument();
// Per layer {size, jump, start} of a stack (a JS array of LayerHandles).
emscripten::val receptive_fields(const emscripten::val& handles);
// The original-input positions that output `position` of layer `layer_index` reads; or {error}.
emscripten::val influencing_inputs(const emscripten::val& handles, const emscripten::val& input_shape, int layer_index,
                                   int position);
double draws_since_seed();
// torch.rand / torch.randn from the global generator into `count` floats of WASM memory at `data`.
void fill_rand(uintptr_t data, int count);
void fill_randn(uintptr_t data, int count);
void manual_seed(uint32_t low, uint32_t high);
// The allocator's bytes in use: what leak tests watch.
double heap_bytes_in_use();

}  // namespace conv1d::bindings
