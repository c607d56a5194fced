#!/usr/bin/env bash
# Runs every benchmark against a private Docker Engine holding 1,000 containers and prints the
# results (JSON lines and hyperfine tables). docs/PERFORMANCE.md records them.
#
#   tests/bench/run.sh            configure and build the release preset, then measure everything
#   tests/bench/run.sh remote     only the remote transports (SSH, TLS) and idle host cost
#   tests/bench/run.sh images     only images, registries and builds
#   tests/bench/run.sh bigcontext only the 2 GiB build context (peak memory of wharfctl build)
#   tests/bench/run.sh tenancy    only quota reservations and bills (SQLite and PostgreSQL)
#   tests/bench/run.sh apps       only compose files, deploys (against docker-compose) and the editor
#   tests/bench/run.sh services   only services: the edge router against a replica, scaling, rolling updates against Swarm
#
# Needs what scripts/install-deps.sh --with-tests installs (dockerd, hyperfine, Xvfb) and root.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
export CCACHE_DIR="${CCACHE_DIR:-$src/.cache/ccache}"
cmake --preset release -DWHARF_BUILD_TESTS=ON >/dev/null
cmake --build build/release --parallel "$(nproc)" >/dev/null || { echo "the release build failed" >&2; cmake --build build/release 2>&1 | grep -m 20 -E "error|FAILED" >&2; exit 1; }
bin=$src/build/release

state=$(mktemp -d /tmp/wharf-bench.XXXXXX)
only=${1:-all}
cleanup() {
  bash "$src/tests/fixtures/sshd.sh" stop "$state/sshd" >/dev/null 2>&1 || true
  bash "$src/tests/fixtures/registry.sh" stop "$state/registry" >/dev/null 2>&1 || true
  bash "$src/tests/fixtures/postgres.sh" stop "$state/postgres" >/dev/null 2>&1 || true
  bash "$src/tests/fixtures/dockerd.sh" stop "$state/dockerd" 2>/dev/null || true
  bash "$src/tests/fixtures/dockerd.sh" stop "$state/dockerd-services" 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT

tenancy() {
  echo "== quota reservations: 1,000 from 20 concurrent connections (a thread each), then bills"
  bash "$src/tests/fixtures/postgres.sh" start "$state/postgres" 2>/dev/null
  # shellcheck disable=SC1091
  source "$state/postgres/env"
  export PGPASSWORD=$WHARF_TEST_PG_PASSWORD
  local pg="postgresql://$WHARF_TEST_PG_USER@127.0.0.1:$WHARF_TEST_PG_PORT"
  for db in reserve bills; do
    "$WHARF_TEST_PG_BINDIR/psql" -h 127.0.0.1 -p "$WHARF_TEST_PG_PORT" -U "$WHARF_TEST_PG_USER" -d postgres -qc "CREATE DATABASE $db" 2>/dev/null \
      || psql -h 127.0.0.1 -p "$WHARF_TEST_PG_PORT" -U "$WHARF_TEST_PG_USER" -d postgres -qc "CREATE DATABASE $db"
  done
  "$bin/tests/bench/bench_tenancy" reserve "sqlite://$state/reserve.db" 1000 20
  "$bin/tests/bench/bench_tenancy" reserve "$pg/reserve" 1000 20
  echo "-- bills: 1,000 tenants x 30 days of hourly usage (720,000 usage rows), monthly and daily"
  "$bin/tests/bench/bench_tenancy" bill "sqlite://$state/bills.db" 1000 30
  "$bin/tests/bench/bench_tenancy" bill "$pg/bills" 1000 30
}
apps() {
  export QT_QPA_PLATFORM=offscreen # bench_apps is a widgets program, also where it draws nothing
  echo "== compose: load + validate a 200-service file (anchors, merge keys, variables, dependencies)"
  "$bin/tests/bench/bench_apps" generate 200 "$state/big.yaml"
  "$bin/tests/bench/bench_apps" load "$state/big.yaml" 20
  echo "== the orchestration editor with that file (200 services, 3 volumes, 2 networks), offscreen: repaints while panning"
  QT_QPA_PLATFORM=offscreen "$bin/tests/bench/bench_apps" pan "$state/big.yaml" 400 2>/dev/null
  echo "== deploy of a 20-service app: wharfctl app deploy against docker-compose up -d, same daemon, same file"
  "$bin/tests/bench/bench_apps" generate 20 "$state/twenty.yaml"
  sed -i '/restart: unless-stopped/d' "$state/twenty.yaml"
  local ctl="$bin/app/wharfctl -H $host"
  export WHARF_KEYCHAIN=none WHARF_CONFIG_DIR=$state/config WHARF_DATA_DIR=$state/data
  hyperfine -N --warmup 1 --runs 5 --export-markdown "$state/deploy.md" \
    --prepare "$ctl app down benchw" -n "wharfctl app deploy (from scratch)" "$ctl app deploy -f $state/twenty.yaml --name benchw" \
    --prepare "env DOCKER_HOST=$host docker-compose -p benchc -f $state/twenty.yaml down" \
    -n "docker-compose up -d (from scratch)" "env DOCKER_HOST=$host docker-compose -p benchc -f $state/twenty.yaml up -d" 2>/dev/null
  cat "$state/deploy.md"
  $ctl app deploy -f "$state/twenty.yaml" --name benchw >/dev/null
  env DOCKER_HOST="$host" docker-compose -p benchc -f "$state/twenty.yaml" up -d 2>/dev/null
  hyperfine -N --warmup 1 --runs 10 --export-markdown "$state/noop.md" \
    -n "wharfctl app deploy (no change)" "$ctl app deploy -f $state/twenty.yaml --name benchw" \
    -n "docker-compose up -d (no change)" "env DOCKER_HOST=$host docker-compose -p benchc -f $state/twenty.yaml up -d" 2>/dev/null
  cat "$state/noop.md"
  $ctl app down benchw >/dev/null
  env DOCKER_HOST="$host" docker-compose -p benchc -f "$state/twenty.yaml" down 2>/dev/null
}
# On a daemon of their own (the router takes host ports, Swarm is initialised on it).
services() {
  bash "$src/tests/fixtures/dockerd.sh" start "$state/dockerd-services" 2>/dev/null
  local shost port ctl ip image run
  shost=$(grep '^WHARF_TEST_DOCKER_HOST=' "$state/dockerd-services/env" | cut -d= -f2-)
  image=$(grep '^WHARF_TEST_IMAGE=' "$state/dockerd-services/env" | cut -d= -f2-)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export WHARF_KEYCHAIN=none WHARF_DB=sqlite://$state/services.db WHARF_DATA_DIR=$state/services-data
  ctl="$bin/app/wharfctl -H $shost"
  run='trap "exit 0" TERM; hostname > /www/index.html; httpd -f -p 80 -h /www & wait'
  $ctl edge image "$(grep '^WHARF_TEST_EDGE_IMAGE=' "$state/dockerd-services/env" | cut -d= -f2-)" >/dev/null
  $ctl service create --name web --replicas 1 -p "127.0.0.1:$port:80/http" --health-http / --health-interval 1s --update-monitor 1s "$image" sh -c "$run" >/dev/null
  ip=$($ctl service ps web -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["address"])')
  echo "== requests: 20 clients, 20,000 requests, a connection each: straight to the one replica, then through the router"
  "$bin/tests/bench/bench_services" 80 "$ip" 20 20000
  "$bin/tests/bench/bench_services" "$port" 127.0.0.1 20 20000
  echo "== the router's memory after that"
  env DOCKER_HOST="$shost" docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' wharf-edge
  echo "== time to scale 1 -> 10 (every replica healthy and in the router) and back"
  hyperfine -N --runs 5 --export-markdown "$state/scale.md" --prepare "$ctl service scale web=1" \
    -n "wharfctl service scale web=10" "$ctl service scale web=10" 2>/dev/null
  cat "$state/scale.md"
  echo "== rolling update of 10 replicas (start-first, one at a time, HTTP health check every 1 s) against a one-node Swarm on the same daemon"
  $ctl service scale web=10 >/dev/null
  local swarmport
  swarmport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  env DOCKER_HOST="$shost" docker swarm init --advertise-addr "127.0.0.1:$swarmport" --listen-addr "127.0.0.1:$swarmport" >/dev/null
  env DOCKER_HOST="$shost" docker service create --name sw --replicas 10 --update-order start-first --update-parallelism 1 --update-monitor 1s \
    --health-cmd 'wget -q -O /dev/null http://127.0.0.1:80/ || exit 1' --health-interval 1s --detach=false "$image" sh -c "$run" >/dev/null 2>&1
  local i t0 t1 t2
  for i in 1 2 3; do
    t0=$(date +%s%N)
    $ctl service update web --env-add "N=$i" >/dev/null
    t1=$(date +%s%N)
    env DOCKER_HOST="$shost" docker service update --detach=false --env-add "N=$i" sw >/dev/null 2>&1
    t2=$(date +%s%N)
    echo "{\"run\": $i, \"wharfctl_ms\": $(((t1 - t0) / 1000000)), \"swarm_ms\": $(((t2 - t1) / 1000000))}"
  done
  env DOCKER_HOST="$shost" docker swarm leave --force >/dev/null 2>&1 || true
  $ctl service rm web >/dev/null
  bash "$src/tests/fixtures/dockerd.sh" stop "$state/dockerd-services" 2>/dev/null || true
}
if [[ "$only" == services ]]; then
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  services
  exit 0
fi
if [[ "$only" == apps ]]; then
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  bash "$src/tests/fixtures/dockerd.sh" start "$state/dockerd" 2>/dev/null
  # shellcheck disable=SC1091
  source "$state/dockerd/env"
  host=unix://$ROOT/docker.sock
  apps
  exit 0
fi
if [[ "$only" == tenancy ]]; then
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  tenancy
services
  exit 0
fi

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

images() {
  echo "== registry browser: 1,000 repositories x 5 tags in Debian's docker-registry on loopback"
  bash "$src/tests/fixtures/registry.sh" start "$state/registry" "$bin/tests/wharf-test-tokenserver" 2>/dev/null
  # shellcheck disable=SC1091
  source "$state/registry/env"
  local ctl=("$bin/app/wharfctl" -H "$host")
  export WHARF_KEYCHAIN=none WHARF_CONFIG_DIR=$state/config
  "${ctl[@]}" tag wharf-test/busybox "$WHARF_TEST_REGISTRY_OPEN/bench/base:1"
  "${ctl[@]}" push -q "$WHARF_TEST_REGISTRY_OPEN/bench/base:1" >/dev/null
  QT_QPA_PLATFORM=offscreen "$bin/tests/bench/bench_registry" "$WHARF_TEST_REGISTRY_OPEN" bench/base 1000 5 2>/dev/null

  echo "== image list of 500 images: wharfctl against the docker CLI, whole processes"
  local i
  mkdir -p "$state/imgs"
  for i in $(seq 1 500); do
    mkdir -p "$state/imgs/$i" && echo "$i" >"$state/imgs/$i/id" && tar -C "$state/imgs/$i" -cf "$state/imgs/$i.tar" id
  done
  seq 1 500 | xargs -P 4 -I{} curl -sf --unix-socket "$sock" -X POST -H 'Content-Type: application/x-tar' \
    --data-binary "@$state/imgs/{}.tar" "http://d/v1.41/images/create?fromSrc=-&repo=bench/img{}&tag=1" -o /dev/null
  echo "images: $("$docker_cli" -H "$host" images -q | wc -l)"
  hyperfine -N --warmup 3 --runs 30 --export-markdown "$state/images.md" \
    -n "wharfctl images" "$bin/app/wharfctl -H $host images" \
    -n "docker images" "$docker_cli -H $host images" \
    -n "wharfctl images -o json" "$bin/app/wharfctl -H $host images -o json" \
    -n "docker images --format json" "$docker_cli -H $host images --format '{{json .}}'" 2>/dev/null
  cat "$state/images.md"

  echo "== build context of 200 MB (plus 50 MB left out by .dockerignore)"
  mkdir -p "$state/ctx/src" "$state/ctx/excluded"
  for i in $(seq 1 200); do head -c 1000000 /dev/urandom >"$state/ctx/src/f$i.bin"; done
  for i in $(seq 1 50); do head -c 1000000 /dev/urandom >"$state/ctx/excluded/f$i.bin"; done
  printf 'excluded\n' >"$state/ctx/.dockerignore"
  printf 'FROM wharf-test/busybox\nLABEL bench=context\n' >"$state/ctx/Dockerfile"
  echo "-- packing alone (BuildContext::pack, best of 5)"
  "$bin/tests/bench/bench_pack" "$state/ctx" 5
  echo "-- sending it to the daemon: wharfctl build against the docker CLI's classic builder"
  hyperfine -N --warmup 1 --runs 8 --export-markdown "$state/build.md" \
    -n "wharfctl build" "$bin/app/wharfctl -H $host build -q -t bench/ctx:w $state/ctx" \
    -n "docker build" "env DOCKER_BUILDKIT=0 $docker_cli -H $host build -q -t bench/ctx:d $state/ctx" 2>/dev/null
  cat "$state/build.md"
}
bigcontext() {
  echo "== a 2 GiB build context: peak memory (max RSS) of wharfctl build against the docker CLI"
  mkdir -p "$state/big"
  head -c 1073741824 /dev/urandom >"$state/big/a.bin"
  head -c 1073741824 /dev/urandom >"$state/big/b.bin"
  printf 'FROM scratch\nLABEL bench=big\n' >"$state/big/Dockerfile"
  local out
  out=$( { /usr/bin/time -f '%M %e' "$bin/app/wharfctl" -H "$host" build -q -t bench/big:w "$state/big" >/dev/null; } 2>&1 | tail -1)
  echo "wharfctl build: max RSS $(( ${out% *} / 1024 )) MiB, ${out#* } s"
  out=$( { /usr/bin/time -f '%M %e' env DOCKER_BUILDKIT=0 "$docker_cli" -H "$host" build -q -t bench/big:d "$state/big" >/dev/null; } 2>&1 | tail -1)
  echo "docker build (classic builder): max RSS $(( ${out% *} / 1024 )) MiB, ${out#* } s"
  rm -rf "$state/big"
}
if [[ "$only" == images ]]; then
  images
  bigcontext
  exit 0
fi
if [[ "$only" == bigcontext ]]; then
  bigcontext
  exit 0
fi

echo "== creating 1000 containers"
BENCH_SOCK=$sock BENCH_PREFIX=bench-base- bash "$src/tests/bench/burst.sh" create 1000
count=$(curl -sf --unix-socket "$sock" "http://d/v1.41/containers/json?all=1" | grep -o '"Id"' | wc -l)
echo "containers: $count"

remote() {
  echo "== SSH and TLS: the first container list, wharfctl against the docker CLI over the same transport"
  bash "$src/tests/fixtures/sshd.sh" start "$state/sshd" 2>/dev/null
  # shellcheck disable=SC1091
  source "$state/sshd/env"
  local ssh_url="ssh://root@127.0.0.1:$WHARF_TEST_SSH_PORT$sock" kh="$state/sshd/known_hosts.good" key="$state/sshd/id_ed25519"
  # The docker CLI runs the system ssh with `-- HOST docker system dial-stdio`: a wrapper gives it
  # the test keys and known_hosts and points the remote docker at the benchmark daemon (docker -H
  # ssh:// takes no socket path), so both sides do the same remote work.
  mkdir -p "$state/sshbin"
  printf 'Host 127.0.0.1\n  Port %s\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n  StrictHostKeyChecking yes\n  BatchMode yes\n' \
    "$WHARF_TEST_SSH_PORT" "$key" "$kh" >"$state/ssh_config"
  cat >"$state/sshbin/ssh" <<WRAP
#!/bin/bash
args=("\$@"); n=\${#args[@]}
if (( n >= 3 )) && [[ "\${args[n-3]} \${args[n-2]} \${args[n-1]}" == "docker system dial-stdio" ]]; then
  args=("\${args[@]:0:n-3}" "docker -H unix://$sock system dial-stdio")
fi
exec /usr/bin/ssh -F "$state/ssh_config" "\${args[@]}"
WRAP
  chmod +x "$state/sshbin/ssh"
  hyperfine -N --warmup 3 --runs 20 --export-markdown "$state/ssh.md" \
    -n "wharfctl over ssh (libssh2)" "$bin/app/wharfctl -H $ssh_url --known-hosts $kh --ssh-key $key ps -a -o json" \
    -n "wharfctl over ssh (system ssh)" "$bin/app/wharfctl -H $ssh_url --known-hosts $kh --ssh-key $key --ssh-client openssh ps -a -o json" \
    -n "docker -H ssh:// ps -a" "env PATH=$state/sshbin:$PATH $docker_cli -H ssh://root@127.0.0.1:$WHARF_TEST_SSH_PORT ps -a --format '{{json .}}'"
  cat "$state/ssh.md"
  local certs=$WHARF_TEST_CERT_PATH
  hyperfine -N --warmup 3 --runs 30 --export-markdown "$state/tls.md" \
    -n "wharfctl --tlsverify ps -a" "$bin/app/wharfctl -H $WHARF_TEST_TLS_HOST --tlsverify --tlscacert $certs/ca.pem --tlscert $certs/cert.pem --tlskey $certs/key.pem ps -a -o json" \
    -n "docker --tlsverify ps -a" "$docker_cli -H $WHARF_TEST_TLS_HOST --tlsverify --tlscacert $certs/ca.pem --tlscert $certs/cert.pem --tlskey $certs/key.pem ps -a --format '{{json .}}'"
  cat "$state/tls.md"
  echo "-- one client: the first list, then 50 more on the same session/connection"
  "$bin/tests/bench/bench_remote" calls "$ssh_url" 50 --known-hosts "$kh" --ssh-key "$key"
  "$bin/tests/bench/bench_remote" calls "$WHARF_TEST_TLS_HOST" 50 --tls "$certs"
  "$bin/tests/bench/bench_remote" calls "$host" 50
  echo "== an idle connected host: CPU and wake-ups per minute (60 s each)"
  "$bin/tests/bench/bench_remote" idle "$host" 60
  "$bin/tests/bench/bench_remote" idle "$WHARF_TEST_TLS_HOST" 60 --tls "$certs"
  "$bin/tests/bench/bench_remote" idle "$ssh_url" 60 --known-hosts "$kh" --ssh-key "$key"
}
if [[ "$only" == remote ]]; then
  remote
  exit 0
fi

echo "== wharfctl ps -a -o json vs docker ps vs curl (the floor)"
hyperfine -N --warmup 5 --runs 60 --export-markdown "$state/ps.md" \
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
    out=$(WHARF_CONFIG_DIR="$1" "$2/app/wharf" --startup-probe 1000 2>/dev/null)
    end=$(date +%s%N)
    echo "${out%\}}, \"process_wall_ms\": $(( (end - start) / 1000000 ))}"
  done' _ "$state/console" "$bin" | tee "$state/startup.jsonl"
median_max() { sort -n | awk '{v[NR]=$1} END{printf "median %s, max %s", v[int((NR+1)/2)], v[NR]}'; }
echo "first paint (ms): $(grep -o '"first_paint_ms": [0-9]*' "$state/startup.jsonl" | grep -o '[0-9]*$' | median_max)"
echo "process start to exit (ms): $(grep -o '"process_wall_ms": [0-9]*' "$state/startup.jsonl" | grep -o '[0-9]*$' | median_max)"
echo "peak RSS (KiB): $(grep -o '"peak_rss_kib": [0-9]*' "$state/startup.jsonl" | grep -o '[0-9]*$' | median_max)"

echo "== a burst of 1,000 container events applied by the containers page (offscreen)"
# max_busy_stall_ms: the longest stretch the GUI thread was busy between two ticks of a 2 ms timer
# (our own work). max_wall_gap_ms: the longest wall-clock gap, which also counts time the kernel
# gave the CPU to dockerd and the burst. First on shared CPUs, then with the engine and the
# burst on CPU 0 and the console on CPU 1, as when the console manages a host elsewhere.
echo "-- shared CPUs"
BENCH_SOCK=$sock QT_QPA_PLATFORM=offscreen "$bin/tests/bench/bench_events" "$host" 1000 "$src/tests/bench/burst.sh" 2>/dev/null
if (($(nproc) >= 2)); then
  echo "-- engine and burst on CPU 0, console on CPU 1"
  for pid in "$(cat "$ROOT/dockerd.pid")" "$(cat "$ROOT/exec/containerd/containerd.pid")"; do
    taskset -a -p -c 0 "$pid" >/dev/null
  done
  BENCH_SOCK=$sock BENCH_BURST_CPUS=0 QT_QPA_PLATFORM=offscreen taskset -c 1 \
    "$bin/tests/bench/bench_events" "$host" 1000 "$src/tests/bench/burst.sh" 2>/dev/null
fi

echo "== 20 hosts, 5 of them unreachable (a TCP tarpit: every request waits for its timeout), 45 s from start-up"
QT_QPA_PLATFORM=offscreen "$bin/tests/bench/bench_hosts" "$host" 15 5 45 2>/dev/null

remote
images
bigcontext
tenancy
services
