#include "conv1d/explain.h"
#include "conv1d/error.h"

#include <stdexcept>
#include <string>

namespace conv1d {
namespace {

void check_index(int64_t value, int64_t limit, const char* name, const char* dimension) {
  if (value < 0 || value >= limit) {
    throw ArgumentError(name, std::string("explain(): ") + name + "=" + std::to_string(value) +
                                  " is out of range for " + dimension + " of size " + std::to_string(limit));
  }
}

}  // namespace

Explanation explain(const Conv1d& layer, const Tensor& input, int64_t batch, int64_t out_channel, int64_t position,
                    const std::optional<std::vector<int64_t>>& channels) {
  const ConvPlan p = layer.plan(input.shape);
  const Conv1dOptions& o = layer.options();
  check_index(batch, p.batch, "batch", "the output's batch dimension");
  check_index(out_channel, p.out_channels, "out_channel", "the output's channel dimension");
  check_index(position, p.out_length, "position", "the output's length");

  const int64_t group_in = p.in_channels / o.groups;
  const int64_t group_out = p.out_channels / o.groups;
  std::vector<char> listed(static_cast<size_t>(group_in), channels ? 0 : 1);
  if (channels) {
    for (int64_t ic : *channels) {
      check_index(ic, group_in, "channels", "the group's input channels");
      listed[static_cast<size_t>(ic)] = 1;
    }
  }
  Explanation e{};
  e.batch = batch;
  e.out_channel = out_channel;
  e.position = position;
  e.group = out_channel / group_out;
  e.first_in_channel = e.group * group_in;
  e.term_count = group_in * o.kernel_size;
  e.has_bias = layer.bias().has_value();
  e.bias = e.has_bias ? layer.bias()->data[static_cast<size_t>(out_channel)] : 0.0f;

  float sum = e.bias;  // the forward's order and rounding (kernels/f32-conv1d-direct-scalar.cpp)
  for (int64_t ic = 0; ic < group_in; ++ic) {
    const int64_t channel = e.first_in_channel + ic;
    for (int64_t j = 0; j < o.kernel_size; ++j) {
      ExplainedTerm term{};
      term.in_channel = channel;
      term.tap = j;
      term.padded_position = position * o.stride + j * o.dilation;
      term.source = padded_source(term.padded_position, p.pad_left, p.length, o.padding_mode);
      term.padded = term.padded_position < p.pad_left || term.padded_position >= p.pad_left + p.length;
      if (term.source >= 0)
        term.input = input.data[static_cast<size_t>((batch * p.in_channels + channel) * p.length + term.source)];
      term.weight = layer.weight().data[static_cast<size_t>((out_channel * group_in + ic) * o.kernel_size + j)];
      sum += term.input * term.weight;
      if (listed[static_cast<size_t>(ic)]) e.terms.push_back(term);
    }
  }
  e.value = sum;
  return e;
}

std::vector<ReceptiveField> receptive_fields(const std::vector<const Conv1d*>& layers) {
  std::vector<ReceptiveField> fields;
  ReceptiveField previous{1, 1, 0};
  for (const Conv1d* layer : layers) {
    const Conv1dOptions& o = layer->options();
    ReceptiveField field;
    field.jump = previous.jump * o.stride;
    field.size = previous.size + o.dilation * (o.kernel_size - 1) * previous.jump;
    field.start = previous.start - layer->pad_left() * previous.jump;
    fields.push_back(field);
    previous = field;
  }
  return fields;
}

std::vector<int64_t> influencing_inputs(const std::vector<const Conv1d*>& layers, const Shape& input_shape,
                                        int64_t layer_index, int64_t position) {
  const auto depth = static_cast<int64_t>(layers.size());
  if (layer_index < 0 || layer_index >= depth) {
    throw ArgumentError("layer_index", "influencing_inputs(): layer_index=" + std::to_string(layer_index) +
                                           " is out of range for a stack of " + std::to_string(depth) + " layers");
  }
  const auto last = static_cast<size_t>(layer_index);
  std::vector<ConvPlan> plans;
  Shape shape = input_shape;
  for (size_t k = 0; k <= last; ++k) {
    plans.push_back(layers[k]->plan(shape));
    shape = plans.back().output_shape;
  }
  check_index(position, plans[last].out_length, "position", "the output's length");

  // Walk back layer by layer, marking which positions of each layer's input are read.
  std::vector<char> read{};
  std::vector<char> wanted(static_cast<size_t>(plans[last].out_length), 0);
  wanted[static_cast<size_t>(position)] = 1;
  for (size_t k = last + 1; k-- > 0;) {
    const ConvPlan& p = plans[k];
    const Conv1dOptions& o = layers[k]->options();
    read.assign(static_cast<size_t>(p.length), 0);
    for (int64_t t = 0; t < p.out_length; ++t) {
      if (!wanted[static_cast<size_t>(t)]) continue;
      for (int64_t j = 0; j < o.kernel_size; ++j) {
        const int64_t source = padded_source(t * o.stride + j * o.dilation, p.pad_left, p.length, o.padding_mode);
        if (source >= 0) read[static_cast<size_t>(source)] = 1;
      }
    }
    wanted.swap(read);
  }
  std::vector<int64_t> positions;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i]) positions.push_back(static_cast<int64_t>(i));
  }
  return positions;
}

}  // namespace conv1d
