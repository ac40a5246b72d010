#!/usr/bin/env bash
# test.sh — builds everything (native and web) and runs every test:
#   core unit tests natively and as wasm under node, the desktop app under Xvfb,
#   the fuzzers (60 s each; FUZZ_SECONDS to change), and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./emsdk-setup.sh
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
jobs=$(nproc)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native build"
cmake --preset native >/dev/null
cmake --build --preset native -j"$jobs"
step "native tests"
ctest --preset native

step "web build"
cmake --preset web >/dev/null
cmake --build --preset web -j"$jobs"
step "core tests as wasm under node"
ctest --preset web

if [ -f tests/fuzz/run.sh ]; then
  step "fuzzers"
  tests/fuzz/run.sh "${FUZZ_SECONDS:-60}"
fi

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
