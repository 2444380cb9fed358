#include "avx-mathfun.h"

#include <cmath>
#include <cstdint>
#include <cstring>

// Every product below that the reference fuses is an explicit std::fma; the rest are separate statements
// compiled with -ffp-contract=off (cpp/CMakeLists.txt), so no compiler fuses them on its own.
namespace conv1d {
namespace {

uint32_t bits_of(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

float from_bits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// p[0] x^(n-1) + ... + p[n-1], Horner with fused steps.
template <int N>
float horner(const float (&p)[N], float x) {
  float y = p[0];
  for (int i = 1; i < N; ++i) y = std::fma(y, x, p[i]);
  return y;
}

constexpr float log_poly[] = {7.0376836292E-2f,  -1.1514610310E-1f, 1.1676998740E-1f,
                              -1.2420140846E-1f, 1.4249322787E-1f,  -1.6668057665E-1f,
                              2.0000714765E-1f,  -2.4999993993E-1f, 3.3333331174E-1f};
constexpr float cos_poly[] = {2.443315711809948E-005f, -1.388731625493765E-003f, 4.166664568298827E-002f};
constexpr float sin_poly[] = {-1.9515295891E-4f, 8.3321608736E-3f, -1.6666654611E-1f};

}  // namespace

float mathfun_log(float x) {
  // x = m * 2^e with m in [0.5, 1); then m in [sqrt(1/2), sqrt(2)) by moving a factor 2 into e.
  const uint32_t b = bits_of(x);
  float e = static_cast<float>(static_cast<int32_t>(b >> 23) - 0x7f) + 1.0f;
  float m = from_bits((b & ~0x7f800000u) | bits_of(0.5f));
  const bool below = m < 0.707106781186547524f;
  const float extra = below ? m : 0.0f;
  m = m - 1.0f;
  e = e - (below ? 1.0f : 0.0f);
  m = m + extra;
  const float z = m * m;
  float y = horner(log_poly, m);
  y = y * m;
  y = std::fma(y, z, e * -2.12194440e-4f);
  y = std::fma(-z, 0.5f, y);
  const float sum = m + y;
  return std::fma(e, 0.693359375f, sum);
}

void mathfun_sincos(float x, float* sin_x, float* cos_x) {
  // Octant j (even) of x, then x - j pi/4 in three parts (Cody-Waite), then the polynomial of each octant.
  int32_t j = static_cast<int32_t>(x * 1.27323954473516f);
  j = (j + 1) & ~1;
  const float y = static_cast<float>(j);
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);
  const uint32_t sin_sign = static_cast<uint32_t>(j & 4) << 29;
  const uint32_t cos_sign = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  const bool swapped = (j & 2) != 0;
  const float z = x * x;
  float c = horner(cos_poly, z);
  c = c * z;
  c = std::fma(c, z, -(z * 0.5f));
  c = c + 1.0f;
  float s = horner(sin_poly, z);
  s = s * z;
  s = std::fma(s, x, x);
  *sin_x = from_bits(bits_of(swapped ? c : s) ^ sin_sign);
  *cos_x = from_bits(bits_of(swapped ? s : c) ^ cos_sign);
}

}  // namespace conv1d
