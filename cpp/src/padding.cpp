#include "padding.h"

#include <algorithm>

#include "conv1d/layer.h"

namespace conv1d {

int64_t padded_source(int64_t padded_index, int64_t pad_left, int64_t length, PaddingMode mode) {
  const int64_t i = padded_index - pad_left;
  if (i >= 0 && i < length) return i;
  switch (mode) {
    case PaddingMode::zeros:
      return -1;
    case PaddingMode::reflect:
      return i < 0 ? -i : 2 * (length - 1) - i;
    case PaddingMode::replicate:
      return i < 0 ? 0 : length - 1;
    case PaddingMode::circular:
      return ((i % length) + length) % length;
  }
  return -1;
}

void pad_input(const float* input, int64_t channels, int64_t length, int64_t pad_left, int64_t pad_right,
               PaddingMode mode, float* padded) {
  const int64_t padded_length = pad_left + length + pad_right;
  for (int64_t c = 0; c < channels; ++c) {
    const float* row = input + c * length;
    float* out = padded + c * padded_length;
    // The input itself is copied (cropped when a pad is negative, as F.pad crops); only the margins
    // need the padding rule, whose limits plan() has checked.
    const int64_t begin = std::max<int64_t>(0, pad_left);
    const int64_t end = std::min(padded_length, pad_left + length);
    std::copy(row + (begin - pad_left), row + (end - pad_left), out + begin);
    for (int64_t p = 0; p < begin; ++p) {
      const int64_t source = padded_source(p, pad_left, length, mode);
      out[p] = source < 0 ? 0.0f : row[source];
    }
    for (int64_t p = end; p < padded_length; ++p) {
      const int64_t source = padded_source(p, pad_left, length, mode);
      out[p] = source < 0 ? 0.0f : row[source];
    }
  }
}

}  // namespace conv1d
