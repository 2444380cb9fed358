#include "kernels/dispatch.h"

namespace conv1d {
namespace {

const KernelInfo kernel_table[] = {
#define CONV1D_KERNEL(name, layout, scope) {#name, name, WeightLayout::layout, KernelScope::scope},
#include "kernels/kernels.inc"
#undef CONV1D_KERNEL
};

const KernelInfo& find(ConvKernel run) {
  for (const KernelInfo& k : kernel_table)
    if (k.run == run) return k;
  return kernel_table[0];
}

bool is_depthwise(const ConvProblem& p) { return p.groups > 0 && p.in_channels / p.groups == 1; }

}  // namespace

const KernelInfo* all_kernels(int* count) {
  *count = static_cast<int>(sizeof(kernel_table) / sizeof(kernel_table[0]));
  return kernel_table;
}

bool kernel_applies(const KernelInfo& kernel, const ConvProblem& p) {
  return kernel.scope == KernelScope::any || is_depthwise(p);
}

WeightLayout weight_layout_for(const ConvProblem& p) {
  return is_depthwise(p) ? WeightLayout::raw : WeightLayout::gemm4;
}

// Depthwise problems (one input channel per group, which includes C_in == 1) go to the depthwise kernel,
// every other to the GEMM kernel over packed weights: the WebAssembly SIMD ones when the build has them
// (CONV1D_WASMSIMD), else their scalar siblings, so the native golden suite checks the same algorithms.
const KernelInfo& select_kernel(const ConvProblem& p) {
  if (p.in_channels == 0 || p.out_channels == 0) return find(f32_conv1d_direct_scalar);
#ifdef CONV1D_WASMSIMD
  if (is_depthwise(p)) return find(f32_conv1d_dw_wasmsimd_24);
  return find(f32_conv1d_gemm_wasmsimd_4x8);
#else
  if (is_depthwise(p)) return find(f32_conv1d_dw_scalar_24);
  return find(f32_conv1d_gemm_scalar_4x8);
#endif
}

}  // namespace conv1d
