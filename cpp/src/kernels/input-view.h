// How the GEMM-style and depthwise kernels address the padded input without im2col: a base pointer, a
// row stride between input channels and one offset per (input channel, tap), so that input element
// x[ic][t*stride + j*dilation] of a group is base[offsets[ic*k + j] + t] -- contiguous in t.
// Stride 1 reads the padded input in place. Stride s > 1 first splits every row into s phases
// (polyphase: phase r holds x[m*s + r]), so that consecutive outputs again read consecutive floats;
// that copy is C_in * Lp floats of scratch, reused across calls.
//
// Chunked views (GEMM kernels): positions are cut into chunks of `chunk_positions` outputs, and each chunk
// gets its own copy of the input window it reads, laid out [chunk][C_in][phase][m]. A register tile then
// reads its C_in * k streams from a few contiguous KiB instead of C_in rows a whole row apart: measured,
// 128 streams spread over 128 pages ran ~15 % slower than 32 (L1 and DTLB reach), see BENCHMARKS.md.
// Chunk c, local position u: x[ic][(c*T + u)*stride + j*dilation] = base[c*chunk_stride + offsets[ic*k+j] + u].
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernels/kernel.h"

namespace conv1d {

struct InputView {
  const float* base;         // [chunks][C_in][row_stride]
  ptrdiff_t row_stride;      // floats from one input channel to the next
  const ptrdiff_t* offsets;  // [C_in/groups * k]: start of tap j of channel ic of a group, from its first row
  // The same offsets in bytes, 32-bit, for the WebAssembly SIMD kernels: their hot loops then add an i32 to a
  // pointer (no i64 arithmetic, no scaling). Fits: a wasm32 address space is < 4 GiB; natively it is unused
  // and left empty when an offset would not fit.
  const int32_t* byte_offsets;
  int64_t chunk_positions;  // T: outputs per chunk (L_out when not chunked); a multiple of 8 when chunked
  ptrdiff_t chunk_stride;   // floats from one chunk to the next (0 when not chunked)
};

// Valid until the next call on the same thread. `chunk_floats` > 0 asks for a chunked view whose chunks
// hold about that many floats per group (a hint: it is not chunked when one chunk would cover every
// position, or when the taps' reach would more than double the copy).
InputView make_input_view(const ConvProblem& problem, const float* padded_input, int64_t chunk_floats = 0);

}  // namespace conv1d
