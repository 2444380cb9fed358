// Why an output number is what it is: the terms of one output element, and which inputs of a stack
// can influence it. The playground renders these; the tests check them against real outputs.
#pragma once

#include <optional>
#include <vector>

#include "conv1d/layer.h"

namespace conv1d {

// One product weight * input that an output element sums.
struct ExplainedTerm {
  int64_t in_channel;       // input channel (index into C_in)
  int64_t tap;              // kernel position j
  int64_t padded_position;  // t*stride + j*dilation: where the tap lands in the padded input
  int64_t source;           // input position the value comes from, or -1 for a zero of the padding
  bool padded;              // the tap lands in the padding (source says where the padding mode took it)
  float input;              // x[n, in_channel, source], or 0
  float weight;             // w[out_channel, in_channel - first_in_channel, tap]
};

struct Explanation {
  int64_t batch;                     // n
  int64_t out_channel;               // c
  int64_t position;                  // t
  int64_t group;                     // out_channel / (C_out / groups)
  int64_t first_in_channel;          // the group's first input channel
  int64_t term_count;                // terms the value sums: (C_in / groups) * kernel_size
  std::vector<ExplainedTerm> terms;  // by input channel, then tap (only the channels asked for)
  bool has_bias;
  float bias;
  float value;  // bias + sum of input * weight, in float and in the forward's order: the forward's bits
};

// input: (N, C_in, L) or (C_in, L), validated as forward does. For unbatched input `batch` must be 0.
// `channels`: the input channels (offsets within the group, ascending) whose terms are listed; all when
// absent. The value always sums every term: an element can read millions, more than a caller can list.
// Throws std::invalid_argument when (batch, out_channel, position) or a channel is out of range.
Explanation explain(const Conv1d& layer, const Tensor& input, int64_t batch, int64_t out_channel, int64_t position,
                    const std::optional<std::vector<int64_t>>& channels = std::nullopt);

// How far one layer's outputs see, in the coordinates of the stack's original input.
struct ReceptiveField {
  int64_t size;   // input positions spanned by one output (padding included)
  int64_t jump;   // distance in the input between neighbouring outputs
  int64_t start;  // input position of the first element output 0 sees (negative inside left padding)
};

// One entry per layer, each through all earlier layers:
// jump_k = jump_{k-1} * stride_k, size_k = size_{k-1} + dilation_k*(kernel_k - 1) * jump_{k-1},
// start_k = start_{k-1} - pad_left_k * jump_{k-1} (Araujo et al., "Computing Receptive Fields of CNNs", 2019).
std::vector<ReceptiveField> receptive_fields(const std::vector<const Conv1d*>& layers);

// The positions of the original input (length `input_length`) that output `position` of layer
// `layer_index` reads through every earlier layer, padding modes included (a reflected or wrapped
// position counts where it comes from). Sorted, without duplicates. Validates shapes as forward does.
std::vector<int64_t> influencing_inputs(const std::vector<const Conv1d*>& layers, const Shape& input_shape,
                                        int64_t layer_index, int64_t position);

}  // namespace conv1d
