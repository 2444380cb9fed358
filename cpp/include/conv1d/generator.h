// PyTorch's CPU random number generator, reproduced draw for draw: torch.manual_seed(s) followed by
// the same sequence of initializations yields bit-identical tensors.
#pragma once

#include <cstdint>
#include <optional>
#include <random>

namespace conv1d {

// PyTorch's default CPU seed (c10::detail::default_rng_seed_val): what a fresh `import torch`
// process draws from before any torch.manual_seed call.
constexpr uint64_t default_seed = 67280421310721ULL;

class Generator {
 public:
  explicit Generator(uint64_t seed = default_seed) { manual_seed(seed); }

  // Like torch.manual_seed: the engine is an mt19937 seeded with the low 32 bits of the seed.
  // (A negative Python seed reaches torch as its two's complement, i.e. modulo 2^64.)
  void manual_seed(uint64_t seed);
  uint64_t initial_seed() const { return seed_; }
  // 32-bit values drawn since the last manual_seed: lets a caller tell whether a sequence of layers was
  // built straight after seeding (and so can be reproduced by the seed alone).
  uint64_t draws_since_seed() const { return draws_; }

  // torch's uniform_(from, to) on a float32 tensor, filled in order:
  // each value is (24 random bits) * 2^-24 * (to - from) + from, rounded once (torch's AVX2 build
  // contracts this to a fused multiply-add), with from/to first rounded to float.
  void fill_uniform(float* data, int64_t count, double from, double to);

  // torch's normal_(mean, std) on a contiguous float32 tensor (torch.randn). From 16 values on, torch
  // draws all uniforms first and transforms them 16 at a time with Box-Muller in float, with the log, sin
  // and cos approximations of its AVX2 kernels, which x86 CPUs run (torch's scalar kernels, e.g. on ARM, use
  // libm's, and their values may differ in the last bits); below 16, each value comes from a double Box-Muller
  // pair whose second half is cached for the next call, as at::normal_distribution<double> does.
  void fill_normal(float* data, int64_t count, double mean, double std);

 private:
  std::mt19937 engine_;
  uint32_t next32();
  float uniform_float();    // [0, 1) from 24 random bits
  double uniform_double();  // [0, 1) from 53 random bits of two draws
  void fill_normal_16(float* data, float mean, float std);

  uint64_t seed_ = default_seed;
  uint64_t draws_ = 0;
  std::optional<double> next_double_normal_;  // the cached second value of a Box-Muller pair
};

// The process-wide generator that layers draw from by default (torch's default CPU generator).
Generator& default_generator();
inline void manual_seed(uint64_t seed) { default_generator().manual_seed(seed); }

}  // namespace conv1d
