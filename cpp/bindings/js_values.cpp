#include "js_values.h"

#include <emscripten/bind.h>
#include <malloc.h>

#include <memory>

#include <utility>
#include <vector>

namespace conv1d::bindings::js {
namespace {

// Sizes, and lists of indices alike.
Shape shape_from_js(const val& sizes) {
  const std::vector<double> values = emscripten::convertJSArrayToNumberVector<double>(sizes);
  return Shape(values.begin(), values.end());
}

val to_js(std::monostate) { return val::undefined(); }

// A JS copy of `values` as a typed array of `Element`.
template <typename Element, typename Source>
val typed_array(const std::vector<Source>& source, const char* type) {
  std::vector<Element> values(source.begin(), source.end());
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

// Shapes, positions and sources alike.
val to_js(const std::vector<int64_t>& values) { return typed_array<double>(values, "Float64Array"); }

val to_js(const ConvPlan& plan) {
  val object = val::object();
  object.set("batched", plan.batched);
  object.set("batch", static_cast<double>(plan.batch));
  object.set("inChannels", static_cast<double>(plan.in_channels));
  object.set("length", static_cast<double>(plan.length));
  object.set("padLeft", static_cast<double>(plan.pad_left));
  object.set("padRight", static_cast<double>(plan.pad_right));
  object.set("paddedLength", static_cast<double>(plan.padded_length));
  object.set("outChannels", static_cast<double>(plan.out_channels));
  object.set("outLength", static_cast<double>(plan.out_length));
  object.set("outputShape", to_js(plan.output_shape));
  return object;
}

// One typed array per term field: building a JS object per term would cost microseconds each.
val to_js(const Explanation& e) {
  const size_t count = e.terms.size();
  std::vector<double> in_channel(count), tap(count), padded_position(count), source(count);
  std::vector<uint8_t> padded(count);
  std::vector<float> input(count), weight(count);
  for (size_t i = 0; i < count; ++i) {
    const ExplainedTerm& t = e.terms[i];
    in_channel[i] = static_cast<double>(t.in_channel);
    tap[i] = static_cast<double>(t.tap);
    padded_position[i] = static_cast<double>(t.padded_position);
    source[i] = static_cast<double>(t.source);
    padded[i] = t.padded;
    input[i] = t.input;
    weight[i] = t.weight;
  }
  val terms = val::object();
  terms.set("inChannel", typed_array<double>(in_channel, "Float64Array"));
  terms.set("tap", typed_array<double>(tap, "Float64Array"));
  terms.set("paddedPosition", typed_array<double>(padded_position, "Float64Array"));
  terms.set("source", typed_array<double>(source, "Float64Array"));
  terms.set("padded", typed_array<uint8_t>(padded, "Uint8Array"));
  terms.set("input", typed_array<float>(input, "Float32Array"));
  terms.set("weight", typed_array<float>(weight, "Float32Array"));
  val object = val::object();
  object.set("batch", static_cast<double>(e.batch));
  object.set("outChannel", static_cast<double>(e.out_channel));
  object.set("position", static_cast<double>(e.position));
  object.set("group", static_cast<double>(e.group));
  object.set("firstInChannel", static_cast<double>(e.first_in_channel));
  object.set("termCount", static_cast<double>(e.term_count));
  object.set("bias", e.has_bias ? val(e.bias) : val::null());
  object.set("value", e.value);
  object.set("terms", terms);
  return object;
}

// Each term field as one typed array, as for Explanation.
val to_js(const WeightGradientExplanation& e) {
  const size_t count = e.terms.size();
  std::vector<double> batch(count), position(count), padded_position(count), source(count);
  std::vector<float> grad_output(count), input(count);
  std::vector<uint8_t> padded(count);
  for (size_t i = 0; i < count; ++i) {
    const WeightGradientTerm& t = e.terms[i];
    batch[i] = static_cast<double>(t.batch);
    position[i] = static_cast<double>(t.position);
    grad_output[i] = t.grad_output;
    input[i] = t.input;
    padded_position[i] = static_cast<double>(t.padded_position);
    source[i] = static_cast<double>(t.source);
    padded[i] = t.padded;
  }
  val terms = val::object();
  terms.set("batch", typed_array<double>(batch, "Float64Array"));
  terms.set("position", typed_array<double>(position, "Float64Array"));
  terms.set("gradOutput", typed_array<float>(grad_output, "Float32Array"));
  terms.set("input", typed_array<float>(input, "Float32Array"));
  terms.set("paddedPosition", typed_array<double>(padded_position, "Float64Array"));
  terms.set("source", typed_array<double>(source, "Float64Array"));
  terms.set("padded", typed_array<uint8_t>(padded, "Uint8Array"));
  val object = val::object();
  object.set("outChannel", static_cast<double>(e.out_channel));
  object.set("inChannel", static_cast<double>(e.in_channel));
  object.set("tap", static_cast<double>(e.tap));
  object.set("group", static_cast<double>(e.group));
  object.set("inputChannel", static_cast<double>(e.input_channel));
  object.set("termCount", static_cast<double>(e.term_count));
  object.set("value", e.value);
  object.set("terms", terms);
  return object;
}

val to_js(const BiasGradientExplanation& e) {
  const size_t count = e.terms.size();
  std::vector<double> batch(count), position(count);
  std::vector<float> grad_output(count);
  for (size_t i = 0; i < count; ++i) {
    batch[i] = static_cast<double>(e.terms[i].batch);
    position[i] = static_cast<double>(e.terms[i].position);
    grad_output[i] = e.terms[i].grad_output;
  }
  val terms = val::object();
  terms.set("batch", typed_array<double>(batch, "Float64Array"));
  terms.set("position", typed_array<double>(position, "Float64Array"));
  terms.set("gradOutput", typed_array<float>(grad_output, "Float32Array"));
  val object = val::object();
  object.set("outChannel", static_cast<double>(e.out_channel));
  object.set("termCount", static_cast<double>(e.term_count));
  object.set("value", e.value);
  object.set("terms", terms);
  return object;
}

val to_js(const Conv1dGradients& gradients) {
  val object = val::object();
  object.set("input", typed_array<float>(gradients.input.data, "Float32Array"));
  object.set("weight", typed_array<float>(gradients.weight.data, "Float32Array"));
  object.set("bias", gradients.bias ? typed_array<float>(gradients.bias->data, "Float32Array") : val::null());
  return object;
}

// Shared ownership only because embind converts smart pointers, not raw ones, to JS values; JS's delete() frees it.
val to_js(std::unique_ptr<LayerHandle>& handle) { return val(std::shared_ptr<LayerHandle>(std::move(handle))); }

template <typename T>
val to_js(Outcome<T>&& outcome) {
  val object = val::object();
  object.set("error", outcome.error);
  object.set("argument", outcome.argument);
  object.set("value", outcome.error.empty() ? to_js(outcome.value) : val::undefined());
  return object;
}

std::vector<const LayerHandle*> stack_from_js(const val& handles) {
  std::vector<const LayerHandle*> stack;
  const auto length = handles["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) stack.push_back(handles[i].as<LayerHandle*>(emscripten::allow_raw_pointers()));
  return stack;
}

template <typename T>
T* pointer(uintptr_t address) {
  return reinterpret_cast<T*>(address);
}

}  // namespace

val create(const Conv1dArguments& arguments) { return to_js(LayerHandle::create(arguments)); }
val prepare(LayerHandle& handle, const val& input_shape) { return to_js(handle.prepare(shape_from_js(input_shape))); }
val reserve(LayerHandle& handle) { return to_js(handle.reserve()); }
val run(LayerHandle& handle) { return to_js(handle.run()); }
uintptr_t input_buffer(LayerHandle& handle) { return reinterpret_cast<uintptr_t>(handle.input_buffer()); }
uintptr_t output_buffer(LayerHandle& handle) { return reinterpret_cast<uintptr_t>(handle.output_buffer()); }
val weight_shape(const LayerHandle& handle) { return to_js(handle.weight_shape()); }
uintptr_t weight_buffer(const LayerHandle& handle) { return reinterpret_cast<uintptr_t>(handle.weight_buffer()); }
uintptr_t bias_buffer(const LayerHandle& handle) { return reinterpret_cast<uintptr_t>(handle.bias_buffer()); }

val set_weight(LayerHandle& handle, const val& shape, uintptr_t data) {
  return to_js(handle.set_weight(shape_from_js(shape), pointer<const float>(data)));
}

val set_bias(LayerHandle& handle, const val& shape, uintptr_t data) {
  return to_js(handle.set_bias(shape_from_js(shape), pointer<const float>(data)));
}

val explain(const LayerHandle& handle, const val& input_shape, uintptr_t data, double batch, double out_channel,
            double position, const val& channels) {
  std::optional<std::vector<int64_t>> listed;
  if (!channels.isNull()) listed = shape_from_js(channels);
  return to_js(handle.explain(shape_from_js(input_shape), pointer<const float>(data), static_cast<int64_t>(batch),
                              static_cast<int64_t>(out_channel), static_cast<int64_t>(position), listed));
}

val backward(const LayerHandle& handle, const val& input_shape, uintptr_t input, uintptr_t grad_output) {
  return to_js(
      handle.backward(shape_from_js(input_shape), pointer<const float>(input), pointer<const float>(grad_output)));
}

val explain_weight_gradient(const LayerHandle& handle, const val& input_shape, uintptr_t input,
                            const val& grad_output_shape, uintptr_t grad_output, double out_channel, double in_channel,
                            double tap, double term_limit) {
  return to_js(handle.explain_weight_gradient(shape_from_js(input_shape), pointer<const float>(input),
                                              shape_from_js(grad_output_shape), pointer<const float>(grad_output),
                                              static_cast<int64_t>(out_channel), static_cast<int64_t>(in_channel),
                                              static_cast<int64_t>(tap), static_cast<int64_t>(term_limit)));
}

val explain_bias_gradient(const LayerHandle& handle, const val& input_shape, uintptr_t input,
                          const val& grad_output_shape, uintptr_t grad_output, double out_channel, double term_limit) {
  return to_js(handle.explain_bias_gradient(shape_from_js(input_shape), pointer<const float>(input),
                                            shape_from_js(grad_output_shape), pointer<const float>(grad_output),
                                            static_cast<int64_t>(out_channel), static_cast<int64_t>(term_limit)));
}

val padded_sources(const LayerHandle& handle, double length, double begin, double end) {
  return to_js(
      handle.padded_sources(static_cast<int64_t>(length), static_cast<int64_t>(begin), static_cast<int64_t>(end)));
}

val influencing_inputs(const val& handles, const val& input_shape, double layer_index, double position) {
  return to_js(bindings::influencing_inputs(stack_from_js(handles), shape_from_js(input_shape),
                                            static_cast<int64_t>(layer_index), static_cast<int64_t>(position)));
}

val receptive_fields(const val& handles) {
  val fields = val::array();
  for (const ReceptiveField& f : bindings::receptive_fields(stack_from_js(handles))) {
    val field = val::object();
    field.set("size", static_cast<double>(f.size));
    field.set("jump", static_cast<double>(f.jump));
    field.set("start", static_cast<double>(f.start));
    fields.call<void>("push", field);
  }
  return fields;
}

void fill_rand(uintptr_t data, double count) {
  default_generator().fill_uniform(pointer<float>(data), static_cast<int64_t>(count), 0.0, 1.0);
}

void fill_randn(uintptr_t data, double count) {
  default_generator().fill_normal(pointer<float>(data), static_cast<int64_t>(count), 0.0, 1.0);
}

double draws_since_seed() { return static_cast<double>(default_generator().draws_since_seed()); }
void manual_seed(uint32_t low, uint32_t high) { conv1d::manual_seed((uint64_t{high} << 32) | low); }
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace conv1d::bindings::js
