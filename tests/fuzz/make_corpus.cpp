// Writes the seed corpus: one small, named fuzz case per file, together covering every constructor
// argument, every padding kind and mode, refusals at each stage and special values.
// Usage: fuzz_make_corpus <output directory>   (scripts/fuzz.sh --make-corpus rewrites tests/fuzz/corpus)
//        fuzz_make_corpus --regressions <dir>   the reproducers of findings (scripts/fuzz.sh --make-regressions)
//        fuzz_make_corpus --describe <file>...   prints what each file decodes to and its outcome; runs the
//                                                checks too (a crashing case still crashes here)
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "fuzz_case.h"

namespace {

using conv1d_fuzz::FuzzCase;
using conv1d_fuzz::Values;

struct Named {
  std::string name;
  FuzzCase fuzz_case;
};

// Conv1d(in, out, k) on a (N, C, L) input of uniform values; each seed case then changes a few fields.
FuzzCase base(int64_t in, int64_t out, int64_t k, conv1d::Shape input) {
  FuzzCase c;
  c.arguments.in_channels = in;
  c.arguments.out_channels = out;
  c.arguments.kernel_size = k;
  c.seed = 1;
  c.input_shape = std::move(input);
  c.input.seed = 7;
  c.weight.seed = 11;
  c.bias.seed = 13;
  return c;
}

FuzzCase with(FuzzCase c, const std::function<void(FuzzCase&)>& change) {
  change(c);
  return c;
}

void set_padding(FuzzCase& c, const std::string& padding) {
  c.arguments.padding_is_string = true;
  c.arguments.padding_string = padding;
}

std::vector<Named> seed_cases() {
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  const FuzzCase tutorial = base(1, 1, 3, {1, 1, 5});
  std::vector<Named> cases = {
      {"tutorial", tutorial},
      {"unbatched", base(2, 3, 3, {2, 9})},
      {"batched-4", base(3, 2, 2, {4, 3, 7})},
      {"bias-false", with(base(2, 2, 3, {2, 2, 8}), [](FuzzCase& c) { c.arguments.bias = false; })},
      {"stride-3", with(base(2, 4, 3, {1, 2, 17}), [](FuzzCase& c) { c.arguments.stride = 3; })},
      {"dilation-3", with(base(2, 2, 3, {2, 2, 20}), [](FuzzCase& c) { c.arguments.dilation = 3; })},
      {"groups-2", with(base(4, 6, 3, {2, 4, 10}), [](FuzzCase& c) { c.arguments.groups = 2; })},
      {"depthwise", with(base(4, 4, 5, {1, 4, 12}), [](FuzzCase& c) { c.arguments.groups = 4; })},
      {"kernel-1", base(5, 3, 1, {2, 5, 6})},
      {"kernel-equals-length", base(2, 2, 7, {1, 2, 7})},
      {"long-input", base(2, 2, 4, {1, 2, 3000})},
      {"wide-channels", base(16, 16, 3, {1, 16, 40})},
      {"many-outputs-tile-tails", base(3, 9, 3, {1, 3, 35})},
  };
  // Every padding kind in every padding mode, with stride/dilation where the mode allows them.
  for (const char* mode : {"zeros", "reflect", "replicate", "circular"}) {
    const std::string m = mode;
    cases.push_back({m + "-padding-2", with(base(2, 3, 3, {2, 2, 9}), [&](FuzzCase& c) {
                       c.arguments.padding_mode = m;
                       c.arguments.padding = 2;
                     })});
    cases.push_back({m + "-same-odd", with(base(2, 2, 4, {1, 2, 10}), [&](FuzzCase& c) {
                       c.arguments.padding_mode = m;
                       set_padding(c, "same");
                     })});
    cases.push_back({m + "-same-dilated", with(base(1, 2, 3, {2, 1, 11}), [&](FuzzCase& c) {
                       c.arguments.padding_mode = m;
                       c.arguments.dilation = 2;
                       set_padding(c, "same");
                     })});
    cases.push_back({m + "-valid-strided", with(base(2, 2, 3, {1, 2, 13}), [&](FuzzCase& c) {
                       c.arguments.padding_mode = m;
                       c.arguments.stride = 2;
                       set_padding(c, "valid");
                     })});
    cases.push_back({m + "-unbatched-padding-1", with(base(3, 3, 2, {3, 6}), [&](FuzzCase& c) {
                       c.arguments.padding_mode = m;
                       c.arguments.padding = 1;
                       c.arguments.groups = 3;
                     })});
  }
  const std::vector<Named> more = {
      // Padding at the limits each mode allows, and just beyond them.
      {"reflect-padding-length-minus-1", with(base(1, 1, 2, {1, 1, 4}),
                                              [](FuzzCase& c) {
                                                c.arguments.padding_mode = "reflect";
                                                c.arguments.padding = 3;
                                              })},
      {"reflect-padding-equals-length", with(base(1, 1, 2, {1, 1, 4}),
                                             [](FuzzCase& c) {
                                               c.arguments.padding_mode = "reflect";
                                               c.arguments.padding = 4;
                                             })},
      {"circular-padding-equals-length", with(base(1, 1, 2, {2, 1, 3}),
                                              [](FuzzCase& c) {
                                                c.arguments.padding_mode = "circular";
                                                c.arguments.padding = 3;
                                              })},
      {"circular-padding-beyond-length", with(base(1, 1, 2, {2, 1, 3}),
                                              [](FuzzCase& c) {
                                                c.arguments.padding_mode = "circular";
                                                c.arguments.padding = 4;
                                              })},
      {"replicate-length-1", with(base(1, 2, 3, {1, 1, 1}),
                                  [](FuzzCase& c) {
                                    c.arguments.padding_mode = "replicate";
                                    c.arguments.padding = 5;
                                  })},
      {"zeros-negative-padding", with(base(1, 1, 2, {1, 1, 6}), [](FuzzCase& c) { c.arguments.padding = -1; })},
      {"reflect-negative-padding-crops", with(base(1, 1, 2, {1, 1, 6}),
                                              [](FuzzCase& c) {
                                                c.arguments.padding_mode = "reflect";
                                                c.arguments.padding = -2;
                                              })},
      {"same-kernel-0", with(base(1, 1, 0, {1, 1, 4}), [](FuzzCase& c) { set_padding(c, "same"); })},
      // Constructor refusals, in torch's order, and strings that are not options.
      {"groups-0", with(tutorial, [](FuzzCase& c) { c.arguments.groups = 0; })},
      {"groups-negative", with(tutorial, [](FuzzCase& c) { c.arguments.groups = -2; })},
      {"groups-indivisible-in", with(base(3, 4, 3, {1, 3, 8}), [](FuzzCase& c) { c.arguments.groups = 2; })},
      {"groups-indivisible-out", with(base(4, 3, 3, {1, 4, 8}), [](FuzzCase& c) { c.arguments.groups = 2; })},
      {"padding-string-invalid", with(tutorial, [](FuzzCase& c) { set_padding(c, "full"); })},
      {"padding-string-empty", with(tutorial, [](FuzzCase& c) { set_padding(c, ""); })},
      {"padding-string-case", with(tutorial, [](FuzzCase& c) { set_padding(c, "Same"); })},
      {"padding-string-bytes", with(tutorial, [](FuzzCase& c) { set_padding(c, std::string("same\0x", 6)); })},
      {"same-strided", with(tutorial,
                            [](FuzzCase& c) {
                              set_padding(c, "same");
                              c.arguments.stride = 2;
                            })},
      {"padding-mode-invalid", with(tutorial, [](FuzzCase& c) { c.arguments.padding_mode = "reflection"; })},
      {"padding-mode-empty", with(tutorial, [](FuzzCase& c) { c.arguments.padding_mode = ""; })},
      {"padding-mode-bytes", with(tutorial, [](FuzzCase& c) { c.arguments.padding_mode = "zeros\xff"; })},
      {"negative-in-channels", base(-1, 1, 3, {1, 1, 5})},
      {"negative-out-channels", base(1, -3, 3, {1, 1, 5})},
      {"negative-kernel", base(1, 1, -1, {1, 1, 5})},
      {"huge-weight-refused", base(int64_t{1} << 31, int64_t{1} << 31, 3, {1, 1, 5})},
      {"weight-just-over-cap", base(1, int64_t{1} << 26, 2, {1, 1, 5})},
      {"int64-extremes", base(INT64_MAX, INT64_MIN, INT64_MAX, {1, 1, 5})},
      // Forward refusals.
      {"input-0d", base(1, 1, 3, {})},
      {"input-1d", base(1, 1, 3, {5})},
      {"input-4d", base(1, 1, 3, {1, 1, 1, 5})},
      {"input-wrong-channels", base(2, 1, 3, {1, 3, 5})},
      {"input-shorter-than-kernel", base(1, 1, 6, {1, 1, 5})},
      {"input-negative-length", base(1, 1, 3, {1, 1, -5})},
      {"input-negative-batch", base(1, 1, 3, {-1, 1, 5})},
      {"input-huge-refused", base(1, 1, 3, {int64_t{1} << 31, 1, int64_t{1} << 31})},
      {"input-just-over-cap", base(1, 1, 3, {1, 1, (int64_t{1} << 26) + 1})},
      {"input-length-0", base(1, 1, 3, {1, 1, 0})},
      {"stride-0", with(tutorial, [](FuzzCase& c) { c.arguments.stride = 0; })},
      {"stride-negative", with(tutorial, [](FuzzCase& c) { c.arguments.stride = -1; })},
      {"dilation-0", with(tutorial, [](FuzzCase& c) { c.arguments.dilation = 0; })},
      {"dilation-negative", with(base(1, 1, 3, {1, 1, 9}), [](FuzzCase& c) { c.arguments.dilation = -1; })},
      {"kernel-0", base(1, 1, 0, {1, 1, 5})},
      // Empty tensors: no batch, no channels.
      {"batch-0", base(2, 2, 3, {0, 2, 5})},
      {"channels-0", base(0, 2, 3, {1, 0, 5})},
      {"channels-0-unbatched", base(0, 1, 3, {0, 5})},
      {"batch-0-replicate", with(base(1, 1, 3, {0, 1, 5}),
                                 [](FuzzCase& c) {
                                   c.arguments.padding_mode = "replicate";
                                   c.arguments.padding = 1;
                                 })},
      // Special values in input, weight and bias; exact integer arithmetic.
      {"input-specials", with(base(2, 3, 3, {2, 2, 16}),
                              [](FuzzCase& c) {
                                c.input.mode = Values::specials;
                                c.input.special_rate = 64;
                              })},
      {"input-raw-nan-inf", with(base(1, 2, 2, {1, 1, 6}),
                                 [&](FuzzCase& c) {
                                   c.input.mode = Values::raw;
                                   c.raw = {1.0f, nan, -2.0f, inf, -inf, 0.5f};
                                 })},
      {"weight-specials", with(base(2, 2, 3, {1, 2, 9}),
                               [](FuzzCase& c) {
                                 c.replace_weight = true;
                                 c.weight.mode = Values::specials;
                                 c.weight.special_rate = 40;
                               })},
      {"bias-inf", with(base(1, 2, 2, {1, 1, 5}),
                        [&](FuzzCase& c) {
                          c.bias_action = 1;
                          c.bias.mode = Values::raw;
                          c.raw = {inf, -3.0f};
                        })},
      {"bias-dropped", with(base(2, 2, 3, {1, 2, 6}), [](FuzzCase& c) { c.bias_action = 2; })},
      {"bias-added-to-bias-false", with(base(2, 2, 3, {1, 2, 6}),
                                        [](FuzzCase& c) {
                                          c.arguments.bias = false;
                                          c.bias_action = 1;
                                        })},
      {"integers-exact", with(base(3, 2, 3, {2, 3, 11}),
                              [](FuzzCase& c) {
                                c.input.mode = Values::integers;
                                c.input.scale = 9;
                                c.replace_weight = true;
                                c.weight.mode = Values::integers;
                                c.weight.scale = 3;
                              })},
      {"tiny-values", with(base(2, 2, 3, {1, 2, 8}), [](FuzzCase& c) { c.input.scale = 0xC0; })},
      {"huge-values-overflow", with(base(2, 2, 3, {1, 2, 8}),
                                    [](FuzzCase& c) {
                                      c.input.scale = 0xFF;
                                      c.replace_weight = true;
                                      c.weight.scale = 0xFF;
                                    })},
      {"cancellation", with(base(8, 1, 8, {1, 8, 8}),
                            [](FuzzCase& c) {
                              c.input.mode = Values::raw;
                              c.raw = {1e30f, -1e30f, 1.0f, 3.0f};
                            })},
  };
  cases.insert(cases.end(), more.begin(), more.end());
  // Wrong-shape set_weight / set_bias: every selector on some case that constructs.
  for (uint8_t s = 1; s < 8; ++s) cases[s % cases.size()].fuzz_case.bad_weight_shape = s;
  for (uint8_t s = 1; s < 6; ++s) cases[(s + 8) % cases.size()].fuzz_case.bad_bias_shape = s;
  return cases;
}

// Minimal reproducers of what the fuzzer found in the core (scripts/fuzz.sh --make-regressions writes them to
// tests/fuzz/regressions). Each comment is the report; a reproducer stays after its fix, as a regression test.
std::vector<Named> regression_cases() {
  return {
      // reset_parameters (fan_in = in/groups * k) and packed_weight_size overflow int64 when out_channels
      // is 0: the weight is empty, so its element count passes, but in/groups * k does not fit.
      {"fan-in-overflow-empty-weight", base(4, 0, INT64_MAX, {1, 4, 5})},
      // pad_left()/pad_right() for padding='same' compute dilation * (k - 1) without a range check.
      {"same-padding-dilation-overflow", with(base(1, 1, 5, {1, 1, 8}),
                                              [](FuzzCase& c) {
                                                set_padding(c, "same");
                                                c.arguments.dilation = int64_t{1} << 62;
                                              })},
      // plan(): L + 2 * padding wraps to L - 2, which passes the kernel-size check; pad_input then writes
      // INT64_MAX elements to the right of the padded buffer (heap-buffer-overflow in a release build too).
      {"zeros-padding-int64-max-heap-overflow",
       with(base(1, 1, 2, {1, 1, 4}), [](FuzzCase& c) { c.arguments.padding = INT64_MAX; })},
      // plan() adds the padding to the input's length before it checks the input's size: L = INT64_MAX wraps.
      {"input-length-int64-max-overflow",
       with(base(1, 1, 3, {1, 1, INT64_MAX}), [](FuzzCase& c) { c.arguments.padding = 2; })},
      // check_explicit_padding(): width + left + right wraps; replicate has no other bound on padding.
      {"replicate-padding-int64-max", with(base(1, 1, 2, {1, 1, 4}),
                                           [](FuzzCase& c) {
                                             c.arguments.padding_mode = "replicate";
                                             c.arguments.padding = INT64_MAX;
                                           })},
      // A huge negative padding (F.pad crops) wraps the same sums; pad_input reads before the input.
      {"replicate-padding-negative-heap-overflow", with(base(1, 1, 3, {1, 1, 6}),
                                                        [](FuzzCase& c) {
                                                          c.arguments.padding_mode = "replicate";
                                                          c.arguments.padding = -INT64_MAX;
                                                        })},
      {"circular-padding-int64-min-heap-overflow", with(base(1, 1, 3, {2, 1, 9}),
                                                        [](FuzzCase& c) {
                                                          c.arguments.padding_mode = "circular";
                                                          c.arguments.padding = INT64_MIN;
                                                        })},
      // make_input_view (the strided path of the depthwise and GEMM kernels) allocates in_channels * stride
      // floats however short the input: stride 2^53 + 1 asks for 2^55 bytes; stride INT64_MAX overflows.
      {"stride-huge-input-view-allocation",
       with(base(1, 1, 2, {1, 1, 4}), [](FuzzCase& c) { c.arguments.stride = (int64_t{1} << 53) + 1; })},
      {"stride-int64-max-input-view-overflow",
       with(base(1, 1, 2, {1, 1, 4}), [](FuzzCase& c) { c.arguments.stride = INT64_MAX; })},
      // ... and a stride within every cap still costs 2 * 2^24 floats (128 MiB, kept in a thread_local)
      // for an 8-element input: beyond max_tensor_elements, and a URL can ask for it.
      {"stride-2-pow-24-input-view-memory",
       with(base(2, 2, 2, {1, 2, 4}), [](FuzzCase& c) { c.arguments.stride = int64_t{1} << 24; })},
      // Conv1d(0, 0, 1, groups=2^62) is valid (torch builds an empty weight), but pack_weights loops over
      // every group: construction hangs.
      {"groups-huge-empty-layer-hangs",
       with(base(0, 0, 1, {1, 0, 4}), [](FuzzCase& c) { c.arguments.groups = int64_t{1} << 62; })},
  };
}

int describe_files(int count, char** paths) {
  int failures = 0;
  for (int i = 0; i < count; ++i) {
    std::ifstream in(paths[i], std::ios::binary);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const FuzzCase c = conv1d_fuzz::decode(bytes.data(), bytes.size());
    std::printf("%s: %s\n", paths[i], conv1d_fuzz::describe(c).c_str());
    std::fflush(stdout);
    const conv1d_fuzz::Result result = conv1d_fuzz::check(c);
    if (result.failure.empty()) {
      std::printf("  -> %s\n", conv1d_fuzz::outcome_name(result.outcome));
    } else {
      std::printf("  -> FAILED: %s\n", result.failure.c_str());
    }
    failures += !result.failure.empty();
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--describe") return describe_files(argc - 2, argv + 2);
  const bool regressions = argc == 3 && std::string(argv[1]) == "--regressions";
  if (argc != 2 && !regressions) {
    std::fprintf(stderr, "usage: %s [--regressions] <output directory> | --describe <file>...\n", argv[0]);
    return 2;
  }
  int failures = 0;
  const std::vector<Named> cases = regressions ? regression_cases() : seed_cases();
  for (const Named& named : cases) {
    const std::vector<uint8_t> bytes = conv1d_fuzz::encode(named.fuzz_case);
    std::ofstream out(std::string(argv[argc - 1]) + "/" + named.name, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::fprintf(stderr, "cannot write %s/%s\n", argv[argc - 1], named.name.c_str());
      return 2;
    }
    if (regressions) continue;  // they may crash or hang until fixed: replay them with the fuzzer or Catch2
    const conv1d_fuzz::Result result = conv1d_fuzz::check(conv1d_fuzz::decode(bytes.data(), bytes.size()));
    std::printf("%-36s %3zu bytes  %s\n", named.name.c_str(), bytes.size(), conv1d_fuzz::outcome_name(result.outcome));
    if (!result.failure.empty()) {
      std::printf("  FAILED: %s\n", result.failure.c_str());
      ++failures;
    }
  }
  std::printf("%zu cases, %d failing\n", cases.size(), failures);
  return failures == 0 ? 0 : 1;
}
