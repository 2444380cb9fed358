#include "golden.h"

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace golden {

using nlohmann::json;

json read_fixture(const std::string& file_name) {
  const std::string path = std::string(CONV1D_GOLDEN_DIR) + "/" + file_name;
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot open fixture " + path);
  return json::parse(file);
}

conv1d::Conv1dOptions options_from_json(const json& layer) {
  conv1d::Conv1dArguments arguments;
  arguments.in_channels = layer.at("in_channels").get<int64_t>();
  arguments.out_channels = layer.at("out_channels").get<int64_t>();
  arguments.kernel_size = layer.at("kernel_size").get<int64_t>();
  arguments.stride = layer.value("stride", int64_t{1});
  const json padding = layer.value("padding", json(0));
  if (padding.is_string()) {
    arguments.padding_is_string = true;
    arguments.padding_string = padding.get<std::string>();
  } else {
    arguments.padding = padding.get<int64_t>();
  }
  arguments.dilation = layer.value("dilation", int64_t{1});
  arguments.groups = layer.value("groups", int64_t{1});
  arguments.bias = layer.value("bias", true);
  arguments.padding_mode = layer.value("padding_mode", std::string("zeros"));
  return conv1d::parse_arguments(arguments);
}

static conv1d::Tensor tensor_from_json(const json& shape, const json& data) {
  return conv1d::Tensor(shape.get<conv1d::Shape>(), data.get<std::vector<float>>());
}

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const json fixture = read_fixture("conv1d_cases.json");
  for (const json& c : fixture.at("cases")) {
    Case out;
    out.name = c.at("name").get<std::string>();
    out.seed = static_cast<uint64_t>(c.at("seed").get<int64_t>());
    for (const json& l : c.at("layers")) {
      Layer layer;
      layer.options = options_from_json(l);
      layer.weight_shape = l.at("weight_shape").get<conv1d::Shape>();
      layer.weight_bits = l.at("weight_bits").get<std::vector<uint32_t>>();
      layer.bias_uninitialized = l.value("bias_uninitialized", false);
      if (!l.at("bias_bits").is_null()) layer.bias_bits = l.at("bias_bits").get<std::vector<uint32_t>>();
      out.layers.push_back(std::move(layer));
    }
    out.input = tensor_from_json(c.at("input_shape"), c.at("input"));
    for (const json& o : c.at("outputs")) out.outputs.push_back(tensor_from_json(o.at("shape"), o.at("data")));
    cases.push_back(std::move(out));
  }
  return cases;
}

std::vector<ErrorCase> load_error_cases() {
  std::vector<ErrorCase> cases;
  const json fixture = read_fixture("conv1d_errors.json");
  for (const json& c : fixture.at("cases")) {
    ErrorCase out;
    out.name = c.at("name").get<std::string>();
    out.stage = c.at("stage").get<std::string>();
    out.error_type = c.at("error_type").get<std::string>();
    out.message = c.at("message").get<std::string>();
    if (c.contains("input_shape")) out.input_shape = c.at("input_shape").get<conv1d::Shape>();
    out.layer = c.at("layer");
    cases.push_back(std::move(out));
  }
  return cases;
}

uint32_t bits_of(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace golden
