// The contract every convolution kernel implements.
#pragma once

#include <cstdint>

namespace conv1d {

// One batch item of a convolution over input that is already padded: only "valid" windows remain.
struct ConvProblem {
  int64_t in_channels;    // C_in
  int64_t padded_length;  // Lp
  int64_t out_channels;   // C_out
  int64_t out_length;     // L_out = (Lp - dilation*(k-1) - 1) / stride + 1, at least 1
  int64_t kernel_size;    // k
  int64_t stride;
  int64_t dilation;
  int64_t groups;  // divides C_in and C_out
};

// How a kernel reads its weights. Layouts other than `raw` are packed once per weight change
// (Conv1d keeps them) by pack_weights(); they depend only on C_in, C_out, k and groups.
enum class WeightLayout {
  raw,    // [C_out, C_in/groups, k], as the layer stores it
  gemm4,  // per group, blocks of 4 output channels: [groups][ceil(C_out/groups / 4)][C_in/groups * k][4],
          // channels past the group's last one zero (see f32-pack-conv1d-gemm4.cpp)
};

// Which problems a kernel handles. Dispatch and the tests both read this.
enum class KernelScope {
  any,        // every problem
  depthwise,  // C_in/groups == 1 (any channel multiplier C_out/groups)
};

// padded_input: [C_in, Lp]; weights: in the kernel's WeightLayout; bias: [C_out] or nullptr;
// output: [C_out, L_out], fully overwritten. Preconditions: every field of `problem` >= 1 except that
// C_in and C_out may be 0 (then nothing is computed), and L_out matches the formula above.
using ConvKernel = void (*)(const ConvProblem& problem, const float* padded_input, const float* weights,
                            const float* bias, float* output);

struct KernelInfo {
  const char* name;
  ConvKernel run;
  WeightLayout layout;
  KernelScope scope;
};

#define CONV1D_KERNEL(name, layout, scope)                                                                  \
  void name(const ConvProblem& problem, const float* padded_input, const float* weights, const float* bias, \
            float* output);
#include "kernels/kernels.inc"
#undef CONV1D_KERNEL

// Every kernel of kernels.inc (the WebAssembly SIMD ones only with CONV1D_WASMSIMD), in list order.
const KernelInfo* all_kernels(int* count);

bool kernel_applies(const KernelInfo& kernel, const ConvProblem& problem);

// Floats needed for `layout` (0 for raw), and the packing itself. `weight`: [C_out, C_in/groups, k].
int64_t packed_weight_size(WeightLayout layout, const ConvProblem& problem);
void pack_weights(WeightLayout layout, const ConvProblem& problem, const float* weight, float* packed);

}  // namespace conv1d
