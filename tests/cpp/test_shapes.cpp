// Shape arithmetic, the 'same' split, padding rules and parameter replacement.
#include <catch2/catch.hpp>

#include "conv1d/conv1d.h"

using conv1d::Conv1d;
using conv1d::Conv1dOptions;
using conv1d::Padding;
using conv1d::PaddingMode;
using conv1d::Shape;

namespace {

Conv1dOptions options(int64_t in, int64_t out, int64_t k) {
  Conv1dOptions o;
  o.in_channels = in;
  o.out_channels = out;
  o.kernel_size = k;
  return o;
}

}  // namespace

TEST_CASE("output length is floor((L + 2p - d(k-1) - 1) / s) + 1", "[shapes]") {
  struct Row {
    int64_t length, kernel, stride, padding, dilation, expected;
  };
  const Row rows[] = {
      {5, 3, 1, 0, 1, 3},  {5, 5, 1, 0, 1, 1},  {5, 1, 1, 0, 1, 5}, {10, 3, 2, 0, 1, 4}, {10, 3, 2, 1, 1, 5},
      {10, 3, 3, 2, 2, 4}, {7, 2, 1, 3, 3, 10}, {4, 5, 1, 1, 1, 2}, {9, 3, 4, 0, 4, 1},
  };
  for (const Row& r : rows) {
    Conv1dOptions o = options(1, 1, r.kernel);
    o.stride = r.stride;
    o.padding = Padding::of(r.padding);
    o.dilation = r.dilation;
    INFO("L=" << r.length << " k=" << r.kernel << " s=" << r.stride << " p=" << r.padding << " d=" << r.dilation);
    CHECK(Conv1d(o).output_shape({2, 1, r.length}) == Shape{2, 1, r.expected});
  }
}

TEST_CASE("'same' puts the odd padding element on the right", "[shapes]") {
  for (int64_t k = 1; k <= 6; ++k) {
    for (int64_t d = 1; d <= 3; ++d) {
      Conv1dOptions o = options(1, 1, k);
      o.padding = Padding::same();
      o.dilation = d;
      const Conv1d layer(o);
      const int64_t total = d * (k - 1);
      CHECK(layer.pad_left() == total / 2);
      CHECK(layer.pad_right() == total - total / 2);
      CHECK(layer.output_shape({1, 7}) == Shape{1, 7});
    }
  }
}

TEST_CASE("'valid' means no padding", "[shapes]") {
  Conv1dOptions o = options(1, 1, 3);
  o.padding = Padding::valid();
  CHECK(Conv1d(o).output_shape({1, 1, 5}) == Shape{1, 1, 3});
}

TEST_CASE("padded positions read what F.pad puts there", "[shapes][padding]") {
  // input of length 4, two elements of padding on each side
  const int64_t reflect[] = {2, 1, 0, 1, 2, 3, 2, 1};
  const int64_t replicate[] = {0, 0, 0, 1, 2, 3, 3, 3};
  const int64_t circular[] = {2, 3, 0, 1, 2, 3, 0, 1};
  const int64_t zeros[] = {-1, -1, 0, 1, 2, 3, -1, -1};
  for (int64_t p = 0; p < 8; ++p) {
    CHECK(conv1d::padded_source(p, 2, 4, PaddingMode::reflect) == reflect[p]);
    CHECK(conv1d::padded_source(p, 2, 4, PaddingMode::replicate) == replicate[p]);
    CHECK(conv1d::padded_source(p, 2, 4, PaddingMode::circular) == circular[p]);
    CHECK(conv1d::padded_source(p, 2, 4, PaddingMode::zeros) == zeros[p]);
  }
}

TEST_CASE("unbatched input gives the batched result without the batch dimension", "[shapes]") {
  conv1d::manual_seed(5);
  Conv1dOptions o = options(2, 3, 3);
  o.padding = Padding::of(1);
  o.padding_mode = PaddingMode::reflect;
  const Conv1d layer(o);
  const std::vector<float> values{1, -2, 3, 0.5f, 4, -1, 2, 2, 0, 1};
  const conv1d::Tensor batched = layer.forward(conv1d::Tensor({1, 2, 5}, values));
  const conv1d::Tensor unbatched = layer.forward(conv1d::Tensor({2, 5}, values));
  CHECK(unbatched.shape == Shape{3, 5});
  CHECK(unbatched.data == batched.data);
}

TEST_CASE("parameters can be replaced only with their own shape", "[shapes][parameters]") {
  Conv1d layer(options(2, 4, 3));
  layer.set_weight(conv1d::Tensor({4, 2, 3}));
  CHECK(layer.weight().data == std::vector<float>(24, 0.0f));
  CHECK_THROWS_WITH(layer.set_weight(conv1d::Tensor({4, 2, 2})),
                    "weight must have shape [4, 2, 3] (out_channels, in_channels / groups, kernel_size), but got "
                    "[4, 2, 2]");
  CHECK_THROWS_WITH(layer.set_bias(conv1d::Tensor({3})), "bias must have shape [4] (out_channels), but got [3]");
  layer.set_bias(std::nullopt);
  CHECK_FALSE(layer.bias());
  const conv1d::Tensor output = layer.forward(conv1d::Tensor({2, 3}, {1, 2, 3, 4, 5, 6}));
  CHECK(output.data == std::vector<float>(4, 0.0f));
}

TEST_CASE("unknown option strings are refused, naming the argument", "[shapes][options]") {
  CHECK_THROWS_WITH(conv1d::Padding::parse("full"),
                    "Invalid padding string 'full', should be one of {'same', 'valid'}");
  CHECK_THROWS_WITH(conv1d::parse_padding_mode("zero"), Catch::Matchers::Contains("padding_mode must be one of") &&
                                                            Catch::Matchers::Contains("but got padding_mode='zero'"));
}

TEST_CASE("sizes beyond the tensor cap are refused before allocating", "[shapes][limits]") {
  CHECK_THROWS_WITH(Conv1d(options(1 << 14, 1 << 14, 1 << 10)), Catch::Matchers::Contains("maximum"));
  const Conv1d layer(options(1, 1, 1));
  CHECK_THROWS_WITH(layer.plan({1 << 20, 1, 1 << 20}), Catch::Matchers::Contains("maximum"));
}
