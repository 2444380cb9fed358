#!/usr/bin/env bash
# Fuzzes the C++ core with libFuzzer (Debian's clang, -fsanitize=fuzzer,address,undefined): the harness
# (tests/fuzz/fuzz_case.h) decodes bytes into Conv1d arguments + input and checks validation, the dispatched
# kernel against reference_forward, set_weight/set_bias and batching.
#
#   scripts/fuzz.sh --short              ~60 s run (part of npm test)
#   scripts/fuzz.sh --long [seconds]     longer run (default 600 s); the working corpus in build/fuzz/corpus
#                                        carries over between runs
#   scripts/fuzz.sh --keep-going [s]     exploration: UBSan reports each site once and goes on, crashes
#                                        and timeouts are recorded and fuzzing continues (fork mode);
#                                        lists every distinct finding at the end (default 300 s)
#   scripts/fuzz.sh --make-corpus        rewrites tests/fuzz/corpus from tests/fuzz/make_corpus.cpp
#   scripts/fuzz.sh --make-regressions   writes the named reproducers of tests/fuzz/make_corpus.cpp to
#                                        tests/fuzz/regressions (fuzzer-found files there are kept)
#   scripts/fuzz.sh --describe FILE...   what fuzz inputs decode to, and what checking them gives
#
# Prints executions, exec/s, coverage and findings; exits non-zero on a finding. A finding's input is in
# build/fuzz/artifacts/: minimize it (build/fuzz/tests/fuzz/fuzz_conv1d -minimize_crash=1 -runs=100000 FILE),
# then commit it to tests/fuzz/regressions/ so every Catch2 run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

mode=${1:---short}
case "$mode" in
  --short) seconds=60 ;;
  --long) seconds=${2:-600} ;;
  --keep-going) seconds=${2:-300} ;;
  --make-corpus | --make-regressions | --describe) seconds=0 ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac

build=build/fuzz
extra_cmake=()
if [ "$mode" = --keep-going ]; then
  build=build/fuzz-keep-going
  extra_cmake=(-DCONV1D_FUZZ_UBSAN_RECOVER=ON)
fi

# RelWithDebInfo: optimized enough for exec/s, with line numbers in sanitizer reports.
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONV1D_BUILD_TESTS=OFF \
  -DCONV1D_SANITIZE=ON -DCONV1D_BUILD_FUZZER=ON "${extra_cmake[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_conv1d fuzz_make_corpus >/dev/null

tools="$build/tests/fuzz"
if [ "$mode" = --make-corpus ]; then
  rm -f tests/fuzz/corpus/*
  exec "$tools/fuzz_make_corpus" tests/fuzz/corpus
fi
if [ "$mode" = --make-regressions ]; then
  exec "$tools/fuzz_make_corpus" --regressions tests/fuzz/regressions
fi
if [ "$mode" = --describe ]; then
  shift
  exec "$tools/fuzz_make_corpus" --describe "$@"
fi

work="$build/corpus"            # grows with every run; the committed seeds stay as they are
artifacts="$build/artifacts/$(date +%Y%m%d-%H%M%S)"
log="$artifacts/fuzz.log"
mkdir -p "$work" "$artifacts"
# Seeds: the committed corpus and every reproducer except those of open bugs (tests/fuzz/regressions/open.txt),
# which would end the run at once; the fuzzer is expected to find those again by itself until they are fixed.
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
cp tests/fuzz/corpus/* "$seeds/"
open_bugs=$(grep -v '^#' tests/fuzz/regressions/open.txt 2>/dev/null | awk '{print $1}' || true)
for f in tests/fuzz/regressions/*; do
  name=$(basename "$f")
  case "$name" in *.*) continue ;; esac
  grep -qxF "$name" <<<"$open_bugs" || cp "$f" "$seeds/regression-$name"
done
[ -z "$open_bugs" ] || echo "not seeding $(wc -l <<<"$open_bugs") reproducers of open bugs (tests/fuzz/regressions/open.txt)"

flags=(
  -max_total_time="$seconds"
  -timeout=10               # one case taking 10 s is a hang: the harness caps work far below that
  -rss_limit_mb=2048
  -malloc_limit_mb=128      # the harness never needs this much: a bigger request is a missing size check
  -dict=tests/fuzz/conv1d.dict
  -artifact_prefix="$artifacts/"
  -print_final_stats=1
)
export UBSAN_OPTIONS=print_stacktrace=1
if [ "$mode" = --keep-going ]; then
  flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=0
fi

echo "fuzzing for ${seconds}s; log: $log"
start=$(date +%s)
set +e
"$tools/fuzz_conv1d" "${flags[@]}" "$work" "$seeds" >"$log" 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - start ))

# Executions: the final stats (single process) or the last status line (fork mode, or a run cut short).
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
[ -n "$execs" ] || execs=0
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
corpus=$(find "$work" -type f | wc -l)
echo "executions: $execs in ${elapsed}s ($(( execs / (elapsed > 0 ? elapsed : 1) )) exec/s)"
echo "coverage: ${cov:-n/a} (libFuzzer edges / features); working corpus: $corpus inputs"

mapfile -t found < <(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
  -o -name 'leak-*' \) | sort)
# Distinct reports: sanitizer summaries, UBSan sites and failed properties (deduplicated).
# UBSan lines are grouped by site and kind (their operands vary); SUMMARY lines repeat them and are dropped.
grep -hE 'ERROR: AddressSanitizer|runtime error: |property failed: |ERROR: libFuzzer' "$log" \
  | sed -E 's/==[0-9]+==//; s/(runtime error: [a-z -]+)( from| of|:).*/\1/; s/ on address.*| 0x[0-9a-f]+.*//' \
  | sed -E "s|$root/||" | sort | uniq -c | sort -rn >"$artifacts/findings.txt" || true
if [ ${#found[@]} -eq 0 ] && [ ! -s "$artifacts/findings.txt" ] && [ "$status" -eq 0 ]; then
  echo "findings: none"
  rm -rf "$artifacts"
  exit 0
fi
echo "findings: ${#found[@]} input(s) in $artifacts; distinct reports:"
sed 's/^/  /' "$artifacts/findings.txt"
for f in "${found[@]:0:5}"; do
  "$tools/fuzz_make_corpus" --describe "$f" 2>/dev/null | head -1 | sed "s|$root/||; s/^/  /" || true
done
exit 1
