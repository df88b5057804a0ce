"""Fill the zh_CN translations of the ``Messages`` context from the core's message table.

Each message key has a Chinese template (``sync_contract/messages.py`` for the contract's
own, ``desktop_app/core/messages.py`` for the township's) and an
English source in ``desktop_app/gui/kit/messages.py``; the translation of the source is
the template with ``{name}`` written as the source's ``%n``. Run after update.sh added
new keys, then run update.sh again to compile the .qm::

    PYSIDE_BIN=$PWD/.venv/bin bash desktop_app/gui/i18n/update.sh   # collects the sources
    .venv/bin/python -m desktop_app.gui.i18n.fill_messages           # fills the Messages context
    PYSIDE_BIN=$PWD/.venv/bin bash desktop_app/gui/i18n/update.sh   # compiles, 0 unfinished

Only ``<translation>`` elements of the ``Messages`` context are rewritten; the rest of the
file is left byte for byte as lupdate wrote it.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import desktop_app.core.messages  # noqa: F401  (registers the township's templates)
from desktop_app.gui.kit.messages import SOURCES
from sync_contract.messages import TEMPLATES

TS = Path(__file__).with_name("zh_CN.ts")


def translation_of(key: str) -> str:
    """The core's template of ``key`` with ``{name}`` replaced by the GUI source's ``%n``."""
    _source, names = SOURCES[key]
    text = TEMPLATES[key]
    for number, name in enumerate(names, 1):
        text = text.replace("{" + name + "}", f"%{number}")
    return text


def fill(ts_text: str) -> tuple[str, int]:
    """``ts_text`` with every Messages entry translated; and how many were changed."""
    by_source = {html.unescape(source): translation_of(key) for key, (source, _) in SOURCES.items()}
    changed = 0

    def message(match: re.Match[str]) -> str:
        nonlocal changed
        block = match.group(0)
        source = re.search(r"<source>(.*?)</source>", block, re.S)
        if source is None:
            return block
        wanted = by_source.get(html.unescape(source.group(1)))
        if wanted is None:
            return block
        new = f"<translation>{html.escape(wanted, quote=False)}</translation>"
        filled = re.sub(r"<translation[^>]*?(?:/>|>.*?</translation>)", new, block, count=1,
                        flags=re.S)
        changed += filled != block
        return filled

    def context(match: re.Match[str]) -> str:
        return re.sub(r"<message>.*?</message>", message, match.group(0), flags=re.S)

    text = re.sub(r"<context>\s*<name>Messages</name>.*?</context>", context, ts_text, flags=re.S)
    return text, changed


def main() -> int:
    text, changed = fill(TS.read_text(encoding="utf-8"))
    TS.write_text(text, encoding="utf-8")
    print(f"fill_messages: {changed} Messages translation(s) set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
