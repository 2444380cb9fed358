// The one exception the library throws for bad arguments or input.
#pragma once

#include <stdexcept>
#include <string>

namespace conv1d {

// std::invalid_argument with PyTorch's message, plus the name of the argument at fault in PyTorch's
// spelling ("groups", "padding", "kernel_size", "input", "weight", ...), so that a caller can show the
// message next to the right control without parsing it.
class ArgumentError : public std::invalid_argument {
 public:
  ArgumentError(const char* argument, const std::string& message)
      : std::invalid_argument(message), argument_(argument), message_(message) {}
  const char* argument() const noexcept { return argument_; }
  // The whole message: what() stops at the first NUL, and a caller's string may contain one.
  const std::string& message() const noexcept { return message_; }

 private:
  const char* argument_;  // a string literal
  std::string message_;
};

}  // namespace conv1d
