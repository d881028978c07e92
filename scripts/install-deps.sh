#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need (DESIGN §4).
# Idempotent and silent when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libpg-query-dev libsimdjson-dev libcurl4-openssl-dev libssl-dev
  libsnappy-dev libzstd-dev liblz4-dev libbrotli-dev zlib1g-dev
  libyaml-cpp-dev libfmt-dev libspdlog-dev libcli11-dev libedit-dev libxxhash-dev libarchive-dev
  python3-dev pybind11-dev googletest libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  postgresql-15 libpq-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
