#include "conv1d/generator.h"

#include <cmath>

#include "avx-mathfun.h"

namespace conv1d {

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  draws_ = 0;
  next_double_normal_.reset();
  // at::mt19937 takes a uint64_t but initialises from its low 32 bits only.
  engine_.seed(static_cast<uint32_t>(seed));
}

uint32_t Generator::next32() {
  ++draws_;
  return static_cast<uint32_t>(engine_());
}

float Generator::uniform_float() {
  constexpr uint32_t mantissa_mask = (uint32_t{1} << 24) - 1;
  return static_cast<float>(next32() & mantissa_mask) * (1.0f / (uint32_t{1} << 24));
}

double Generator::uniform_double() {
  // at::mt19937::random64: the first draw is the high half.
  const uint64_t high = next32();
  const uint64_t bits = (high << 32) | next32();
  constexpr uint64_t mantissa_mask = (uint64_t{1} << 53) - 1;
  return static_cast<double>(bits & mantissa_mask) * (1.0 / static_cast<double>(uint64_t{1} << 53));
}

void Generator::fill_normal_16(float* data, float mean, float std) {
  constexpr float two_pi = static_cast<float>(2.0 * 3.14159265358979323846);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - data[j];
    const float u2 = data[j + 8];
    const float radius = std::sqrt(-2.0f * mathfun_log(u1));
    float sin_theta;
    float cos_theta;
    mathfun_sincos(two_pi * u2, &sin_theta, &cos_theta);
    data[j] = std::fma(radius * cos_theta, std, mean);
    data[j + 8] = std::fma(radius * sin_theta, std, mean);
  }
}

void Generator::fill_normal(float* data, int64_t count, double mean, double std) {
  if (count >= 16) {  // at::native::normal_fill
    for (int64_t i = 0; i < count; ++i) data[i] = uniform_float();
    const float m = static_cast<float>(mean);
    const float s = static_cast<float>(std);
    for (int64_t i = 0; i + 16 <= count; i += 16) fill_normal_16(data + i, m, s);
    if (count % 16 != 0) {  // the last 16 values are drawn and transformed again
      float* tail = data + count - 16;
      for (int j = 0; j < 16; ++j) tail[j] = uniform_float();
      fill_normal_16(tail, m, s);
    }
    return;
  }
  for (int64_t i = 0; i < count; ++i) {  // at::normal_distribution<double>
    double value;
    if (next_double_normal_) {
      value = *next_double_normal_;
      next_double_normal_.reset();
    } else {
      const double u1 = uniform_double();
      const double u2 = uniform_double();
      const double radius = std::sqrt(-2.0 * std::log(1.0 - u2));
      const double theta = 2.0 * 3.14159265358979323846 * u1;
      next_double_normal_ = radius * std::sin(theta);
      value = radius * std::cos(theta);
    }
    data[i] = static_cast<float>(value * std + mean);
  }
}

void Generator::fill_uniform(float* data, int64_t count, double from, double to) {
  // at::uniform_real_distribution<float>: 24 random bits scaled to [0, 1), then from + x*(to-from)
  // in float, all with float arithmetic (DistAccumType<float> is float on CPU).
  const float low = static_cast<float>(from);
  const float span = static_cast<float>(to) - low;
  for (int64_t i = 0; i < count; ++i) data[i] = std::fma(uniform_float(), span, low);
}

Generator& default_generator() {
  static Generator generator;
  return generator;
}

}  // namespace conv1d
