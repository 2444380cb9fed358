// The one place that decides which kernel runs a convolution.
#pragma once

#include "kernels/kernel.h"

namespace conv1d {

ConvKernel select_kernel(const ConvProblem& problem);

}  // namespace conv1d
