"""Every visible string of the county workstation is translated.

1. ``county_workstation/i18n/zh_CN.ts`` has no unfinished or empty entry, lupdate over
   today's sources (``county_workstation`` and its ``views``) finds nothing new, and the
   committed ``zh_CN.qm`` is what lrelease makes of it.
2. The main window with every tab, built with data, shows no English word.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

import county_workstation

pytestmark = pytest.mark.gui

PKG = Path(county_workstation.__file__).parent
I18N = PKG / "i18n"
ENGLISH = re.compile(r"[A-Za-z]{2,}")
#: Words that stay as they are in Chinese UI text (file kinds, the key file's name).
ALLOWED = {"PDF", "CSV", "ID", "json", "twpkg", "twret", "USB", "Ctrl", "Shift", "county",
           "sqlite", "QR", "TW"}  # TW1: the prefix of a document's QR text (docs/verification.md)
#: File-dialog patterns (``*.png``) are not words.
PATTERNS = re.compile(r"\*\.\w+")


def _tool(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else shutil.which(name)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", msg.findtext("source") or "", msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_ts_file_is_complete():
    messages = _messages(I18N / "zh_CN.ts")
    assert len(messages) > 30
    problems = []
    for ctx, source, msg in messages:
        tr = msg.find("translation")
        assert tr is not None
        texts = [tr.text] if msg.get("numerus") != "yes" else [n.text for n in tr.iter("numerusform")]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(t and t.strip() for t in texts):
            problems.append(f"{ctx}: {source!r} ({tr.get('type') or 'empty'})")
            continue
        for text in texts:
            english = [w for w in ENGLISH.findall(PATTERNS.sub("", text or "")) if w not in ALLOWED]
            if english:
                problems.append(f"{ctx}: {source!r} -> {text!r} still English: {english}")
        if source.count("%") != sum((t or "").count("%") for t in texts) // len(texts):
            problems.append(f"{ctx}: {source!r} placeholders differ")
    assert not problems, "\n".join(problems)


def test_sources_have_no_untranslated_strings(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "zh_CN.ts"
    shutil.copy(I18N / "zh_CN.ts", ts)
    sources = sorted(str(p) for p in PKG.rglob("*.py") if "i18n" not in p.parts)
    subprocess.run([lupdate, "-no-obsolete", *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    new = [f"{ctx}: {src!r}" for ctx, src, msg in _messages(ts)
           if msg.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert not new, ("strings missing from county_workstation/i18n/zh_CN.ts "
                     "(run county_workstation/i18n/update.sh):\n" + "\n".join(new))


def test_qm_matches_ts(tmp_path):
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "zh_CN.qm"
    subprocess.run([lrelease, str(I18N / "zh_CN.ts"), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == (I18N / "zh_CN.qm").read_bytes(), \
        "county_workstation/i18n/zh_CN.qm is stale: run county_workstation/i18n/update.sh"


# -- 2. every widget -------------------------------------------------------------------
def _texts(root: QWidget) -> Iterator[tuple[str, str]]:  # noqa: C901 - one branch per widget kind
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = w.objectName() or type(w).__name__
        if w.isWindow():
            yield name, w.windowTitle()
        yield name, w.toolTip()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit):
            yield name, w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield name, w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for col in range(model.columnCount()):
                yield name, str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(), 50)):
                for col in range(model.columnCount()):
                    yield name, str(model.data(model.index(row, col)) or "")
        for action in w.actions():
            yield name, action.text()


def english_words(root: QWidget) -> list[str]:
    """``widget: text`` of every visible string with an English word (paths and
    fingerprints are data, not words: a run of letters inside one is not counted)."""
    found = []
    for name, text in _texts(root):
        cleaned = re.sub(r"(/[\w.\-]+)+|[0-9a-f]{4}( [0-9a-f]{4})+|\b[\w.\-]+\.(json|twpkg|twret)\b",
                         "", text or "")
        words = [w for w in ENGLISH.findall(cleaned) if w not in ALLOWED]
        if words:
            found.append(f"{name}: {text!r}")
    return found


def test_main_window_shows_no_english(county_window):
    window = county_window
    assert window.tabs.count() >= 2
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
    assert not english_words(window), "\n".join(english_words(window))
