// Every rejection PyTorch 1.13 makes, with its message, at the stage where PyTorch makes it.
#include <catch2/catch.hpp>

#include "golden.h"

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
