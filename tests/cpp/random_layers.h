// Random Conv1d configurations and inputs for the property tests (explain, backward): every argument and
// padding mode, small enough that brute-force checks stay cheap.
#pragma once

#include <random>

#include "conv1d/conv1d.h"

namespace conv1d::testing {

inline Conv1dOptions random_options(std::mt19937& rng) {
  static const PaddingMode modes[] = {PaddingMode::zeros, PaddingMode::reflect, PaddingMode::replicate,
                                      PaddingMode::circular};
  Conv1dOptions o;
  o.groups = 1 + static_cast<int64_t>(rng() % 3);
  o.in_channels = o.groups * (1 + static_cast<int64_t>(rng() % 2));
  o.out_channels = o.groups * (1 + static_cast<int64_t>(rng() % 2));
  o.kernel_size = 1 + static_cast<int64_t>(rng() % 4);
  o.dilation = 1 + static_cast<int64_t>(rng() % 3);
  o.bias = rng() % 2 == 0;
  o.padding_mode = modes[rng() % 4];
  switch (rng() % 5) {
    case 0:
      o.padding = Padding::same();
      break;
    case 1:
      o.padding = Padding::valid();
      o.stride = 1 + static_cast<int64_t>(rng() % 3);
      break;
    default:
      o.padding = Padding::of(static_cast<int64_t>(rng() % 4));
      o.stride = 1 + static_cast<int64_t>(rng() % 3);
  }
  return o;
}

// Values uniform in [-2, 2).
inline Tensor random_tensor(const Shape& shape, std::mt19937& rng) {
  Tensor t(shape);
  std::uniform_real_distribution<float> uniform(-2.0f, 2.0f);
  for (float& v : t.data) v = uniform(rng);
  return t;
}

}  // namespace conv1d::testing
