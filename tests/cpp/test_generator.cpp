// torch.manual_seed + uniform_ reproduced; the tutorial's printed numbers as the human-readable check.
#include <catch2/catch.hpp>

#include "conv1d/conv1d.h"
#include "golden.h"

using Catch::Matchers::WithinAbs;

TEST_CASE("manual_seed(1) then rand(4) gives torch's four draws", "[generator]") {
  conv1d::Generator generator(1);
  float values[4];
  generator.fill_uniform(values, 4, 0.0, 1.0);
  const float printed[4] = {0.7576f, 0.2793f, 0.4031f, 0.7347f};  // torch.rand(4) after torch.manual_seed(1)
  for (int i = 0; i < 4; ++i) CHECK_THAT(values[i], WithinAbs(printed[i], 5e-5));
}

TEST_CASE("manual_seed keeps only the low 32 bits of the seed", "[generator]") {
  conv1d::Generator a(1);
  conv1d::Generator b((uint64_t{7} << 32) | 1);
  float x[8], y[8];
  a.fill_uniform(x, 8, -1.0, 1.0);
  b.fill_uniform(y, 8, -1.0, 1.0);
  for (int i = 0; i < 8; ++i) CHECK(x[i] == y[i]);
}

TEST_CASE("reseeding restarts the stream", "[generator]") {
  conv1d::Generator generator(42);
  float first[3], again[3];
  generator.fill_uniform(first, 3, 0.0, 1.0);
  generator.manual_seed(42);
  generator.fill_uniform(again, 3, 0.0, 1.0);
  for (int i = 0; i < 3; ++i) CHECK(first[i] == again[i]);
}

TEST_CASE("the tutorial's first example: seed 1, Conv1d(1, 1, 3) on [[[1, 2, 3, 4, 5]]]", "[generator][tutorial]") {
  conv1d::manual_seed(1);
  conv1d::Conv1dOptions options;
  options.in_channels = 1;
  options.out_channels = 1;
  options.kernel_size = 3;
  const conv1d::Conv1d layer(options);
  const float weight[3] = {0.2975f, -0.2548f, -0.1119f};
  for (int j = 0; j < 3; ++j) CHECK_THAT(layer.weight().data[j], WithinAbs(weight[j], 5e-5));
  REQUIRE(layer.bias());
  CHECK_THAT(layer.bias()->data[0], WithinAbs(0.2710, 5e-5));

  const conv1d::Tensor output = layer.forward(conv1d::Tensor({1, 1, 5}, {1, 2, 3, 4, 5}));
  CHECK(output.shape == conv1d::Shape{1, 1, 3});
  const float printed[3] = {-0.2770f, -0.3462f, -0.4155f};
  for (int t = 0; t < 3; ++t) CHECK_THAT(output.data[t], WithinAbs(printed[t], 5e-5));
}

TEST_CASE("an explicit generator leaves the default one untouched", "[generator]") {
  conv1d::manual_seed(3);
  conv1d::Generator own(3);
  conv1d::Conv1dOptions options;
  options.in_channels = 2;
  options.out_channels = 2;
  options.kernel_size = 2;
  const conv1d::Conv1d from_own(options, own);
  const conv1d::Conv1d from_default(options);
  CHECK(from_own.weight().data == from_default.weight().data);
}

TEST_CASE("golden: torch.rand and torch.randn streams, value for value and draw for draw", "[generator][golden]") {
  const nlohmann::json fixture = golden::read_fixture("random_streams.json");
  for (const nlohmann::json& c : fixture.at("cases")) {
    conv1d::Generator generator(static_cast<uint64_t>(c.at("seed").get<int64_t>()));
    for (const nlohmann::json& call : c.at("calls")) {
      const int64_t size = call.at("size").get<int64_t>();
      std::vector<float> values(static_cast<size_t>(size));
      if (call.at("kind") == "rand") {
        generator.fill_uniform(values.data(), size, 0.0, 1.0);
      } else {
        generator.fill_normal(values.data(), size, 0.0, 1.0);
      }
      const std::vector<uint32_t> expected = call.at("bits").get<std::vector<uint32_t>>();
      std::vector<uint32_t> actual(values.size());
      for (size_t i = 0; i < values.size(); ++i) actual[i] = golden::bits_of(values[i]);
      INFO("seed " << c.at("seed") << " " << call.at("kind").get<std::string>() << "(" << size << ")");
      CHECK(actual == expected);
    }
    float next[4];
    generator.fill_uniform(next, 4, 0.0, 1.0);
    for (int i = 0; i < 4; ++i) CHECK(golden::bits_of(next[i]) == c.at("next_rand_bits")[i].get<uint32_t>());
  }
}
