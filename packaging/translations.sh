#!/usr/bin/env bash
# Update the translation sources from the code, then compile them for the app:
#   bash packaging/translations.sh
# pyside6-lupdate finds every tr("...") in stretchtimer/ and adds new strings to
# packaging/i18n/stretchtimer_<lang>.ts (unfinished, for a translator, e.g. in
# pyside6-linguist); pyside6-lrelease writes assets/i18n/stretchtimer_<lang>.qm, which
# ships inside the package and is loaded at startup (stretchtimer/ui/i18n.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
sources=$(find stretchtimer -name '*.py' -not -path '*/__pycache__/*' | sort)
for ts in packaging/i18n/stretchtimer_*.ts; do
  lang=${ts##*_}; lang=${lang%.ts}
  # English needs only its plural forms ("1 session", "2 sessions" for "%n session(s)")
  only=(); [ "$lang" = en ] && only=(-pluralonly -target-language en)
  "$bin/pyside6-lupdate" -no-obsolete -locations none "${only[@]}" $sources -ts "$ts"
  "$bin/pyside6-lrelease" "$ts" -qm "assets/i18n/stretchtimer_$lang.qm"
done
