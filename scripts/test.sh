#!/usr/bin/env bash
# `npm test`: every suite. Usage: scripts/test.sh [cpp|fuzz|js]...  (default: all, in that order)
#   cpp   clang-format's check; the Catch2 suite three times: native (g++), WebAssembly (em++, run by Node),
#         ASan+UBSan; and a check that only the WebAssembly SIMD kernels were compiled with -msimd128
#   fuzz  a ~60 s libFuzzer run of the core
#   js    Node's test runner: the package API, packaging, bundler, types, and the page in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."

run_cpp() {
  echo "== clang-format (no drift from .clang-format)"
  scripts/format.sh --check
  scripts/build.sh native wasm sanitize
  echo "== Catch2, native"
  build/native/tests/cpp/conv1d_tests
  echo "== Catch2, WebAssembly (Node)"
  node build/wasm/tests/cpp/conv1d_tests.cjs
  echo "== WebAssembly objects: SIMD instructions only in the *-wasmsimd-* kernels"
  ctest --test-dir build/wasm -R '^wasm_simd_objects$' --output-on-failure
  echo "== Catch2, AddressSanitizer + UndefinedBehaviorSanitizer"
  build/sanitize/tests/cpp/conv1d_tests
}
run_fuzz() {
  scripts/fuzz.sh --short
}
run_js() {
  [ -f web/lib/core/conv1d-core.mjs ] || scripts/build.sh core
  node --test --test-concurrency=1 tests/js/*.test.mjs tests/browser/*.test.mjs
}

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(cpp fuzz js)
for suite in "${suites[@]}"; do "run_$suite"; done
