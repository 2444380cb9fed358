// explain() against the real forward and a brute-force influence search; receptive fields of stacks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "conv1d/conv1d.h"
#include "conv1d/reference.h"
#include "golden.h"
#include "random_layers.h"

using conv1d::testing::random_options;
using conv1d::testing::random_tensor;

TEST_CASE("explained terms sum to the output and name exactly the inputs that influence it", "[explain]") {
  std::mt19937 rng(99);
  int explained = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const conv1d::Conv1dOptions o = random_options(rng);
    const bool batched = rng() % 2 == 0;
    const int64_t length = 3 + static_cast<int64_t>(rng() % 8);
    const conv1d::Shape shape =
        batched ? conv1d::Shape{2, o.in_channels, length} : conv1d::Shape{o.in_channels, length};
    if (o.padding_mode == conv1d::PaddingMode::circular && !batched) continue;  // torch refuses it
    conv1d::manual_seed(static_cast<uint64_t>(trial));
    const conv1d::Conv1d layer(o);
    const conv1d::Tensor input = random_tensor(shape, rng);
    conv1d::ConvPlan plan;
    try {
      plan = layer.plan(shape);
    } catch (const std::invalid_argument&) {
      continue;  // e.g. reflect padding >= length: nothing to explain
    }
    const conv1d::Tensor output = layer.forward(input);
    const int64_t n = batched ? static_cast<int64_t>(rng() % 2) : 0;
    const int64_t c = static_cast<int64_t>(rng() % static_cast<uint32_t>(plan.out_channels));
    const int64_t t = static_cast<int64_t>(rng() % static_cast<uint32_t>(plan.out_length));
    const size_t at = static_cast<size_t>((n * plan.out_channels + c) * plan.out_length + t);
    INFO("trial " << trial << " k=" << o.kernel_size << " s=" << o.stride << " d=" << o.dilation << " g=" << o.groups
                  << " mode=" << conv1d::padding_mode_name(o.padding_mode) << " L=" << length << " n,c,t=" << n << ","
                  << c << "," << t);
    const conv1d::Explanation e = conv1d::explain(layer, input, n, c, t);
    CHECK(golden::bits_of(e.value) == golden::bits_of(output.data[at]));
    REQUIRE(e.terms.size() == static_cast<size_t>(o.in_channels / o.groups * o.kernel_size));

    std::set<std::pair<int64_t, int64_t>> named;  // (channel, position) with a nonzero contribution
    for (const conv1d::ExplainedTerm& term : e.terms) {
      const int64_t relative = term.padded_position - plan.pad_left;
      CHECK(term.padded == (relative < 0 || relative >= length));
      CHECK(term.source == conv1d::padded_source(term.padded_position, plan.pad_left, length, o.padding_mode));
      if (term.source < 0) {
        CHECK(term.input == 0.0f);
      } else {
        CHECK(term.input ==
              input.data[static_cast<size_t>((n * o.in_channels + term.in_channel) * length + term.source)]);
        named.insert({term.in_channel, term.source});
      }
    }
    // Brute force: perturb every input element and watch the output element.
    std::set<std::pair<int64_t, int64_t>> observed;
    for (int64_t ic = 0; ic < o.in_channels; ++ic) {
      for (int64_t i = 0; i < length; ++i) {
        conv1d::Tensor perturbed = input;
        perturbed.data[static_cast<size_t>((n * o.in_channels + ic) * length + i)] += 64.0f;
        if (conv1d::reference_forward(layer, perturbed).data[at] != conv1d::reference_forward(layer, input).data[at]) {
          observed.insert({ic, i});
        }
      }
    }
    CHECK(named == observed);
    ++explained;
  }
  CHECK(explained > 150);
}

TEST_CASE("explain() refuses positions outside the output", "[explain]") {
  conv1d::Conv1dOptions o;
  o.in_channels = 1;
  o.out_channels = 2;
  o.kernel_size = 3;
  const conv1d::Conv1d layer(o);
  const conv1d::Tensor input({1, 1, 5});
  CHECK_THROWS_WITH(conv1d::explain(layer, input, 0, 0, 3),
                    "explain(): position=3 is out of range for the output's length of size 3");
  CHECK_THROWS_WITH(conv1d::explain(layer, input, 0, 2, 0),
                    "explain(): out_channel=2 is out of range for the output's channel dimension of size 2");
  CHECK_THROWS_WITH(conv1d::explain(layer, input, 1, 0, 0),
                    "explain(): batch=1 is out of range for the output's batch dimension of size 1");
}

TEST_CASE("receptive fields of a dilated 3-layer stack match the analytic formula", "[explain][receptive]") {
  std::vector<conv1d::Conv1d> stack;
  const int64_t dilations[] = {1, 2, 4};
  for (int64_t d : dilations) {
    conv1d::Conv1dOptions o;
    o.in_channels = 2;
    o.out_channels = 2;
    o.kernel_size = 3;
    o.dilation = d;
    o.padding = conv1d::Padding::of(d);
    stack.emplace_back(o);
  }
  std::vector<const conv1d::Conv1d*> layers;
  for (const auto& layer : stack) layers.push_back(&layer);
  const std::vector<conv1d::ReceptiveField> fields = conv1d::receptive_fields(layers);
  REQUIRE(fields.size() == 3);
  CHECK(fields[0].size == 3);
  CHECK(fields[1].size == 7);
  CHECK(fields[2].size == 15);  // 1 + 2*(1 + 2 + 4)
  CHECK(fields[2].jump == 1);
  CHECK(fields[2].start == -7);
  // An interior output sees exactly its analytic window: a dense WaveNet-style stack has no holes.
  const std::vector<int64_t> seen = conv1d::influencing_inputs(layers, {1, 2, 40}, 2, 20);
  REQUIRE(seen.size() == 15);
  CHECK(seen.front() == fields[2].start + 20 * fields[2].jump);
  CHECK(seen.back() == seen.front() + 14);
}

TEST_CASE("strides multiply the jump; padding shifts the start", "[explain][receptive]") {
  std::vector<conv1d::Conv1d> stack;
  for (int i = 0; i < 2; ++i) {
    conv1d::Conv1dOptions o;
    o.in_channels = 1;
    o.out_channels = 1;
    o.kernel_size = 4;
    o.stride = 2;
    o.padding = conv1d::Padding::of(1);
    stack.emplace_back(o);
  }
  const std::vector<conv1d::ReceptiveField> fields = conv1d::receptive_fields({&stack[0], &stack[1]});
  CHECK(fields[1].jump == 4);
  CHECK(fields[1].size == 4 + 3 * 2);
  CHECK(fields[1].start == -1 - 1 * 2);
  const std::vector<int64_t> seen = conv1d::influencing_inputs({&stack[0], &stack[1]}, {1, 1, 32}, 1, 3);
  CHECK(seen.front() == fields[1].start + 3 * 4);
  CHECK(seen.back() == seen.front() + fields[1].size - 1);
}

TEST_CASE("explain lists only the channels asked for, and still sums every term", "[explain]") {
  conv1d::Conv1dOptions o;
  o.in_channels = 6;
  o.out_channels = 4;
  o.kernel_size = 5;
  o.groups = 2;
  o.padding = conv1d::Padding::same();
  o.padding_mode = conv1d::PaddingMode::reflect;
  const conv1d::Conv1d layer(o);
  std::mt19937 rng(7);
  const conv1d::Tensor x = random_tensor({1, 6, 9}, rng);
  const conv1d::Explanation whole = conv1d::explain(layer, x, 0, 3, 4);
  const conv1d::Explanation some = conv1d::explain(layer, x, 0, 3, 4, std::vector<int64_t>{0, 2});
  CHECK(whole.term_count == 15);
  CHECK(some.term_count == 15);
  CHECK(some.value == whole.value);
  REQUIRE(some.terms.size() == 10);
  for (size_t j = 0; j < 5; ++j) {
    CHECK(some.terms[j].in_channel == whole.terms[j].in_channel);
    CHECK(some.terms[5 + j].in_channel == 5);
    CHECK(some.terms[5 + j].input == whole.terms[10 + j].input);
  }
  CHECK(conv1d::explain(layer, x, 0, 3, 4, std::vector<int64_t>{}).terms.empty());
  CHECK_THROWS_WITH(conv1d::explain(layer, x, 0, 3, 4, std::vector<int64_t>{3}),
                    "explain(): channels=3 is out of range for the group's input channels of size 3");
}
