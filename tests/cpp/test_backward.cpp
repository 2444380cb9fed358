// backward() against real PyTorch's gradients, a numeric derivative through the reference forward, and
// explain_weight_gradient / explain_bias_gradient against backward.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "conv1d/conv1d.h"
#include "conv1d/reference.h"
#include "golden.h"
#include "random_layers.h"

namespace {

using conv1d::Tensor;
using conv1d::testing::random_options;
using conv1d::testing::random_tensor;

conv1d::Tensor tensor_from_json(const nlohmann::json& shape, const nlohmann::json& data) {
  return conv1d::Tensor(shape.get<conv1d::Shape>(), data.get<std::vector<float>>());
}

double largest_magnitude(const std::vector<float>& values) {
  double largest = 0.0;
  for (float v : values) largest = std::max(largest, std::fabs(static_cast<double>(v)));
  return largest;
}

// rtol 1e-4 and atol 1e-5, both relative to the expected gradient's largest magnitude: an element that sums to
// nearly zero carries the rounding of its largest terms. Returns the worst |actual - expected| / largest.
double check_gradient(const char* what, const std::vector<float>& actual, const std::vector<float>& expected) {
  REQUIRE(actual.size() == expected.size());
  const double scale = largest_magnitude(expected);
  double worst = 0.0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const double error = std::fabs(static_cast<double>(actual[i]) - expected[i]);
    if (error > 1e-5 * scale + 1e-4 * std::fabs(static_cast<double>(expected[i]))) {
      FAIL(what << " element " << i << ": got " << actual[i] << ", expected " << expected[i]);
    }
    if (scale > 0) worst = std::max(worst, error / scale);
  }
  return worst;
}

// A random layer and an input shape its forward accepts (batched for circular padding, which torch 1.13
// refuses on unbatched input).
struct Problem {
  conv1d::Conv1d layer;
  conv1d::Shape shape;
};

Problem random_problem(std::mt19937& rng) {
  for (;;) {
    const conv1d::Conv1dOptions o = random_options(rng);
    const bool batched = o.padding_mode == conv1d::PaddingMode::circular || rng() % 3 != 0;
    const int64_t length = 1 + static_cast<int64_t>(rng() % 10);
    const int64_t batch = 1 + static_cast<int64_t>(rng() % 3);
    const conv1d::Shape shape =
        batched ? conv1d::Shape{batch, o.in_channels, length} : conv1d::Shape{o.in_channels, length};
    conv1d::Generator generator(rng());
    conv1d::Conv1d layer(o, generator);
    try {
      layer.plan(shape);
    } catch (const std::invalid_argument&) {
      continue;
    }
    return {layer, shape};
  }
}

std::string describe(const conv1d::Conv1d& layer, const conv1d::Shape& shape) {
  const conv1d::Conv1dOptions& o = layer.options();
  const conv1d::Conv1dArguments a = conv1d::to_arguments(o);
  return "Conv1d(" + std::to_string(o.in_channels) + ", " + std::to_string(o.out_channels) + ", " +
         std::to_string(o.kernel_size) + ", stride=" + std::to_string(o.stride) +
         ", padding=" + (a.padding_is_string ? a.padding_string : std::to_string(a.padding)) +
         ", dilation=" + std::to_string(o.dilation) + ", groups=" + std::to_string(o.groups) +
         ", bias=" + (o.bias ? "True" : "False") + ", padding_mode=" + conv1d::padding_mode_name(o.padding_mode) +
         ") on input " + conv1d::format_shape(shape);
}

// L = Σ y · r, so ∂L/∂y = r; y from the reference forward, the sum in double.
double loss(const conv1d::Conv1d& layer, const Tensor& input, const Tensor& r) {
  const Tensor y = conv1d::reference_forward(layer, input);
  double sum = 0.0;
  for (size_t i = 0; i < y.data.size(); ++i) sum += static_cast<double>(y.data[i]) * r.data[i];
  return sum;
}

// Central difference of `loss_at(value)` around `value`. L is linear in every parameter, so a large step loses
// nothing to curvature and little to the output's float rounding; the step is measured after rounding to float.
template <typename LossAt>
double numeric_derivative(float value, LossAt loss_at) {
  const float plus = value + 0.5f;
  const float minus = value - 0.5f;
  return (loss_at(plus) - loss_at(minus)) / (static_cast<double>(plus) - minus);
}

void check_numeric(const char* what, const std::vector<float>& analytic, const std::vector<double>& numeric) {
  double scale = 1e-3;
  for (double v : numeric) scale = std::max(scale, std::fabs(v));
  for (size_t i = 0; i < numeric.size(); ++i) {
    if (std::fabs(analytic[i] - numeric[i]) > 1e-4 * scale) {
      FAIL(what << " element " << i << ": backward " << analytic[i] << ", numeric " << numeric[i]);
    }
  }
}

}  // namespace

TEST_CASE("golden: gradients of input, weight and bias match torch 1.13's autograd", "[backward][golden]") {
  const nlohmann::json fixture = golden::read_fixture("conv1d_gradients.json");
  const nlohmann::json& cases = fixture.at("cases");
  REQUIRE(cases.size() >= 200);
  double worst = 0.0;
  for (size_t index = 0; index < cases.size(); ++index) {
    const nlohmann::json& c = cases[index];
    INFO("case " << index << " (" << c.at("name").get<std::string>() << "): " << c.at("layer").dump() << " on input "
                 << c.at("input_shape").dump());
    conv1d::Generator generator;
    conv1d::Conv1d layer(golden::options_from_json(c.at("layer")), generator);
    layer.set_weight(Tensor(layer.weight().shape, c.at("weight").get<std::vector<float>>()));
    if (layer.bias()) layer.set_bias(Tensor(layer.bias()->shape, c.at("bias").get<std::vector<float>>()));
    const Tensor input = tensor_from_json(c.at("input_shape"), c.at("input"));
    const Tensor grad_output = tensor_from_json(c.at("grad_output_shape"), c.at("grad_output"));

    const conv1d::Conv1dGradients grads = conv1d::backward(layer, input, grad_output);
    REQUIRE(grads.input.shape == input.shape);
    REQUIRE(grads.weight.shape == layer.weight().shape);
    worst =
        std::max(worst, check_gradient("grad_input", grads.input.data, c.at("grad_input").get<std::vector<float>>()));
    worst = std::max(worst,
                     check_gradient("grad_weight", grads.weight.data, c.at("grad_weight").get<std::vector<float>>()));
    REQUIRE(grads.bias.has_value() == !c.at("grad_bias").is_null());
    if (grads.bias) {
      REQUIRE(grads.bias->shape == layer.bias()->shape);
      worst =
          std::max(worst, check_gradient("grad_bias", grads.bias->data, c.at("grad_bias").get<std::vector<float>>()));
    }
  }
  // The worst error seen, relative to each gradient's largest magnitude (shown by `-s`): about 1e-5, from a bias
  // gradient that cancels down to 0.007, where torch's float sum differs from the double one in its fifth digit.
  CHECK(worst < 1e-4);
}

TEST_CASE("backward agrees with the reference around the kernels' tile boundaries", "[backward][kernels]") {
  // The input gradient runs on the forward's kernels (GEMM tiles of 4 channels x 8 positions, depthwise tiles of
  // 24, 8, 4 and 1 positions) over (L_out - 1)*stride + dilation*(k - 1) + 1 positions: cover 1 to about 70.
  static const conv1d::PaddingMode modes[] = {conv1d::PaddingMode::zeros, conv1d::PaddingMode::reflect,
                                              conv1d::PaddingMode::replicate, conv1d::PaddingMode::circular};
  static const int64_t channels[] = {1, 2, 3, 4, 5, 8, 9};
  std::mt19937 rng(31);
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    conv1d::Conv1dOptions o;
    const bool depthwise = trial % 3 == 0;
    o.in_channels = channels[rng() % 7];
    o.groups = depthwise ? o.in_channels : 1;
    o.out_channels = depthwise ? o.in_channels * (1 + static_cast<int64_t>(rng() % 2)) : channels[rng() % 7];
    o.kernel_size = 1 + static_cast<int64_t>(rng() % 5);
    o.stride = 1 + static_cast<int64_t>(rng() % 3);
    o.dilation = 1 + static_cast<int64_t>(rng() % 2);
    o.padding = conv1d::Padding::of(static_cast<int64_t>(rng() % 3));
    o.padding_mode = modes[rng() % 4];
    o.bias = rng() % 2 == 0;
    const int64_t length = 1 + static_cast<int64_t>(rng() % 60);
    const conv1d::Shape shape{1 + static_cast<int64_t>(rng() % 2), o.in_channels, length};
    conv1d::Generator generator(static_cast<uint64_t>(trial));
    const conv1d::Conv1d layer(o, generator);
    conv1d::ConvPlan plan;
    try {
      plan = layer.plan(shape);
    } catch (const std::invalid_argument&) {
      continue;
    }
    INFO("trial " << trial << ": " << describe(layer, shape));
    const Tensor input = random_tensor(shape, rng);
    const Tensor grad_output = random_tensor(plan.output_shape, rng);
    const conv1d::Conv1dGradients actual = conv1d::backward(layer, input, grad_output);
    const conv1d::Conv1dGradients expected = conv1d::reference_backward(layer, input, grad_output);
    check_gradient("grad_input", actual.input.data, expected.input.data);
    check_gradient("grad_weight", actual.weight.data, expected.weight.data);
    REQUIRE(actual.bias.has_value() == expected.bias.has_value());
    if (actual.bias) check_gradient("grad_bias", actual.bias->data, expected.bias->data);
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("a dilation far wider than the output needs no memory beyond the input's", "[backward]") {
  // One output position reads x[0] and x[2^20]: spreading ∂L/∂y for the kernels would take 64 x 2^21 floats.
  conv1d::Conv1dOptions o;
  o.in_channels = 1;
  o.out_channels = 64;
  o.kernel_size = 2;
  o.dilation = int64_t{1} << 20;
  conv1d::Generator generator(5);
  const conv1d::Conv1d layer(o, generator);
  std::mt19937 rng(5);
  const Tensor input = random_tensor({1, 1, o.dilation + 1}, rng);
  const Tensor grad_output = random_tensor({1, 64, 1}, rng);
  const conv1d::Conv1dGradients actual = conv1d::backward(layer, input, grad_output);
  const conv1d::Conv1dGradients expected = conv1d::reference_backward(layer, input, grad_output);
  check_gradient("grad_input", actual.input.data, expected.input.data);
  check_gradient("grad_weight", actual.weight.data, expected.weight.data);
  check_gradient("grad_bias", actual.bias->data, expected.bias->data);
}

TEST_CASE("backward agrees with a numeric derivative through the reference forward", "[backward]") {
  std::mt19937 rng(2024);
  for (int trial = 0; trial < 60; ++trial) {
    Problem problem = random_problem(rng);
    conv1d::Conv1d& layer = problem.layer;
    INFO("trial " << trial << ": " << describe(layer, problem.shape));
    const Tensor input = random_tensor(problem.shape, rng);
    const Tensor r = random_tensor(layer.output_shape(problem.shape), rng);
    const conv1d::Conv1dGradients grads = conv1d::backward(layer, input, r);

    std::vector<double> numeric(input.data.size());
    for (size_t i = 0; i < input.data.size(); ++i) {
      numeric[i] = numeric_derivative(input.data[i], [&](float v) {
        Tensor moved = input;
        moved.data[i] = v;
        return loss(layer, moved, r);
      });
    }
    check_numeric("grad_input", grads.input.data, numeric);

    const Tensor weight = layer.weight();
    numeric.assign(weight.data.size(), 0.0);
    for (size_t i = 0; i < weight.data.size(); ++i) {
      numeric[i] = numeric_derivative(weight.data[i], [&](float v) {
        Tensor moved = weight;
        moved.data[i] = v;
        layer.set_weight(moved);
        return loss(layer, input, r);
      });
    }
    layer.set_weight(weight);
    check_numeric("grad_weight", grads.weight.data, numeric);

    REQUIRE(grads.bias.has_value() == layer.bias().has_value());
    if (layer.bias()) {
      const Tensor bias = *layer.bias();
      numeric.assign(bias.data.size(), 0.0);
      for (size_t i = 0; i < bias.data.size(); ++i) {
        numeric[i] = numeric_derivative(bias.data[i], [&](float v) {
          Tensor moved = bias;
          moved.data[i] = v;
          layer.set_bias(moved);
          return loss(layer, input, r);
        });
      }
      layer.set_bias(bias);
      check_numeric("grad_bias", grads.bias->data, numeric);
    }
  }
}

TEST_CASE("explained weight and bias gradients sum their terms to backward's gradients", "[backward][explain]") {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 40; ++trial) {
    const Problem problem = random_problem(rng);
    const conv1d::Conv1d& layer = problem.layer;
    INFO("trial " << trial << ": " << describe(layer, problem.shape));
    const conv1d::Conv1dOptions& o = layer.options();
    const conv1d::ConvPlan plan = layer.plan(problem.shape);
    const Tensor input = random_tensor(problem.shape, rng);
    const Tensor grad_output = random_tensor(plan.output_shape, rng);
    const conv1d::Conv1dGradients grads = conv1d::backward(layer, input, grad_output);
    const conv1d::Shape& w = layer.weight().shape;
    for (int64_t oc = 0; oc < w[0]; ++oc) {
      for (int64_t ic = 0; ic < w[1]; ++ic) {
        for (int64_t k = 0; k < w[2]; ++k) {
          INFO("weight [" << oc << ", " << ic << ", " << k << "]");
          const conv1d::WeightGradientExplanation e =
              conv1d::explain_weight_gradient(layer, input, grad_output, oc, ic, k);
          CHECK(e.group == oc / (o.out_channels / o.groups));
          CHECK(e.input_channel == e.group * (o.in_channels / o.groups) + ic);
          REQUIRE(e.term_count == plan.batch * plan.out_length);
          REQUIRE(e.terms.size() == static_cast<size_t>(e.term_count));
          double sum = 0.0, magnitude = 0.0;
          for (const conv1d::WeightGradientTerm& term : e.terms) {
            CHECK(term.padded_position == term.position * o.stride + k * o.dilation);
            CHECK(term.source ==
                  conv1d::padded_source(term.padded_position, plan.pad_left, plan.length, o.padding_mode));
            const int64_t relative = term.padded_position - plan.pad_left;
            CHECK(term.padded == (relative < 0 || relative >= plan.length));
            CHECK(term.grad_output == grad_output.data[static_cast<size_t>(
                                          (term.batch * plan.out_channels + oc) * plan.out_length + term.position)]);
            const float x = term.source < 0
                                ? 0.0f
                                : input.data[static_cast<size_t>(
                                      (term.batch * plan.in_channels + e.input_channel) * plan.length + term.source)];
            CHECK(term.input == x);
            sum += static_cast<double>(term.grad_output) * term.input;
            magnitude += std::fabs(static_cast<double>(term.grad_output) * term.input);
          }
          // The terms add up to the value (up to float rounding: the value is summed in another order).
          CHECK(std::fabs(e.value - sum) <= 1e-7 * magnitude);
          // Summed in backward's order: the same float, not merely a close one.
          CHECK(e.value == grads.weight.data[static_cast<size_t>((oc * w[1] + ic) * w[2] + k)]);
        }
      }
      if (layer.bias()) {
        const conv1d::BiasGradientExplanation b = conv1d::explain_bias_gradient(layer, input, grad_output, oc);
        REQUIRE(b.term_count == plan.batch * plan.out_length);
        REQUIRE(b.terms.size() == static_cast<size_t>(b.term_count));
        CHECK(b.value == grads.bias->data[static_cast<size_t>(oc)]);
      }
    }
  }
}

TEST_CASE("backward refuses a grad_output not shaped like the output, in autograd's words", "[backward][errors]") {
  conv1d::Conv1dOptions o;
  o.in_channels = 1;
  o.out_channels = 1;
  o.kernel_size = 3;
  const conv1d::Conv1d layer(o);
  const auto message_of = [&](const Tensor& input, const Tensor& grad_output) -> std::string {
    try {
      conv1d::backward(layer, input, grad_output);
    } catch (const conv1d::ArgumentError& e) {
      CHECK(std::string(e.argument()) == "grad_output");
      return e.message();
    }
    return "no error";
  };
  // torch 1.13: y.backward(g) with the wrong shape.
  CHECK(message_of(Tensor({1, 1, 5}), Tensor({1, 1, 4})) ==
        "Mismatch in shape: grad_output[0] has a shape of torch.Size([1, 1, 4]) and output[0] has a shape of "
        "torch.Size([1, 1, 3]).");
  CHECK(message_of(Tensor({1, 5}), Tensor({3})) ==
        "Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of "
        "torch.Size([1, 3]).");
  // The input is validated first, as forward runs before backward.
  CHECK_THROWS_WITH(conv1d::backward(layer, Tensor({1, 2, 5}), Tensor({1, 1, 3})),
                    Catch::Contains("expected input[1, 2, 5] to have 1 channels"));
  CHECK_THROWS_WITH(conv1d::explain_weight_gradient(layer, Tensor({1, 1, 5}), Tensor({1, 1, 2}), 0, 0, 0),
                    Catch::StartsWith("Mismatch in shape"));
}

TEST_CASE("explaining a weight or bias gradient refuses indices outside the parameter", "[backward][explain]") {
  conv1d::Conv1dOptions o;
  o.in_channels = 2;
  o.out_channels = 2;
  o.kernel_size = 3;
  conv1d::Conv1d layer(o);
  const Tensor input({1, 2, 5});
  const Tensor grad_output({1, 2, 3});
  CHECK_THROWS_WITH(conv1d::explain_weight_gradient(layer, input, grad_output, 2, 0, 0),
                    "explain_weight_gradient(): out_channel=2 is out of range for the weight's dimension 0 of size 2");
  CHECK_THROWS_WITH(conv1d::explain_weight_gradient(layer, input, grad_output, 0, -1, 0),
                    "explain_weight_gradient(): in_channel=-1 is out of range for the weight's dimension 1 of size 2");
  CHECK_THROWS_WITH(conv1d::explain_weight_gradient(layer, input, grad_output, 0, 0, 3),
                    "explain_weight_gradient(): tap=3 is out of range for the weight's dimension 2 of size 3");
  CHECK_THROWS_WITH(conv1d::explain_bias_gradient(layer, input, grad_output, 2),
                    "explain_bias_gradient(): out_channel=2 is out of range for the bias of size 2");
  layer.set_bias(std::nullopt);
  CHECK_THROWS_WITH(conv1d::explain_bias_gradient(layer, input, grad_output, 0),
                    "explain_bias_gradient(): the layer has no bias");
}

TEST_CASE("a term limit lists the first terms only, and the value still sums them all", "[backward][explain]") {
  conv1d::Conv1dOptions o;
  o.in_channels = 1;
  o.out_channels = 1;
  o.kernel_size = 2;
  const conv1d::Conv1d layer(o);
  Tensor input({2, 1, 6});
  Tensor grad_output({2, 1, 5});
  for (size_t i = 0; i < input.data.size(); ++i) input.data[i] = static_cast<float>(i) - 3.0f;
  for (size_t i = 0; i < grad_output.data.size(); ++i) grad_output.data[i] = 0.5f * static_cast<float>(i % 3);
  const conv1d::WeightGradientExplanation all = conv1d::explain_weight_gradient(layer, input, grad_output, 0, 0, 1);
  for (const int64_t limit : {int64_t{0}, int64_t{3}, int64_t{10}, int64_t{11}}) {
    INFO("term_limit " << limit);
    const auto some = conv1d::explain_weight_gradient(layer, input, grad_output, 0, 0, 1, limit);
    CHECK(some.term_count == 10);
    REQUIRE(some.terms.size() == static_cast<size_t>(std::min<int64_t>(limit, 10)));
    for (size_t i = 0; i < some.terms.size(); ++i) CHECK(some.terms[i].source == all.terms[i].source);
    CHECK(some.value == all.value);
    const auto bias = conv1d::explain_bias_gradient(layer, input, grad_output, 0, limit);
    CHECK(bias.term_count == 10);
    CHECK(bias.terms.size() == some.terms.size());
    CHECK(bias.value == conv1d::explain_bias_gradient(layer, input, grad_output, 0).value);
  }
}
