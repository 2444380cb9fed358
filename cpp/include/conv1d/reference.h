// The oracle: Conv1d forward and backward as plain loops with double accumulation, sharing no code with the
// optimized kernels beyond the layer's validation and padding rule. Tests compare kernels with it.
#pragma once

#include "conv1d/backward.h"
#include "conv1d/layer.h"

namespace conv1d {

Tensor reference_forward(const Conv1d& layer, const Tensor& input);

// backward() as plain loops over the padded input, every gradient summed in double and rounded once.
Conv1dGradients reference_backward(const Conv1d& layer, const Tensor& input, const Tensor& grad_output);

}  // namespace conv1d
