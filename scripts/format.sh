#!/usr/bin/env bash
# `npm run format`: clang-format every C++ file in place. `scripts/format.sh --check` changes nothing and fails
# on any drift (the cpp test suite runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 'cpp/*.h' 'cpp/*.cpp' 'tests/*.h' 'tests/*.cpp' 'bench/*.cpp')
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror $files
else
  clang-format -i $files
fi
