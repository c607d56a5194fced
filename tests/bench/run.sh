#!/usr/bin/env bash
# Runs every benchmark against a private Docker Engine holding 1,000 containers and prints the
# results (JSON lines and hyperfine tables). docs/PERFORMANCE.md records them.
#
#   tests/bench/run.sh            configure and build the release preset, then measure
#
# Needs what scripts/install-deps.sh --with-tests installs (dockerd, hyperfine, Xvfb) and root.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
export CCACHE_DIR="${CCACHE_DIR:-$src/.cache/ccache}"
cmake --preset release -DWHARF_BUILD_TESTS=ON >/dev/null
cmake --build build/release --parallel "$(nproc)" >/dev/null
bin=$src/build/release

state=$(mktemp -d /tmp/wharf-bench.XXXXXX)
cleanup() {
  bash "$src/tests/fixtures/dockerd.sh" stop "$state/dockerd" || true
  rm -rf "$state"
}
trap cleanup EXIT
bash "$src/tests/fixtures/dockerd.sh" start "$state/dockerd" 2>/dev/null
# shellcheck disable=SC1091
source "$state/dockerd/env"
sock=$ROOT/docker.sock
host=unix://$sock
docker_cli=/usr/bin/docker # the docker.io package's CLI, the version that matches the daemon

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; memory: $(free -m | awk '/Mem:/{print $2}') MiB"
echo "dockerd: $(dockerd --version)"
echo "docker CLI: $($docker_cli --version)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"

echo "== creating 1000 containers"
BENCH_SOCK=$sock BENCH_PREFIX=bench-base- bash "$src/tests/bench/burst.sh" create 1000
count=$(curl -sf --unix-socket "$sock" "http://d/v1.41/containers/json?all=1" | grep -o '"Id"' | wc -l)
echo "containers: $count"

echo "== wharfctl ps -a -o json vs docker ps vs curl (the floor)"
hyperfine -N --warmup 5 --runs 40 --export-markdown "$state/ps.md" \
  -n "wharfctl ps -a -o json" "$bin/app/wharfctl -H $host ps -a -o json" \
  -n "docker ps -a --format json" "$docker_cli -H $host ps -a --format '{{json .}}'" \
  -n "curl /containers/json?all=1" "curl -sf --unix-socket $sock http://d/v1.41/containers/json?all=1"
cat "$state/ps.md"

echo "== HTTP + JSON decode of the 1,000-container list (recorded from the daemon, chunked)"
curl -sf --raw -i --unix-socket "$sock" "http://d/v1.41/containers/json?all=1" >"$state/containers.http"
"$bin/tests/bench/bench_parse" "$state/containers.http" 300

echo "== console start-up: first painted window with 1,000 containers listed (Xvfb)"
mkdir -p "$state/console"
printf '{"version":1,"hosts":[{"id":"bench","name":"bench","group":"Bench","url":"%s"}]}\n' "$host" >"$state/console/hosts.json"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  for i in $(seq 1 10); do
    start=$(date +%s%N)
    out=$(WHARF_CONFIG_DIR="$1" "$2/app/wharf" --startup-probe 1000)
    end=$(date +%s%N)
    echo "${out%\}}, \"process_wall_ms\": $(( (end - start) / 1000000 ))}"
  done' _ "$state/console" "$bin" | tee "$state/startup.jsonl"
awk -F'[:,}]' '{for(i=1;i<=NF;i++){if($i~/first_paint_ms/)fp[NR]=$(i+1); if($i~/peak_rss_kib/)rss[NR]=$(i+1)}}
  END{n=asort(fp); asort(rss); printf "first paint: median %d ms, max %d ms; peak RSS: median %.1f MiB, max %.1f MiB\n", fp[int((n+1)/2)], fp[n], rss[int((n+1)/2)]/1024, rss[n]/1024}' "$state/startup.jsonl"

echo "== a burst of 1,000 container events applied by the containers page (offscreen)"
BENCH_SOCK=$sock QT_QPA_PLATFORM=offscreen "$bin/tests/bench/bench_events" "$host" 1000 "$src/tests/bench/burst.sh"
# (the page then holds 2,000 rows during the create burst)
