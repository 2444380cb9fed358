// Type conversion between LayerHandle's plain C++ and JavaScript values, and nothing else: each
// function here is registered as it is by bindings.cpp. Shapes arrive as arrays the JS layer built
// from sizes it has already checked (never a caller's own array), data as pointers into the heap
// the JS layer filled. Every fallible call answers { error, argument, value } (see Outcome).
#pragma once

#include <cstdint>

#include <emscripten/val.h>

#include "layer_handle.h"

namespace conv1d::bindings::js {

using emscripten::val;

val create(const Conv1dArguments& arguments);              // value: a LayerHandle
val prepare(LayerHandle& handle, const val& input_shape);  // value: the plan
val reserve(LayerHandle& handle);
val run(LayerHandle& handle);
uintptr_t input_buffer(LayerHandle& handle);
uintptr_t output_buffer(LayerHandle& handle);
val weight_shape(const LayerHandle& handle);
uintptr_t weight_buffer(const LayerHandle& handle);
uintptr_t bias_buffer(const LayerHandle& handle);  // 0 without a bias
val set_weight(LayerHandle& handle, const val& shape, uintptr_t data);
val set_bias(LayerHandle& handle, const val& shape, uintptr_t data);
// value: { batch, outChannel, position, group, firstInChannel, termCount, bias (or null), value, terms }, where
// terms holds one typed array per ExplainedTerm field (inChannel, tap, paddedPosition, source, padded,
// input, weight), each with one entry per term.
val explain(const LayerHandle& handle, const val& input_shape, uintptr_t data, double batch, double out_channel,
            double position, const val& channels);  // channels: an array of offsets, or null for all
// value: { input, weight, bias } as Float32Arrays (bias null without one), shaped like the input, the weight
// and the bias; grad_output holds as many floats as the output of that input.
val backward(const LayerHandle& handle, const val& input_shape, uintptr_t input, uintptr_t grad_output);
// value: { outChannel, inChannel, tap, group, inputChannel, termCount, value, terms }, terms holding one typed array
// per WeightGradientTerm field (batch, position, gradOutput, input, paddedPosition, source, padded); term_limit < 0
// lists every term.
val explain_weight_gradient(const LayerHandle& handle, const val& input_shape, uintptr_t input,
                            const val& grad_output_shape, uintptr_t grad_output, double out_channel, double in_channel,
                            double tap, double term_limit);
// value: { outChannel, termCount, value, terms: { batch, position, gradOutput } }.
val explain_bias_gradient(const LayerHandle& handle, const val& input_shape, uintptr_t input,
                          const val& grad_output_shape, uintptr_t grad_output, double out_channel, double term_limit);
val padded_sources(const LayerHandle& handle, double length, double begin, double end);  // value: Float64Array
val influencing_inputs(const val& handles, const val& input_shape, double layer_index, double position);
val receptive_fields(const val& handles);  // [{ size, jump, start }] per layer

// torch.rand / torch.randn from the global generator into `count` floats at `data`.
void fill_rand(uintptr_t data, double count);
void fill_randn(uintptr_t data, double count);
double draws_since_seed();
void manual_seed(uint32_t low, uint32_t high);
// The allocator's bytes in use: what leak tests watch.
double heap_bytes_in_use();

}  // namespace conv1d::bindings::js
