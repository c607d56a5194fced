#!/usr/bin/env bash
# Makes container events for the benchmarks: create or remove N containers named PREFIXI
# (BENCH_PREFIX, default bench-burst-) on the daemon at $BENCH_SOCK, 8 requests at a time.
set -euo pipefail
cmd=${1:?create|remove}
n=${2:?count}
sock=${BENCH_SOCK:?the daemon socket}
prefix=${BENCH_PREFIX:-bench-burst-}
# BENCH_BURST_CPUS keeps the burst off the console's CPU (see run.sh).
if [[ -n "${BENCH_BURST_CPUS:-}" && -z "${BENCH_PINNED:-}" ]]; then
  BENCH_PINNED=1 exec taskset -c "$BENCH_BURST_CPUS" bash "$0" "$@"
fi
case "$cmd" in
create)
  seq 1 "$n" | xargs -P 8 -I{} curl -sf --unix-socket "$sock" -X POST -H 'Content-Type: application/json' \
    -d '{"Image":"wharf-test/busybox:latest","Cmd":["sleep","1"],"Labels":{"io.wharf.bench":"burst"}}' \
    "http://d/v1.41/containers/create?name=${prefix}{}" -o /dev/null ;;
remove)
  seq 1 "$n" | xargs -P 8 -I{} curl -sf --unix-socket "$sock" -X DELETE "http://d/v1.41/containers/${prefix}{}" -o /dev/null ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
