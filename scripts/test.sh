#!/usr/bin/env bash
# Installs everything the tests need, builds with warnings as errors, and runs every test
# (in CI also a second time built with AddressSanitizer and UBSan).
# The tests start their own services (a private dockerd per fixture, on loopback, in temporary
# folders) and stop them. Needs root (dockerd) — CI runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --with-tests
export CCACHE_DIR="${CCACHE_DIR:-$PWD/.cache/ccache}"
cmake --preset dev -DWHARF_BUILD_TESTS=ON >/dev/null
cmake --build build/dev --parallel "$(nproc)"
ctest --test-dir build/dev --output-on-failure --timeout 900 -j "$(nproc)" "$@"

# CI (and WHARF_ASAN=1) also runs the tests built with AddressSanitizer and UBSan; the package
# check already ran above.
if [[ "${CI:-}" == true || -n "${WHARF_ASAN:-}" ]]; then
  cmake --preset asan -DWHARF_BUILD_TESTS=ON >/dev/null
  cmake --build build/asan --parallel "$(nproc)"
  # (ASAN_OPTIONS and UBSAN_OPTIONS are set per test: leak checking is off, Qt keeps
  # process-wide caches until exit.)
  ctest --test-dir build/asan --output-on-failure --timeout 900 -j "$(nproc)" -LE packaging "$@"
fi
