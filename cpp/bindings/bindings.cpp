// Registration only: what JavaScript sees of the core. Conversions live in layer_handle.cpp.
#include <emscripten/bind.h>

#include "conv1d/tensor.h"
#include "layer_handle.h"

using namespace emscripten;
using conv1d::bindings::LayerArguments;
using conv1d::bindings::LayerHandle;

EMSCRIPTEN_BINDINGS(conv1d) {
  value_object<LayerArguments>("LayerArguments")
      .field("inChannels", &LayerArguments::in_channels)
      .field("outChannels", &LayerArguments::out_channels)
      .field("kernelSize", &LayerArguments::kernel_size)
      .field("stride", &LayerArguments::stride)
      .field("padding", &LayerArguments::padding)
      .field("paddingIsString", &LayerArguments::padding_is_string)
      .field("paddingString", &LayerArguments::padding_string)
      .field("dilation", &LayerArguments::dilation)
      .field("groups", &LayerArguments::groups)
      .field("bias", &LayerArguments::bias)
      .field("paddingMode", &LayerArguments::padding_mode);

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
      .function("explain", &LayerHandle::explain);

  function("lastError", &conv1d::bindings::last_error);
  function("manualSeed", &conv1d::bindings::manual_seed);
  function("heapBytesInUse", &conv1d::bindings::heap_bytes_in_use);
  function("receptiveFields", &conv1d::bindings::receptive_fields);
  function("influencingInputs", &conv1d::bindings::influencing_inputs);
  function("drawsSinceSeed", &conv1d::bindings::draws_since_seed);
  constant("maxTensorElements", static_cast<double>(conv1d::max_tensor_elements));
}
