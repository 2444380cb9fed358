#include "layer_handle.h"

#include <emscripten/bind.h>
#include <malloc.h>

#include "conv1d/explain.h"

#include <new>
#include <stdexcept>
#include <utility>

namespace conv1d::bindings {
namespace {

std::string& last_error_storage() {
  static std::string message;
  return message;
}

// The argument named by the last failed call (see ArgumentError), or "".
std::string& last_argument_storage() {
  static std::string argument;
  return argument;
}

// Runs `body`; turns any exception into its message.
template <typename Body>
std::string capture(Body&& body) {
  last_argument_storage().clear();
  try {
    body();
    return "";
  } catch (const ArgumentError& error) {
    last_argument_storage() = error.argument();
    return error.what();
  } catch (const std::bad_alloc&) {
    return "out of memory: the WebAssembly heap could not grow for this request";
  } catch (const std::exception& error) {
    return error.what();
  }
}

Shape shape_from_js(const emscripten::val& array) {
  Shape shape;
  const unsigned length = array["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) shape.push_back(static_cast<int64_t>(array[i].as<double>()));
  return shape;
}

emscripten::val shape_to_js(const Shape& shape) {
  emscripten::val array = emscripten::val::array();
  for (int64_t size : shape) array.call<void>("push", static_cast<double>(size));
  return array;
}

emscripten::val error_object(const std::string& message) {
  emscripten::val object = emscripten::val::object();
  object.set("error", message);
  return object;
}

std::vector<const Conv1d*> layers_from_js(const emscripten::val& handles) {
  std::vector<const Conv1d*> layers;
  const unsigned length = handles["length"].as<unsigned>();
  for (unsigned i = 0; i < length; ++i) {
    layers.push_back(&handles[i].as<LayerHandle*>(emscripten::allow_raw_pointers())->layer());
  }
  return layers;
}

Tensor tensor_from_wasm(const emscripten::val& shape_js, uintptr_t data) {
  Shape shape = shape_from_js(shape_js);
  const int64_t count = element_count(shape, "tensor");
  const float* values = reinterpret_cast<const float*>(data);
  return Tensor(std::move(shape), std::vector<float>(values, values + count));
}

}  // namespace

LayerHandle* LayerHandle::create(const Conv1dArguments& arguments) {
  LayerHandle* handle = nullptr;
  last_error_storage() = capture([&] { handle = new LayerHandle(parse_arguments(arguments)); });
  return handle;
}

Conv1dArguments LayerHandle::arguments() const {
  Conv1dArguments arguments = to_arguments(layer_.options());
  arguments.bias = layer_.bias().has_value();
  return arguments;
}

std::string LayerHandle::prepare(const emscripten::val& input_shape) {
  prepared_ = false;
  return capture([&] {
    const Shape shape = shape_from_js(input_shape);
    plan_ = layer_.plan(shape);
    prepared_ = true;
  });
}

std::string LayerHandle::reserve() {
  if (!prepared_) return "no input shape has been prepared";
  return capture([&] {
    input_.resize(static_cast<size_t>(plan_.batch * plan_.in_channels * plan_.length));
    output_.resize(static_cast<size_t>(element_count(plan_.output_shape, "output")));
  });
}

emscripten::val LayerHandle::plan() const {
  emscripten::val plan = emscripten::val::object();
  plan.set("batched", plan_.batched);
  plan.set("batch", static_cast<double>(plan_.batch));
  plan.set("inChannels", static_cast<double>(plan_.in_channels));
  plan.set("length", static_cast<double>(plan_.length));
  plan.set("padLeft", static_cast<double>(plan_.pad_left));
  plan.set("padRight", static_cast<double>(plan_.pad_right));
  plan.set("paddedLength", static_cast<double>(plan_.padded_length));
  plan.set("outChannels", static_cast<double>(plan_.out_channels));
  plan.set("outLength", static_cast<double>(plan_.out_length));
  plan.set("outputShape", shape_to_js(plan_.output_shape));
  return plan;
}

std::string LayerHandle::run() {
  if (!prepared_) return "no input shape has been prepared";
  return capture([&] { layer_.forward(plan_, input_.data(), output_.data()); });
}

emscripten::val LayerHandle::weight_shape() const { return shape_to_js(layer_.weight().shape); }

std::string LayerHandle::set_weight(const emscripten::val& shape, uintptr_t data) {
  return capture([&] { layer_.set_weight(tensor_from_wasm(shape, data)); });
}

std::string LayerHandle::set_bias(const emscripten::val& shape, uintptr_t data) {
  return capture([&] { layer_.set_bias(tensor_from_wasm(shape, data)); });
}

emscripten::val LayerHandle::explain(const emscripten::val& input_shape, uintptr_t data, int batch, int out_channel,
                                     int position) const {
  Explanation e;
  const std::string error =
      capture([&] { e = conv1d::explain(layer_, tensor_from_wasm(input_shape, data), batch, out_channel, position); });
  if (!error.empty()) return error_object(error);
  emscripten::val terms = emscripten::val::array();
  for (const ExplainedTerm& t : e.terms) {
    emscripten::val term = emscripten::val::object();
    term.set("inChannel", static_cast<double>(t.in_channel));
    term.set("tap", static_cast<double>(t.tap));
    term.set("paddedPosition", static_cast<double>(t.padded_position));
    term.set("source", static_cast<double>(t.source));
    term.set("padded", t.padded);
    term.set("input", t.input);
    term.set("weight", t.weight);
    terms.call<void>("push", term);
  }
  emscripten::val result = emscripten::val::object();
  result.set("batch", static_cast<double>(e.batch));
  result.set("outChannel", static_cast<double>(e.out_channel));
  result.set("position", static_cast<double>(e.position));
  result.set("group", static_cast<double>(e.group));
  result.set("firstInChannel", static_cast<double>(e.first_in_channel));
  result.set("terms", terms);
  result.set("bias", e.has_bias ? emscripten::val(e.bias) : emscripten::val::null());
  result.set("value", e.value);
  return result;
}

emscripten::val LayerHandle::padded_sources(int length) const {
  ConvPlan plan;
  const std::string error = capture([&] { plan = layer_.plan({1, layer_.options().in_channels, length}); });
  if (!error.empty()) return error_object(error);
  emscripten::val sources = emscripten::val::array();
  for (int64_t p = 0; p < plan.padded_length; ++p) {
    sources.call<void>(
        "push", static_cast<double>(padded_source(p, plan.pad_left, plan.length, layer_.options().padding_mode)));
  }
  return sources;
}

std::string last_error() { return last_error_storage(); }

std::string last_error_argument() { return last_argument_storage(); }

emscripten::val receptive_fields(const emscripten::val& handles) {
  emscripten::val fields = emscripten::val::array();
  for (const ReceptiveField& f : conv1d::receptive_fields(layers_from_js(handles))) {
    emscripten::val field = emscripten::val::object();
    field.set("size", static_cast<double>(f.size));
    field.set("jump", static_cast<double>(f.jump));
    field.set("start", static_cast<double>(f.start));
    fields.call<void>("push", field);
  }
  return fields;
}

emscripten::val influencing_inputs(const emscripten::val& handles, const emscripten::val& input_shape, int layer_index,
                                   int position) {
  std::vector<int64_t> positions;
  const std::string error = capture([&] {
    positions = conv1d::influencing_inputs(layers_from_js(handles), shape_from_js(input_shape),
                                           static_cast<size_t>(layer_index), position);
  });
  if (!error.empty()) return error_object(error);
  emscripten::val array = emscripten::val::array();
  for (int64_t p : positions) array.call<void>("push", static_cast<double>(p));
  return array;
}

void fill_rand(uintptr_t data, int count) {
  default_generator().fill_uniform(reinterpret_cast<float*>(data), count, 0.0, 1.0);
}

void fill_randn(uintptr_t data, int count) {
  default_generator().fill_normal(reinterpret_cast<float*>(data), count, 0.0, 1.0);
}

double draws_since_seed() { return static_cast<double>(default_generator().draws_since_seed()); }

void manual_seed(uint32_t low, uint32_t high) { conv1d::manual_seed((uint64_t{high} << 32) | low); }

double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace conv1d::bindings
