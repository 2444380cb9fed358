#!/usr/bin/env bash
# Builds the C++ core: natively (tests), as WebAssembly (the npm package's module and the tests),
# and natively under ASan+UBSan. Usage: scripts/build.sh [native|wasm|core|sanitize]...  (default: all but core)
#   core  only the npm package's module, web/lib/core/conv1d-core.mjs (what `npm start` needs)
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's emcc needs acorn, which Debian installs for its own node only.
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

build_native() {
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
}
configure_wasm() {
  # emcmake's default test emulator passes a flag Node 20 rejects; run test binaries with plain node.
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" >/dev/null
}
build_wasm() {
  configure_wasm
  cmake --build build/wasm -j "$jobs"
}
build_core() {
  configure_wasm
  cmake --build build/wasm -j "$jobs" --target conv1d_core
}
build_sanitize() {
  cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCONV1D_SANITIZE=ON >/dev/null
  cmake --build build/sanitize -j "$jobs"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native wasm sanitize)
for target in "${targets[@]}"; do "build_$target"; done
