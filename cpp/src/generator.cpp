#include "conv1d/generator.h"

#include <cmath>

namespace conv1d {

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  draws_ = 0;
  // at::mt19937 takes a uint64_t but initialises from its low 32 bits only.
  engine_.seed(static_cast<uint32_t>(seed));
}

void Generator::fill_uniform(float* data, int64_t count, double from, double to) {
  // at::uniform_real_distribution<float>: 24 random bits scaled to [0, 1), then from + x*(to-from)
  // in float, all with float arithmetic (DistAccumType<float> is float on CPU).
  const float low = static_cast<float>(from);
  const float span = static_cast<float>(to) - low;
  constexpr uint32_t mantissa_mask = (uint32_t{1} << 24) - 1;
  constexpr float unit = 1.0f / (uint32_t{1} << 24);
  draws_ += static_cast<uint64_t>(count);
  for (int64_t i = 0; i < count; ++i) {
    const float x = static_cast<float>(engine_() & mantissa_mask) * unit;
    data[i] = std::fma(x, span, low);
  }
}

Generator& default_generator() {
  static Generator generator;
  return generator;
}

}  // namespace conv1d
