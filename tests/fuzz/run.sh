#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] — builds the libFuzzer targets with clang (ASan + UBSan) and runs
# each for SECONDS (default 60). A finding fails the run and leaves the input in build/fuzz/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-60}
cmake -S . -B build/fuzz -DLOUPE_BUILD_APP=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target loupe_fuzzers >/dev/null
for fuzzer in build/fuzz/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  mkdir -p "build/fuzz/corpus/$name"
  printf '%-24s ' "$name"
  if "$fuzzer" "build/fuzz/corpus/$name" -max_total_time="$seconds" -artifact_prefix="build/fuzz/$name-" \
       >"build/fuzz/$name.log" 2>&1; then
    grep -o 'Done [0-9]* runs in [0-9]* second(s)' "build/fuzz/$name.log" || echo "done"
  else
    echo "FAILED — see build/fuzz/$name.log"; tail -30 "build/fuzz/$name.log"; exit 1
  fi
done
