#!/usr/bin/env bash
# Installs everything the tests need, builds with warnings as errors, and runs every test.
# The tests start their own services (a private dockerd per fixture, on loopback, in temporary
# folders) and stop them. Needs root (dockerd) — CI runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --with-tests
export CCACHE_DIR="${CCACHE_DIR:-$PWD/.cache/ccache}"
cmake --preset dev -DWHARF_BUILD_TESTS=ON >/dev/null
cmake --build build/dev --parallel "$(nproc)"
cd build/dev
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
