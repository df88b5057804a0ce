#!/usr/bin/env bash
# Set up everything on a fresh machine and run the app or the tests.
#
#   bash dev.sh app [ARGS…]   set up, then open the app (e.g. `bash dev.sh app --demo`)
#   bash dev.sh test [ARGS…]  set up, then run the whole test suite (ARGS go to pytest)
#   bash dev.sh bundle        set up, build the PyInstaller bundle (dist/desktop-app) from
#                             build.spec and run the bundle's own --self-test
#   bash dev.sh lint          set up, then ruff, mypy and the import contracts (.importlinter)
#   bash dev.sh county [ARGS…] set up, then run the county receiver (another organisation's
#                             program, `county-receiver`; e.g. `bash dev.sh county --help`);
#                             its tests: `bash dev.sh test tests/county`
#   bash dev.sh county-app [--demo] [--data-dir D] [--db URL]
#                             set up, then open the county workstation (the county's GUI,
#                             `county-workstation`; `--demo`: three demo townships)
#
# Needs only python3. Run as root on Debian/Ubuntu, it installs the missing system
# libraries (venv support, Qt's runtime libraries, poppler-utils for the PDF tests);
# otherwise it names what is missing.
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-app}
[ $# -gt 0 ] && shift

QT_LIBS="libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1"
# Tools the tests use: poppler (PDF text and pages) and the packages each test area lists
# (age for sync packages, CUPS with a cups-pdf queue, a PostgreSQL server for the county).
TEST_TOOLS="poppler-utils $(cat tests/*/APT_PACKAGES tests/*/*/APT_PACKAGES 2>/dev/null \
    | grep -v '^#' | tr '\n' ' ' || true)"
BUNDLE_TOOLS="binutils"  # PyInstaller reads shared-library headers with objdump

missing_debs() {
    local want=() p
    python3 -c 'import ensurepip, venv' 2>/dev/null || want+=(python3-venv)
    for p in $QT_LIBS ${1:-}; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || want+=("$p")
    done
    echo "${want[@]:-}"
}

install_system() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local want
    want=$(missing_debs "${1:-}")
    [ -n "$want" ] || return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "dev.sh: installing system packages: $want" >&2
        apt-get update -qq >/dev/null
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $want >/dev/null
    else
        echo "dev.sh: please install these system packages first: $want" >&2
    fi
}

setup_venv() {
    local extras=$1 stamp
    [ -x .venv/bin/python ] || python3 -m venv .venv
    stamp=".venv/.installed-$(cat pyproject.toml | python3 -c 'import hashlib,sys;print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:16])')-$extras"
    if [ ! -f "$stamp" ]; then
        .venv/bin/python -m pip install -q --upgrade pip >/dev/null
        .venv/bin/python -m pip install -q -e ".$extras"
        rm -f .venv/.installed-*
        touch "$stamp"
    fi
}

case "$mode" in
    app)
        install_system ""
        setup_venv ""
        exec .venv/bin/desktop-app "$@"
        ;;
    test)
        install_system "$TEST_TOOLS"
        setup_venv "[test]"
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python -m pytest -q "$@"
        ;;
    lint)
        setup_venv "[test]"
        status=0
        .venv/bin/ruff check . || status=1
        .venv/bin/mypy || status=1
        .venv/bin/lint-imports --no-cache || status=1
        [ "$status" = 0 ] && echo "dev.sh: ruff, mypy and import contracts passed" >&2
        exit "$status"
        ;;
    county)
        setup_venv "[county]"
        exec .venv/bin/county-receiver "$@"
        ;;
    county-app)
        install_system ""
        setup_venv "[county]"
        exec .venv/bin/county-workstation "$@"
        ;;
    bundle)
        install_system "$BUNDLE_TOOLS"
        setup_venv "[bundle]"
        started=$(date +%s)
        .venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
        built=$(date +%s)
        echo "dev.sh: bundle built in $((built - started)) s" >&2
        app=dist/desktop-app/desktop-app
        QT_QPA_PLATFORM=offscreen "$app" --self-test
        echo "dev.sh: self-test passed in $(($(date +%s) - built)) s" >&2
        echo "dev.sh: bundle dist/desktop-app: $(du -sh dist/desktop-app | cut -f1)," \
             "$(find dist/desktop-app -type f | wc -l) files" >&2
        ;;
    *)
        echo "usage: bash dev.sh app [--demo] | bash dev.sh test [pytest args] | bash dev.sh bundle |" \
             "bash dev.sh lint | bash dev.sh county [county-receiver args] |" \
             "bash dev.sh county-app [--demo]" >&2
        exit 2
        ;;
esac
