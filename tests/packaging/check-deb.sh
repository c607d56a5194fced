#!/usr/bin/env bash
# Builds the .deb with CPack from a build folder, checks what it holds, installs it and runs the
# installed /usr/bin/wharfctl against the test daemon.
#
#   check-deb.sh BUILD_DIR DOCKERD_ENV_FILE   (the env file of tests/fixtures/dockerd.sh)
#
# Installing changes the machine, so it happens in CI (CI=true) or when WHARF_INSTALL_PACKAGE=1;
# otherwise the package is unpacked into a temporary folder and run from there.
set -euo pipefail
build=$(cd "${1:?build folder}" && pwd)
# shellcheck disable=SC1090
source "${2:?the dockerd fixture env file}"
host=$WHARF_TEST_DOCKER_HOST
out=$build/package
rm -rf "$out"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/wharf_*.deb)
echo "package: $(basename "$deb")"

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/wharf ./usr/bin/wharfctl ./usr/share/applications/io.wharf.Wharf.desktop \
  ./usr/share/icons/hicolor/scalable/apps/io.wharf.Wharf.svg; do
  grep -q " $f\$" <<<"$contents" || { echo "the package lacks $f"; echo "$contents"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q libqt6widgets6 <<<"$depends" || { echo "Depends misses the Qt libraries: $depends"; exit 1; }
grep -q libssh2-1 <<<"$depends" || { echo "Depends misses libssh2: $depends"; exit 1; }
[[ "$(dpkg-deb -f "$deb" Recommends)" == *openssh-client* ]] || { echo "Recommends misses openssh-client"; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  tmp=$(mktemp -d)
  dpkg-deb -x "$deb" "$tmp"
  desktop-file-validate "$tmp/usr/share/applications/io.wharf.Wharf.desktop"
  rm -rf "$tmp"
fi

check_version() {
  local bin=$1 text
  text=$("$bin" -H "$host" version)
  grep -q '^Client: Wharf' <<<"$text" || { echo "unexpected output of $bin version: $text"; exit 1; }
  grep -q 'Negotiated:' <<<"$text" || { echo "no server part in: $text"; exit 1; }
  echo "$bin version: ok"
}

if [[ "${CI:-}" == true || -n "${WHARF_INSTALL_PACKAGE:-}" ]]; then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall --no-install-recommends "$deb" >/dev/null
  [[ "$(dpkg-query -S /usr/bin/wharfctl | cut -d: -f1)" == wharf ]] || { echo "/usr/bin/wharfctl is not from the package"; exit 1; }
  check_version /usr/bin/wharfctl
  QT_QPA_PLATFORM=offscreen /usr/bin/wharf --help >/dev/null
  echo "installed: $(dpkg-query -W -f='${Package} ${Version}' wharf)"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  dpkg-deb -x "$deb" "$tmp"
  check_version "$tmp/usr/bin/wharfctl"
  echo "not installed (set WHARF_INSTALL_PACKAGE=1 or CI=true to install it)"
fi
