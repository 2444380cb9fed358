#include "kernels/input-view.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace conv1d {

namespace {

// Chunked copy (see input-view.h): chunk c holds, per channel and phase r, x[c*T*s + r + m*s] for m < m_len,
// zero past the input (never read by a valid window). Returns the row stride.
int64_t copy_chunks(const ConvProblem& p, const float* padded_input, int64_t chunk, int64_t chunks,
                    std::vector<float>& scratch, int64_t* m_len_out) {
  const int64_t s = p.stride;
  const int64_t reach = p.dilation * (p.kernel_size - 1);
  const int64_t m_len = chunk + reach / s;
  const int64_t phase_count = std::min(s, (chunk - 1) * s + reach + 1);
  const int64_t row = phase_count * m_len;
  scratch.resize(static_cast<size_t>(chunks * p.in_channels * row));
  for (int64_t c = 0; c < chunks; ++c) {
    for (int64_t ic = 0; ic < p.in_channels; ++ic) {
      const float* x = padded_input + ic * p.padded_length;
      float* dst = scratch.data() + (c * p.in_channels + ic) * row;
      for (int64_t r = 0; r < phase_count; ++r) {
        float* phase = dst + r * m_len;
        const int64_t first = c * chunk * s + r;
        const int64_t available = first < p.padded_length ? (p.padded_length - first + s - 1) / s : 0;
        const int64_t count = std::min(m_len, available);
        if (s == 1) {
          std::copy(x + first, x + first + count, phase);
        } else {
          for (int64_t m = 0; m < count; ++m) phase[m] = x[first + m * s];
        }
        std::fill(phase + count, phase + m_len, 0.0f);
      }
    }
  }
  *m_len_out = m_len;
  return row;
}

// Tap j of input channel ic lands in phase (j*dilation) % stride, (j*dilation) / stride elements in.
void set_phase_offsets(const ConvProblem& p, int64_t row, int64_t m_len, std::vector<ptrdiff_t>& offsets) {
  const int64_t group_in = p.in_channels / p.groups;
  for (int64_t ic = 0; ic < group_in; ++ic) {
    for (int64_t j = 0; j < p.kernel_size; ++j) {
      const int64_t tap = j * p.dilation;
      offsets[static_cast<size_t>(ic * p.kernel_size + j)] =
          static_cast<ptrdiff_t>(ic * row + (tap % p.stride) * m_len + tap / p.stride);
    }
  }
}

}  // namespace

InputView make_input_view(const ConvProblem& p, const float* padded_input, int64_t chunk_floats) {
  // Scratch grows to the largest problem seen and is reused: no allocation per call once warm.
  thread_local std::vector<float> phases;
  thread_local std::vector<ptrdiff_t> offsets;
  thread_local std::vector<int32_t> byte_offsets;
  const int64_t group_in = p.in_channels / p.groups;
  offsets.resize(static_cast<size_t>(group_in * p.kernel_size));
  InputView view{padded_input, static_cast<ptrdiff_t>(p.padded_length), nullptr, nullptr, p.out_length, 0};
  const int64_t s = p.stride;
  const int64_t reach = p.dilation * (p.kernel_size - 1);
  int64_t chunk = chunk_floats > 0 ? chunk_floats / std::max<int64_t>(1, group_in * s) / 8 * 8 : 0;
  chunk = std::max<int64_t>(chunk, 8);
  if (chunk_floats > 0 && chunk < p.out_length && reach <= chunk * s) {
    const int64_t chunks = (p.out_length + chunk - 1) / chunk;
    int64_t m_len = 0;
    const int64_t row = copy_chunks(p, padded_input, chunk, chunks, phases, &m_len);
    set_phase_offsets(p, row, m_len, offsets);
    view.base = phases.data();
    view.row_stride = static_cast<ptrdiff_t>(row);
    view.chunk_positions = chunk;
    view.chunk_stride = static_cast<ptrdiff_t>(p.in_channels * row);
  } else if (s == 1) {
    for (int64_t ic = 0; ic < group_in; ++ic) {
      for (int64_t j = 0; j < p.kernel_size; ++j) {
        offsets[static_cast<size_t>(ic * p.kernel_size + j)] =
            static_cast<ptrdiff_t>(ic * p.padded_length + j * p.dilation);
      }
    }
  } else {
    const int64_t m_len = (p.padded_length + s - 1) / s;  // longest phase
    // Phases r >= padded_length would be empty (a stride longer than the input): never stored.
    const int64_t phase_count = std::min(s, p.padded_length);
    const int64_t row = phase_count * m_len;
    phases.resize(static_cast<size_t>(p.in_channels * row));
    for (int64_t c = 0; c < p.in_channels; ++c) {
      const float* x = padded_input + c * p.padded_length;
      float* dst = phases.data() + c * row;
      for (int64_t r = 0; r < phase_count; ++r) {
        float* phase = dst + r * m_len;
        int64_t m = 0;
        for (int64_t i = r; i < p.padded_length; i += s) phase[m++] = x[i];
        for (; m < m_len; ++m) phase[m] = 0.0f;  // never read by a valid window; keeps the scratch defined
      }
    }
    set_phase_offsets(p, row, m_len, offsets);
    view.base = phases.data();
    view.row_stride = static_cast<ptrdiff_t>(row);
  }
  view.offsets = offsets.data();
  byte_offsets.resize(offsets.size());
  for (size_t i = 0; i < offsets.size(); ++i) {
    const ptrdiff_t bytes = offsets[i] * static_cast<ptrdiff_t>(sizeof(float));
    if (bytes > std::numeric_limits<int32_t>::max()) {
      byte_offsets.clear();  // only possible natively (64-bit), where no kernel reads them
      break;
    }
    byte_offsets[i] = static_cast<int32_t>(bytes);
  }
  view.byte_offsets = byte_offsets.data();
  return view;
}

}  // namespace conv1d
