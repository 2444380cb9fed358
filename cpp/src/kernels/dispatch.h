// The one place that decides which kernel runs a convolution, and which packed weights a layer keeps.
#pragma once

#include "kernels/kernel.h"

namespace conv1d {

// The packed layout a layer with this geometry keeps beside its raw weights (raw: none). Depends only on
// C_in, C_out, k and groups, so a layer packs once per weight change, whatever inputs it later sees.
WeightLayout weight_layout_for(const ConvProblem& problem);

// A kernel whose layout is raw or weight_layout_for(problem), and that applies to the problem.
const KernelInfo& select_kernel(const ConvProblem& problem);

}  // namespace conv1d
