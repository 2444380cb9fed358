// GEMM-style convolution over packed weights (WeightLayout::gemm4) with WebAssembly SIMD: a register
// tile of 4 output channels x 8 positions (8 f32x4 accumulators); per (input channel, tap) it loads
// 8 consecutive inputs (two f32x4) and broadcasts 4 weights. No im2col: input-view.h gives one offset
// per (input channel, tap). Term order as the direct kernel (bias first, then input channel outer, tap inner),
// so results match it to rounding of the same sums.
// Tails: a 4-position tile, then single positions computed as one f32x4 over the 4 channels (the packed
// weights of one (channel, tap) are exactly one vector). Blocks with < 4 channels store only valid rows.
//
// Why this shape (measured on V8/x64, see BENCHMARKS.md): TurboFan schedules every load of a loop body at
// its top, so a step keeps accumulators + input vectors + broadcast weights + one product live at once:
// 4x8 is 8 + 2 + 4 + 1 = 15, exactly the allocatable xmm registers. Every taller or wider tile (5x8, 6x8,
// 8x4, 3x12) spills inside the loop and is 15-50 % slower. The step loop uses 32-bit byte offsets and
// bumped pointers (no i64 counter, no index scaling): 2 integer ops fewer per 16 SIMD arithmetic ops.
#ifndef __wasm_simd128__
#error "WebAssembly SIMD kernel: compile this file with -msimd128 (cpp/CMakeLists.txt, CONV1D_WASMSIMD)"
#endif
#include <wasm_simd128.h>

#include <algorithm>

#include "kernels/input-view.h"

namespace conv1d {
namespace {

// Input floats per group and chunk (input-view.h): 16 KiB, half of L1. Measured (kernel only, GFLOP/s for
// audio/wide/strided/dilated): unchunked 34/33/30/32; 2048 floats 41/41/38/39; 4096 41/41/37-40/40;
// 8192 39/38/38/38; 16384 39-40/37-38/37-38/38.
constexpr int64_t kChunkFloats = 4096;

// Precondition: off < off_end (depth >= 1). `w` points at the block's packed weights, 4 floats per step.
template <int V>  // V f32x4 vectors of positions
inline void tile(const float* x, const int32_t* off, const int32_t* off_end, const float* w, const float (&bias)[4],
                 v128_t (&acc)[4][V]) {
  for (int r = 0; r < 4; ++r)
    for (int v = 0; v < V; ++v) acc[r][v] = wasm_f32x4_splat(bias[r]);
  do {
    const float* xk = reinterpret_cast<const float*>(reinterpret_cast<const char*>(x) + *off);
    v128_t xv[V];
    for (int v = 0; v < V; ++v) xv[v] = wasm_v128_load(xk + 4 * v);
    for (int r = 0; r < 4; ++r) {
      const v128_t wr = wasm_v128_load32_splat(w + r);
      for (int v = 0; v < V; ++v) acc[r][v] = wasm_f32x4_add(acc[r][v], wasm_f32x4_mul(wr, xv[v]));
    }
    w += 4;
    ++off;
  } while (off != off_end);
}

template <int V>
inline void store(v128_t (&acc)[4][V], float* const (&rows)[4], int count, int t) {
  for (int r = 0; r < count; ++r)
    for (int v = 0; v < V; ++v) wasm_v128_store(rows[r] + t + 4 * v, acc[r][v]);
}

}  // namespace

void f32_conv1d_gemm_wasmsimd_4x8(const ConvProblem& p, const float* padded_input, const float* weights,
                                  const float* bias, float* output) {
  if (p.in_channels == 0 || p.out_channels == 0) {
    for (int64_t i = 0; i < p.out_channels * p.out_length; ++i) output[i] = bias ? bias[i / p.out_length] : 0.0f;
    return;
  }
  const InputView view = make_input_view(p, padded_input, kChunkFloats);
  // wasm32: every count below is < 2^32 / 4 (it indexes memory), so 32-bit arithmetic is exact.
  const int group_in = static_cast<int>(p.in_channels / p.groups);
  const int group_out = static_cast<int>(p.out_channels / p.groups);
  const int depth = group_in * static_cast<int>(p.kernel_size);
  const int blocks = (group_out + 3) / 4;
  const int length = static_cast<int>(p.out_length);
  const int chunk = static_cast<int>(view.chunk_positions);
  const int32_t* const off = view.byte_offsets;
  const int32_t* const off_end = off + depth;
  // Chunks outer: one chunk's input window (a few KiB per group) serves every channel block before the next.
  for (int c = 0; c * chunk < length; ++c) {
    const int t0 = c * chunk;
    const int positions = std::min(chunk, length - t0);
    for (int g = 0; g < static_cast<int>(p.groups); ++g) {
      const float* xg = view.base + c * view.chunk_stride + g * group_in * view.row_stride;
      for (int b = 0; b < blocks; ++b) {
        const float* w = weights + (g * blocks + b) * depth * 4;
        const int oc = g * group_out + b * 4;
        const int count = std::min(4, group_out - b * 4);
        float* const o = output + t0;
        float* const rows[4] = {o + oc * length, o + (oc + std::min(1, count - 1)) * length,
                                o + (oc + std::min(2, count - 1)) * length, o + (oc + std::min(3, count - 1)) * length};
        float b4[4] = {};  // the zero-padded rows of a short block start from 0
        for (int r = 0; bias && r < count; ++r) b4[r] = bias[oc + r];
        int u = 0;  // position within the chunk
        for (; u + 8 <= positions; u += 8) {
          v128_t acc[4][2];
          tile<2>(xg + u, off, off_end, w, b4, acc);
          store<2>(acc, rows, count, u);
        }
        for (; u + 4 <= positions; u += 4) {
          v128_t acc[4][1];
          tile<1>(xg + u, off, off_end, w, b4, acc);
          store<1>(acc, rows, count, u);
        }
        for (; u < positions; ++u) {
          const float* x = xg + u;
          v128_t acc = wasm_v128_load(b4);
          for (int kk = 0; kk < depth; ++kk) {
            acc = wasm_f32x4_add(
                acc, wasm_f32x4_mul(wasm_v128_load(w + kk * 4), wasm_v128_load32_splat(x + view.offsets[kk])));
          }
          float lanes[4];
          wasm_v128_store(lanes, acc);
          for (int r = 0; r < count; ++r) rows[r][u] = lanes[r];
        }
      }
    }
  }
}

}  // namespace conv1d
