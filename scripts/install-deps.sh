#!/usr/bin/env bash
# Installs everything Wharf needs to build, run and test, from Debian 12 packages by name.
# Idempotent: packages already there are left alone. Needs root (or sudo).
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build ccache pkg-config git dpkg-dev file
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev libegl-dev libxkbcommon-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-qpa-plugins
  qtkeychain-qt6-dev libssh2-1-dev libyaml-cpp-dev libvterm-dev node-llhttp
  fonts-noto-cjk fonts-dejavu-core
)
# What the tests start and use: a private Docker Engine, test images made from Debian
# packages, Xvfb for screenshots, tools for the benchmarks, and clang's libFuzzer.
TEST_PKGS=(
  docker.io containerd runc iptables iproute2 busybox-static curl openssl
  xvfb xauth x11-apps imagemagick hyperfine procps desktop-file-utils
  dbus-bin gnome-keyring libsecret-tools openssh-server openssh-client
  docker-registry apache2-utils postgresql docker-compose zsh haproxy
  rootlesskit slirp4netns uidmap util-linux passwd
  clang libclang-rt-14-dev
)

want=("${BUILD_PKGS[@]}")
if [[ "${1:-}" == "--with-tests" ]]; then
  want+=("${TEST_PKGS[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
