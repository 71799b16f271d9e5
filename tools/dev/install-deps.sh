#!/usr/bin/env bash
# Installs the Debian 12 packages Carta needs to build, run and test. Safe to run again:
# it only calls apt-get when something is missing. The public site's front-end packages
# (nhsuk-frontend, MiniSearch) and the browser tests' (Playwright's driver, axe-core) come
# from the npm registry through the build (npm ci with a lock file), with Node.js and npm
# as the machine has them (Debian's nodejs and npm when they are missing).
set -euo pipefail

packages=(
    build-essential cmake ninja-build git pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libsqlite3-dev sqlite3 tzdata libgit2-dev zlib1g-dev libboost-dev libssl-dev openssl curl
    qtkeychain-qt6-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
    xvfb xauth
    libxml2-utils chromium hugo time
    lintian desktop-file-utils appstream systemd man-db adduser
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
# Node.js and npm: the machine's own when it has them (a newer Node.js than Debian's may be
# installed, and Debian's npm package would conflict with it).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
