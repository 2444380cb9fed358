// Replays every case PyTorch 1.13 computed: bit-exact initialization, outputs within tolerance.
#include <catch2/catch.hpp>

#include "conv1d/reference.h"
#include "golden.h"
#include "tolerance.h"

using conv1d::Conv1d;
using conv1d::Tensor;

TEST_CASE("golden: initialization is bit-identical to torch, layer after layer", "[golden][init]") {
  for (const golden::Case& c : golden::load_cases()) {
    INFO("case " << c.name);
    conv1d::manual_seed(c.seed);
    for (size_t l = 0; l < c.layers.size(); ++l) {
      INFO("layer " << l);
      const Conv1d layer(c.layers[l].options);
      REQUIRE(layer.weight().shape == c.layers[l].weight_shape);
      std::vector<uint32_t> weight_bits;
      for (float w : layer.weight().data) weight_bits.push_back(golden::bits_of(w));
      CHECK(weight_bits == c.layers[l].weight_bits);
      REQUIRE(layer.bias().has_value() == c.layers[l].options.bias);
      if (layer.bias() && !c.layers[l].bias_uninitialized) {
        std::vector<uint32_t> bias_bits;
        for (float b : layer.bias()->data) bias_bits.push_back(golden::bits_of(b));
        CHECK(bias_bits == *c.layers[l].bias_bits);
      }
    }
  }
}

TEST_CASE("golden: outputs match torch for the shipped kernels and the reference", "[golden][forward]") {
  for (const golden::Case& c : golden::load_cases()) {
    INFO("case " << c.name);
    conv1d::manual_seed(c.seed);
    std::vector<Conv1d> layers;
    for (const golden::Layer& l : c.layers) layers.emplace_back(l.options);
    Tensor x = c.input;
    Tensor x_reference = c.input;
    for (size_t l = 0; l < layers.size(); ++l) {
      INFO("layer " << l);
      x = layers[l].forward(x);
      x_reference = conv1d::reference_forward(layers[l], x_reference);
      REQUIRE(x.shape == c.outputs[l].shape);
      REQUIRE(x_reference.shape == c.outputs[l].shape);
      check_close(x, c.outputs[l]);
      check_close(x_reference, c.outputs[l]);
    }
  }
}
