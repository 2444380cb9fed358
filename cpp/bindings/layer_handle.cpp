#include "layer_handle.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace conv1d::bindings {
namespace {

// Runs `body` and reports its result, or the exception it threw, as an Outcome.
template <typename Body>
auto capture(Body&& body) {
  using Value = std::invoke_result_t<Body>;
  using Result = Outcome<std::conditional_t<std::is_void_v<Value>, std::monostate, Value>>;
  Result result;
  try {
    if constexpr (std::is_void_v<Value>) {
      body();
    } else {
      result.value = body();
    }
  } catch (const ArgumentError& error) {
    result.error = error.message();
    result.argument = error.argument();
  } catch (const std::bad_alloc&) {
    result.error = "out of memory: the WebAssembly heap could not grow for this request";
  } catch (const std::exception& error) {
    result.error = error.what();
  }
  return result;
}

Tensor copy_tensor(const Shape& shape, const float* data) {
  const auto count = static_cast<size_t>(element_count(shape, "tensor"));
  return Tensor(shape, std::vector<float>(data, data + count));
}

std::vector<const Conv1d*> layers_of(const std::vector<const LayerHandle*>& stack) {
  std::vector<const Conv1d*> layers;
  layers.reserve(stack.size());
  for (const LayerHandle* handle : stack) layers.push_back(&handle->layer());
  return layers;
}

}  // namespace

Outcome<std::unique_ptr<LayerHandle>> LayerHandle::create(const Conv1dArguments& arguments) {
  return capture([&] { return std::unique_ptr<LayerHandle>(new LayerHandle(parse_arguments(arguments))); });
}

void LayerHandle::Buffer::reserve(size_t count) {
  if (count <= capacity_) return;
  data_.reset();  // free first, so that growing never needs old and new at once
  capacity_ = 0;
  data_.reset(new float[count]);
  capacity_ = count;
}

Conv1dArguments LayerHandle::arguments() const {
  Conv1dArguments arguments = to_arguments(layer_.options());
  arguments.bias = layer_.bias().has_value();
  return arguments;
}

Outcome<ConvPlan> LayerHandle::prepare(const Shape& input_shape) {
  prepared_ = false;
  auto result = capture([&] { return layer_.plan(input_shape); });
  if (result.error.empty()) {
    plan_ = result.value;
    prepared_ = true;
  }
  return result;
}

Outcome<> LayerHandle::reserve() {
  return capture([&] {
    if (!prepared_) throw std::logic_error("no input shape has been prepared");
    input_.reserve(static_cast<size_t>(plan_.batch * plan_.in_channels * plan_.length));
    output_.reserve(static_cast<size_t>(element_count(plan_.output_shape, "output")));
  });
}

Outcome<> LayerHandle::run() {
  return capture([&] {
    if (!prepared_) throw std::logic_error("no input shape has been prepared");
    layer_.forward(plan_, input_.data(), output_.data());
  });
}

Outcome<> LayerHandle::set_weight(const Shape& shape, const float* data) {
  return capture([&] { layer_.set_weight(copy_tensor(shape, data)); });
}

Outcome<> LayerHandle::set_bias(const Shape& shape, const float* data) {
  return capture([&] { layer_.set_bias(copy_tensor(shape, data)); });
}

Outcome<Explanation> LayerHandle::explain(const Shape& input_shape, const float* data, int64_t batch,
                                          int64_t out_channel, int64_t position,
                                          const std::optional<std::vector<int64_t>>& channels) const {
  return capture(
      [&] { return conv1d::explain(layer_, copy_tensor(input_shape, data), batch, out_channel, position, channels); });
}

Outcome<Conv1dGradients> LayerHandle::backward(const Shape& input_shape, const float* input,
                                               const float* grad_output) const {
  return capture([&] {
    const Shape output_shape = layer_.plan(input_shape).output_shape;
    return conv1d::backward(layer_, copy_tensor(input_shape, input), copy_tensor(output_shape, grad_output));
  });
}

Outcome<WeightGradientExplanation> LayerHandle::explain_weight_gradient(const Shape& input_shape, const float* input,
                                                                        const Shape& grad_output_shape,
                                                                        const float* grad_output, int64_t out_channel,
                                                                        int64_t in_channel, int64_t tap,
                                                                        int64_t term_limit) const {
  return capture([&] {
    return conv1d::explain_weight_gradient(layer_, copy_tensor(input_shape, input),
                                           copy_tensor(grad_output_shape, grad_output), out_channel, in_channel, tap,
                                           term_limit);
  });
}

Outcome<BiasGradientExplanation> LayerHandle::explain_bias_gradient(const Shape& input_shape, const float* input,
                                                                    const Shape& grad_output_shape,
                                                                    const float* grad_output, int64_t out_channel,
                                                                    int64_t term_limit) const {
  return capture([&] {
    return conv1d::explain_bias_gradient(layer_, copy_tensor(input_shape, input),
                                         copy_tensor(grad_output_shape, grad_output), out_channel, term_limit);
  });
}

Outcome<std::vector<int64_t>> LayerHandle::padded_sources(int64_t length, int64_t begin, int64_t end) const {
  return capture([&] {
    const ConvPlan plan = layer_.plan({1, layer_.options().in_channels, length});
    std::vector<int64_t> sources;
    const int64_t first = std::clamp<int64_t>(begin, 0, plan.padded_length);
    const int64_t last = std::clamp<int64_t>(end, first, plan.padded_length);
    sources.reserve(static_cast<size_t>(last - first));
    for (int64_t p = first; p < last; ++p) {
      sources.push_back(padded_source(p, plan.pad_left, plan.length, layer_.options().padding_mode));
    }
    return sources;
  });
}

Outcome<std::vector<int64_t>> influencing_inputs(const std::vector<const LayerHandle*>& stack, const Shape& input_shape,
                                                 int64_t layer_index, int64_t position) {
  return capture([&] { return conv1d::influencing_inputs(layers_of(stack), input_shape, layer_index, position); });
}

std::vector<ReceptiveField> receptive_fields(const std::vector<const LayerHandle*>& stack) {
  return conv1d::receptive_fields(layers_of(stack));
}

}  // namespace conv1d::bindings
