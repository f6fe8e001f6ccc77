#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser).
# Install it when missing; say clearly what to do when we cannot.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM and apt-get is not available: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Chromium not found: run 'apt-get install -y chromium' as root, then npm test again." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version
