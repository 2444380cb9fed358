// Registration only: what JavaScript sees of the core. Conversions live in layer_handle.cpp.
#include <emscripten/bind.h>

#include "conv1d/tensor.h"
#include "layer_handle.h"

using namespace emscripten;
using conv1d::Conv1dArguments;
using conv1d::bindings::LayerHandle;

namespace {

template <int64_t Conv1dArguments::*size>
int get_int(const Conv1dArguments& arguments) {
  return static_cast<int>(arguments.*size);
}

template <int64_t Conv1dArguments::*size>
void set_int(Conv1dArguments& arguments, int value) {
  arguments.*size = value;
}

}  // namespace

EMSCRIPTEN_BINDINGS(conv1d) {
  // Sizes cross as JS numbers (int32, checked by the JS layer); the core keeps them as int64.
  value_object<Conv1dArguments>("Conv1dArguments")
      .field("inChannels", &get_int<&Conv1dArguments::in_channels>, &set_int<&Conv1dArguments::in_channels>)
      .field("outChannels", &get_int<&Conv1dArguments::out_channels>, &set_int<&Conv1dArguments::out_channels>)
      .field("kernelSize", &get_int<&Conv1dArguments::kernel_size>, &set_int<&Conv1dArguments::kernel_size>)
      .field("stride", &get_int<&Conv1dArguments::stride>, &set_int<&Conv1dArguments::stride>)
      .field("padding", &get_int<&Conv1dArguments::padding>, &set_int<&Conv1dArguments::padding>)
      .field("paddingIsString", &Conv1dArguments::padding_is_string)
      .field("paddingString", &Conv1dArguments::padding_string)
      .field("dilation", &get_int<&Conv1dArguments::dilation>, &set_int<&Conv1dArguments::dilation>)
      .field("groups", &get_int<&Conv1dArguments::groups>, &set_int<&Conv1dArguments::groups>)
      .field("bias", &Conv1dArguments::bias)
      .field("paddingMode", &Conv1dArguments::padding_mode);

  class_<LayerHandle>("LayerHandle")
      .class_function("create", &LayerHandle::create, allow_raw_pointers())
      .function("arguments", &LayerHandle::arguments)
      .function("padLeft", &LayerHandle::pad_left)
      .function("padRight", &LayerHandle::pad_right)
      .function("prepare", &LayerHandle::prepare)
      .function("plan", &LayerHandle::plan)
      .function("reserve", &LayerHandle::reserve)
      .function("inputBuffer", &LayerHandle::input_buffer)
      .function("outputBuffer", &LayerHandle::output_buffer)
      .function("run", &LayerHandle::run)
      .function("weightShape", &LayerHandle::weight_shape)
      .function("weightBuffer", &LayerHandle::weight_buffer)
      .function("hasBias", &LayerHandle::has_bias)
      .function("biasBuffer", &LayerHandle::bias_buffer)
      .function("setWeight", &LayerHandle::set_weight)
      .function("setBias", &LayerHandle::set_bias)
      .function("removeBias", &LayerHandle::remove_bias)
      .function("resetParameters", &LayerHandle::reset_parameters)
      .function("explain", &LayerHandle::explain)
      .function("paddedSources", &LayerHandle::padded_sources);

  function("lastError", &conv1d::bindings::last_error);
  function("lastErrorArgument", &conv1d::bindings::last_error_argument);
  function("manualSeed", &conv1d::bindings::manual_seed);
  function("heapBytesInUse", &conv1d::bindings::heap_bytes_in_use);
  function("receptiveFields", &conv1d::bindings::receptive_fields);
  function("influencingInputs", &conv1d::bindings::influencing_inputs);
  function("drawsSinceSeed", &conv1d::bindings::draws_since_seed);
  function("fillRand", &conv1d::bindings::fill_rand, allow_raw_pointers());
  function("fillRandn", &conv1d::bindings::fill_randn, allow_raw_pointers());
  constant("maxTensorElements", static_cast<double>(conv1d::max_tensor_elements));
}
