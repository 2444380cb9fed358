#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine (run as root, or with sudo available).
#   emscripten                      the WebAssembly build (em++ 3.1.6)
#   cmake g++ make                  the native build
#   catch2 nlohmann-json3-dev       the C++ test suite and its fixture reader
#   clang libclang-rt-14-dev        libFuzzer for the fuzzing run
#   clang-format                    the C++ style check (.clang-format)
#   chromium                        browser tests (driven by playwright-core)
#   python3-torch                   the export-to-PyTorch round-trip test (PyTorch 1.13)
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends cmake g++ make emscripten catch2 nlohmann-json3-dev \
  clang libclang-rt-14-dev clang-format chromium python3-torch >/dev/null
npm ci --no-audit --no-fund
