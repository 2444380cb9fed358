#include "fuzz_case.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <typeinfo>
#include <utility>

#include "conv1d/reference.h"

namespace conv1d_fuzz {
namespace {

using conv1d::Shape;
using conv1d::Tensor;

// ---------------------------------------------------------------------------------------------------------------
// Byte format

constexpr int64_t extremes[12] = {
    int64_t{1} << 26,       (int64_t{1} << 26) + 1, (int64_t{1} << 31) - 1, int64_t{1} << 31, int64_t{1} << 32,
    (int64_t{1} << 32) + 1, (int64_t{1} << 53) + 1, int64_t{1} << 62,       INT64_MAX,        INT64_MIN,
    INT64_MIN + 1,          -(int64_t{1} << 31),
};

// Padding strings and padding modes: valid ones first, then known-invalid ones (0xC0 % 4 == 0, so the
// invalid index survives the modulo).
const char* const valid_paddings[] = {"same", "valid"};
const char* const invalid_paddings[] = {"", "Same", " valid", "full"};
const char* const valid_modes[] = {"zeros", "reflect", "replicate", "circular"};
const char* const invalid_modes[] = {"", "Zeros", "reflection", "same"};

// Small defaults per field: a random byte lands in a range where forward actually runs.
namespace small_max {
constexpr int64_t channels = 16, kernel_size = 8, stride = 4, padding = 8, dilation = 4, groups = 4, seed = 255;
constexpr int64_t batch = 4, length = 64;
}  // namespace small_max

class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  uint64_t little_endian(int bytes) {
    uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= uint64_t{byte()} << (8 * i);
    return value;
  }
  int64_t integer(int64_t small) {
    const uint8_t b = byte();
    if (b < 0xF0) return b % (small + 1);
    switch (b) {
      case 0xF0:
        return -int64_t{byte()} - 1;
      case 0xF1:
        return static_cast<int64_t>(little_endian(2));
      case 0xF2:
        return static_cast<int64_t>(little_endian(4));
      case 0xF3:
        return static_cast<int64_t>(little_endian(8));
      default:
        return extremes[b - 0xF4];
    }
  }
  template <size_t valid_count, size_t invalid_count>
  std::string text(const char* const (&valid)[valid_count], const char* const (&invalid)[invalid_count]) {
    const uint8_t b = byte();
    if (b < 0xC0) return valid[b % valid_count];
    if (b < 0xF0) return invalid[b % invalid_count];
    const int length = byte() % 17;
    std::string s;
    for (int i = 0; i < length; ++i) s += static_cast<char>(byte());
    return s;
  }
  Values values() {
    Values v;
    v.mode = byte() % 4;
    v.scale = byte();
    v.special_rate = byte();
    v.seed = static_cast<uint32_t>(little_endian(4));
    return v;
  }
  std::vector<float> rest_as_floats() {
    std::vector<float> out;
    while (size_ - pos_ >= 4) {
      float f;
      std::memcpy(&f, data_ + pos_, 4);
      out.push_back(f);
      pos_ += 4;
    }
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

class Writer {
 public:
  void byte(uint8_t b) { bytes.push_back(b); }
  void little_endian(uint64_t value, int count) {
    for (int i = 0; i < count; ++i) byte(static_cast<uint8_t>(value >> (8 * i)));
  }
  void integer(int64_t value, int64_t small) {
    if (value >= 0 && value <= small) {
      byte(static_cast<uint8_t>(value));
      return;
    }
    for (size_t i = 0; i < 12; ++i) {
      if (extremes[i] == value) {
        byte(static_cast<uint8_t>(0xF4 + i));
        return;
      }
    }
    if (value < 0 && value >= -256) {
      byte(0xF0);
      byte(static_cast<uint8_t>(-value - 1));
    } else if (value >= 0 && value <= 0xFFFF) {
      byte(0xF1);
      little_endian(static_cast<uint64_t>(value), 2);
    } else if (value >= 0 && value <= 0xFFFFFFFFLL) {
      byte(0xF2);
      little_endian(static_cast<uint64_t>(value), 4);
    } else {
      byte(0xF3);
      little_endian(static_cast<uint64_t>(value), 8);
    }
  }
  template <size_t valid_count, size_t invalid_count>
  void text(const std::string& s, const char* const (&valid)[valid_count],
            const char* const (&invalid)[invalid_count]) {
    for (size_t i = 0; i < valid_count; ++i) {
      if (s == valid[i]) {
        byte(static_cast<uint8_t>(i));
        return;
      }
    }
    for (size_t i = 0; i < invalid_count; ++i) {
      if (s == invalid[i]) {
        byte(static_cast<uint8_t>(0xC0 + i));
        return;
      }
    }
    if (s.size() > 16) throw std::invalid_argument("fuzz case strings are at most 16 bytes: '" + s + "'");
    byte(0xF0);
    byte(static_cast<uint8_t>(s.size()));
    for (char c : s) byte(static_cast<uint8_t>(c));
  }
  void values(const Values& v) {
    byte(v.mode);
    byte(v.scale);
    byte(v.special_rate);
    little_endian(v.seed, 4);
  }

  std::vector<uint8_t> bytes;
};

int64_t dim_small_max(size_t index, size_t ndims) {
  const size_t from_end = ndims - 1 - index;
  return from_end == 0 ? small_max::length : from_end == 1 ? small_max::channels : small_max::batch;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

// splitmix64: tiny, seedable, and its stream does not depend on the platform.
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

double magnitude(uint8_t scale) {
  const int exponent = scale < 0xC0 ? scale % 16 - 8 : 2 * (scale - 0xC0) - 64;
  return std::ldexp(1.0, exponent);
}

const float special_values[] = {
    std::numeric_limits<float>::quiet_NaN(),
    std::numeric_limits<float>::infinity(),
    -std::numeric_limits<float>::infinity(),
    0.0f,
    -0.0f,
    std::numeric_limits<float>::denorm_min(),
    -std::numeric_limits<float>::min(),
    std::numeric_limits<float>::max(),
    -std::numeric_limits<float>::max(),
    1.0f,
};

std::vector<float> make_values(const Values& v, size_t count, const std::vector<float>& raw) {
  std::vector<float> out(count);
  Random random{v.seed};
  const double m = magnitude(v.scale);
  for (size_t i = 0; i < count; ++i) {
    switch (v.mode % 4) {
      case Values::uniform:
        out[i] = static_cast<float>((2 * random.unit() - 1) * m);
        break;
      case Values::specials:
        if ((random.next() & 0xFF) < v.special_rate) {
          out[i] = special_values[random.next() % (sizeof special_values / sizeof special_values[0])];
        } else {
          out[i] = static_cast<float>((2 * random.unit() - 1) * m);
        }
        break;
      case Values::integers: {
        const uint64_t s = v.scale % 16;
        out[i] = static_cast<float>(static_cast<int64_t>(random.next() % (2 * s + 1)) - static_cast<int64_t>(s));
        break;
      }
      case Values::raw:
        out[i] = raw.empty() ? 0.0f : raw[i % raw.size()];
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Checking

// Thrown inside check() when a property fails; check() turns it into Result::failure.
struct Finding {
  std::string message;
};

[[noreturn]] void finding(const std::string& message) { throw Finding{message}; }

std::string current_exception_text() {
  try {
    throw;
  } catch (const Finding&) {
    throw;
  } catch (const std::exception& e) {
    return std::string(typeid(e).name()) + ": " + e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

// Runs `f`; true if it returned, false if it threw std::invalid_argument. Any other exception is a finding.
template <class F>
bool accepts(const char* what, F&& f, std::string* message = nullptr) {
  try {
    f();
    return true;
  } catch (const std::invalid_argument& e) {
    if (message) *message = e.what();
    return false;
  } catch (...) {
    finding(std::string(what) + " threw something other than std::invalid_argument: " + current_exception_text());
  }
}

// Must succeed: any exception at all is a finding.
template <class F>
void must_succeed(const char* what, F&& f) {
  try {
    f();
  } catch (const Finding&) {
    throw;
  } catch (...) {
    finding(std::string(what) + " threw: " + current_exception_text());
  }
}

// Product of the dimensions as a double (no overflow), or -1 if a dimension is negative.
double product(const Shape& shape) {
  double count = 1;
  for (int64_t d : shape) {
    if (d < 0) return -1;
    count *= static_cast<double>(d);
  }
  return count;
}

bool same_bits(float a, float b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  uint32_t x, y;
  std::memcpy(&x, &a, 4);
  std::memcpy(&y, &b, 4);
  return x == y;
}

bool same_tensor_bits(const Tensor& a, const Tensor& b) {
  if (a.shape != b.shape || a.data.size() != b.data.size()) return false;
  for (size_t i = 0; i < a.data.size(); ++i) {
    if (!same_bits(a.data[i], b.data[i])) return false;
  }
  return true;
}

bool same_parameter(const std::optional<Tensor>& a, const std::optional<Tensor>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || same_tensor_bits(*a, *b);
}

Tensor absolute(Tensor t) {
  for (float& v : t.data) v = std::fabs(v);
  return t;
}

// |v| of the finite values, 0 for Inf and NaN.
Tensor finite_magnitudes(Tensor t) {
  for (float& v : t.data) v = std::isfinite(v) ? std::fabs(v) : 0.0f;
  return t;
}

// (b): kernel output `actual` against the double-accumulating reference `expected`, where `scale` is
// the reference run on |w|, |x|, |b| (sum of |w x| + |b| per output), `finite_scale` the same over the finite
// operands alone (Inf and NaN as 0; needed only where `expected` is infinite) and `terms` bounds the number of
// products per output.
void compare_with_reference(const Tensor& actual, const Tensor& expected, const Tensor& scale,
                            const Tensor& finite_scale, int64_t terms) {
  if (actual.shape != expected.shape) {
    finding("forward returned shape " + conv1d::format_shape(actual.shape) + " but the reference " +
            conv1d::format_shape(expected.shape));
  }
  if (actual.data.size() != expected.data.size() || scale.data.size() != expected.data.size()) {
    finding("forward returned " + std::to_string(actual.data.size()) + " values for shape " +
            conv1d::format_shape(actual.shape));
  }
  // Any summation order of n float products has error <= n u sum|w x| (u = 2^-24); FMA only helps.
  const double relative = std::max(1e-4, 2.0 * static_cast<double>(terms + 1) * 0x1.0p-24);
  // Below this, no partial float sum can overflow, so Inf/NaN can only come from Inf/NaN operands.
  const double overflow_free = 1e37;
  for (size_t i = 0; i < expected.data.size(); ++i) {
    const double a = actual.data[i], e = expected.data[i], s = scale.data[i];
    std::ostringstream where;
    where.precision(9);
    where << "output element " << i << ": forward " << a << ", reference " << e << ", sum|w x| " << s;
    // Inf and NaN operands give the reference's non-finite result (see run()), and a NaN reference a NaN.
    if (std::isnan(e)) {
      if (!std::isnan(a)) finding(where.str() + " (the reference is NaN)");
      continue;
    }
    if (std::isinf(e)) {
      // Infinite operands, all of one sign (else the reference would be NaN): the same infinity, unless the
      // float sums of the finite products could overflow.
      if (finite_scale.data[i] < overflow_free && a != e) {
        where << ", finite sum|w x| " << finite_scale.data[i];
        finding(where.str() + " (the reference is infinite)");
      }
      continue;
    }
    // The reference is finite, so every operand is: only a possible float overflow excuses any result.
    // (Below the bound, |reference| <= sum|w x| is finite, and so must the kernel's result be.)
    if (!(s < overflow_free)) continue;
    if (!(std::fabs(a - e) <= relative * (1.0 + s))) {
      where << ", tolerance " << relative * (1.0 + s);
      finding(where.str());
    }
  }
}

// (c): a few shapes a caller might pass by mistake. A layer may have a huge dimension next to a zero one
// (e.g. weight [2^62, 0, 3]), hence the saturating +1; shapes too large to allocate are not tried.
int64_t plus_one(int64_t d) { return d < INT64_MAX ? d + 1 : d - 1; }

std::optional<Shape> wrong_weight_shape(const Shape& w, uint8_t selector) {
  switch (selector % 8) {
    case 1:
      return Shape{plus_one(w[0]), w[1], w[2]};
    case 2:
      return Shape{w[0], plus_one(w[1]), w[2]};
    case 3:
      return Shape{w[0], w[1], plus_one(w[2])};
    case 4:
      return Shape{w[0], w[1], w[2], 1};
    case 5: {
      const double count = product(w);
      return count <= static_cast<double>(max_parameter_elements) ? Shape{static_cast<int64_t>(count)} : Shape{-1};
    }
    case 6:
      return Shape{};
    case 7:
      return Shape{w[0], w[1]};
    default:
      return std::nullopt;
  }
}

std::optional<Shape> wrong_bias_shape(int64_t out_channels, const Shape& weight_shape, uint8_t selector) {
  switch (selector % 6) {
    case 1:
      return Shape{plus_one(out_channels)};
    case 2:
      return Shape{};
    case 3:
      return Shape{out_channels, 1};
    case 4:
      return Shape{1, out_channels};
    case 5:
      return weight_shape;  // same count as the bias only when in/groups * k == 1: then still wrong rank
    default:
      return std::nullopt;
  }
}

// Only shapes whose every dimension is small: element_count refuses [1, 2^62, 0] (its running product
// overflows the cap before it meets the zero) although the tensor would be empty.
bool small_enough(const std::optional<Shape>& shape) {
  if (!shape) return false;
  for (int64_t d : *shape) {
    if (d < 0 || d > 2 * max_parameter_elements) return false;
  }
  return product(*shape) <= 2.0 * static_cast<double>(max_parameter_elements);
}

void check_wrong_shapes(conv1d::Conv1d& layer, const FuzzCase& c) {
  const Tensor weight_before = layer.weight();
  const std::optional<Tensor> bias_before = layer.bias();
  if (const auto shape = wrong_weight_shape(weight_before.shape, c.bad_weight_shape); small_enough(shape)) {
    Tensor wrong(*shape);
    if (accepts("set_weight with a wrong shape", [&] { layer.set_weight(wrong); })) {
      finding("set_weight accepted shape " + conv1d::format_shape(*shape) + " for weight " +
              conv1d::format_shape(weight_before.shape));
    }
  }
  if (const auto shape = wrong_bias_shape(layer.options().out_channels, weight_before.shape, c.bad_bias_shape);
      small_enough(shape)) {
    Tensor wrong(*shape);
    if (accepts("set_bias with a wrong shape", [&] { layer.set_bias(wrong); })) {
      finding("set_bias accepted shape " + conv1d::format_shape(*shape) + " for out_channels " +
              std::to_string(layer.options().out_channels));
    }
  }
  if (!same_tensor_bits(layer.weight(), weight_before) || !same_parameter(layer.bias(), bias_before)) {
    finding("a refused set_weight / set_bias changed the layer's parameters");
  }
}

// (a): a fresh layer has weight [out, in/groups, k], bias [out] iff bias=True, drawn within 1/sqrt(fan_in).
void check_fresh_parameters(const conv1d::Conv1d& layer) {
  const conv1d::Conv1dOptions& o = layer.options();
  if (o.groups <= 0) finding("the constructor accepted groups=" + std::to_string(o.groups));
  const Shape expected{o.out_channels, o.in_channels / o.groups, o.kernel_size};
  if (layer.weight().shape != expected) {
    finding("weight has shape " + conv1d::format_shape(layer.weight().shape) + ", expected " +
            conv1d::format_shape(expected));
  }
  if (layer.bias().has_value() != o.bias) finding("bias presence does not follow bias=" + std::to_string(o.bias));
  if (layer.bias() && layer.bias()->shape != Shape{o.out_channels}) {
    finding("bias has shape " + conv1d::format_shape(layer.bias()->shape));
  }
  const double fan_in = static_cast<double>(expected[1]) * static_cast<double>(expected[2]);
  const double bound = fan_in > 0 ? (1 + 1e-6) / std::sqrt(fan_in) : 0.0;
  auto within = [&](const Tensor& t, const char* name) {
    for (size_t i = 0; i < t.data.size(); ++i) {
      if (!(std::fabs(t.data[i]) <= bound)) {
        finding(std::string("initial ") + name + "[" + std::to_string(i) + "] = " + std::to_string(t.data[i]) +
                " is outside +-" + std::to_string(bound));
      }
    }
  };
  within(layer.weight(), "weight");
  if (layer.bias()) within(*layer.bias(), "bias");
}

// (d): batch items are independent, and (C, L) is (1, C, L) without the batch dimension. Whether both
// forms are accepted is torch's business (1.13 refuses circular padding of (C, L), and reflect checks
// dimension 1 of either form: L for (C, L), C for (N, C, L)); where both are, the values must agree.
void check_batching(const conv1d::Conv1d& layer, const Tensor& input, const Tensor& output) {
  if (input.shape.size() == 2) {
    const Tensor batched_input(Shape{1, input.shape[0], input.shape[1]}, input.data);
    Tensor batched;
    if (!accepts("forward of the (1, C, L) form of an accepted (C, L) input",
                 [&] { batched = layer.forward(batched_input); })) {
      return;
    }
    const Tensor expected(Shape{1, output.shape[0], output.shape[1]}, output.data);
    if (!same_tensor_bits(batched, expected)) finding("forward of (C, L) differs from forward of (1, C, L)");
    return;
  }
  const int64_t batch = input.shape[0];
  if (batch < 2) return;
  const size_t in_item = static_cast<size_t>(input.shape[1] * input.shape[2]);
  const size_t out_item = static_cast<size_t>(output.shape[1] * output.shape[2]);
  // The first and the last item are enough to catch state carried between items.
  for (int64_t n : {int64_t{0}, batch - 1}) {
    const auto in_begin = input.data.begin() + static_cast<ptrdiff_t>(static_cast<size_t>(n) * in_item);
    const Tensor item(Shape{1, input.shape[1], input.shape[2]},
                      std::vector<float>(in_begin, in_begin + static_cast<ptrdiff_t>(in_item)));
    Tensor item_output;
    if (!accepts("forward of one item of an accepted batch", [&] { item_output = layer.forward(item); })) {
      finding("forward refused batch item " + std::to_string(n) + " alone but accepted the batch");
    }
    const auto out_begin = output.data.begin() + static_cast<ptrdiff_t>(static_cast<size_t>(n) * out_item);
    const Tensor expected(Shape{1, output.shape[1], output.shape[2]},
                          std::vector<float>(out_begin, out_begin + static_cast<ptrdiff_t>(out_item)));
    if (!same_tensor_bits(item_output, expected)) {
      finding("batch item " + std::to_string(n) + " alone differs from the same item within the batch");
    }
  }
}

void check_plan(const conv1d::ConvPlan& p, const Shape& input_shape) {
  if (p.output_shape.size() != input_shape.size()) {
    finding("plan accepted input " + conv1d::format_shape(input_shape) + " with output shape " +
            conv1d::format_shape(p.output_shape));
  }
  const double out = product(p.output_shape);
  if (out < 0) finding("plan returned a negative output size " + conv1d::format_shape(p.output_shape));
  if (out > static_cast<double>(conv1d::max_tensor_elements)) {
    finding("plan accepted output " + conv1d::format_shape(p.output_shape) + " beyond max_tensor_elements");
  }
  const double in = product(input_shape);
  if (in < 0 || in > static_cast<double>(conv1d::max_tensor_elements)) {
    finding("plan accepted input " + conv1d::format_shape(input_shape) + " (negative or beyond max_tensor_elements)");
  }
}

Outcome run(const FuzzCase& c) {
  conv1d::Conv1dOptions options;
  if (!accepts("parse_arguments", [&] { options = conv1d::parse_arguments(c.arguments); })) {
    return Outcome::refused_arguments;
  }

  // Initializing a valid but large layer takes a random draw per weight: skip those, but still construct
  // every layer whose declared size the core must refuse (negative, or beyond max_tensor_elements).
  if (options.groups > 0) {
    const double weight = product({options.out_channels, options.in_channels / options.groups, options.kernel_size});
    const double bias = options.bias ? product({options.out_channels}) : 0;
    const double cap = static_cast<double>(conv1d::max_tensor_elements);
    const double limit = static_cast<double>(max_parameter_elements);
    if ((weight > limit && weight <= cap) || (bias > limit && bias <= cap)) return Outcome::skipped_weight_cost;
  }

  conv1d::Generator generator(c.seed);
  std::optional<conv1d::Conv1d> constructed;
  if (!accepts("the Conv1d constructor", [&] { constructed.emplace(options, generator); })) {
    return Outcome::refused_construction;
  }
  conv1d::Conv1d& layer = *constructed;
  check_fresh_parameters(layer);
  check_wrong_shapes(layer, c);

  const Shape weight_shape = layer.weight().shape;
  if (c.replace_weight) {
    Tensor w(weight_shape, make_values(c.weight, layer.weight().data.size(), c.raw));
    must_succeed("set_weight with the layer's own shape", [&] { layer.set_weight(std::move(w)); });
  }
  switch (c.bias_action % 3) {
    case 1: {
      Tensor b(Shape{options.out_channels}, make_values(c.bias, static_cast<size_t>(options.out_channels), c.raw));
      must_succeed("set_bias with shape (out_channels)", [&] { layer.set_bias(std::move(b)); });
      break;
    }
    case 2:
      must_succeed("set_bias(none)", [&] { layer.set_bias(std::nullopt); });
      break;
    default:
      break;
  }

  conv1d::ConvPlan p;
  if (!accepts("plan", [&] { p = layer.plan(c.input_shape); })) return Outcome::refused_input;
  check_plan(p, c.input_shape);

  // Work of one forward; its loops over batch items are not counted, so a core that iterates over a huge
  // batch of empty items shows up as a hang (the output has no elements, so it should cost nothing).
  const double batch = static_cast<double>(p.batch);
  const double group_in = static_cast<double>(p.in_channels) / static_cast<double>(options.groups);
  const double work = batch * (static_cast<double>(p.in_channels) *
                                   (static_cast<double>(p.length) + static_cast<double>(p.padded_length)) +
                               static_cast<double>(p.out_channels) * static_cast<double>(p.out_length) *
                                   (1 + group_in * static_cast<double>(options.kernel_size)));
  if (!(work <= max_forward_work)) return Outcome::skipped_forward_cost;

  const size_t input_count = static_cast<size_t>(product(c.input_shape));
  const Tensor input(c.input_shape, make_values(c.input, input_count, c.raw));
  Tensor output, expected, scale;
  must_succeed("forward of an input plan() accepted", [&] { output = layer.forward(input); });
  must_succeed("reference_forward of an input plan() accepted",
               [&] { expected = conv1d::reference_forward(layer, input); });
  if (output.shape != p.output_shape) {
    finding("forward returned shape " + conv1d::format_shape(output.shape) + ", plan said " +
            conv1d::format_shape(p.output_shape));
  }
  conv1d::Conv1d magnitudes = layer;
  must_succeed("copying |weight| and |bias| into a layer", [&] {
    magnitudes.set_weight(absolute(layer.weight()));
    if (layer.bias()) magnitudes.set_bias(absolute(*layer.bias()));
  });
  must_succeed("reference_forward on magnitudes",
               [&] { scale = conv1d::reference_forward(magnitudes, absolute(input)); });
  // Like the kernels, reference_forward multiplies the zeros of zero padding (an Inf weight meeting one gives
  // NaN in both, as torch's padded-input convolution does), so outside a possible float overflow the kernels'
  // Inf and NaN outputs are the reference's. Where the reference is infinite, that overflow bound is taken
  // over the finite operands alone.
  Tensor finite_scale;
  if (std::any_of(expected.data.begin(), expected.data.end(), [](float v) { return std::isinf(v); })) {
    conv1d::Conv1d finite = layer;
    must_succeed("copying the finite |weight| and |bias| into a layer", [&] {
      finite.set_weight(finite_magnitudes(layer.weight()));
      if (layer.bias()) finite.set_bias(finite_magnitudes(*layer.bias()));
    });
    must_succeed("reference_forward on finite magnitudes",
                 [&] { finite_scale = conv1d::reference_forward(finite, finite_magnitudes(input)); });
  }
  compare_with_reference(output, expected, scale, finite_scale,
                         static_cast<int64_t>(group_in) * std::max<int64_t>(options.kernel_size, 0));
  check_batching(layer, input, output);
  return Outcome::ran;
}

}  // namespace

FuzzCase decode(const uint8_t* data, size_t size) {
  Reader r(data, size);
  FuzzCase c;
  conv1d::Conv1dArguments& a = c.arguments;
  a.in_channels = r.integer(small_max::channels);
  a.out_channels = r.integer(small_max::channels);
  a.kernel_size = r.integer(small_max::kernel_size);
  a.stride = r.integer(small_max::stride);
  a.padding_is_string = r.byte() & 1;
  if (a.padding_is_string) {
    a.padding_string = r.text(valid_paddings, invalid_paddings);
  } else {
    a.padding = r.integer(small_max::padding);
  }
  a.dilation = r.integer(small_max::dilation);
  a.groups = r.integer(small_max::groups);
  a.bias = r.byte() & 1;
  a.padding_mode = r.text(valid_modes, invalid_modes);
  c.seed = static_cast<uint64_t>(r.integer(small_max::seed));
  const size_t ndims = r.byte() % 5;
  for (size_t i = 0; i < ndims; ++i) c.input_shape.push_back(r.integer(dim_small_max(i, ndims)));
  c.input = r.values();
  c.replace_weight = r.byte() & 1;
  c.weight = r.values();
  c.bias_action = r.byte() % 3;
  c.bias = r.values();
  c.bad_weight_shape = r.byte() % 8;
  c.bad_bias_shape = r.byte() % 6;
  c.raw = r.rest_as_floats();
  return c;
}

std::vector<uint8_t> encode(const FuzzCase& c) {
  Writer w;
  const conv1d::Conv1dArguments& a = c.arguments;
  w.integer(a.in_channels, small_max::channels);
  w.integer(a.out_channels, small_max::channels);
  w.integer(a.kernel_size, small_max::kernel_size);
  w.integer(a.stride, small_max::stride);
  w.byte(a.padding_is_string);
  if (a.padding_is_string) {
    w.text(a.padding_string, valid_paddings, invalid_paddings);
  } else {
    w.integer(a.padding, small_max::padding);
  }
  w.integer(a.dilation, small_max::dilation);
  w.integer(a.groups, small_max::groups);
  w.byte(a.bias);
  w.text(a.padding_mode, valid_modes, invalid_modes);
  w.integer(static_cast<int64_t>(c.seed), small_max::seed);
  if (c.input_shape.size() > 4) throw std::invalid_argument("fuzz cases have at most 4 input dimensions");
  w.byte(static_cast<uint8_t>(c.input_shape.size()));
  for (size_t i = 0; i < c.input_shape.size(); ++i) {
    w.integer(c.input_shape[i], dim_small_max(i, c.input_shape.size()));
  }
  w.values(c.input);
  w.byte(c.replace_weight);
  w.values(c.weight);
  w.byte(c.bias_action % 3);
  w.values(c.bias);
  w.byte(c.bad_weight_shape % 8);
  w.byte(c.bad_bias_shape % 6);
  for (float f : c.raw) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    w.little_endian(bits, 4);
  }
  return w.bytes;
}

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::refused_arguments:
      return "refused_arguments";
    case Outcome::skipped_weight_cost:
      return "skipped_weight_cost";
    case Outcome::refused_construction:
      return "refused_construction";
    case Outcome::refused_input:
      return "refused_input";
    case Outcome::skipped_forward_cost:
      return "skipped_forward_cost";
    case Outcome::ran:
      return "ran";
  }
  return "?";
}

std::string describe(const FuzzCase& c) {
  const conv1d::Conv1dArguments& a = c.arguments;
  std::ostringstream s;
  auto quoted = [](const std::string& text) {
    std::string q = "'";
    for (unsigned char ch : text) {
      if (ch >= 0x20 && ch < 0x7F && ch != '\'' && ch != '\\') {
        q += static_cast<char>(ch);
      } else {
        static const char hex[] = "0123456789abcdef";
        q += "\\x";
        q += hex[ch >> 4];
        q += hex[ch & 15];
      }
    }
    return q + "'";
  };
  s << "Conv1d(" << a.in_channels << ", " << a.out_channels << ", kernel_size=" << a.kernel_size
    << ", stride=" << a.stride << ", padding=";
  if (a.padding_is_string) {
    s << quoted(a.padding_string);
  } else {
    s << a.padding;
  }
  s << ", dilation=" << a.dilation << ", groups=" << a.groups << ", bias=" << (a.bias ? "True" : "False")
    << ", padding_mode=" << quoted(a.padding_mode) << ") seed=" << c.seed
    << " input=" << conv1d::format_shape(c.input_shape) << " values(mode " << int{c.input.mode} << ", scale "
    << int{c.input.scale} << ", specials " << int{c.input.special_rate} << ")";
  if (c.replace_weight) s << " set_weight(mode " << int{c.weight.mode} << ", scale " << int{c.weight.scale} << ")";
  if (c.bias_action % 3 == 1) s << " set_bias(mode " << int{c.bias.mode} << ", scale " << int{c.bias.scale} << ")";
  if (c.bias_action % 3 == 2) s << " set_bias(none)";
  s << " raw floats " << c.raw.size();
  return s.str();
}

Result check(const FuzzCase& c) {
  Result result;
  try {
    result.outcome = run(c);
  } catch (const Finding& f) {
    result.failure = f.message + "\n  case: " + describe(c);
  } catch (...) {
    result.failure = "the harness itself threw: " + current_exception_text() + "\n  case: " + describe(c);
  }
  return result;
}

Result check_bytes(const uint8_t* data, size_t size) { return check(decode(data, size)); }

}  // namespace conv1d_fuzz
