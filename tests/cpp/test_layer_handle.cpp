// LayerHandle, the object JavaScript holds, natively: every failure comes back as an Outcome (message
// and argument), never as an exception, and its buffers compute what the layer computes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "conv1d/conv1d.h"
#include "layer_handle.h"

namespace {

using conv1d::bindings::LayerHandle;

conv1d::Conv1dArguments arguments(int64_t in, int64_t out, int64_t k) {
  conv1d::Conv1dArguments a;
  a.in_channels = in;
  a.out_channels = out;
  a.kernel_size = k;
  return a;
}

std::unique_ptr<LayerHandle> make(const conv1d::Conv1dArguments& a) {
  auto created = LayerHandle::create(a);
  REQUIRE(created.error.empty());
  REQUIRE(created.value);
  return std::move(created.value);
}

}  // namespace

TEST_CASE("create reports PyTorch's message and the argument at fault", "[handle]") {
  auto a = arguments(3, 4, 3);
  a.groups = 2;
  const auto created = LayerHandle::create(a);
  CHECK_FALSE(created.value);
  CHECK(created.error == "in_channels must be divisible by groups");
  CHECK(created.argument == "groups");
}

TEST_CASE("a NUL in a caller's string survives into the message", "[handle]") {
  auto a = arguments(1, 1, 3);
  a.padding_mode = std::string("ze\0ros", 6);
  const auto created = LayerHandle::create(a);
  CHECK(created.argument == "padding_mode");
  CHECK(created.error.size() > 6);
  CHECK(created.error.substr(created.error.size() - 8) == std::string("ze\0ros'", 7).insert(0, "'"));
}

TEST_CASE("prepare, reserve and run compute what Conv1d::forward computes", "[handle]") {
  auto a = arguments(2, 3, 3);
  a.padding = 1;
  const auto handle = make(a);
  CHECK(handle->run().error == "no input shape has been prepared");
  CHECK(handle->reserve().error == "no input shape has been prepared");

  const auto refused = handle->prepare({1, 3, 5});
  CHECK(refused.argument == "in_channels");
  CHECK(refused.error.find("to have 2 channels, but got 3 channels instead") != std::string::npos);
  CHECK(handle->run().error == "no input shape has been prepared");

  const auto plan = handle->prepare({2, 2, 5});
  REQUIRE(plan.error.empty());
  CHECK(plan.value.output_shape == conv1d::Shape{2, 3, 5});
  REQUIRE(handle->reserve().error.empty());
  conv1d::Tensor x({2, 2, 5});
  for (size_t i = 0; i < x.data.size(); ++i) x.data[i] = static_cast<float>(i) * 0.25f - 1.0f;
  std::copy(x.data.begin(), x.data.end(), handle->input_buffer());
  REQUIRE(handle->run().error.empty());
  const conv1d::Tensor expected = handle->layer().forward(x);
  CHECK(std::vector<float>(handle->output_buffer(), handle->output_buffer() + expected.data.size()) == expected.data);
}

TEST_CASE("set_weight and set_bias check shapes and report the argument", "[handle]") {
  const auto handle = make(arguments(1, 2, 3));
  const std::vector<float> six{1, 2, 3, 4, 5, 6};
  const auto wrong = handle->set_weight({2, 3}, six.data());
  CHECK(wrong.argument == "weight");
  REQUIRE(handle->set_weight({2, 1, 3}, six.data()).error.empty());
  CHECK(std::vector<float>(handle->weight_buffer(), handle->weight_buffer() + 6) == six);
  CHECK(handle->set_bias({3}, six.data()).argument == "bias");
  REQUIRE(handle->set_bias({2}, six.data()).error.empty());
  handle->remove_bias();
  CHECK_FALSE(handle->has_bias());
  CHECK(handle->bias_buffer() == nullptr);
  CHECK_FALSE(handle->arguments().bias);
}

TEST_CASE("explain reports out-of-range elements as outcomes", "[handle]") {
  const auto handle = make(arguments(1, 1, 3));
  const std::vector<float> x{1, 2, 3, 4, 5};
  const auto explained = handle->explain({1, 1, 5}, x.data(), 0, 0, 2, std::nullopt);
  REQUIRE(explained.error.empty());
  CHECK(explained.value.terms.size() == 3);
  const auto outside = handle->explain({1, 1, 5}, x.data(), 0, 0, 3, std::nullopt);
  CHECK(outside.argument == "position");
  CHECK(handle->explain({1, 1, 5}, x.data(), 0, 0, 0, std::vector<int64_t>{1}).argument == "channels");
}

TEST_CASE("padded_sources gives a window of the padded positions, clamped", "[handle]") {
  auto a = arguments(1, 1, 3);
  a.padding = 2;
  a.padding_mode = "circular";
  const auto handle = make(a);
  const auto all = handle->padded_sources(4, 0, 1000);
  REQUIRE(all.error.empty());
  CHECK(all.value == std::vector<int64_t>{2, 3, 0, 1, 2, 3, 0, 1});
  CHECK(handle->padded_sources(4, 3, 5).value == std::vector<int64_t>{1, 2});
  CHECK(handle->padded_sources(4, 7, 3).value.empty());
  CHECK(handle->padded_sources(1, 0, 10).argument == "padding_mode");
}

TEST_CASE("influencing_inputs names a layer index outside the stack", "[handle]") {
  const auto first = make(arguments(1, 1, 3));
  const auto second = make(arguments(1, 1, 3));
  const std::vector<const LayerHandle*> stack{first.get(), second.get()};
  CHECK(conv1d::bindings::influencing_inputs(stack, {1, 1, 7}, 1, 0).value == std::vector<int64_t>{0, 1, 2, 3, 4});
  for (const int64_t index : {int64_t{-1}, int64_t{2}}) {
    const auto outside = conv1d::bindings::influencing_inputs(stack, {1, 1, 7}, index, 0);
    CHECK(outside.argument == "layer_index");
    CHECK(outside.error ==
          "influencing_inputs(): layer_index=" + std::to_string(index) + " is out of range for a stack of 2 layers");
  }
  CHECK(conv1d::bindings::receptive_fields(stack).back().size == 5);
}

TEST_CASE("backward gives conv1d::backward's gradients, and refuses a bad input shape as an outcome", "[handle]") {
  auto a = arguments(2, 3, 3);
  a.padding = 1;
  const auto handle = make(a);
  conv1d::Tensor x({1, 2, 4});
  conv1d::Tensor g({1, 3, 4});
  for (size_t i = 0; i < x.data.size(); ++i) x.data[i] = static_cast<float>(i) * 0.5f - 1.0f;
  for (size_t i = 0; i < g.data.size(); ++i) g.data[i] = static_cast<float>(i % 5) - 2.0f;
  const auto got = handle->backward(x.shape, x.data.data(), g.data.data());
  REQUIRE(got.error.empty());
  const conv1d::Conv1dGradients expected = conv1d::backward(handle->layer(), x, g);
  CHECK(got.value.input.data == expected.input.data);
  CHECK(got.value.weight.data == expected.weight.data);
  REQUIRE(got.value.bias.has_value());
  CHECK(got.value.bias->data == expected.bias->data);

  const auto refused = handle->backward({1, 3, 4}, g.data.data(), g.data.data());
  CHECK(refused.argument == "in_channels");
  CHECK(refused.error.find("to have 2 channels, but got 3 channels instead") != std::string::npos);
}

TEST_CASE("gradient explanations match backward's values, list at most term_limit terms, and fail as outcomes",
          "[handle]") {
  auto a = arguments(2, 2, 3);
  a.padding = 1;
  a.padding_mode = "reflect";
  const auto handle = make(a);
  conv1d::Tensor x({1, 2, 6});
  conv1d::Tensor g({1, 2, 6});
  for (size_t i = 0; i < x.data.size(); ++i) x.data[i] = static_cast<float>(i) * 0.25f - 1.0f;
  for (size_t i = 0; i < g.data.size(); ++i) g.data[i] = static_cast<float>(i % 4) - 1.5f;
  const conv1d::Conv1dGradients expected = conv1d::backward(handle->layer(), x, g);

  const auto weight = handle->explain_weight_gradient(x.shape, x.data.data(), g.shape, g.data.data(), 1, 0, 2, 4);
  REQUIRE(weight.error.empty());
  CHECK(weight.value.value == expected.weight.data[(1 * 2 + 0) * 3 + 2]);
  CHECK(weight.value.term_count == 6);
  CHECK(weight.value.terms.size() == 4);
  const auto bias = handle->explain_bias_gradient(x.shape, x.data.data(), g.shape, g.data.data(), 1, -1);
  REQUIRE(bias.error.empty());
  CHECK(bias.value.value == expected.bias->data[1]);
  CHECK(bias.value.terms.size() == 6);

  CHECK(handle->explain_weight_gradient(x.shape, x.data.data(), g.shape, g.data.data(), 0, 2, 0, -1).argument ==
        "in_channel");
  CHECK(handle->explain_bias_gradient(x.shape, x.data.data(), g.shape, g.data.data(), 2, -1).argument == "out_channel");
  const auto refused = handle->explain_weight_gradient({1, 3, 4}, x.data.data(), g.shape, g.data.data(), 0, 0, 0, -1);
  CHECK(refused.argument == "in_channels");
  const auto misshapen = handle->explain_bias_gradient(x.shape, x.data.data(), {1, 2, 5}, g.data.data(), 0, -1);
  CHECK(misshapen.argument == "grad_output");
  CHECK(misshapen.error.rfind("Mismatch in shape", 0) == 0);
}
