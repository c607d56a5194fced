#!/usr/bin/env bash
# Installs everything the tests need, builds with warnings as errors, and runs every test.
# In CI (and with WHARF_ASAN=1) the tests run built with AddressSanitizer and UBSan; CI runs
# each test once: the package check on the plain build, everything else under the sanitizers.
# The tests start their own services (a private dockerd per fixture, on loopback, in temporary
# folders) and stop them. Needs root (dockerd) — CI runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --with-tests
export CCACHE_DIR="${CCACHE_DIR:-$PWD/.cache/ccache}"
started=$SECONDS

# ctest with each test's time, then the ten slowest (so the slow ones stay visible).
run_ctest() {
  local dir="$1"; shift
  local log
  log="$(mktemp)"
  local rc=0
  ctest --test-dir "$dir" --output-on-failure --timeout 900 -j "$(nproc)" "$@" 2>&1 | tee "$log" || rc=$?
  echo "The slowest tests ($dir):"
  grep -E '^ *[0-9]+/[0-9]+ Test +#' "$log" | sed -E 's/.* Test +#[0-9]+: ([^ ]+) .* ([0-9.]+) sec$/\2 \1/' | sort -rn | head -10 |
    awk '{printf "  %8.1f s  %s\n", $1, $2}'
  rm -f "$log"
  return $rc
}

sanitized=false
if [[ "${CI:-}" == true || -n "${WHARF_ASAN:-}" ]]; then sanitized=true; fi

cmake --preset dev -DWHARF_BUILD_TESTS=ON >/dev/null
cmake --build build/dev --parallel "$(nproc)"
echo "Built build/dev in $((SECONDS - started)) s"
if [[ "${CI:-}" == true ]]; then
  # the .deb is checked on the plain build; every other test runs once, under the sanitizers
  run_ctest build/dev -L packaging "$@"
else
  run_ctest build/dev "$@"
fi

if $sanitized; then
  t=$SECONDS
  # (benchmarks are not run in CI: not built here)
  cmake --preset asan -DWHARF_BUILD_TESTS=ON -DWHARF_BUILD_BENCH=OFF >/dev/null
  cmake --build build/asan --parallel "$(nproc)"
  echo "Built build/asan in $((SECONDS - t)) s"
  # (ASAN_OPTIONS and UBSAN_OPTIONS are set per test: leak checking is off, Qt keeps
  # process-wide caches until exit.)
  run_ctest build/asan -LE packaging "$@"
fi
echo "Tests done in $((SECONDS - started)) s"
