#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] — builds the libFuzzer targets with clang (ASan + UBSan) and runs
# each for SECONDS (default 60), as many at once as there are cores. A finding fails the run
# and leaves the input in build/fuzz/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-60}
cmake -S . -B build/fuzz -DLOUPE_BUILD_APP=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target loupe_fuzzers >/dev/null
# One fuzzer per core at a time: each still runs SECONDS, the whole step takes less. Each
# writes what it found to build/fuzz/NAME.result, read in order once all have ended.
run_fuzzer() {
  local fuzzer=$1 name
  name=$(basename "$fuzzer")
  mkdir -p "build/fuzz/corpus/$name"
  if "$fuzzer" "build/fuzz/corpus/$name" -max_total_time="$seconds" -artifact_prefix="build/fuzz/$name-" \
       >"build/fuzz/$name.log" 2>&1; then
    printf '%-24s %s\n' "$name" "$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "build/fuzz/$name.log" || echo done)"
  else
    printf '%-24s FAILED — see build/fuzz/%s.log\n' "$name" "$name"
    tail -30 "build/fuzz/$name.log"
  fi >"build/fuzz/$name.result"
}
fuzzers=()
for fuzzer in build/fuzz/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  fuzzers+=("$(basename "$fuzzer")")
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n || true; done
  run_fuzzer "$fuzzer" &
done
wait
failed=0
for name in "${fuzzers[@]}"; do
  cat "build/fuzz/$name.result"
  if grep -q '^[^ ]* *FAILED' "build/fuzz/$name.result"; then failed=1; fi
done
exit "$failed"
