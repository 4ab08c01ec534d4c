#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle from packaging/stretchtimer.spec.
#   bash packaging/build-bundle.sh [OUT]     # OUT defaults to build/bundle
# The app is OUT/dist/stretchtimer/stretchtimer (PyInstaller's work files: OUT/work).
# PyInstaller comes with the test extra: .venv/bin/pip install -e ".[test]".
# PYTHON picks another interpreter than .venv/bin/python (the tests pass their own).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/bundle}
py=${PYTHON:-$root/.venv/bin/python}
[ -n "${PYTHON:-}" ] || [ -x "$py" ] || py=$root/.venv/Scripts/python.exe  # Git Bash on Windows

if [ ! -x "$py" ]; then
  echo "build-bundle: no Python at $py; set up .venv with the test extra:" \
       "bash packaging/bootstrap.sh test --collect-only -q" >&2
  exit 1
fi
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
  echo "build-bundle: PyInstaller is not installed for $py;" \
       "install the test extra: $py -m pip install -e \"$root[test]\"" >&2
  exit 1
fi

if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null 2>&1; then
  echo "build-bundle: PyInstaller needs objdump on Linux: sudo apt-get install -y binutils" >&2
  exit 1
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)  # relative to where the script was started, not to $root
cd "$root"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$out/dist" --workpath "$out/work" packaging/stretchtimer.spec
echo "build-bundle: built $out/dist/stretchtimer"
