// Construction arguments of a Conv1d layer, named and defaulted as in torch.nn.Conv1d.
#pragma once

#include <cstdint>
#include <string>

namespace conv1d {

// How the input is extended beyond its ends (torch's `padding_mode`).
enum class PaddingMode { zeros, reflect, replicate, circular };

// Parses "zeros" | "reflect" | "replicate" | "circular"; throws std::invalid_argument
// with PyTorch's message for anything else.
PaddingMode parse_padding_mode(const std::string& name);
const char* padding_mode_name(PaddingMode mode);

// torch's `padding`: a non-negative amount on both sides, or one of the strings 'same' / 'valid'.
struct Padding {
  enum class Kind { amount, same, valid };
  Kind kind = Kind::amount;
  int64_t amount = 0;  // only meaningful for Kind::amount

  static Padding of(int64_t amount) { return {Kind::amount, amount}; }
  static Padding same() { return {Kind::same, 0}; }
  static Padding valid() { return {Kind::valid, 0}; }
  // Parses "same" | "valid"; throws std::invalid_argument with PyTorch's message otherwise.
  static Padding parse(const std::string& text);
};

// The largest magnitude of any constructor argument or input size (int32's): beyond it the size
// arithmetic could overflow. Larger values are refused with std::invalid_argument naming the argument.
constexpr int64_t max_argument_magnitude = 2147483647;

struct Conv1dOptions {
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  int64_t kernel_size = 0;
  int64_t stride = 1;
  Padding padding;
  int64_t dilation = 1;
  int64_t groups = 1;
  bool bias = true;
  PaddingMode padding_mode = PaddingMode::zeros;
};

// The constructor's arguments as a caller spells them in Python: `padding` a number or a string,
// `padding_mode` a string. parse_arguments checks and parses them in torch.nn.Conv1d.__init__'s order
// (groups, then the padding string, then 'same' with stride, then padding_mode), so that a call
// with several mistakes reports the same one PyTorch reports.
struct Conv1dArguments {
  int64_t in_channels = 0;
  int64_t out_channels = 0;
  int64_t kernel_size = 0;
  int64_t stride = 1;
  int64_t padding = 0;
  bool padding_is_string = false;  // then padding_string ("same" | "valid") replaces `padding`
  std::string padding_string;
  int64_t dilation = 1;
  int64_t groups = 1;
  bool bias = true;
  std::string padding_mode = "zeros";
};

Conv1dOptions parse_arguments(const Conv1dArguments& arguments);
// The arguments that rebuild `options` (the inverse of parse_arguments).
Conv1dArguments to_arguments(const Conv1dOptions& options);

// The checks torch.nn.Conv1d.__init__ makes, in its order and with its messages (ValueError there,
// std::invalid_argument here). Arguments it only checks at forward time are checked by Conv1d::plan.
void validate_construction(const Conv1dOptions& options);

}  // namespace conv1d
