// The oracle: Conv1d forward as plain loops with double accumulation, sharing no code with the
// optimized kernels beyond the layer's validation and padding rule. Tests compare kernels with it.
#pragma once

#include "conv1d/layer.h"

namespace conv1d {

Tensor reference_forward(const Conv1d& layer, const Tensor& input);

}  // namespace conv1d
