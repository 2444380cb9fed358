// How the GEMM-style and depthwise kernels address the padded input without im2col: a base pointer, a
// row stride between input channels and one offset per (input channel, tap), so that input element
// x[ic][t*stride + j*dilation] of a group is base[offsets[ic*k + j] + t] -- contiguous in t.
// Stride 1 reads the padded input in place. Stride s > 1 first splits every row into s phases
// (polyphase: phase r holds x[m*s + r]), so that consecutive outputs again read consecutive floats;
// that copy is C_in * Lp floats of scratch, reused across calls.
#pragma once

#include <cstddef>

#include "kernels/kernel.h"

namespace conv1d {

struct InputView {
  const float* base;         // [C_in][row_stride]
  ptrdiff_t row_stride;      // floats from one input channel to the next
  const ptrdiff_t* offsets;  // [C_in/groups * k]: start of tap j of channel ic of a group, from its first row
  // The same offsets in bytes, 32-bit, for the WebAssembly SIMD kernels: their hot loops then add an i32 to a
  // pointer (no i64 arithmetic, no scaling). Fits: a wasm32 address space is < 4 GiB; natively it is unused
  // and left empty when an offset would not fit.
  const int32_t* byte_offsets;
};

// Valid until the next call on the same thread.
InputView make_input_view(const ConvProblem& problem, const float* padded_input);

}  // namespace conv1d
