// libFuzzer entry point: every input is one fuzz case (see fuzz_case.h). A failed property aborts with its
// description, so libFuzzer records the input as a crash artifact like any sanitizer report.
#include <cstdio>
#include <cstdlib>

#include "fuzz_case.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const conv1d_fuzz::Result result = conv1d_fuzz::check_bytes(data, size);
  if (!result.failure.empty()) {
    std::fprintf(stderr, "\n==conv1d fuzz== property failed: %s\n", result.failure.c_str());
    std::abort();
  }
  return 0;
}
