#!/bin/sh
# Wharf's helper on a shared host: gives a tenant a rootless Docker daemon of its own.
# Wharf sends this script over the admin's SSH access (or runs it on the local machine) and
# runs it as root. POSIX sh: it runs on any Linux host.
#
#   provision   user=NAME root=DIR key=PUBKEY [memory=BYTES] [cpus=NANOCPUS] [pids=N]
#               Creates the Unix user (with subordinate uid/gid ranges), the tenant's folder
#               root/NAME (root-owned, so the tenant cannot change its own SSH key or login),
#               an authorized_keys entry that only runs `docker system dial-stdio` against the
#               tenant's daemon (restrict: no shell, no port, agent or X11 forwarding, no pty),
#               a cgroup with the limits (memory, CPU, processes; 0 = not limited) that holds
#               the daemon and everything it starts, and a supervisor that keeps the daemon
#               running (rootlesskit + slirp4netns through dockerd-rootless.sh). Running it
#               again updates the key and the limits and restarts a daemon that is gone.
#               Last line: "wharf-endpoint: socket=PATH uid=UID cgroup=v1|v2".
#   dedicate    user=NAME root=DIR key=PUBKEY socket=PATH
#               A host dedicated to one tenant: the Unix user and the key as for provision,
#               but the key dials the host's own daemon at PATH (the user joins the socket's
#               group); no daemon of its own and no cgroup: the host is the tenant's.
#               Last line: "wharf-endpoint: socket=PATH uid=UID cgroup=none".
#   deprovision user=NAME root=DIR [data=1]
#               Stops the supervisor, the daemon and every process in the tenant's cgroup,
#               removes the cgroup, the key and the user; with data=1 also the tenant's folder
#               (its images, containers and volumes).
#   status      user=NAME root=DIR
#               "wharf-status: running|stopped socket=PATH".
#   usage       user=NAME root=DIR
#               What the tenant's cgroup uses now, read from the kernel:
#               "wharf-usage: memory=BYTES peak=BYTES cpu_usec=N pids=N" (peak: the most
#               memory since the cgroup was made, where the kernel keeps it; else 0).
#   supervise   user=NAME root=DIR   (started by provision; not for people)
#
# Errors are one line on standard error starting "wharf-error: " and exit status 1.
set -eu
# what the tenant's daemon must read (its cgroup folders, its home) is readable; what is
# private is made so explicitly
umask 022

say() { printf 'wharf: %s\n' "$*" >&2; }
die() {
  printf 'wharf-error: %s\n' "$*" >&2
  exit 1
}

if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n sh "$0" "$@"
  fi
  die "this needs root on the host: sign in as root, or give the SSH user sudo without a password"
fi

action=${1:-}
[ $# -gt 0 ] && shift
user='' root='' key='' memory=0 cpus=0 pids=0 data=0 socket=
for arg in "$@"; do
  case $arg in
  user=*) user=${arg#user=} ;;
  root=*) root=${arg#root=} ;;
  key=*) key=${arg#key=} ;;
  memory=*) memory=${arg#memory=} ;;
  cpus=*) cpus=${arg#cpus=} ;;
  pids=*) pids=${arg#pids=} ;;
  data=*) data=${arg#data=} ;;
  socket=*) socket=${arg#socket=} ;;
  *) die "unknown argument: $arg" ;;
  esac
done

case $user in
'' | *[!a-z0-9-]* | -*) die "not a tenant's user name: \"$user\"" ;;
esac
[ ${#user} -le 32 ] || die "the user name \"$user\" is longer than 32 characters"
case $root in
/*) ;;
*) die "the tenants' folder must be an absolute path: \"$root\"" ;;
esac
case $root in
*[!A-Za-z0-9/._-]* | */../* | */.. | */./*) die "the tenants' folder may hold only letters, digits and / . _ -: \"$root\"" ;;
esac
for n in "$memory" "$cpus" "$pids" "$data"; do
  case $n in
  '' | *[!0-9]*) die "not a number: \"$n\"" ;;
  esac
done

home=$root/$user
run=$home/run
sock=$run/docker.sock
if [ -n "$socket" ]; then
  case $socket in
  /*) ;;
  *) die "the daemon's socket must be an absolute path: \"$socket\"" ;;
  esac
  case $socket in
  *[!A-Za-z0-9/._-]* | */../*) die "the daemon's socket path may hold only letters, digits and / . _ -: \"$socket\"" ;;
  esac
  sock=$socket
fi
state=$root/.wharf
pidfile=$state/$user.pid
cgfile=$state/$user.cgroups
logfile=$state/$user.log
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

find_rootless() {
  for f in /usr/bin/dockerd-rootless.sh /usr/local/bin/dockerd-rootless.sh /usr/share/docker.io/contrib/dockerd-rootless.sh; do
    if [ -x "$f" ]; then
      echo "$f"
      return 0
    fi
  done
  return 1
}

supervisor_running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

daemon_answers() {
  [ -S "$sock" ] && docker -H "unix://$sock" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# The cgroup (v2: one folder; v1: one per controller) for the tenant, written to $cgfile as
# "controller path" lines; the limits applied.
setup_cgroup() {
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    base=/sys/fs/cgroup/wharf-tenants
    mkdir -p "$base"
    for c in memory pids cpu; do
      grep -qw "$c" /sys/fs/cgroup/cgroup.controllers || die "the kernel's cgroup v2 has no $c controller"
      grep -qw "$c" /sys/fs/cgroup/cgroup.subtree_control || echo "+$c" >/sys/fs/cgroup/cgroup.subtree_control ||
        die "cannot enable the $c controller in /sys/fs/cgroup"
      grep -qw "$c" "$base/cgroup.subtree_control" || echo "+$c" >"$base/cgroup.subtree_control" ||
        die "cannot enable the $c controller in $base"
    done
    dir=$base/$user
    mkdir -p "$dir"
    if [ "$memory" -gt 0 ]; then echo "$memory" >"$dir/memory.max"; else echo max >"$dir/memory.max"; fi
    [ -f "$dir/memory.swap.max" ] && echo 0 >"$dir/memory.swap.max"
    if [ "$pids" -gt 0 ]; then echo "$pids" >"$dir/pids.max"; else echo max >"$dir/pids.max"; fi
    if [ "$cpus" -gt 0 ]; then echo "$((cpus / 10000)) 100000" >"$dir/cpu.max"; else echo "max 100000" >"$dir/cpu.max"; fi
    echo "unified $dir" >"$cgfile"
    cgversion=v2
    return 0
  fi
  : >"$cgfile"
  # cpuacct (the CPU time the tenant used) where it is a hierarchy of its own
  accounting=''
  [ -f /sys/fs/cgroup/cpu/cpuacct.usage ] || { [ -f /sys/fs/cgroup/cpuacct/cgroup.procs ] && accounting=cpuacct; }
  for c in memory pids cpu $accounting; do
    mnt=/sys/fs/cgroup/$c
    [ -f "$mnt/cgroup.procs" ] || die "the kernel's cgroup v1 $c controller is not mounted at $mnt"
    # Under this shell's own cgroup (the host's limits for root stay above the tenant's),
    # unless that is a login session's, which goes away with the session.
    own=$(awk -F: -v c="$c" '{ n = split($2, a, ","); for (i = 1; i <= n; i++) if (a[i] == c) print $3 }' /proc/self/cgroup | head -n 1)
    case $own in
    *user.slice* | *system.slice* | *.scope* | /) own='' ;;
    esac
    dir=$mnt$own/wharf-tenants/$user
    mkdir -p "$dir"
    case $c in
    memory)
      # swap included where the kernel counts it, so the limit cannot be swapped around
      if [ "$memory" -gt 0 ]; then
        [ -f "$dir/memory.memsw.limit_in_bytes" ] && echo -1 >"$dir/memory.memsw.limit_in_bytes" 2>/dev/null || true
        echo "$memory" >"$dir/memory.limit_in_bytes"
        [ -f "$dir/memory.memsw.limit_in_bytes" ] && echo "$memory" >"$dir/memory.memsw.limit_in_bytes" 2>/dev/null || true
      else
        echo -1 >"$dir/memory.limit_in_bytes"
      fi
      [ -f "$dir/memory.swappiness" ] && echo 0 >"$dir/memory.swappiness" 2>/dev/null || true
      ;;
    pids)
      if [ "$pids" -gt 0 ]; then echo "$pids" >"$dir/pids.max"; else echo max >"$dir/pids.max"; fi
      ;;
    cpu)
      echo 100000 >"$dir/cpu.cfs_period_us"
      if [ "$cpus" -gt 0 ]; then echo "$((cpus / 10000))" >"$dir/cpu.cfs_quota_us"; else echo -1 >"$dir/cpu.cfs_quota_us"; fi
      ;;
    esac
    echo "$c $dir" >>"$cgfile"
  done
  cgversion=v1
}

# Every process in the tenant's cgroups, killed until none is left.
kill_cgroup() {
  [ -f "$cgfile" ] || return 0
  i=0
  while [ $i -lt 100 ]; do
    left=0
    while read -r _c dir; do
      [ -f "$dir/cgroup.procs" ] || continue
      for p in $(cat "$dir/cgroup.procs"); do
        kill -9 "$p" 2>/dev/null || true
        left=1
      done
    done <"$cgfile"
    [ $left = 0 ] && return 0
    sleep 0.1
    i=$((i + 1))
  done
  say "some processes of $user did not end"
}

remove_cgroup() {
  [ -f "$cgfile" ] || return 0
  while read -r _c dir; do
    [ -d "$dir" ] && rmdir "$dir" 2>/dev/null || true
    # the tenants' folder too, once it holds no tenant
    rmdir "${dir%/*}" 2>/dev/null || true
  done <"$cgfile"
  rm -f "$cgfile"
}

stop_supervisor() {
  if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      i=0
      while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do
        sleep 0.1
        i=$((i + 1))
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  fi
}

# Subordinate ids: 65536 of them after every range already given out.
ensure_subids() {
  for f in /etc/subuid /etc/subgid; do
    [ -f "$f" ] || : >"$f"
    if ! grep -q "^$user:" "$f"; then
      start=$(awk -F: 'BEGIN { m = 100000 } { e = $2 + $3; if (e > m) m = e } END { print m }' "$f")
      if [ "$f" = /etc/subuid ]; then
        usermod --add-subuids "$start-$((start + 65535))" "$user"
      else
        usermod --add-subgids "$start-$((start + 65535))" "$user"
      fi
    fi
  done
}

check_key() {
  case $key in
  ssh-ed25519\ * | ssh-rsa\ * | ecdsa-sha2-nistp256\ * | ecdsa-sha2-nistp384\ * | ecdsa-sha2-nistp521\ * | sk-*) ;;
  *) die "not an SSH public key (ssh-ed25519, ecdsa-sha2-… or ssh-rsa followed by the key)" ;;
  esac
  case $key in
  *[!A-Za-z0-9@.:_+/=\ -]*) die "the SSH public key has characters a key does not have" ;;
  esac
}

# The tenant's Unix user (no password can sign in) and its root-owned folder with the one key,
# which may only dial $sock.
make_user() {
  mkdir -p "$root" "$state"
  chmod 0755 "$root"
  chmod 0700 "$state"
  # kept on the host: the supervisor runs it, and it undoes what it did
  cp "$0" "$state/tenant-host.sh"
  chmod 0700 "$state/tenant-host.sh"
  if ! id "$user" >/dev/null 2>&1; then
    # a folder kept from before (deprovisioned without its data) keeps its uid where it is free
    olduid=''
    if [ -d "$home/.local/share/docker" ]; then
      olduid=$(stat -c %u "$home/.local/share/docker")
      getent passwd "$olduid" >/dev/null && olduid=''
    fi
    useradd -M -d "$home" -s /bin/sh -c "Wharf tenant" ${olduid:+-u "$olduid"} "$user" || die "cannot create the user $user"
    say "created the user $user"
  fi
  uid=$(id -u "$user")
  gid=$(id -g "$user")
  # no password can sign in ("*"), yet the account is not locked ("!"), which sshd would refuse
  usermod -p '*' "$user"
  dockercli=$(command -v docker) || die "the docker command is missing on the host"
  mkdir -p "$home/.ssh" "$home/.docker"
  chown root:root "$home" "$home/.ssh" "$home/.docker"
  chmod 0755 "$home" "$home/.ssh" "$home/.docker"
  keys=$home/.ssh/authorized_keys
  printf 'restrict,command="env -i PATH=/usr/bin:/bin HOME=%s DOCKER_CONFIG=%s %s -H unix://%s system dial-stdio" %s\n' \
    "$home" "$home/.docker" "$dockercli" "$sock" "$key" >"$keys.new"
  chmod 0644 "$keys.new"
  mv -f "$keys.new" "$keys"
}

dedicate() {
  [ -n "$socket" ] || die "name the host daemon's socket (socket=PATH)"
  check_key
  [ -S "$sock" ] || die "there is no daemon's socket at $sock"
  make_user
  group=$(stat -c %G "$sock")
  [ "$group" != root ] || die "the daemon's socket $sock belongs to group root: give it a group of its own (dockerd --group docker)"
  usermod -aG "$group" "$user"
  # every folder above the socket must let the user through
  d=${sock%/*}
  while [ -n "$d" ]; do
    if ! setpriv --reuid="$uid" --regid="$gid" --init-groups test -x "$d"; then
      die "the tenant's user cannot reach $sock: $d is closed to others (mode $(stat -c %a "$d"))"
    fi
    d=${d%/*}
  done
  setpriv --reuid="$uid" --regid="$gid" --init-groups docker -H "unix://$sock" version --format '{{.Server.Version}}' >/dev/null 2>&1 ||
    die "the tenant's user cannot use the daemon at $sock"
  echo "wharf-endpoint: socket=$sock uid=$uid cgroup=none"
}

provision() {
  check_key
  for tool in rootlesskit slirp4netns newuidmap newgidmap dockerd docker setpriv useradd; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing on the host (Debian: apt-get install rootlesskit slirp4netns uidmap docker.io util-linux passwd)"
  done
  rootless=$(find_rootless) || die "dockerd-rootless.sh is missing on the host (Debian's docker.io has it in /usr/share/docker.io/contrib)"
  [ -c /dev/net/tun ] || die "/dev/net/tun is missing: a rootless daemon's network needs it"
  tunmode=$(stat -c %a /dev/net/tun)
  case $tunmode in
  *66) ;;
  *) die "/dev/net/tun (mode $tunmode) cannot be opened by ordinary users; a rootless daemon needs mode 0666" ;;
  esac
  make_user
  ensure_subids

  # The tenant's folder is root's: the tenant cannot replace its key, its shell's start-up
  # files or its daemon's configuration. Only the daemon's data and runtime folders are its own.
  mkdir -p "$home/.config/docker" "$home/.local/share/docker" "$run"
  chown root:root "$home/.config" "$home/.local" "$home/.local/share"
  chmod 0755 "$home/.config" "$home/.local" "$home/.local/share"
  # the daemon's own: its data, its runtime folder and its configuration (key.json)
  chown "$uid:$gid" "$home/.local/share/docker" "$home/.config/docker" "$run"
  chmod 0700 "$home/.local/share/docker" "$home/.config/docker" "$run"

  setup_cgroup
  printf '%s\n' "$rootless" >"$state/$user.rootless"

  if supervisor_running && ! daemon_answers; then
    # a daemon that keeps failing waits longer between starts: start afresh (new limits, key)
    stop_supervisor
    kill_cgroup
  fi
  if ! supervisor_running; then
    # its own session, detached from this one: it outlives the SSH connection
    setsid sh "$state/tenant-host.sh" supervise "user=$user" "root=$root" </dev/null >>"$logfile" 2>&1 &
    say "started the daemon of $user"
  fi
  i=0
  deadline=$(($(date +%s) + 90))
  until daemon_answers; do
    i=$((i + 1))
    # the supervisor writes its pid file as it starts; gone after that, it has given up
    if [ "$(date +%s)" -ge $deadline ] || { [ $i -ge 50 ] && ! supervisor_running; }; then
      tail -n 15 "$logfile" >&2 || true
      die "the rootless daemon of $user did not start (log: $logfile)"
    fi
    sleep 0.1
  done
  docker -H "unix://$sock" info --format '{{json .SecurityOptions}}' 2>/dev/null | grep -q rootless ||
    die "the daemon on $sock is not rootless"
  echo "wharf-endpoint: socket=$sock uid=$uid cgroup=$cgversion"
}

supervise() {
  echo $$ >"$pidfile"
  rootless=$(cat "$state/$user.rootless")
  uid=$(id -u "$user")
  gid=$(id -g "$user")
  stopping=0
  child=''
  trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM INT HUP
  delay=1
  while [ $stopping = 0 ]; do
    started=$(date +%s)
    # The daemon joins the tenant's cgroups before it starts: all it runs stays inside them.
    sh -c '
      while read -r c dir; do echo $$ >"$dir/cgroup.procs"; done <"$1"
      shift
      exec "$@"
    ' _ "$cgfile" setpriv --reuid="$uid" --regid="$gid" --init-groups \
      env -i HOME="$home" XDG_RUNTIME_DIR="$run" PATH="$PATH" "$rootless" --host "unix://$sock" &
    child=$!
    while kill -0 "$child" 2>/dev/null; do wait "$child" || true; done
    child=''
    [ $stopping = 1 ] && break
    if [ $(($(date +%s) - started)) -ge 60 ]; then delay=1; elif [ $delay -lt 60 ]; then delay=$((delay * 2)); fi
    say "$(date -u +%FT%TZ) the daemon of $user ended; starting it again in ${delay}s"
    sleep "$delay" &
    wait $! || true
  done
  rm -f "$pidfile"
}

deprovision() {
  stop_supervisor
  kill_cgroup
  if id "$user" >/dev/null 2>&1; then
    pkill -KILL -u "$user" 2>/dev/null || true
  fi
  remove_cgroup
  rm -f "$home/.ssh/authorized_keys" "$state/$user.rootless" "$logfile"
  rm -rf "$run"
  if id "$user" >/dev/null 2>&1; then
    userdel "$user" 2>/dev/null || die "cannot remove the user $user"
  fi
  for f in /etc/subuid /etc/subgid; do
    [ -f "$f" ] && grep -q "^$user:" "$f" && sed -i "/^$user:/d" "$f"
  done
  if [ "$data" = 1 ]; then
    rm -rf "$home"
    say "removed $user and its data"
  else
    say "removed $user; its data stays in $home/.local/share/docker"
  fi
  echo "wharf-deprovisioned: $user"
}

# A cgroup file's number (0 when the kernel has no such file).
num() {
  v=$(cat "$1" 2>/dev/null || true)
  case $v in
  '' | *[!0-9]*) echo 0 ;;
  *) echo "$v" ;;
  esac
}

usage() {
  [ -f "$cgfile" ] || die "$user has no cgroup on this host (not provisioned, or a dedicated host)"
  mem=0 peak=0 cpu=0 procs=0
  while read -r c dir; do
    case $c in
    unified)
      mem=$(num "$dir/memory.current")
      peak=$(num "$dir/memory.peak")
      cpu=$(awk '$1 == "usage_usec" { print $2 }' "$dir/cpu.stat" 2>/dev/null || true)
      procs=$(num "$dir/pids.current")
      ;;
    memory)
      mem=$(num "$dir/memory.usage_in_bytes")
      peak=$(num "$dir/memory.max_usage_in_bytes")
      ;;
    pids) procs=$(num "$dir/pids.current") ;;
    cpu | cpuacct)
      # cpuacct shares the cpu controller's folder where they are mounted together
      [ -f "$dir/cpuacct.usage" ] && cpu=$(($(num "$dir/cpuacct.usage") / 1000))
      ;;
    esac
  done <"$cgfile"
  echo "wharf-usage: memory=$mem peak=$peak cpu_usec=${cpu:-0} pids=$procs"
}

case $action in
usage) usage ;;
provision) provision ;;
dedicate) dedicate ;;
deprovision) deprovision ;;
status)
  if supervisor_running && daemon_answers; then echo "wharf-status: running socket=$sock"; else echo "wharf-status: stopped socket=$sock"; fi
  ;;
supervise) supervise ;;
*) die "unknown action \"$action\" (provision, dedicate, deprovision, status, usage)" ;;
esac
