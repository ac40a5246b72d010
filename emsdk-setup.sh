#!/usr/bin/env bash
# emsdk-setup.sh — installs and prepares everything Loupe's build and tests need.
#
# Quick when everything is present (seconds). On Debian/Ubuntu it uses the distribution's
# packages (including Emscripten); elsewhere it falls back to the official emsdk.
# Third-party sources (Dear ImGui, SDL2) come from Debian source packages fetched through a
# private sources list, so the system's apt configuration is never touched. SDL2 is compiled
# for wasm once into a cache folder keyed by version and reused by every later run.
#
# Environment: LOUPE_CACHE (default ~/.cache/loupe) — where sources and built libraries live.
# Prints the variables the build needs as `KEY=VALUE` lines on fd 3 if it is open.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${LOUPE_CACHE:-$HOME/.cache/loupe}"
IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5
LIBDEFLATE_VERSION=1.14
QRCODEGEN_VERSION=1.8.0
mkdir -p "$CACHE"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------------------------------------
# 1. System packages
# ---------------------------------------------------------------------------------------------
DEB_PACKAGES=(
  emscripten            # emcc 3.1.6, clang 14, binaryen, node glue
  cmake g++ clang       # native builds; clang for the libFuzzer targets
  libclang-rt-14-dev    # libFuzzer + sanitizer runtimes
  googletest            # sources in /usr/src/googletest, built per toolchain
  libcereal-dev rapidjson-dev libstb-dev
  libsdl2-dev libgl-dev # native desktop build
  xvfb xauth            # desktop smoke test without a display
  fonts-inter python3-fonttools
  fonts-noto-cjk        # Chinese, Japanese, Korean: subset at build time, fetched by the page on demand
  librsvg2-bin          # rsvg-convert: the app's PNG icons from icon.svg
  chromium              # end-to-end tests (never a downloaded browser)
  nodejs npm
  dpkg-dev              # apt-get source unpacks with dpkg-source
)

is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }

missing_debs() {
  local p
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_debian_packages() {
  local missing
  missing=$(missing_debs | tr '\n' ' ')
  # node/npm may come from elsewhere (e.g. a node build on PATH); only ask apt when absent.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=$(echo "$missing" | tr ' ' '\n' | grep -vx -e nodejs -e npm | tr '\n' ' ' || true)
  fi
  [ -z "${missing// /}" ] && return 0
  say "installing Debian packages: $missing"
  sudo_if_needed apt-get update -qq
  # shellcheck disable=SC2086
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

install_official_emsdk() {
  # Not Debian: use the official SDK at the same major version the Debian path uses.
  if command -v emcc >/dev/null; then return 0; fi
  local dir="$CACHE/emsdk"
  if [ ! -d "$dir" ]; then
    say "fetching the official emsdk into $dir"
    git clone --depth 1 https://github.com/emscripten-core/emsdk.git "$dir"
  fi
  (cd "$dir" && ./emsdk install 3.1.6 && ./emsdk activate 3.1.6) >&2
  # shellcheck disable=SC1091
  source "$dir/emsdk_env.sh" >/dev/null
}

if is_debian; then
  install_debian_packages
else
  say "not a Debian system: using the official emsdk; install cmake, a C++20 compiler, SDL2,"
  say "cereal, rapidjson, stb, GoogleTest, Chromium and the Inter font with your package manager."
  install_official_emsdk
fi

# Emscripten's optimizing link needs acorn from Debian's node path (TOOLCHAIN.md, gotcha 1).
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# ---------------------------------------------------------------------------------------------
# 2. Third-party sources from Debian source packages (private sources list)
# ---------------------------------------------------------------------------------------------
APT_PRIVATE="$CACHE/apt"
apt_private() {
  apt-get -o Dir::Etc::SourceList="$APT_PRIVATE/sources.list" -o Dir::Etc::SourceParts=/dev/null \
          -o Dir::State::Lists="$APT_PRIVATE/lists" -o Dir::Cache="$APT_PRIVATE/cache" \
          -o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)" "$@"
}

prepare_private_apt() {
  [ -f "$APT_PRIVATE/lists/.updated" ] && return 0
  mkdir -p "$APT_PRIVATE/lists/partial" "$APT_PRIVATE/cache/archives/partial"
  # Same archive and suites as the system's binary sources, as deb-src lines.
  local src=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    src=$(awk '/^URIs:/{u=$2} /^Suites:/{s=""; for(i=2;i<=NF;i++) s=s" "$i} /^Components:/{c=""; for(i=2;i<=NF;i++) c=c" "$i; split(s,a," "); for(k in a) print "deb-src [trusted=yes] " u " " a[k] c}' \
          /etc/apt/sources.list.d/debian.sources | grep -v security || true)
  fi
  if [ -z "$src" ] && [ -f /etc/apt/sources.list ]; then
    src=$(sed -n 's/^deb \(\[[^]]*\] \)\?/deb-src [trusted=yes] /p' /etc/apt/sources.list | grep -v security || true)
  fi
  [ -n "$src" ] || src="deb-src [trusted=yes] http://deb.debian.org/debian bookworm main"
  echo "$src" > "$APT_PRIVATE/sources.list"
  say "reading the source package index (private list in $APT_PRIVATE)"
  apt_private update -qq >/dev/null
  touch "$APT_PRIVATE/lists/.updated"
}

# fetch_source PACKAGE VERSION-PREFIX DEST: unpacked upstream source in DEST.
# Unpacks the Debian source package; if the mirror lacks its Debian diff, the upstream tarball.
fetch_source() {
  local pkg=$1 want=$2 dest=$3
  [ -f "$dest/.complete" ] && return 0
  prepare_private_apt
  local work; work=$(mktemp -d "$CACHE/fetch.XXXXXX")
  say "fetching source package $pkg ($want)"
  (cd "$work" && apt_private source -qq --download-only "$pkg" >/dev/null 2>&1) || true
  local dsc orig
  dsc=$(find "$work" -maxdepth 1 -name "*.dsc" | head -n1)
  orig=$(find "$work" -maxdepth 1 -name "*.orig.tar.*" | head -n1)
  if [ -n "$dsc" ] && (cd "$work" && dpkg-source -x "$dsc" unpacked >/dev/null 2>&1); then
    :
  elif [ -n "$orig" ]; then
    mkdir -p "$work/unpacked" && tar -xf "$orig" -C "$work/unpacked" --strip-components=1
  else
    rm -rf "$work"; echo "could not fetch the $pkg source package" >&2; exit 1
  fi
  case "$(basename "${orig:-$dsc}")" in
    *"$want"*) ;;
    *) say "warning: $pkg source is $(basename "${orig:-$dsc}"), expected $want";;
  esac
  rm -rf "$dest"; mv "$work/unpacked" "$dest"; rm -rf "$work"
  touch "$dest/.complete"
}

IMGUI_SRC="$CACHE/imgui-$IMGUI_VERSION"
SDL2_SRC="$CACHE/sdl2-src-$SDL2_VERSION"
fetch_source imgui "$IMGUI_VERSION" "$IMGUI_SRC"
LIBDEFLATE_SRC="$CACHE/libdeflate-$LIBDEFLATE_VERSION"
fetch_source libdeflate "$LIBDEFLATE_VERSION" "$LIBDEFLATE_SRC"
QRCODEGEN_SRC="$CACHE/qrcodegen-$QRCODEGEN_VERSION"
fetch_source qr-code-generator "$QRCODEGEN_VERSION" "$QRCODEGEN_SRC"

# ---------------------------------------------------------------------------------------------
# 3. SDL2 compiled for wasm, once per version
# ---------------------------------------------------------------------------------------------
SDL2_WASM="$CACHE/sdl2-wasm-$SDL2_VERSION"
if [ ! -f "$SDL2_WASM/.complete" ]; then
  fetch_source libsdl2 "$SDL2_VERSION" "$SDL2_SRC"
  say "building SDL2 $SDL2_VERSION for wasm (a few minutes, once)"
  rm -rf "$SDL2_WASM" "$CACHE/sdl2-wasm-build"
  emcmake cmake -S "$SDL2_SRC" -B "$CACHE/sdl2-wasm-build" -DCMAKE_BUILD_TYPE=MinSizeRel \
      -DCMAKE_INSTALL_PREFIX="$SDL2_WASM" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
      -DSDL_THREADS=OFF >"$CACHE/sdl2-wasm-build.log" 2>&1
  cmake --build "$CACHE/sdl2-wasm-build" -j"$(nproc)" >>"$CACHE/sdl2-wasm-build.log" 2>&1
  cmake --install "$CACHE/sdl2-wasm-build" >>"$CACHE/sdl2-wasm-build.log" 2>&1
  rm -rf "$CACHE/sdl2-wasm-build" "$SDL2_SRC"
  touch "$SDL2_WASM/.complete"
fi

# Header-only libraries for emcc: a folder of symlinks, never -I/usr/include (gotcha 4).
WASM_INCLUDE="$CACHE/wasm-include"
if [ ! -e "$WASM_INCLUDE/cereal" ]; then
  mkdir -p "$WASM_INCLUDE"
  ln -sfn /usr/include/cereal "$WASM_INCLUDE/cereal"
  ln -sfn /usr/include/rapidjson "$WASM_INCLUDE/rapidjson"
  ln -sfn /usr/include/stb "$WASM_INCLUDE/stb"
fi

# ---------------------------------------------------------------------------------------------
# 4. npm packages for the browser tests and the web build (terser)
# ---------------------------------------------------------------------------------------------
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages for the browser tests and the web build"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# ---------------------------------------------------------------------------------------------
# 5. Tell the build where things are
# ---------------------------------------------------------------------------------------------
cat > "$CACHE/env.cmake" <<EOF
# Written by emsdk-setup.sh — locations of Loupe's third-party pieces.
set(LOUPE_IMGUI_DIR "$IMGUI_SRC" CACHE PATH "" FORCE)
set(LOUPE_SDL2_WASM_DIR "$SDL2_WASM" CACHE PATH "" FORCE)
set(LOUPE_WASM_INCLUDE_DIR "$WASM_INCLUDE" CACHE PATH "" FORCE)
set(LOUPE_LIBDEFLATE_DIR "$LIBDEFLATE_SRC" CACHE PATH "" FORCE)
set(LOUPE_QRCODEGEN_DIR "$QRCODEGEN_SRC" CACHE PATH "" FORCE)
EOF
say "ready ($CACHE)"
