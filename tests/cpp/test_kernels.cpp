// Every kernel in kernels.inc against the double-precision reference, on shapes at and around
// vector-tile boundaries (lengths and channel counts below, at and above multiples of 4 and 8).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "conv1d/reference.h"
#include "kernels/dispatch.h"
#include "kernels/input-view.h"
#include "kernels/kernel.h"
#include "padding.h"
#include "tolerance.h"

namespace {

std::vector<conv1d::KernelInfo> kernel_list() {
  int count = 0;
  const conv1d::KernelInfo* kernels = conv1d::all_kernels(&count);
  return std::vector<conv1d::KernelInfo>(kernels, kernels + count);
}

conv1d::ConvProblem problem_of(const conv1d::Conv1d& layer, const conv1d::Shape& input_shape) {
  const conv1d::ConvPlan p = layer.plan(input_shape);
  const conv1d::Conv1dOptions& o = layer.options();
  return {p.in_channels, p.padded_length, p.out_channels, p.out_length, o.kernel_size, o.stride, o.dilation, o.groups};
}

// Runs `kernel` the way Conv1d::forward does (packing the weights into its layout first), but forcing the
// kernel instead of dispatching.
conv1d::Tensor run_kernel(const conv1d::KernelInfo& kernel, const conv1d::Conv1d& layer, const conv1d::Tensor& input) {
  const conv1d::ConvPlan p = layer.plan(input.shape);
  const conv1d::Conv1dOptions& o = layer.options();
  const conv1d::ConvProblem problem = problem_of(layer, input.shape);
  std::vector<float> packed(static_cast<size_t>(conv1d::packed_weight_size(kernel.layout, problem)));
  conv1d::pack_weights(kernel.layout, problem, layer.weight().data.data(), packed.data());
  const float* weights = kernel.layout == conv1d::WeightLayout::raw ? layer.weight().data.data() : packed.data();
  conv1d::Tensor output(p.output_shape);
  std::vector<float> padded(static_cast<size_t>(p.in_channels * p.padded_length));
  for (int64_t n = 0; n < p.batch; ++n) {
    conv1d::pad_input(input.data.data() + n * p.in_channels * p.length, p.in_channels, p.length, p.pad_left,
                      p.pad_right, o.padding_mode, padded.data());
    kernel.run(problem, padded.data(), weights, layer.bias() ? layer.bias()->data.data() : nullptr,
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
  for (const conv1d::KernelInfo& kernel : kernel_list()) {
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
        if (!conv1d::kernel_applies(kernel, problem_of(layer, input.shape))) continue;
        INFO(kernel.name << ": C=" << channels << " groups=" << o.groups << " C_out=" << o.out_channels << " k=" << k
                         << " s=" << o.stride << " d=" << o.dilation << " p=" << o.padding.amount
                         << " L_out=" << out_length);
        const conv1d::Tensor actual = run_kernel(kernel, layer, input);
        REQUIRE(actual.shape[2] == out_length);
        check_close(actual, conv1d::reference_forward(layer, input));
      }
    }
  }
}

// Output widths below, at, above and at multiples of each tile (4 and 8 positions for the GEMM kernels,
// 4, 8 and 24 for the depthwise ones), channel blocks below/at/above 4, and every stride/dilation pairing
// that changes the polyphase split.
TEST_CASE("kernels: width lt/eq/gt/div of the vector tiles, strides and dilations", "[kernels]") {
  const int64_t widths[] = {1, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 23, 24, 25, 28, 32, 33, 47, 48, 49, 52, 59};
  struct Geometry {
    int64_t in, out, groups, k, stride, dilation;
  };
  const Geometry geometries[] = {
      {1, 1, 1, 3, 1, 1},   {2, 3, 1, 1, 1, 1},  {3, 5, 1, 2, 2, 1},    {4, 4, 1, 3, 1, 2}, {5, 7, 1, 5, 3, 2},
      {8, 8, 2, 3, 2, 3},   {6, 9, 3, 4, 4, 1},  {4, 4, 4, 3, 1, 1},    {4, 8, 4, 5, 2, 2}, {7, 14, 7, 9, 3, 1},
      {16, 13, 1, 7, 2, 1}, {9, 12, 3, 3, 1, 4}, {12, 12, 12, 1, 1, 1}, {3, 3, 3, 2, 5, 3},
  };
  std::mt19937 rng(99);
  for (const conv1d::KernelInfo& kernel : kernel_list()) {
    for (const Geometry& g : geometries) {
      for (int64_t width : widths) {
        conv1d::Conv1dOptions o;
        o.in_channels = g.in;
        o.out_channels = g.out;
        o.groups = g.groups;
        o.kernel_size = g.k;
        o.stride = g.stride;
        o.dilation = g.dilation;
        o.bias = width % 2 == 1;
        const int64_t length = (width - 1) * g.stride + g.dilation * (g.k - 1) + 1 + static_cast<int64_t>(rng() % 2);
        conv1d::manual_seed(static_cast<uint64_t>(width * 7 + g.in));
        const conv1d::Conv1d layer(o);
        const conv1d::Tensor input = random_tensor({1, g.in, length}, rng);
        if (!conv1d::kernel_applies(kernel, problem_of(layer, input.shape))) continue;
        INFO(kernel.name << ": C_in=" << g.in << " C_out=" << g.out << " groups=" << g.groups << " k=" << g.k
                         << " s=" << g.stride << " d=" << g.dilation << " L=" << length << " L_out=" << width);
        check_close(run_kernel(kernel, layer, input), conv1d::reference_forward(layer, input));
      }
    }
  }
}

TEST_CASE("kernels: deep reductions (many input channels x taps) stay within tolerance", "[kernels]") {
  std::mt19937 rng(7);
  for (const conv1d::KernelInfo& kernel : kernel_list()) {
    conv1d::Conv1dOptions o;
    o.in_channels = 96;
    o.out_channels = 10;
    o.kernel_size = 7;
    o.stride = 2;
    o.padding = conv1d::Padding::of(3);
    conv1d::manual_seed(5);
    const conv1d::Conv1d layer(o);
    const conv1d::Tensor input = random_tensor({2, 96, 70}, rng);
    if (!conv1d::kernel_applies(kernel, problem_of(layer, input.shape))) continue;
    INFO(kernel.name);
    check_close(run_kernel(kernel, layer, input), conv1d::reference_forward(layer, input));
  }
}

// The GEMM kernels ask input-view.h for chunks of about 4096 input floats per group: with C_in/groups * stride
// = 512 a chunk is 8 positions (one 8-wide tile), so these widths cross chunk boundaries below, at and above
// the tile; a tap reach longer than a chunk falls back to the unchunked view.
TEST_CASE("kernels: GEMM input chunks, widths lt/eq/gt/div of a chunk, strides, reach beyond a chunk", "[kernels]") {
  struct Geometry {
    int64_t in, out, groups, k, stride, dilation, padding;
    bool chunked;  // expected for the largest width
  };
  const Geometry geometries[] = {
      {512, 5, 1, 3, 1, 1, 1, true},  {256, 6, 1, 5, 2, 2, 2, true},  {128, 4, 1, 4, 3, 3, 0, true},
      {1024, 6, 2, 3, 1, 1, 0, true}, {512, 3, 1, 3, 1, 5, 5, false},
  };
  const int64_t widths[] = {1, 7, 8, 9, 12, 15, 16, 17, 20, 33};
  std::mt19937 rng(11);
  for (const conv1d::KernelInfo& kernel : kernel_list()) {
    for (const Geometry& g : geometries) {
      for (int64_t width : widths) {
        conv1d::Conv1dOptions o;
        o.in_channels = g.in;
        o.out_channels = g.out;
        o.groups = g.groups;
        o.kernel_size = g.k;
        o.stride = g.stride;
        o.dilation = g.dilation;
        o.padding = conv1d::Padding::of(g.padding);
        o.bias = width % 2 == 0;
        const int64_t length = (width - 1) * g.stride + g.dilation * (g.k - 1) + 1 - 2 * g.padding;
        if (length < 1) continue;
        conv1d::manual_seed(static_cast<uint64_t>(width + g.in));
        const conv1d::Conv1d layer(o);
        const conv1d::Tensor input = random_tensor({1, g.in, length}, rng);
        const conv1d::ConvProblem problem = problem_of(layer, input.shape);
        if (!conv1d::kernel_applies(kernel, problem) || kernel.layout != conv1d::WeightLayout::gemm4) continue;
        INFO(kernel.name << ": C_in=" << g.in << " C_out=" << g.out << " groups=" << g.groups << " k=" << g.k
                         << " s=" << g.stride << " d=" << g.dilation << " L_out=" << width);
        if (width == 33) {
          std::vector<float> padded(static_cast<size_t>(problem.in_channels * problem.padded_length));
          const conv1d::InputView view = conv1d::make_input_view(problem, padded.data(), 4096);
          CHECK((view.chunk_positions == 8) == g.chunked);
        }
        check_close(run_kernel(kernel, layer, input), conv1d::reference_forward(layer, input));
      }
    }
  }
}

TEST_CASE("forward uses packed weights that follow set_weight and reset_parameters", "[kernels]") {
  std::mt19937 rng(3);
  conv1d::Conv1dOptions o;
  o.in_channels = 6;
  o.out_channels = 5;
  o.kernel_size = 3;
  conv1d::manual_seed(1);
  conv1d::Conv1d layer(o);
  const conv1d::Tensor input = random_tensor({1, 6, 40}, rng);
  check_close(layer.forward(input), conv1d::reference_forward(layer, input));
  layer.set_weight(random_tensor({5, 6, 3}, rng));
  check_close(layer.forward(input), conv1d::reference_forward(layer, input));
  layer.reset_parameters();
  check_close(layer.forward(input), conv1d::reference_forward(layer, input));
}

// CMake's CONV1D_WASMSIMD (on by default in the WebAssembly build) lists the SIMD kernels beside their scalar
// siblings, so that this suite runs both there, and dispatch prefers them; elsewhere only scalar kernels exist.
TEST_CASE("the kernel list and dispatch follow CONV1D_WASMSIMD", "[kernels]") {
  std::vector<std::string> names;
  for (const conv1d::KernelInfo& kernel : kernel_list()) names.emplace_back(kernel.name);
  const auto listed = [&](const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  int simd_kernels = 0;
  for (const std::string& name : names) {
    const size_t at = name.find("_wasmsimd_");
    if (at == std::string::npos) continue;
    ++simd_kernels;
    INFO(name);
    CHECK(listed(std::string(name).replace(at, 10, "_scalar_")));  // its scalar sibling runs here too
  }
  const conv1d::ConvProblem gemm{16, 258, 16, 256, 3, 1, 1, 1}, depthwise{8, 258, 8, 256, 3, 1, 1, 8};
#ifdef CONV1D_WASMSIMD
  CHECK(simd_kernels == 2);
  CHECK(std::string(conv1d::select_kernel(gemm).name) == "f32_conv1d_gemm_wasmsimd_4x8");
  CHECK(std::string(conv1d::select_kernel(depthwise).name) == "f32_conv1d_dw_wasmsimd_24");
#else
  CHECK(simd_kernels == 0);
  CHECK(std::string(conv1d::select_kernel(gemm).name) == "f32_conv1d_gemm_scalar_4x8");
  CHECK(std::string(conv1d::select_kernel(depthwise).name) == "f32_conv1d_dw_scalar_24");
#endif
  CHECK(listed("f32_conv1d_direct_scalar"));
  CHECK(listed("f32_conv1d_gemm_scalar_4x8"));
  CHECK(listed("f32_conv1d_dw_scalar_24"));
}

TEST_CASE("dispatch picks a kernel that applies and whose weights the layer keeps", "[kernels]") {
  const conv1d::ConvProblem problems[] = {
      {1, 5, 1, 3, 3, 1, 1, 1},  {16, 258, 16, 256, 3, 1, 1, 1}, {256, 4104, 256, 4096, 9, 1, 1, 256},
      {4, 10, 8, 8, 3, 1, 1, 4}, {8, 10, 8, 8, 3, 1, 1, 2},      {64, 8198, 128, 4096, 7, 2, 1, 1},
  };
  for (const conv1d::ConvProblem& p : problems) {
    const conv1d::KernelInfo& kernel = conv1d::select_kernel(p);
    INFO(kernel.name);
    CHECK(conv1d::kernel_applies(kernel, p));
    CHECK((kernel.layout == conv1d::WeightLayout::raw || kernel.layout == conv1d::weight_layout_for(p)));
  }
}
