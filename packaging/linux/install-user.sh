#!/usr/bin/env bash
# Add stretchtimer to your desktop's application menu, for you only (no root needed):
#   bash packaging/linux/install-user.sh [COMMAND]      # install (again: updates)
#   bash packaging/linux/install-user.sh --uninstall    # remove what install put there
# COMMAND is the program the menu entry runs. Default: the stretchtimer on your PATH,
# else this repository's .venv/bin/stretchtimer. For a PyInstaller build pass its
# program, e.g. ~/apps/stretchtimer/stretchtimer.
# Files go under ${XDG_DATA_HOME:-~/.local/share}: applications/ (the .desktop file),
# icons/hicolor/ (the icon in every size) and metainfo/ (the AppStream description).
set -euo pipefail

APP_ID=org.stretchtimer.StretchTimer
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-}
[ -n "$data" ] || data="$HOME/.local/share"

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

uninstall=0
command_arg=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0;;
    --uninstall) uninstall=1;;
    -*) echo "install-user.sh: unknown option $1" >&2; usage >&2; exit 2;;
    *) [ -z "$command_arg" ] || { echo "install-user.sh: one COMMAND only" >&2; exit 2; }
       command_arg=$1;;
  esac
  shift
done
if [ "$uninstall" = 1 ] && [ -n "$command_arg" ]; then
  echo "install-user.sh: --uninstall takes no COMMAND" >&2; exit 2
fi

# Every file we install, as "source<TAB>target"; uninstall removes the same targets.
files() {
  printf '%s\t%s\n' "$here/$APP_ID.desktop" "$data/applications/$APP_ID.desktop"
  printf '%s\t%s\n' "$here/$APP_ID.metainfo.xml" "$data/metainfo/$APP_ID.metainfo.xml"
  local icon rel
  for icon in "$here"/icons/hicolor/*/apps/"$APP_ID".*; do
    [ -f "$icon" ] || continue
    rel=${icon#"$here/icons/"}
    printf '%s\t%s\n' "$icon" "$data/icons/$rel"
  done
}

refresh() {  # Let menus and icon lookups notice; neither tool is required.
  touch "$data/icons/hicolor" 2>/dev/null || true
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" >/dev/null 2>&1 || true
  fi
  # Without an index.theme in the user's hicolor folder this fails, and no cache is
  # needed there (GTK reads the folder); with one, it brings the cache up to date.
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -f "$data/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "$uninstall" = 1 ]; then
  while IFS=$'\t' read -r _ target; do
    if [ -e "$target" ]; then rm -f -- "$target"; echo "removed $target"; fi
  done < <(files)
  refresh
  exit 0
fi

# The program to run.
if [ -n "$command_arg" ]; then
  program=$command_arg
  case "$program" in
    */*) [ -x "$program" ] && [ -f "$program" ] || {
           echo "install-user.sh: $program is not an executable file" >&2; exit 1; }
         program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")";;
    *)   command -v "$program" >/dev/null 2>&1 ||
           echo "install-user.sh: warning: $program is not on your PATH now" >&2;;
  esac
elif program=$(command -v stretchtimer 2>/dev/null) && [ -n "$program" ]; then
  :
elif [ -x "$root/.venv/bin/stretchtimer" ]; then
  program="$root/.venv/bin/stretchtimer"
else
  echo "install-user.sh: no stretchtimer on your PATH and no $root/.venv/bin/stretchtimer;" >&2
  echo "  install it first (pip install .), or pass the program to run:" >&2
  echo "  bash $0 /path/to/stretchtimer" >&2
  exit 1
fi

# As one Exec= argument (Desktop Entry spec, "The Exec key"): plain when it can be,
# else in double quotes. The few characters that would need escaping are refused.
case "$program" in
  *[\"\`\$\\%]*|*$'\n'*)
    echo "install-user.sh: please use a path without \" \` \$ \\ % or newlines: $program" >&2
    exit 1;;
  *[!A-Za-z0-9_./+,:@=-]*) exec_program="\"$program\"";;
  *) exec_program=$program;;
esac

while IFS=$'\t' read -r source target; do
  mkdir -p -- "$(dirname "$target")"
  tmp="$target.tmp.$$"
  if [ "${target##*.}" = desktop ]; then
    # Exec=stretchtimer [args] -> Exec=<program> [args], in the entry and its actions.
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        Exec=stretchtimer|"Exec=stretchtimer "*) line="Exec=$exec_program${line#Exec=stretchtimer}";;
      esac
      printf '%s\n' "$line"
    done < "$source" > "$tmp"
  else
    cp -- "$source" "$tmp"
  fi
  chmod 644 -- "$tmp"
  mv -f -- "$tmp" "$target"
  echo "installed $target"
done < <(files)
refresh
echo "stretchtimer is in your application menu; it runs: $program"
