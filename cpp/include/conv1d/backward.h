// Conv1d's backward pass: the gradients torch's autograd gives for output.backward(grad_output), and why
// one weight's (or bias's) gradient has its value, term by term.
#pragma once

#include <optional>
#include <vector>

#include "conv1d/layer.h"

namespace conv1d {

struct Conv1dGradients {
  Tensor input;                // ∂L/∂x: shaped like the input, (N, C_in, L) or (C_in, L)
  Tensor weight;               // ∂L/∂w: [out, in/groups, k]
  std::optional<Tensor> bias;  // ∂L/∂b: [out], only when the layer has a bias
};

// input: (N, C_in, L) or (C_in, L), validated exactly as forward does (Conv1d::plan).
// grad_output: ∂L/∂y, shaped like forward's output, (N, C_out, L_out) or (C_out, L_out); otherwise
// ArgumentError naming "grad_output" with autograd's "Mismatch in shape" message.
// With padding_mode reflect / replicate / circular, the gradient reaching a padded position is added to the
// input position it was read from (padded_source); zero padding's gradients are dropped. The input gradient is
// a convolution run by the forward's kernels (float sums, as torch's); the weight and bias gradients are summed in
// double and rounded once. An empty batch or no input channels gives zero weight and bias gradients.
Conv1dGradients backward(const Conv1d& layer, const Tensor& input, const Tensor& grad_output);

// One product ∂L/∂y[n, o, t] * x_padded[n, c, t*stride + k*dilation] that a weight's gradient sums.
struct WeightGradientTerm {
  int64_t batch;            // n
  int64_t position;         // t: the output position
  float grad_output;        // ∂L/∂y[n, o, t]
  float input;              // x[n, c, source], or 0 for a zero of the padding
  int64_t padded_position;  // t*stride + k*dilation: where the tap lands in the padded input
  int64_t source;           // input position the value comes from, or -1 for a zero of the padding
  bool padded;              // the tap lands in the padding (source says where the padding mode took it)
};

// ∂L/∂w[o, i, k] = Σ_n Σ_t ∂L/∂y[n, o, t] · x_padded[n, g*(C_in/groups) + i, t*stride + k*dilation],
// g = o / (C_out/groups): the same convolution forward computes, with the output gradient as the weight.
struct WeightGradientExplanation {
  int64_t out_channel;                    // o
  int64_t in_channel;                     // i: the offset within the group (the weight's second index)
  int64_t tap;                            // k
  int64_t group;                          // g
  int64_t input_channel;                  // g*(C_in/groups) + i: the channel of x the terms read
  int64_t term_count;                     // the terms the value sums: N * L_out
  std::vector<WeightGradientTerm> terms;  // by batch n, then position t: the first term_limit of them
  float value;                            // the sum of every grad_output * input, in double, rounded once
};

// input and grad_output as for backward. Throws ArgumentError when (out_channel, in_channel, tap) is not an index
// of the weight [out, in/groups, k]. The value always sums every term, but only the first `term_limit` are listed
// (all when it is negative): a long input's weight gradient sums millions, more than a caller can show or hold.
WeightGradientExplanation explain_weight_gradient(const Conv1d& layer, const Tensor& input, const Tensor& grad_output,
                                                  int64_t out_channel, int64_t in_channel, int64_t tap,
                                                  int64_t term_limit = -1);

// ∂L/∂b[o] = Σ_n Σ_t ∂L/∂y[n, o, t].
struct BiasGradientTerm {
  int64_t batch;      // n
  int64_t position;   // t
  float grad_output;  // ∂L/∂y[n, o, t]
};

struct BiasGradientExplanation {
  int64_t out_channel;                  // o
  int64_t term_count;                   // the terms the value sums: N * L_out (0 without input channels)
  std::vector<BiasGradientTerm> terms;  // by batch n, then position t: the first term_limit of them
  float value;                          // the sum of every term, accumulated in double and rounded once
};

// input and grad_output as for backward. Throws ArgumentError when the layer has no bias or out_channel is not
// an index of it. term_limit as for explain_weight_gradient.
BiasGradientExplanation explain_bias_gradient(const Conv1d& layer, const Tensor& input, const Tensor& grad_output,
                                              int64_t out_channel, int64_t term_limit = -1);

}  // namespace conv1d
