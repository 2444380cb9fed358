#include "kernels/dispatch.h"

namespace conv1d {

ConvKernel select_kernel(const ConvProblem&) { return f32_conv1d_direct_scalar; }

}  // namespace conv1d
