#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser).
# Install it when missing; say clearly what to do when we cannot. The TBX schema test needs
# xmllint (libxml2-utils), installed the same way.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
PACKAGES=""
[ -x "$CHROMIUM" ] || PACKAGES="chromium"
command -v xmllint >/dev/null 2>&1 || PACKAGES="$PACKAGES libxml2-utils"
[ -z "$PACKAGES" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing:$PACKAGES and apt-get is not available: install Chromium (set CHROMIUM_PATH) and xmllint." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Missing:$PACKAGES. Run 'apt-get install -y$PACKAGES' as root, then npm test again." >&2
    exit 1
  fi
fi
echo "Installing Debian's$PACKAGES for the tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $PACKAGES >/dev/null
if [ -x "$CHROMIUM" ]; then "$CHROMIUM" --version; fi
