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
  int64_t groups;         // divides C_in and C_out
};

// padded_input: [C_in, Lp]; weight: [C_out, C_in/groups, k]; bias: [C_out] or nullptr;
// output: [C_out, L_out], fully overwritten.
using ConvKernel = void (*)(const ConvProblem& problem, const float* padded_input, const float* weight,
                            const float* bias, float* output);

#define CONV1D_DECLARE_KERNEL(name) \
  void name(const ConvProblem& problem, const float* padded_input, const float* weight, const float* bias, \
            float* output);
#include "kernels/kernels.inc"
#undef CONV1D_DECLARE_KERNEL

}  // namespace conv1d
