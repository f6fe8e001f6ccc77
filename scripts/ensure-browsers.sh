#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and Firefox ESR (never a downloaded
# browser). Install whichever is missing in one apt-get run; say clearly what
# to do when we cannot. CHROMIUM_PATH / FIREFOX_PATH point at other builds;
# ATAZAN_BROWSERS=chromium (or =firefox) limits the tests, and this script, to one.
# The TBX export test validates with xmllint (libxml2-utils), installed the same way.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
WANTED="${ATAZAN_BROWSERS:-chromium,firefox}"

missing=()
case ",$WANTED," in *,chromium,*) [ -x "$CHROMIUM" ] || missing+=(chromium) ;; esac
case ",$WANTED," in *,firefox,*) [ -x "$FIREFOX" ] || missing+=(firefox-esr) ;; esac
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Not found: ${missing[*]} (looked at $CHROMIUM and $FIREFOX), and apt-get is not available:" >&2
  echo "install them and set CHROMIUM_PATH / FIREFOX_PATH (Firefox 140 or later)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Not found: ${missing[*]}: run 'apt-get install -y ${missing[*]}' as root, then npm test again." >&2
    exit 1
  fi
fi
echo "Installing Debian's ${missing[*]} for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
for b in "${missing[@]}"; do
  case "$b" in
    chromium) "$CHROMIUM" --version ;;
    firefox-esr) "$FIREFOX" --version ;;
    libxml2-utils) xmllint --version 2>&1 | head -n 1 ;;
  esac
done
