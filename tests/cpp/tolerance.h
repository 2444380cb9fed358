// Elementwise comparison at the golden tolerance (rtol 1e-4, atol 1e-5), reporting the first bad index.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>

#include "conv1d/tensor.h"

inline bool close_enough(float actual, float expected, double rtol = 1e-4, double atol = 1e-5) {
  if (std::isnan(expected)) return std::isnan(actual);
  if (std::isinf(expected)) return actual == expected;
  return std::fabs(static_cast<double>(actual) - expected) <= atol + rtol * std::fabs(static_cast<double>(expected));
}

inline void check_close(const conv1d::Tensor& actual, const conv1d::Tensor& expected, double rtol = 1e-4,
                        double atol = 1e-5) {
  REQUIRE(actual.shape == expected.shape);
  for (size_t i = 0; i < expected.data.size(); ++i) {
    if (!close_enough(actual.data[i], expected.data[i], rtol, atol)) {
      FAIL("element " << i << ": got " << actual.data[i] << ", expected " << expected.data[i]);
    }
  }
  SUCCEED();
}
