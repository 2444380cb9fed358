// Conv1d backward: the input gradient as a convolution on the forward's kernels (float, as torch's), the weight
// and bias gradients as plain loops accumulated in double and rounded once. reference_backward checks it.
#include "conv1d/backward.h"

#include <algorithm>
#include <string>
#include <vector>

#include "conv1d/error.h"
#include "kernels/dispatch.h"
#include "padding.h"

namespace conv1d {
namespace {

// Autograd's check of output.backward(grad_output), in its words.
void check_grad_output(const ConvPlan& p, const Tensor& grad_output) {
  if (grad_output.shape != p.output_shape) {
    throw ArgumentError("grad_output", "Mismatch in shape: grad_output[0] has a shape of torch.Size(" +
                                           format_shape(grad_output.shape) +
                                           ") and output[0] has a shape of torch.Size(" + format_shape(p.output_shape) +
                                           ").");
  }
}

void check_index(const char* function, const char* name, int64_t value, int64_t limit, const char* dimension) {
  if (value < 0 || value >= limit) {
    throw ArgumentError(name, std::string(function) + ": " + name + "=" + std::to_string(value) +
                                  " is out of range for " + dimension + " of size " + std::to_string(limit));
  }
}

// How many of `count` terms an explanation lists for a caller's limit (negative: all).
int64_t listed_count(int64_t count, int64_t limit) { return limit < 0 ? count : std::min(count, limit); }

// Σ_t a[t] * b[t * b_stride] in double, over four interleaved partial sums added pairwise at the end: four
// independent chains of additions, which the CPU overlaps, instead of one that waits on each addition.
// backward and explain_weight_gradient both sum each batch item with it, so they round to the same float.
double sum_of_products(const float* a, const float* b, int64_t b_stride, int64_t count) {
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  int64_t t = 0;
  for (; t + 4 <= count; t += 4) {
    s0 += static_cast<double>(a[t]) * b[t * b_stride];
    s1 += static_cast<double>(a[t + 1]) * b[(t + 1) * b_stride];
    s2 += static_cast<double>(a[t + 2]) * b[(t + 2) * b_stride];
    s3 += static_cast<double>(a[t + 3]) * b[(t + 3) * b_stride];
  }
  for (; t < count; ++t) s0 += static_cast<double>(a[t]) * b[t * b_stride];
  return (s0 + s1) + (s2 + s3);
}

// ∂L/∂x_padded[c, t*stride + j*dilation] collects ∂L/∂y[o, t] * w[o, c, j]: a convolution of ∂L/∂y, spread out
// to one value every `stride` positions and zero-padded by dilation*(k-1) on both sides, with the weights
// transposed (in and out channels swapped within each group) and flipped, so it runs on the forward's kernels.
// The spread copy is mostly zeros when the stride or the dilation is large next to the output: then plain loops
// (in double) do the same sum without it.
class InputGradient {
 public:
  InputGradient(const Conv1d& layer, const ConvPlan& p) : p_(p), o_(layer.options()), w_(layer.weight().data.data()) {
    const int64_t reach = o_.dilation * (o_.kernel_size - 1);
    problem_ = {p.out_channels, (p.out_length - 1) * o_.stride + 1 + 2 * reach,
                p.in_channels,  (p.out_length - 1) * o_.stride + 1 + reach,
                o_.kernel_size, 1,
                o_.dilation,    o_.groups};
    sources_.resize(static_cast<size_t>(p.padded_length));
    for (int64_t q = 0; q < p.padded_length; ++q) {
      sources_[static_cast<size_t>(q)] = padded_source(q, p.pad_left, p.length, o_.padding_mode);
    }
    const bool spread_pays = problem_.padded_length <= spread_limit * p.out_length &&
                             problem_.in_channels * problem_.padded_length <= max_tensor_elements;
    if (!spread_pays) {
      sums_.resize(static_cast<size_t>(p.in_channels * p.length));
      return;
    }
    const int64_t group_in = p.in_channels / o_.groups;
    const int64_t group_out = p.out_channels / o_.groups;
    const int64_t taps = o_.kernel_size;
    // [C_in, C_out/groups, k] from [C_out, C_in/groups, k].
    std::vector<float> transposed(layer.weight().data.size());
    float* flipped = transposed.data();
    for (int64_t oc = 0; oc < p.out_channels; ++oc) {
      const int64_t g = oc / group_out;
      for (int64_t ic = 0; ic < group_in; ++ic) {
        for (int64_t j = 0; j < taps; ++j) {
          flipped[((g * group_in + ic) * group_out + oc % group_out) * taps + (taps - 1 - j)] =
              w_[(oc * group_in + ic) * taps + j];
        }
      }
    }
    kernel_ = &select_kernel(problem_);
    if (kernel_->layout == WeightLayout::raw) {
      weights_ = std::move(transposed);
    } else {
      weights_.resize(static_cast<size_t>(packed_weight_size(kernel_->layout, problem_)));
      pack_weights(kernel_->layout, problem_, flipped, weights_.data());
    }
    spread_.assign(static_cast<size_t>(problem_.in_channels * problem_.padded_length), 0.0f);
    padded_.resize(static_cast<size_t>(problem_.out_channels * problem_.out_length));
  }

  // grad_output: [C_out, L_out] of one batch item; grad_input: [C_in, L], overwritten.
  void run(const float* grad_output, float* grad_input) {
    if (kernel_) {
      run_kernel(grad_output, grad_input);
    } else {
      run_loops(grad_output, grad_input);
    }
  }

 private:
  // At most this many spread positions per output position (8: a stride of 8, or a dilation*(k-1) of
  // 3.5 outputs) before the kernels' speed no longer pays for the zeros they multiply.
  static constexpr int64_t spread_limit = 8;

  void run_kernel(const float* grad_output, float* grad_input) {
    const int64_t reach = o_.dilation * (o_.kernel_size - 1);
    for (int64_t oc = 0; oc < problem_.in_channels; ++oc) {
      float* row = spread_.data() + oc * problem_.padded_length + reach;
      for (int64_t t = 0; t < p_.out_length; ++t) row[t * o_.stride] = grad_output[oc * p_.out_length + t];
    }
    kernel_->run(problem_, spread_.data(), weights_.data(), nullptr, padded_.data());
    // A padded position passes its gradient to the input position it copied (zero padding copies none).
    // Positions past the last window (a stride's remainder) read nothing and have no gradient.
    std::fill(grad_input, grad_input + p_.in_channels * p_.length, 0.0f);
    const int64_t* sources = sources_.data();
    for (int64_t c = 0; c < p_.in_channels; ++c) {
      const float* from = padded_.data() + c * problem_.out_length;
      float* to = grad_input + c * p_.length;
      for (int64_t q = 0; q < problem_.out_length; ++q) {
        if (sources[q] >= 0) to[sources[q]] += from[q];
      }
    }
  }

  void run_loops(const float* grad_output, float* grad_input) {
    const int64_t group_in = p_.in_channels / o_.groups;
    const int64_t group_out = p_.out_channels / o_.groups;
    const int64_t taps = o_.kernel_size;
    const int64_t* sources = sources_.data();
    double* sums = sums_.data();
    std::fill(sums_.begin(), sums_.end(), 0.0);
    for (int64_t oc = 0; oc < p_.out_channels; ++oc) {
      const int64_t first_in = (oc / group_out) * group_in;
      for (int64_t t = 0; t < p_.out_length; ++t) {
        const double g = grad_output[oc * p_.out_length + t];
        for (int64_t ic = 0; ic < group_in; ++ic) {
          for (int64_t j = 0; j < taps; ++j) {
            const int64_t source = sources[t * o_.stride + j * o_.dilation];
            if (source >= 0) sums[(first_in + ic) * p_.length + source] += g * w_[(oc * group_in + ic) * taps + j];
          }
        }
      }
    }
    for (size_t i = 0; i < sums_.size(); ++i) grad_input[i] = static_cast<float>(sums_[i]);
  }

  const ConvPlan& p_;
  const Conv1dOptions& o_;
  const float* w_;  // [C_out, C_in/groups, k]
  ConvProblem problem_{};
  std::vector<int64_t> sources_;  // padded_source of each padded position
  // The kernels' path (kernel_ set):
  const KernelInfo* kernel_ = nullptr;
  std::vector<float> weights_;  // in kernel_'s layout
  std::vector<float> spread_;   // [C_out, (L_out-1)*stride + 1 + 2*dilation*(k-1)]: zeros between values
  std::vector<float> padded_;   // [C_in, (L_out-1)*stride + 1 + dilation*(k-1)]: ∂L/∂x_padded
  // The loops' path:
  std::vector<double> sums_;  // [C_in, L]
};

}  // namespace

Conv1dGradients backward(const Conv1d& layer, const Tensor& input, const Tensor& grad_output) {
  const ConvPlan p = layer.plan(input.shape);
  check_grad_output(p, grad_output);
  const Conv1dOptions& o = layer.options();
  Conv1dGradients grads{Tensor(input.shape), Tensor(layer.weight().shape), std::nullopt};
  if (layer.bias()) grads.bias = Tensor(layer.bias()->shape);
  // An empty batch, or no input channels (then no output channels either, see plan), has nothing to convolve.
  if (p.batch == 0 || p.in_channels == 0) return grads;

  InputGradient input_gradient(layer, p);
  const int64_t group_in = p.in_channels / o.groups;
  const int64_t group_out = p.out_channels / o.groups;
  const int64_t taps = o.kernel_size;
  const int64_t width = p.padded_length;
  std::vector<float> x_padded(static_cast<size_t>(p.in_channels * width));
  std::vector<double> dw(grads.weight.data.size(), 0.0);
  std::vector<double> db(static_cast<size_t>(p.out_channels), 0.0);
  double* gw = dw.data();  // pointers: indexing a vector with int64_t narrows on 32-bit WebAssembly
  double* gb = db.data();
  for (int64_t n = 0; n < p.batch; ++n) {
    const float* dy_item = grad_output.data.data() + n * p.out_channels * p.out_length;
    input_gradient.run(dy_item, grads.input.data.data() + n * p.in_channels * p.length);
    // ∂L/∂w[o, i, j] = Σ_n Σ_t ∂L/∂y[n, o, t] * x_padded[n, g*C_in/groups + i, t*stride + j*dilation], in double.
    pad_input(input.data.data() + n * p.in_channels * p.length, p.in_channels, p.length, p.pad_left, p.pad_right,
              o.padding_mode, x_padded.data());
    for (int64_t oc = 0; oc < p.out_channels; ++oc) {
      const int64_t first_in = (oc / group_out) * group_in;
      const float* dy = dy_item + oc * p.out_length;
      for (int64_t t = 0; t < p.out_length; ++t) gb[oc] += dy[t];
      for (int64_t ic = 0; ic < group_in; ++ic) {
        for (int64_t j = 0; j < taps; ++j) {
          const float* x = x_padded.data() + (first_in + ic) * width + j * o.dilation;
          gw[(oc * group_in + ic) * taps + j] += sum_of_products(dy, x, o.stride, p.out_length);
        }
      }
    }
  }
  for (size_t i = 0; i < dw.size(); ++i) grads.weight.data[i] = static_cast<float>(dw[i]);
  if (grads.bias) {
    for (size_t i = 0; i < db.size(); ++i) grads.bias->data[i] = static_cast<float>(db[i]);
  }
  return grads;
}

WeightGradientExplanation explain_weight_gradient(const Conv1d& layer, const Tensor& input, const Tensor& grad_output,
                                                  int64_t out_channel, int64_t in_channel, int64_t tap,
                                                  int64_t term_limit) {
  const ConvPlan p = layer.plan(input.shape);
  check_grad_output(p, grad_output);
  const Conv1dOptions& o = layer.options();
  const Shape& shape = layer.weight().shape;
  const char* function = "explain_weight_gradient()";
  check_index(function, "out_channel", out_channel, shape[0], "the weight's dimension 0");
  check_index(function, "in_channel", in_channel, shape[1], "the weight's dimension 1");
  check_index(function, "tap", tap, shape[2], "the weight's dimension 2");

  WeightGradientExplanation e{};
  e.out_channel = out_channel;
  e.in_channel = in_channel;
  e.tap = tap;
  e.group = out_channel / (shape[0] / o.groups);
  e.input_channel = e.group * shape[1] + in_channel;
  e.term_count = p.batch * p.out_length;
  const int64_t listed = listed_count(e.term_count, term_limit);
  e.terms.reserve(static_cast<size_t>(listed));
  // Summed as backward sums it, so the two round to the same float.
  double sum = 0.0;
  std::vector<float> grads(static_cast<size_t>(p.out_length));
  std::vector<float> inputs(grads.size());
  for (int64_t n = 0; n < p.batch; ++n) {
    for (int64_t t = 0; t < p.out_length; ++t) {
      WeightGradientTerm term{};
      term.batch = n;
      term.position = t;
      term.grad_output = grad_output.data[static_cast<size_t>((n * p.out_channels + out_channel) * p.out_length + t)];
      term.padded_position = t * o.stride + tap * o.dilation;
      term.source = padded_source(term.padded_position, p.pad_left, p.length, o.padding_mode);
      term.padded = term.padded_position < p.pad_left || term.padded_position >= p.pad_left + p.length;
      if (term.source >= 0) {
        term.input = input.data[static_cast<size_t>((n * p.in_channels + e.input_channel) * p.length + term.source)];
      }
      grads[static_cast<size_t>(t)] = term.grad_output;
      inputs[static_cast<size_t>(t)] = term.input;
      if (static_cast<int64_t>(e.terms.size()) < listed) e.terms.push_back(term);
    }
    sum += sum_of_products(grads.data(), inputs.data(), 1, p.out_length);
  }
  e.value = static_cast<float>(sum);
  return e;
}

BiasGradientExplanation explain_bias_gradient(const Conv1d& layer, const Tensor& input, const Tensor& grad_output,
                                              int64_t out_channel, int64_t term_limit) {
  const ConvPlan p = layer.plan(input.shape);
  check_grad_output(p, grad_output);
  if (!layer.bias()) throw ArgumentError("bias", "explain_bias_gradient(): the layer has no bias");
  check_index("explain_bias_gradient()", "out_channel", out_channel, layer.weight().shape[0], "the bias");
  BiasGradientExplanation e{};
  e.out_channel = out_channel;
  // With no input channels the output has no channels, and the bias gradient no terms.
  e.term_count = out_channel < p.out_channels ? p.batch * p.out_length : 0;
  const int64_t listed = listed_count(e.term_count, term_limit);
  e.terms.reserve(static_cast<size_t>(listed));
  double sum = 0.0;
  if (out_channel < p.out_channels) {
    for (int64_t n = 0; n < p.batch; ++n) {
      for (int64_t t = 0; t < p.out_length; ++t) {
        const float g = grad_output.data[static_cast<size_t>((n * p.out_channels + out_channel) * p.out_length + t)];
        if (static_cast<int64_t>(e.terms.size()) < listed) e.terms.push_back({n, t, g});
        sum += g;
      }
    }
  }
  e.value = static_cast<float>(sum);
  return e;
}

}  // namespace conv1d
