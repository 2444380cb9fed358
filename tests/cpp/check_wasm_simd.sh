#!/usr/bin/env bash
# Checks that -msimd128 reached only the WebAssembly SIMD kernels: disassembles every object of the WASM
# build's libconv1d.a and counts WebAssembly SIMD instructions (v128.*, f32x4.*, i32x4.*, ...) per object.
# Every *-wasmsimd-* object must have some; every other object (the scalar siblings above all, which the WASM
# test run is meant to check as scalar code) none: a global -msimd128 lets LLVM auto-vectorize them.
# Usage: check_wasm_simd.sh <llvm-objdump> <libconv1d.a> <ON|OFF: CONV1D_WASMSIMD>   (a ctest of the WASM build)
set -euo pipefail
objdump=$1 archive=$2 wasmsimd=$3

listing=$("$objdump" -d "$archive") || { echo "FAIL: $objdump -d $archive did not run" >&2; exit 1; }
# Member headers read "lib.a(name.o):<TAB>file format wasm"; instructions "addr: bytes<TAB>mnemonic<TAB>operands".
counts=$(awk -F'\t' '
  /file format/ { n = $1; sub(/^.*\(/, "", n); sub(/\):$/, "", n); sub(/\.cpp\.o$/, "", n); order[++m] = n; count[n] = 0; next }
  NF >= 2 && $2 ~ /^(v128|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\./ { count[n]++ }
  END { for (i = 1; i <= m; i++) print order[i], count[order[i]] }' <<<"$listing")

status=0 scalar_kernels=0 simd_kernels=0
printf '%-32s %s\n' object "SIMD instructions"
while read -r name count; do
  verdict=ok
  case $name in
    *-wasmsimd-*)
      simd_kernels=$((simd_kernels + 1))
      if [ "$wasmsimd" != ON ]; then verdict="FAIL: built although CONV1D_WASMSIMD is $wasmsimd"; status=1
      elif [ "$count" -eq 0 ]; then verdict="FAIL: a SIMD kernel without SIMD instructions"; status=1; fi ;;
    *)
      case $name in *-scalar*) scalar_kernels=$((scalar_kernels + 1)) ;; esac
      if [ "$count" -ne 0 ]; then verdict="FAIL: must be scalar (compiled with -msimd128?)"; status=1; fi ;;
  esac
  printf '%-32s %5d  %s\n' "$name" "$count" "$verdict"
done <<<"$counts"

# An empty or wrong archive must not pass by having nothing to check.
if [ "$scalar_kernels" -eq 0 ]; then echo "FAIL: no scalar kernel objects in $archive" >&2; status=1; fi
if [ "$wasmsimd" = ON ] && [ "$simd_kernels" -eq 0 ]; then
  echo "FAIL: CONV1D_WASMSIMD is ON but $archive has no *-wasmsimd-* objects" >&2; status=1
fi
[ "$status" -eq 0 ] && echo "OK: SIMD instructions only in the *-wasmsimd-* kernels"
exit "$status"
