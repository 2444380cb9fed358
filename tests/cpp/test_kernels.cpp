// Every kernel in kernels.inc against the double-precision reference, on shapes at and around
// vector-tile boundaries (lengths and channel counts below, at and above multiples of 4 and 8).
#include <catch2/catch.hpp>

#include <random>

#include "conv1d/reference.h"
#include "kernels/kernel.h"
#include "padding.h"
#include "tolerance.h"

namespace {

struct NamedKernel {
  const char* name;
  conv1d::ConvKernel run;
};

const NamedKernel all_kernels[] = {
#define CONV1D_DECLARE_KERNEL(name) {#name, conv1d::name},
#include "kernels/kernels.inc"
#undef CONV1D_DECLARE_KERNEL
};

// Runs `kernel` the way Conv1d::forward does, but forcing the kernel instead of dispatching.
conv1d::Tensor run_kernel(conv1d::ConvKernel kernel, const conv1d::Conv1d& layer, const conv1d::Tensor& input) {
  const conv1d::ConvPlan p = layer.plan(input.shape);
  const conv1d::Conv1dOptions& o = layer.options();
  const conv1d::ConvProblem problem{p.in_channels, p.padded_length, p.out_channels, p.out_length,
                                    o.kernel_size,  o.stride,        o.dilation,     o.groups};
  conv1d::Tensor output(p.output_shape);
  std::vector<float> padded(static_cast<size_t>(p.in_channels * p.padded_length));
  for (int64_t n = 0; n < p.batch; ++n) {
    conv1d::pad_input(input.data.data() + n * p.in_channels * p.length, p.in_channels, p.length, p.pad_left,
                      p.pad_right, o.padding_mode, padded.data());
    kernel(problem, padded.data(), layer.weight().data.data(), layer.bias() ? layer.bias()->data.data() : nullptr,
           output.data.data() + n * p.out_channels * p.out_length);
  }
  return output;
}

conv1d::Tensor random_tensor(conv1d::Shape shape, std::mt19937& rng) {
  conv1d::Tensor t(std::move(shape));
  std::normal_distribution<float> normal;
  for (float& v : t.data) v = normal(rng);
  return t;
}

}  // namespace

TEST_CASE("kernels agree with the reference around tile boundaries", "[kernels]") {
  const int64_t out_lengths[] = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33};
  const int64_t channel_counts[] = {1, 3, 4, 5, 8, 9, 16, 17};
  const int64_t kernel_sizes[] = {1, 2, 3, 5, 7};
  std::mt19937 rng(1234);
  for (const NamedKernel& kernel : all_kernels) {
    for (int64_t out_length : out_lengths) {
      for (int64_t channels : channel_counts) {
        const int64_t k = kernel_sizes[rng() % 5];
        conv1d::Conv1dOptions o;
        o.groups = (channels % 4 == 0 && rng() % 2) ? (rng() % 2 ? 4 : channels) : 1;
        o.in_channels = channels;
        o.out_channels = o.groups * (1 + static_cast<int64_t>(rng() % 3));
        if (o.out_channels % o.groups != 0) o.out_channels = o.groups;
        o.kernel_size = k;
        o.stride = 1 + static_cast<int64_t>(rng() % 3);
        o.dilation = 1 + static_cast<int64_t>(rng() % 3);
        o.bias = rng() % 4 != 0;
        o.padding = conv1d::Padding::of(static_cast<int64_t>(rng() % 3));
        const int64_t length = (out_length - 1) * o.stride + o.dilation * (k - 1) + 1 - 2 * o.padding.amount;
        if (length < 1) continue;
        conv1d::manual_seed(static_cast<uint64_t>(out_length * 100 + channels));
        const conv1d::Conv1d layer(o);
        const conv1d::Tensor input = random_tensor({2, channels, length}, rng);
        INFO(kernel.name << ": C=" << channels << " groups=" << o.groups << " C_out=" << o.out_channels << " k=" << k
                         << " s=" << o.stride << " d=" << o.dilation << " p=" << o.padding.amount
                         << " L_out=" << out_length);
        const conv1d::Tensor actual = run_kernel(kernel.run, layer, input);
        REQUIRE(actual.shape[2] == out_length);
        check_close(actual, conv1d::reference_forward(layer, input));
      }
    }
  }
}
