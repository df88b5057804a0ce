"""Load what the first save needs before the clerk presses the button.

The first decision of a session otherwise pays for importing pypinyin (~0.5 s),
ReportLab and parsing the 21 MB CJK font (~0.5 s). The GUI calls :func:`warm_up`
off the GUI thread right after the main window shows.
"""

from __future__ import annotations


def warm_up() -> None:
    from .. import printing
    from .rules import pinyin

    pinyin.initials("张三")
    printing.warm_up()
    # Render once so ReportLab's lazily built tables and the font subsets are ready.
    from ..printing.samples import sample

    printing.render_document("receipt", sample("receipt"))
