#!/usr/bin/env bash
# Set up everything stretchtimer needs on Debian/Ubuntu, then run the app or the tests.
#   bash packaging/bootstrap.sh run  [stretchtimer options]   # the app
#   bash packaging/bootstrap.sh test [pytest options]         # the test suite
# Installs only what is missing: Debian packages (as root, or with passwordless sudo;
# otherwise it prints the exact apt-get line), a virtual environment in .venv, and the
# Python packages from pyproject.toml (again only when pyproject.toml has changed).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
[ $# -gt 0 ] && shift
case "$mode" in run|test) ;; *) echo "usage: bash packaging/bootstrap.sh run|test [args]" >&2; exit 2;; esac

# Qt's xcb platform plugin and its libraries (what a PySide6 wheel does not bundle),
# libpulse for QtMultimedia, espeak-ng for pyttsx3 speech on Linux (aplay plays it), and
# libxss1 to notice when the user steps away (X11 idle time).
deb=(libdbus-1-3 libglib2.0-0 libfontconfig1 libfreetype6 fonts-dejavu-core libegl1 libgl1
     libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4
     libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
     libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
     libpulse0 espeak-ng libespeak-ng1 alsa-utils libxss1)
# Tests also use a virtual screen (Xvfb) with a tray host (trayer), sox, a private
# PulseAudio server with a null sink to record what the app plays (libasound2-plugins
# routes aplay into it), a private D-Bus (dbus) standing in for GNOME's and KDE's, and
# appstreamcli and desktop-file-validate to check the Linux desktop files (packaging/linux),
# and objdump (binutils), which PyInstaller needs to build the bundle (tests/e2e/test_bundle.py).
# weston (headless) is a Wayland compositor for the test that ends one under the app;
# libsm6 (XSMP's client library) shows that the test that no session manager reaches the app
# would see one that did (tests/e2e/test_exit.py); dunst is a real notification server
# (tests/e2e/test_notifications.py); syncthing keeps two test homes' history folder in
# sync (tests/e2e/test_syncthing.py).
[ "$mode" = test ] && deb+=(xvfb xauth x11-utils trayer sox pulseaudio pulseaudio-utils
                            libasound2-plugins dbus appstream desktop-file-utils binutils
                            weston libsm6 dunst syncthing)

# A Python of 3.11 or newer.
py=""
for cand in python3.13 python3.12 python3.11 python3; do
  if command -v "$cand" >/dev/null 2>&1 &&
     "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py=$(command -v "$cand"); break
  fi
done
if [ -z "$py" ]; then
  echo "stretchtimer needs Python 3.11 or newer: sudo apt-get install -y python3 python3-venv" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ] && ! "$py" -c 'import ensurepip, venv' 2>/dev/null; then
  deb+=("python3-venv")  # Debian splits venv/ensurepip out of python3
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${deb[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "stretchtimer: some Debian packages are missing; please run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  else
    echo "stretchtimer: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

[ -x .venv/bin/python ] || "$py" -m venv .venv
extra=""; [ "$mode" = test ] && extra="[test]"
stamp=".venv/.stretchtimer-$mode"
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extra"
  echo "$want" > "$stamp"
fi

if [ "$mode" = run ]; then
  exec .venv/bin/python -m stretchtimer "$@"
fi
exec .venv/bin/python -m pytest "$@"
