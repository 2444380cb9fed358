// GEMM-style convolution over packed weights (WeightLayout::gemm4), scalar sibling of
// f32-conv1d-gemm-wasmsimd-4x8: the same 4-output-channel x 8-position register tile, the same
// im2col-free input addressing (input-view.h, chunked) and the same term order as the direct kernel
// (bias first, then input channel outer, tap inner).
// Tails: positions in tiles of 8, then 4, then one at a time; a block with fewer than 4 channels
// computes the zero-padded rows and does not store them.
#include <algorithm>

#include "kernels/input-view.h"

namespace conv1d {
namespace {

constexpr int64_t kChunkFloats = 4096;  // as f32-conv1d-gemm-wasmsimd-4x8

template <int W>
void tile(const float* x, const ptrdiff_t* offsets, int64_t depth, const float* w, const float (&bias)[4],
          float (&acc)[4][W]) {
  for (int r = 0; r < 4; ++r)
    for (int i = 0; i < W; ++i) acc[r][i] = bias[r];
  for (int64_t kk = 0; kk < depth; ++kk) {
    const float* xk = x + offsets[kk];
    for (int r = 0; r < 4; ++r) {
      const float wr = w[kk * 4 + r];
      for (int i = 0; i < W; ++i) acc[r][i] += wr * xk[i];
    }
  }
}

template <int W>
void store(float (&acc)[4][W], float* const (&rows)[4], int64_t count, int64_t t) {
  for (int64_t r = 0; r < count; ++r)
    for (int i = 0; i < W; ++i) rows[r][t + i] = acc[r][i];
}

}  // namespace

void f32_conv1d_gemm_scalar_4x8(const ConvProblem& p, const float* padded_input, const float* weights,
                                const float* bias, float* output) {
  if (p.in_channels == 0 || p.out_channels == 0) {
    for (int64_t i = 0; i < p.out_channels * p.out_length; ++i) output[i] = bias ? bias[i / p.out_length] : 0.0f;
    return;
  }
  const InputView view = make_input_view(p, padded_input, kChunkFloats);
  const int64_t group_in = p.in_channels / p.groups;
  const int64_t group_out = p.out_channels / p.groups;
  const int64_t depth = group_in * p.kernel_size;
  const int64_t blocks = (group_out + 3) / 4;
  const int64_t chunk = view.chunk_positions;
  for (int64_t t0 = 0; t0 < p.out_length; t0 += chunk) {
    const int64_t positions = std::min(chunk, p.out_length - t0);
    for (int64_t g = 0; g < p.groups; ++g) {
      const float* xg = view.base + (t0 / chunk) * view.chunk_stride + g * group_in * view.row_stride;
      for (int64_t b = 0; b < blocks; ++b) {
        const float* w = weights + (g * blocks + b) * depth * 4;
        const int64_t oc = g * group_out + b * 4;
        const int64_t count = std::min<int64_t>(4, group_out - b * 4);
        float* const o = output + t0;
        float* const rows[4] = {o + oc * p.out_length, o + (oc + std::min<int64_t>(1, count - 1)) * p.out_length,
                                o + (oc + std::min<int64_t>(2, count - 1)) * p.out_length,
                                o + (oc + std::min<int64_t>(3, count - 1)) * p.out_length};
        float b4[4] = {};  // the zero-padded rows of a short block start from 0
        for (int64_t r = 0; bias && r < count; ++r) b4[r] = bias[oc + r];
        int64_t u = 0;
        for (; u + 8 <= positions; u += 8) {
          float acc[4][8];
          tile<8>(xg + u, view.offsets, depth, w, b4, acc);
          store<8>(acc, rows, count, u);
        }
        for (; u + 4 <= positions; u += 4) {
          float acc[4][4];
          tile<4>(xg + u, view.offsets, depth, w, b4, acc);
          store<4>(acc, rows, count, u);
        }
        for (; u < positions; ++u) {
          float acc[4][1];
          tile<1>(xg + u, view.offsets, depth, w, b4, acc);
          store<1>(acc, rows, count, u);
        }
      }
    }
  }
}

}  // namespace conv1d
