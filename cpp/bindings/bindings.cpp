// Registration only: what JavaScript sees of the core. Conversions live in js_values.cpp.
#include <emscripten/bind.h>

#include <memory>

#include "conv1d/tensor.h"
#include "js_values.h"

using namespace emscripten;
using conv1d::Conv1dArguments;
using conv1d::bindings::LayerHandle;
namespace js = conv1d::bindings::js;

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
      .smart_ptr<std::shared_ptr<LayerHandle>>("LayerHandlePointer")
      .class_function("create", &js::create)
      .function("arguments", &LayerHandle::arguments)
      .function("prepare", &js::prepare)
      .function("reserve", &js::reserve)
      .function("inputBuffer", &js::input_buffer)
      .function("outputBuffer", &js::output_buffer)
      .function("run", &js::run)
      .function("weightShape", &js::weight_shape)
      .function("weightBuffer", &js::weight_buffer)
      .function("hasBias", &LayerHandle::has_bias)
      .function("biasBuffer", &js::bias_buffer)
      .function("setWeight", &js::set_weight)
      .function("setBias", &js::set_bias)
      .function("removeBias", &LayerHandle::remove_bias)
      .function("resetParameters", &LayerHandle::reset_parameters)
      .function("explain", &js::explain)
      .function("backward", &js::backward)
      .function("explainWeightGradient", &js::explain_weight_gradient)
      .function("explainBiasGradient", &js::explain_bias_gradient)
      .function("paddedSources", &js::padded_sources);

  function("influencingInputs", &js::influencing_inputs);
  function("receptiveFields", &js::receptive_fields);
  function("manualSeed", &js::manual_seed);
  function("drawsSinceSeed", &js::draws_since_seed);
  function("fillRand", &js::fill_rand);
  function("fillRandn", &js::fill_randn);
  function("heapBytesInUse", &js::heap_bytes_in_use);
  constant("maxTensorElements", static_cast<double>(conv1d::max_tensor_elements));
}
