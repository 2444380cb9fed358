// The small tensor vocabulary of the library: shapes and an owning float32 tensor.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace conv1d {

using Shape = std::vector<int64_t>;

// "[2, 3, 5]", as PyTorch prints sizes in its messages.
std::string format_shape(const Shape& shape);

// Product of the dimensions; throws std::invalid_argument naming `what` when a dimension is
// negative or the product exceeds max_tensor_elements.
int64_t element_count(const Shape& shape, const char* what);

// The largest tensor the library allocates (elements). Keeps a WebAssembly heap of a few
// hundred MiB safe from a single request; PyTorch itself has no such cap.
constexpr int64_t max_tensor_elements = int64_t{1} << 24;

// A contiguous row-major float32 tensor.
struct Tensor {
  Shape shape;
  std::vector<float> data;

  Tensor() = default;
  explicit Tensor(Shape shape_);                   // zero-filled
  Tensor(Shape shape_, std::vector<float> data_);  // throws if data_.size() does not match shape_
};

}  // namespace conv1d
