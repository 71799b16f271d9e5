#!/usr/bin/env bash
# Runs every benchmark in a Release build and prints each figure beside its peer.
# Usage: tools/dev/bench.sh [scale] [pushes]   (defaults: demo scale 1, 400 pushes; the
# search benchmark and the app start benchmark run at scale 10, the size issue 8 targets,
# unless CARTA_SEARCH_SCALE / CARTA_APP_SCALE say otherwise)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tools/dev/install-deps.sh
cmake -S "$root" -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_TESTS=OFF -DCARTA_BUILD_BENCHMARKS=ON
cmake --build build/bench -j "$(nproc)"
build/bench/bench/bench_sync "${1:-1}" "${2:-400}"
echo
build/bench/bench/bench_search "${CARTA_SEARCH_SCALE:-10}"
echo
build/bench/bench/bench_site "${CARTA_SITE_SCALE:-10}"
echo
build/bench/bench/bench_app_start "${CARTA_APP_SCALE:-10}"
