#!/usr/bin/env bash
# Debian packages the app and its tests need: Python's venv, the libraries Qt loads even
# offscreen, a CJK font (Chinese renders as boxes without one), Xvfb for a real window on a
# machine without a screen, poppler (and its CJK encoding data) to look at PDFs, and gnome-keyring (the Secret Service that
# keeps the counter's sync token; a desktop session unlocks it), and chromium for the web console's
# browser tests (Playwright drives it; no browser download). Installs only what is missing.
set -euo pipefail

packages=(
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
  libusb-1.0-0 fonts-wqy-microhei xvfb xauth poppler-utils poppler-data gnome-keyring dbus
  chromium
)
python3 -c "import ensurepip, venv" 2>/dev/null || packages+=(python3-venv)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "debian-deps: not a Debian system; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "debian-deps: please install as root: apt-get install ${missing[*]}" >&2
    exit 1
  }
  sudo="sudo"
fi
echo "debian-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
