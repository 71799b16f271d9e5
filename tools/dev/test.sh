#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: installs what is needed, builds with
# warnings as errors, runs every test; then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer (and LeakSanitizer) and runs every test but the GUI and browser
# ones there, the server and carta-cli processes included.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
jobs=$(nproc)

tools/dev/install-deps.sh

echo "== build (warnings are errors)"
# RelWithDebInfo's -O2 and NDEBUG without -g: debug info costs CI minutes in compiling and
# linking that a failing test's log does not need (the sanitizer build below keeps -g).
cmake -S "$root" -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG" -DCARTA_WERROR=ON
cmake --build build/ci -j "$jobs"
echo "== tests"
ctest --test-dir build/ci --output-on-failure -j "$jobs"

echo "== build with AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S "$root" -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCARTA_WERROR=ON -DCARTA_SANITIZE=ON -DCARTA_BUILD_BENCHMARKS=OFF
# Only what those tests need (test names are their target names; they depend on the
# carta-syncd and carta-cli executables themselves).
tests=$(ctest --test-dir build/asan -LE 'gui|browser' -N | awk '/Test +#[0-9]+:/ {print $3}')
cmake --build build/asan -j "$jobs" --target $tests
echo "== unit and integration tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 CARTA_TEST_QUIET=1 \
    ctest --test-dir build/asan --output-on-failure -j "$jobs" -LE 'gui|browser'
echo "== all tests passed"
