// Applies a layer's padding to one batch item, producing the input its kernels convolve.
#pragma once

#include <cstdint>

#include "conv1d/options.h"

namespace conv1d {

// input: [channels, length]; padded: [channels, pad_left + length + pad_right].
void pad_input(const float* input, int64_t channels, int64_t length, int64_t pad_left, int64_t pad_right,
               PaddingMode mode, float* padded);

}  // namespace conv1d
