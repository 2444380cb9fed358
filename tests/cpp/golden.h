// Loads the fixtures that tests/golden/generate.py wrote with real PyTorch 1.13.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "conv1d/conv1d.h"

namespace golden {

struct Layer {
  conv1d::Conv1dOptions options;
  conv1d::Shape weight_shape;
  std::vector<uint32_t> weight_bits;
  std::optional<std::vector<uint32_t>> bias_bits;
  bool bias_uninitialized = false;  // torch leaves the bias as raw memory when fan_in == 0
};

struct Case {
  std::string name;
  uint64_t seed;  // as torch receives a Python int: modulo 2^64
  std::vector<Layer> layers;
  conv1d::Tensor input;
  std::vector<conv1d::Tensor> outputs;  // after each layer, applied in sequence
};

struct ErrorCase {
  std::string name;
  std::string stage;       // "construct" | "forward"
  std::string error_type;  // the Python exception; a TypeError is the JS layer's to raise, not the core's
  nlohmann::json layer;    // constructor arguments, parsed by the test: parsing may be what fails
  conv1d::Shape input_shape;
  std::string message;
};

nlohmann::json read_fixture(const std::string& file_name);
conv1d::Conv1dOptions options_from_json(const nlohmann::json& layer);
std::vector<Case> load_cases();
std::vector<ErrorCase> load_error_cases();

uint32_t bits_of(float value);

}  // namespace golden
