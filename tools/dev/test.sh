#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: installs what is needed, builds with
# warnings as errors, runs every test; then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer (and LeakSanitizer) and runs every test but the GUI and browser
# ones there, the server and carta-cli processes included. The packaging test (label
# "packaging": CPack, lintian, dpkg -i) runs once, on the first build.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
jobs=$(nproc)

# Each stage's heading says how long the run has taken so far and how long the stage before
# it took, so that a CI log shows where the time goes.
stage_started=$SECONDS
stage() {
    echo "== $* [at ${SECONDS} s; previous stage $((SECONDS - stage_started)) s]"
    stage_started=$SECONDS
}

stage "install dependencies"
tools/dev/install-deps.sh

stage "build (warnings are errors)"
# RelWithDebInfo's -O2 and NDEBUG without -g: debug info costs CI minutes in compiling and
# linking that a failing test's log does not need (the sanitizer build below keeps line tables).
# The tests' own code at -O1 (CARTA_TEST_CXX_FLAGS): it compiles faster, and the code under
# test is in the libraries, which keep -O2.
cmake -S "$root" -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG" \
    -DCARTA_TEST_CXX_FLAGS=-O1 -DCARTA_WERROR=ON
cmake --build build/ci -j "$jobs"
stage "tests"
ctest --test-dir build/ci --output-on-failure -j "$jobs"

stage "build with AddressSanitizer and UndefinedBehaviorSanitizer"
# Debug (assertions on, -O0) with -g1: line tables are all a sanitizer report needs
# (CARTA_SANITIZE keeps the frame pointers for the stack traces). Not -O1: with the
# sanitizers' instrumentation it nearly doubles each file's compile time.
cmake -S "$root" -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
    -DCARTA_WERROR=ON -DCARTA_SANITIZE=ON -DCARTA_BUILD_BENCHMARKS=OFF
# Only what those tests need (test names are their target names; they depend on the
# carta-syncd and carta-cli executables themselves).
tests=$(ctest --test-dir build/asan -LE 'gui|browser|packaging' -N | awk '/Test +#[0-9]+:/ {print $3}')
cmake --build build/asan -j "$jobs" --target $tests
stage "unit and integration tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 CARTA_TEST_QUIET=1 \
    ctest --test-dir build/asan --output-on-failure -j "$jobs" -LE 'gui|browser|packaging'
stage "all tests passed in ${SECONDS} s"
