// Times every applicable kernel of kernels.inc on the benchmark shapes (bench/suite.mjs), outside JS (one WASM call per
// repetition), to separate kernel speed from API overhead. Build: bench/build-kernels.sh; run with node.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "kernels/dispatch.h"
#include "kernels/kernel.h"

namespace {

struct Shape {
  const char* name;
  int64_t n, c_in, l, c_out, k, stride, pad, dilation, groups;
};

const Shape shapes[] = {
    {"small", 1, 16, 256, 16, 3, 1, 1, 1, 1},    {"audio", 1, 64, 4096, 64, 5, 1, 2, 1, 1},
    {"wide", 8, 128, 2048, 128, 3, 1, 1, 1, 1},  {"strided", 1, 64, 8192, 128, 7, 2, 3, 1, 1},
    {"dilated", 1, 64, 4096, 64, 3, 1, 4, 4, 1}, {"depthwise", 1, 256, 4096, 256, 9, 1, 4, 1, 256},
};

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

}  // namespace

int main(int argc, char** argv) {
  const char* only = argc > 1 ? argv[1] : nullptr;
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> u(-1, 1);
  int count = 0;
  const conv1d::KernelInfo* kernels = conv1d::all_kernels(&count);
  for (const Shape& s : shapes) {
    const int64_t lp = s.l + 2 * s.pad;
    const int64_t l_out = (lp - s.dilation * (s.k - 1) - 1) / s.stride + 1;
    const conv1d::ConvProblem p{s.c_in, lp, s.c_out, l_out, s.k, s.stride, s.dilation, s.groups};
    std::vector<float> x(static_cast<size_t>(s.c_in * lp)), w(static_cast<size_t>(s.c_out * s.c_in / s.groups * s.k)),
        b(static_cast<size_t>(s.c_out)), y(static_cast<size_t>(s.c_out * l_out));
    for (float& v : x) v = u(rng);
    for (float& v : w) v = u(rng);
    for (float& v : b) v = u(rng);
    const double flops = 2.0 * s.n * s.c_out * l_out * (s.c_in / s.groups) * s.k;
    for (int i = 0; i < count; ++i) {
      const conv1d::KernelInfo& kernel = kernels[i];
      if (!conv1d::kernel_applies(kernel, p)) continue;
      if (only && !std::strstr(kernel.name, only)) continue;
      std::vector<float> packed(static_cast<size_t>(conv1d::packed_weight_size(kernel.layout, p)));
      conv1d::pack_weights(kernel.layout, p, w.data(), packed.data());
      const float* weights = kernel.layout == conv1d::WeightLayout::raw ? w.data() : packed.data();
      std::vector<double> times;
      const double budget = 0.5;
      const double start = now();
      while (times.size() < 3 || (now() - start < budget && times.size() < 400)) {
        const double t0 = now();
        for (int64_t n = 0; n < s.n; ++n) kernel.run(p, x.data(), weights, b.data(), y.data());
        times.push_back(now() - t0);
      }
      std::sort(times.begin(), times.end());
      // The fastest repetition estimates the uncontended time on a machine shared with other jobs.
      const double median = times[times.size() / 2], fastest = times[0];
      std::printf("%-10s %-32s median %10.3f ms %7.2f GFLOP/s | fastest %10.3f ms %7.2f GFLOP/s\n", s.name, kernel.name,
                  median * 1e3, flops / median * 1e-9, fastest * 1e3, flops / fastest * 1e-9);
    }
  }
  return 0;
}
