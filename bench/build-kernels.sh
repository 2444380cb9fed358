#!/usr/bin/env bash
# Builds bench/kernels.cpp against the WASM build's library (scripts/build.sh wasm first), and natively.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
mkdir -p build/bench
em++ -O3 -std=c++17 -DCONV1D_WASMSIMD=1 -Icpp/src -Icpp/include bench/kernels.cpp build/wasm/cpp/libconv1d.a \
  -sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node -o build/bench/kernels-wasm.cjs
g++ -O3 -std=c++17 -Icpp/src -Icpp/include bench/kernels.cpp build/native/cpp/libconv1d.a -o build/bench/kernels-native
