// One fuzz case: arbitrary bytes decoded into Conv1d constructor arguments, a seed, an input shape and
// value recipes, and the properties every such case must satisfy. Shared by the libFuzzer entry point
// (fuzz_conv1d.cpp) and the Catch2 replay of the committed corpus (tests/cpp/test_fuzz_corpus.cpp), so a
// reproducer fails the same way under libFuzzer, natively, under sanitizers and as WebAssembly.
//
// Properties checked (anything else -- a crash, a sanitizer report, a hang -- is a finding by itself):
//   (a) parse_arguments, the constructor and plan() either succeed or throw std::invalid_argument;
//       a freshly constructed layer has the documented parameter shapes and kaiming-uniform bounds;
//   (b) forward() (whatever kernel the core dispatches to) equals reference_forward() within
//       |a - b| <= max(1e-4, 2 (n + 1) 2^-24) * (1 + sum |w x|) over the n terms of each output, and is
//       NaN exactly where the reference is NaN (when float accumulation could overflow, only the NaN rule);
//   (c) set_weight / set_bias with a wrong shape throw std::invalid_argument and change nothing;
//   (d) a (C, L) input gives bit-for-bit the output of the same input as (1, C, L), and each item of a
//       batch gives bit-for-bit the output of that item alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "conv1d/conv1d.h"

namespace conv1d_fuzz {

// A recipe for a tensor's values, so that a few bytes describe a tensor of any size.
struct Values {
  enum Mode : uint8_t {
    uniform = 0,   // uniform in [-scale, scale)
    specials = 1,  // uniform, with a special_rate/256 chance per value of NaN, +-Inf, +-0, denormals, +-FLT_MAX
    integers = 2,  // integers in [-s, s], s = scale byte % 16: sums are exact, so kernels must match exactly
    raw = 3,       // FuzzCase::raw, cycled (zeros when raw is empty)
  };
  uint8_t mode = uniform;  // decoded modulo 4
  // Magnitude 2^e: e = scale % 16 - 8 below 0xC0 (2^-8 .. 2^7), else 2 * (scale - 0xC0) - 64 (2^-64 .. 2^62).
  uint8_t scale = unit_scale;
  uint8_t special_rate = 0;
  uint32_t seed = 0;

  static constexpr uint8_t unit_scale = 8;  // 2^0
};

struct FuzzCase {
  conv1d::Conv1dArguments arguments;  // raw constructor arguments, invalid strings included
  uint64_t seed = 0;                  // the Generator the layer initializes from
  conv1d::Shape input_shape;          // 0-4 dimensions, any int64 values
  Values input;
  bool replace_weight = false;  // then set_weight(values from `weight`)
  Values weight;
  uint8_t bias_action = 0;  // 0 keep, 1 set_bias(values from `bias`), 2 set_bias(none); decoded modulo 3
  Values bias;
  uint8_t bad_weight_shape = 0;  // which wrong shape set_weight is offered first (0: none); modulo 8
  uint8_t bad_bias_shape = 0;    // which wrong shape set_bias is offered first (0: none); modulo 6
  std::vector<float> raw;        // the values of Values::raw, from the bytes after everything else
};

// Byte format (every byte string decodes; reading past the end yields zero bytes):
//   integer: a byte b < 0xF0 is b % (field's small_max + 1); 0xF0 n -> -(n + 1); 0xF1 u16; 0xF2 u32;
//            0xF3 i64 (little-endian); 0xF4..0xFF one of 12 extremes (2^26, 2^31, INT64_MAX, INT64_MIN, ...).
//   string:  a byte b < 0xC0 is a valid value (b % count), 0xC0..0xEF a known-invalid one, 0xF0 n <n % 17 bytes>.
//   fields:  in_channels out_channels kernel_size stride padding_is_string (padding_string | padding)
//            dilation groups bias padding_mode seed ndims(% 5) dims... input-values replace_weight
//            weight-values bias_action bias-values bad_weight_shape bad_bias_shape, then raw floats.
//   values:  mode scale special_rate seed(u32 LE).
FuzzCase decode(const uint8_t* data, size_t size);
std::vector<uint8_t> encode(const FuzzCase& fuzz_case);

// How far a case got, for corpus statistics; a failed property is reported in Result::failure.
enum class Outcome {
  refused_arguments,     // parse_arguments threw std::invalid_argument
  skipped_weight_cost,   // parameters valid in size but too large to initialize quickly: not run
  refused_construction,  // the Conv1d constructor threw std::invalid_argument
  refused_input,         // plan() threw std::invalid_argument
  skipped_forward_cost,  // plan() succeeded, but the forward is too much work for a fuzz iteration
  ran,                   // forward ran and was checked
};
const char* outcome_name(Outcome outcome);

struct Result {
  Outcome outcome = Outcome::refused_arguments;
  std::string failure;  // empty when every property held; otherwise what broke, with the case
};

// The caps that keep one iteration fast. Declared sizes beyond them are still validated (plan() runs
// on any shape); only sizes the core accepts but which would take long to compute are skipped.
constexpr int64_t max_parameter_elements = int64_t{1} << 18;  // weight and bias elements
constexpr double max_forward_work = 1 << 20;                  // multiply-adds plus elements touched

Result check(const FuzzCase& fuzz_case);
Result check_bytes(const uint8_t* data, size_t size);

// "Conv1d(3, 6, kernel_size=5, ...) seed=... input=[...] ..." for failure messages.
std::string describe(const FuzzCase& fuzz_case);

}  // namespace conv1d_fuzz
