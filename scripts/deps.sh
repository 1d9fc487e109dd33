#!/usr/bin/env bash
# Installs the Debian packages a task needs; quiet and quick when they are already there.
# Usage: scripts/deps.sh build|test|bench
set -euo pipefail

build=(pkg-config libmicrohttpd-dev libsqlite3-dev libsodium-dev libssl-dev libqrencode-dev libcurl4-openssl-dev libpq-dev ca-certificates)
test=(python3-aiosmtpd python3-selenium chromium chromium-driver postgresql-15 postgresql-client-15 nginx-light curl)
bench=(wrk nginx-light gcc curl python3 postgresql-15 postgresql-client-15)

case "${1:-build}" in
  build) wanted=("${build[@]}") ;;
  test) wanted=("${build[@]}" "${test[@]}") ;;
  bench) wanted=("${build[@]}" "${bench[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 64 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
  echo "Swift 6 is needed: install the toolchain from swift.org under /opt/swift (see README)" >&2
  exit 1
fi
