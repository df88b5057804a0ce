#!/usr/bin/env bash
# Regenerate the GUI translations:
#   1. pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string of every
#      .py file under desktop_app/gui (sub-packages included) into zh_CN.ts (existing
#      translations are kept; strings no longer in the code are dropped with -no-obsolete);
#   2. translate the new entries (Qt Linguist: pyside6-linguist zh_CN.ts), then
#   3. pyside6-lrelease compiles zh_CN.ts into zh_CN.qm, which the app loads.
# tests/gui/test_translations.py fails while any entry is unfinished or any visible
# string is still English.
#
# Usage: bash desktop_app/gui/i18n/update.sh [--release-only]
# Finds the tools in $PYSIDE_BIN, next to $PYTHON / python3, or on PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gui=$(dirname "$here")

find_tool() {
    local name=$1 dir
    for dir in "${PYSIDE_BIN:-}" "$(dirname "$(command -v "${PYTHON:-python3}" 2>/dev/null || echo /nonexistent)")"; do
        [ -n "$dir" ] && [ -x "$dir/$name" ] && { echo "$dir/$name"; return; }
    done
    command -v "$name" || { echo "update.sh: $name not found (pip install PySide6-Essentials)" >&2; exit 1; }
}

if [ "${1:-}" != "--release-only" ]; then
    lupdate=$(find_tool pyside6-lupdate)
    # every module of the gui package and its sub-packages, in a stable order
    mapfile -t sources < <(cd "$gui" && find . -name '*.py' -not -path './i18n/*' | LC_ALL=C sort)
    (cd "$gui" && "$lupdate" -no-obsolete -locations relative -source-language en -target-language zh_CN "${sources[@]}" -ts i18n/zh_CN.ts)
fi
lrelease=$(find_tool pyside6-lrelease)
"$lrelease" "$here/zh_CN.ts" -qm "$here/zh_CN.qm"
if grep -q 'type="unfinished"' "$here/zh_CN.ts"; then
    echo "update.sh: zh_CN.ts has unfinished translations:" >&2
    grep -B2 'type="unfinished"' "$here/zh_CN.ts" | grep '<source>' >&2 || true
    exit 1
fi
