#!/usr/bin/env bash
# Installs everything the tests need, builds with warnings as errors, and runs every test.
# In CI every test runs once, built with AddressSanitizer and UBSan; the .deb is made from a
# plain build of the programs (no tests) and checked in the same run, and the parsers are
# fuzzed (scripts/fuzz.sh, 20 s each). Elsewhere the tests run on the plain build
# (WHARF_ASAN=1 adds a run under the sanitizers, WHARF_FUZZ=1 the fuzzers).
# The tests start their own services (a private dockerd per fixture, on loopback, in temporary
# folders) and stop them. Needs root (dockerd) — CI runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --with-tests
# One compiler cache per user, shared by every clone: paths below the project are hashed
# relative to it, so another clone of the same sources compiles from the cache.
export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/wharf-ccache}"
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
ccache --max-size=5G >/dev/null 2>&1 || true
started=$SECONDS

# ctest with each test's time, then the ten slowest (so the slow ones stay visible).
run_ctest() {
  local dir="$1"; shift
  local log rc=0
  log="$(mktemp)"
  ctest --test-dir "$dir" --output-on-failure --timeout 900 -j "$(nproc)" "$@" 2>&1 | tee "$log" || rc=$?
  echo "The slowest tests ($dir):"
  grep -E '^ *[0-9]+/[0-9]+ Test +#' "$log" | sed -E 's/.* Test +#[0-9]+: ([^ ]+) .* ([0-9.]+) sec$/\2 \1/' | sort -rn | head -10 |
    awk '{printf "  %8.1f s  %s\n", $1, $2}'
  rm -f "$log"
  return $rc
}

if [[ "${CI:-}" == true ]]; then
  # The programs as packaged (plain, warnings as errors), for the package check.
  cmake --preset dev -DWHARF_BUILD_TESTS=OFF >/dev/null
  cmake --build build/dev --parallel "$(nproc)"
  echo "Built build/dev (the programs) in $((SECONDS - started)) s"
  t=$SECONDS
  # Everything with the sanitizers (the benchmarks are not run in CI: not built).
  cmake --preset asan -DWHARF_BUILD_TESTS=ON -DWHARF_BUILD_BENCH=OFF -DWHARF_PACKAGE_BUILD_DIR="$PWD/build/dev" >/dev/null
  cmake --build build/asan --parallel "$(nproc)"
  echo "Built build/asan in $((SECONDS - t)) s"
  # (ASAN_OPTIONS and UBSAN_OPTIONS are set per test: leak checking is off, Qt keeps
  # process-wide caches until exit.)
  run_ctest build/asan "$@"
  # The parsers of outside input, each fuzzed for a bounded time on its corpus.
  t=$SECONDS
  ./scripts/fuzz.sh "${WHARF_FUZZ_SECONDS:-20}"
  echo "Fuzzed in $((SECONDS - t)) s"
else
  cmake --preset dev -DWHARF_BUILD_TESTS=ON >/dev/null
  cmake --build build/dev --parallel "$(nproc)"
  echo "Built build/dev in $((SECONDS - started)) s"
  run_ctest build/dev "$@"
  if [[ -n "${WHARF_ASAN:-}" ]]; then
    cmake --preset asan -DWHARF_BUILD_TESTS=ON -DWHARF_BUILD_BENCH=OFF >/dev/null
    cmake --build build/asan --parallel "$(nproc)"
    run_ctest build/asan -LE packaging "$@"
  fi
  if [[ -n "${WHARF_FUZZ:-}" ]]; then
    ./scripts/fuzz.sh "${WHARF_FUZZ_SECONDS:-20}"
  fi
fi
echo "Tests done in $((SECONDS - started)) s"
