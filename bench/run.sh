#!/usr/bin/env bash
# bench/run.sh — the MaxDiff engine's benchmarks, run on demand (never part of ./test.sh):
#   HB time per iteration: R's bayesm vs Loupe native vs Loupe wasm under node, same data;
#   decoding + validating 100,000 response files, and finding + reading 100,000 response codes;
#   the results of 20,000 respondents x 30 items: counts and logit, one HB iteration, memory;
#   the length of a taste-session contribution code against the text of its notes, and the
#   app's start-up with 500 stored screenshots against an empty workspace, and the library's
#   screenshot wall with 1,000 screenshots against the same workspace with none (headless Chromium);
#   the library's search as someone types, over 20,000 notes in 60 sessions (native and wasm).
# Builds the benchmarks with the project's presets (build/native, build/web), installs R and
# bayesm (Debian packages) when missing, and ends with a table of medians and ratios.
# See bench/README.md. Takes a few minutes; CPU times, so a busy machine skews them less.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./emsdk-setup.sh
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"  # emcc's optimizer needs Debian's acorn
runs=3             # each measurement is taken this many times; the table shows medians
hb_iterations=1000 # per Loupe run (R runs are 10x slower per iteration: 300 each)
out=bench/out
mkdir -p "$out"
say() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! Rscript -e 'library(bayesm)' >/dev/null 2>&1; then
  say "installing R and bayesm (Debian packages r-base-core, r-cran-bayesm)"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    r-base-core r-cran-bayesm >/dev/null
fi

say "building (presets native and web)"
cmake --preset native >/dev/null
cmake --build --preset native --target bench_hb bench_decode bench_analysis bench_taste bench_search bench_wall_workspace -j"$(nproc)" >/dev/null
cmake --preset web >/dev/null
cmake --build --preset web --target bench_hb bench_decode bench_analysis bench_search loupe_web -j"$(nproc)" >/dev/null
native() { "build/native/$1" "${@:2}"; }
wasm() { node --no-experimental-fetch "build/web/$1.js" "${@:2}"; }

# Every measurement line starts with its number. `keep` logs it and shows it on stderr;
# `median` takes the middle of such numbers.
keep() { tee -a "$out/log.txt" /dev/stderr; }  # to the log and the terminal, for output thrown away
logged() { tee -a "$out/log.txt"; }             # to the log, for output the terminal shows anyway
median() { sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: >"$out/log.txt"

say "simulating the answers: $out/choices.csv, read by Loupe and R alike"
data=$(native bench_hb simulate "$out/choices.csv")

# Loupe's HB in rounds, each running every configuration once, so a burst of other work on the
# machine hits all of them alike; then the median ms per iteration of each configuration.
rm -f "$out"/hb-*.txt
for ((i = 1; i <= runs; i++)); do
  for config in native:0 wasm:0 native:200 wasm:200; do
    target=${config%:*} random=${config#*:}
    say "Loupe $target, $random random respondents (round $i of $runs)"
    "$target" bench_hb "$out/choices.csv" "$hb_iterations" "$random" | keep >>"$out/hb-$target-$random.txt"
  done
done
hb() { median <"$out/hb-$1-$2.txt"; }
native0=$(hb native 0)
wasm0=$(hb wasm 0)
native200=$(hb native 200)
wasm200=$(hb wasm 200)

say "R bayesm: start-up (not timed, often 20-40 s), then $runs runs of 300 iterations"
r_line=$(Rscript bench/hb/bayesm.R "$out/choices.csv" 300 "$runs" | keep)
r_ms=${r_line%% *}
versions=$(echo "$r_line" | grep -o 'R [0-9.]*, bayesm [0-9.-]*')

say "decoding 100,000 response files and codes (native, then wasm; $runs runs each in-process)"
decode_native=$(native bench_decode 100000 | keep)
decode_wasm=$(wasm bench_decode 100000 | keep)
say "the same at 10,000, for the import's growth (linear: 100k/10k about 10)"
decode_native10=$(native bench_decode 10000 | keep)
decode_wasm10=$(wasm bench_decode 10000 | keep)
say "the results of 20,000 respondents x 30 items (native, then wasm)"
analysis_native=$(native bench_analysis 20000 30 | keep)
analysis_wasm=$(wasm bench_analysis 20000 30 | keep)
line() { sed -n "$1p" <<<"$2" | cut -d' ' -f1; }  # the seconds of line $1
# What the figures were measured on: they differ by machine and by how busy it was.
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
machine="${cpu:-unknown CPU}, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version);"
machine+=" $(g++ --version | head -1) (native: RelWithDebInfo, -O2); emcc $(emcc --version | head -1 | grep -o '[0-9]*\.[0-9]*\.[0-9]*' | head -1)"
machine+=" (wasm: -Os with LTO, hb.cpp -O2, no SIMD)"

awk -v machine="$machine" -v data="$data" -v versions="$versions" -v r="$r_ms" -v n0="$native0" -v w0="$wasm0" \
    -v n200="$native200" -v w200="$wasm200" \
    -v fn="$(line 1 "$decode_native")" -v fw="$(line 1 "$decode_wasm")" \
    -v cn="$(line 2 "$decode_native")" -v cw="$(line 2 "$decode_wasm")" \
    -v in100="$(line 3 "$decode_native")" -v iw100="$(line 3 "$decode_wasm")" \
    -v in10="$(line 3 "$decode_native10")" -v iw10="$(line 3 "$decode_wasm10")" \
    -v an="$(line 1 "$analysis_native")" -v aw="$(line 1 "$analysis_wasm")" \
    -v hn="$(line 2 "$analysis_native")" -v hw="$(line 2 "$analysis_wasm")" \
    -v mn="$(line 3 "$analysis_native")" -v mw="$(line 3 "$analysis_wasm")" '
  function verdict(ok) { return ok ? "ok" : "MISSED" }
  BEGIN {
    printf "\nMeasured on: %s\n", machine
    printf "HB, %s, per iteration (CPU time, medians; %s):\n", data, versions
    printf "  R bayesm %.1f ms | Loupe native %.2f ms (%.1fx faster) | Loupe wasm %.2f ms (%.2fx native; target <= 1.5x: %s; %.1fx faster than bayesm, target >= 15x: %s)\n",
           r, n0, r / n0, w0, w0 / n0, verdict(w0 / n0 <= 1.5), r / w0, verdict(r / w0 >= 15)
    printf "  as the app runs it, with 200 random respondents for the RLH cut-off: native %.2f ms | wasm %.2f ms (%.2fx native)\n",
           n200, w200, w200 / n200
    printf "decode+validate 100,000 response files: %.2f s native (target < 2 s: %s; %.0f files/s) | %.2f s wasm\n",
           fn, verdict(fn < 2), 100000 / fn, fw
    printf "find+read 100,000 response codes in one text: %.2f s native | %.2f s wasm\n", cn, cw
    printf "import 100,000 files + 100,000 codes: %.2f s native (100k/10k %.1f) | %.2f s wasm (100k/10k %.1f)\n",
           in100, in100 / in10, iw100, iw100 / iw10
    printf "20,000 respondents x 30 items: counts and logit %.2f s native | %.2f s wasm (target < 2 s: %s); one HB iteration %.1f ms native | %.1f ms wasm; memory %.0f MB native | %.0f MB wasm\n",
           an, aw, verdict(aw < 2), hn, hw, mn, mw
  }'
echo "contribution code length against its notes' text (taste sessions):"
native bench_taste | logged | sed 's/^/  /'
echo "the library's search as someone types, 20,000 notes in 60 sessions (native, then wasm):"
native bench_search | logged | sed 's/^/  native /'
wasm bench_search | logged | sed 's/^/  wasm /'
say "start-up with 500 stored screenshots (headless Chromium, wall-clock)"
node bench/taste/startup.mjs | keep >/dev/null
say "the screenshot wall with 1,000 screenshots against none (headless Chromium)"
node bench/taste/wall.mjs | keep >/dev/null
say "details: $out/log.txt"
