#!/usr/bin/env bash
# Regenerate the county workstation's translations (as desktop_app/gui/i18n/update.sh):
#   1. pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string of every
#      .py file under county_workstation (county_workstation/views included) into zh_CN.ts
#      (existing translations kept, strings no longer in the code dropped);
#   2. translate the new entries (type="unfinished": Qt Linguist, or by hand), then
#   3. pyside6-lrelease compiles zh_CN.ts into zh_CN.qm, which the program loads.
# tests/county/gui/test_translations.py fails while an entry is unfinished or a visible
# string is still English.
#
# Usage: bash county_workstation/i18n/update.sh [--release-only]
# Finds the tools in $PYSIDE_BIN, next to $PYTHON / python3, or on PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")

find_tool() {
    local name=$1 dir
    for dir in "${PYSIDE_BIN:-}" "$(dirname "$(command -v "${PYTHON:-python3}" 2>/dev/null || echo /nonexistent)")"; do
        [ -n "$dir" ] && [ -x "$dir/$name" ] && { echo "$dir/$name"; return; }
    done
    command -v "$name" || { echo "update.sh: $name not found (pip install PySide6-Essentials)" >&2; exit 1; }
}

if [ "${1:-}" != "--release-only" ]; then
    lupdate=$(find_tool pyside6-lupdate)
    mapfile -t sources < <(cd "$pkg" && find . -name '*.py' -not -path './i18n/*' | LC_ALL=C sort)
    (cd "$pkg" && "$lupdate" -no-obsolete -locations relative -source-language en -target-language zh_CN "${sources[@]}" -ts i18n/zh_CN.ts)
fi
lrelease=$(find_tool pyside6-lrelease)
"$lrelease" "$here/zh_CN.ts" -qm "$here/zh_CN.qm"
if grep -q 'type="unfinished"' "$here/zh_CN.ts"; then
    echo "update.sh: zh_CN.ts has unfinished translations:" >&2
    grep -B2 'type="unfinished"' "$here/zh_CN.ts" | grep '<source>' >&2 || true
    exit 1
fi
