// Replays tests/golden/conv1d_bits.json (tests/golden/generate_bits.py): torch 1.13's outputs, bit for bit
// where its summation order is known, within the golden tolerance where it is not.
//   "native" (one batch item, one group, <= 20480 input floats: im2col + sgemm starting from the bias): the
//     forward, the reference and explain() must reproduce every bit.
//   "mkldnn" (a batch, groups, or a long input): oneDNN's blocked FMA kernels, whose order depends on the
//     CPU's instruction set (AVX-512 blocks channels by 16, AVX2 by 8), and a fused multiply-add has no
//     cheap WebAssembly SIMD equivalent: tolerance only.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "conv1d/explain.h"
#include "conv1d/reference.h"
#include "golden.h"
#include "tolerance.h"

namespace {

std::vector<float> floats_from_hex(const std::string& hex) {
  std::vector<unsigned char> bytes(hex.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  std::vector<float> values(bytes.size() / 4);
  for (size_t i = 0; i < values.size(); ++i) {
    const uint32_t bits =
        bytes[4 * i] | bytes[4 * i + 1] << 8 | bytes[4 * i + 2] << 16 | uint32_t{bytes[4 * i + 3]} << 24;
    std::memcpy(&values[i], &bits, sizeof bits);
  }
  return values;
}

// Index and both bit patterns of the first element that differs, or "" when every bit matches.
std::string first_difference(const conv1d::Tensor& actual, const conv1d::Tensor& expected) {
  for (size_t i = 0; i < expected.data.size(); ++i) {
    const uint32_t got = golden::bits_of(actual.data[i]);
    const uint32_t want = golden::bits_of(expected.data[i]);
    if (got != want)
      return "element " + std::to_string(i) + ": got bits " + std::to_string(got) + ", torch " + std::to_string(want);
  }
  return "";
}

}  // namespace

TEST_CASE("golden bits: torch's exact outputs where its order is known, its tolerance elsewhere", "[golden][bits]") {
  const nlohmann::json fixture = golden::read_fixture("conv1d_bits.json");
  int exact = 0;
  for (const nlohmann::json& c : fixture.at("cases")) {
    const std::string name = c.at("name").get<std::string>();
    INFO("case " << name);
    conv1d::manual_seed(c.at("seed").get<uint64_t>());
    const conv1d::Conv1d layer(golden::options_from_json(c.at("layer")));
    conv1d::Tensor input(c.at("input_shape").get<conv1d::Shape>());
    conv1d::default_generator().fill_normal(input.data.data(), static_cast<int64_t>(input.data.size()), 0.0, 1.0);
    const conv1d::Tensor expected(c.at("output_shape").get<conv1d::Shape>(),
                                  floats_from_hex(c.at("output_bits").get<std::string>()));
    const conv1d::Tensor output = layer.forward(input);
    const conv1d::Tensor reference = conv1d::reference_forward(layer, input);
    REQUIRE(output.shape == expected.shape);
    REQUIRE(output.data.size() == expected.data.size());
    if (c.at("family") == "native") {
      CHECK(first_difference(output, expected) == "");
      CHECK(first_difference(reference, expected) == "");
      const int64_t last = static_cast<int64_t>(expected.data.size()) - 1;
      const conv1d::Shape& s = expected.shape;
      const bool batched = s.size() == 3;
      const conv1d::Explanation e =
          conv1d::explain(layer, input, batched ? s[0] - 1 : 0, (batched ? s[1] : s[0]) - 1, s.back() - 1);
      CHECK(golden::bits_of(e.value) == golden::bits_of(expected.data[static_cast<size_t>(last)]));
      ++exact;
    } else {
      check_close(output, expected);
      // Ours is still the native order: the reference reproduces our forward bit for bit.
      CHECK(first_difference(output, reference) == "");
    }
  }
  CHECK(exact >= 200);  // the fixture's native cases (generate_bits.py --orders counts them)
}
