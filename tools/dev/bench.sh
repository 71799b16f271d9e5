#!/usr/bin/env bash
# Runs every benchmark in a Release build and prints each figure beside its peer.
# Usage: tools/dev/bench.sh [scale] [pushes]   (defaults: demo scale 1, 400 pushes)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tools/dev/install-deps.sh
cmake -S "$root" -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTA_BUILD_TESTS=OFF -DCARTA_BUILD_BENCHMARKS=ON
cmake --build build/bench -j "$(nproc)"
build/bench/bench/bench_sync "${1:-1}" "${2:-400}"
