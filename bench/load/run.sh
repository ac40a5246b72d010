#!/usr/bin/env bash
# bench/load — what a first visit costs: gzipped bytes downloaded and time to the first drawn
# frame (median of 9 cold loads in headless Chromium), for a survey link (the link build), for the
# full app, and for the baseline: Dear ImGui's own demo window built with the same toolchain and
# flags. The three are loaded in turn, one load each a round, so that the machine's ups and downs
# weigh on all three alike. Prints both and the ratios.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./emsdk-setup.sh
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
cmake --preset web >/dev/null
cmake --build --preset web --target loupe_web imgui_demo_baseline -j"$(nproc)" >/dev/null
cmake --preset native >/dev/null
cmake --build --preset native --target loupe -j"$(nproc)" >/dev/null  # makes the survey link
node bench/load/load.mjs build/web/app build/web/baseline build/native/loupe
