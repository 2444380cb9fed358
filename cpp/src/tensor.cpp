#include "conv1d/tensor.h"
#include "conv1d/error.h"

#include <stdexcept>
#include <utility>

namespace conv1d {

std::string format_shape(const Shape& shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(shape[i]);
  }
  return text + "]";
}

int64_t element_count(const Shape& shape, const char* what) {
  int64_t count = 1;
  for (int64_t size : shape) {
    if (size < 0) {
      throw ArgumentError(what, std::string("Trying to create tensor with negative dimension ") + std::to_string(size) +
                                    ": " + format_shape(shape));
    }
    // Dividing first keeps the check itself free of overflow.
    if (size != 0 && count > max_tensor_elements / size) {
      throw ArgumentError(what, std::string(what) + " of size " + format_shape(shape) +
                                    " has more than the maximum of " + std::to_string(max_tensor_elements) +
                                    " elements");
    }
    count *= size;
  }
  return count;
}

Tensor::Tensor(Shape shape_)
    : shape(std::move(shape_)), data(static_cast<size_t>(element_count(shape, "tensor")), 0.0f) {}

Tensor::Tensor(Shape shape_, std::vector<float> data_) : shape(std::move(shape_)), data(std::move(data_)) {
  const int64_t expected = element_count(shape, "tensor");
  if (static_cast<int64_t>(data.size()) != expected) {
    throw ArgumentError(
        "data", "shape " + format_shape(shape) + " is invalid for input of size " + std::to_string(data.size()));
  }
}

}  // namespace conv1d
