// Weight packing for the GEMM-style kernels (WeightLayout::gemm4): per group, blocks of 4 output channels,
// the 4 channels' weights for one (input channel, tap) side by side, so the 4x8 tile reads its weights
// as one sequential stream. Channels past the group's last one are zero; the kernels compute them and
// never store them.
#include <algorithm>

#include "kernels/kernel.h"

namespace conv1d {
namespace {
constexpr int64_t block = 4;
}

int64_t packed_weight_size(WeightLayout layout, const ConvProblem& p) {
  if (layout == WeightLayout::raw || p.groups == 0) return 0;
  const int64_t group_out = p.out_channels / p.groups;
  const int64_t depth = p.in_channels / p.groups * p.kernel_size;
  return p.groups * ((group_out + block - 1) / block) * depth * block;
}

void pack_weights(WeightLayout layout, const ConvProblem& p, const float* weight, float* packed) {
  if (layout == WeightLayout::raw || p.groups == 0) return;
  const int64_t group_out = p.out_channels / p.groups;
  const int64_t depth = p.in_channels / p.groups * p.kernel_size;
  const int64_t blocks = (group_out + block - 1) / block;
  for (int64_t g = 0; g < p.groups; ++g) {
    for (int64_t b = 0; b < blocks; ++b) {
      float* dst = packed + (g * blocks + b) * depth * block;
      for (int64_t r = 0; r < block; ++r) {
        const int64_t oc = b * block + r;
        const float* src = oc < group_out ? weight + (g * group_out + oc) * depth : nullptr;
        for (int64_t kk = 0; kk < depth; ++kk) dst[kk * block + r] = src ? src[kk] : 0.0f;
      }
    }
  }
}

}  // namespace conv1d
