// Every rejection PyTorch 1.13 makes, with its message, at the stage where PyTorch makes it.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "golden.h"

namespace {

// The argument an ArgumentError blames, or "" when something else was thrown.
template <typename Call>
std::string blamed_argument(Call call) {
  try {
    call();
  } catch (const conv1d::ArgumentError& error) {
    return error.argument();
  } catch (...) {
  }
  return "";
}

}  // namespace

TEST_CASE("golden: each rejected configuration fails with PyTorch's message", "[golden][errors]") {
  for (const golden::ErrorCase& c : golden::load_error_cases()) {
    INFO("case " << c.name);
    if (c.error_type == "TypeError") continue;  // argument types are checked before the core is reached
    if (c.stage == "construct") {
      CHECK_THROWS_WITH(conv1d::Conv1d(golden::options_from_json(c.layer)), c.message);
    } else {
      const conv1d::Conv1d layer(golden::options_from_json(c.layer));
      CHECK_THROWS_WITH(layer.plan(c.input_shape), c.message);
    }
  }
}

TEST_CASE("every rejection names the argument at fault", "[errors]") {
  const std::set<std::string> known{"in_channels", "out_channels", "kernel_size",  "stride", "padding",
                                    "dilation",    "groups",       "padding_mode", "input"};
  for (const golden::ErrorCase& c : golden::load_error_cases()) {
    if (c.error_type == "TypeError") continue;
    INFO("case " << c.name);
    const std::string argument =
        c.stage == "construct" ? blamed_argument([&] { conv1d::Conv1d layer(golden::options_from_json(c.layer)); })
                               : blamed_argument([&] {
                                   const conv1d::Conv1d layer(golden::options_from_json(c.layer));
                                   layer.plan(c.input_shape);
                                 });
    CHECK(known.count(argument) == 1);
  }
}
