#!/usr/bin/env bash
# run.sh — builds the web app and serves it on http://localhost:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./emsdk-setup.sh
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"  # emcc's optimizer needs Debian's acorn
cmake --preset web >/dev/null
cmake --build --preset web --target loupe_web -j"$(nproc)"
exec node web/serve.mjs build/web/app "${PORT:-8080}"
