#!/usr/bin/env bash
# Installs what Wharf needs (Debian 12 packages), builds it, and starts the console on the
# embedded defaults: the local Docker socket when there is one, else an empty host list.
# Without a display it prints what `wharfctl version` says instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release -DWHARF_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --parallel "$(nproc)"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec build/release/app/wharf "$@"
else
  echo "No display: the console needs one. wharfctl works without:"
  build/release/app/wharfctl version || true
fi
