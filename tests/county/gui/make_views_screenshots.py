"""Screenshots of the county's analysis tabs for docs/county-workstation-views.md
(1366×768, unmaximised, offscreen): ``python -m tests.county.gui.make_views_screenshots
[OUT_DIR]`` (default ``docs/screenshots``).

A throwaway SQLite county with the three demo townships (``county_workstation.demo``),
every package received; 验证 checks a scan of a QR code signed with a demo township's
own key (the demo renders no PDFs)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def qr_png(text: str, path: Path, scale: int = 5) -> None:
    """A clean scan of the QR code of ``text``."""
    from PIL import Image

    from sync_contract import docqr

    matrix = docqr.qr_matrix(text)
    n, quiet = len(matrix), 4
    img = Image.new("L", ((n + 2 * quiet) * scale,) * 2, 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                img.paste(0, ((x + quiet) * scale, (y + quiet) * scale,
                              (x + quiet + 1) * scale, (y + quiet + 1) * scale))
    img.save(path)


def main(out: Path, applications: int = 60) -> None:
    from county_receiver import ops
    from county_receiver.accounts import FAST_COST
    from county_workstation import demo
    from county_workstation.app import (
        build_main_window,
        install_translators,
        open_county,
        register_fonts,
    )
    from county_workstation.context import CountyContext
    from sync_contract import docqr
    from sync_contract.keys import KeyStore

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="county-views-shots-"))
    try:
        county = open_county(folder)
        context = CountyContext(county, folder, demo=True, accounts_cost=FAST_COST)
        townships = demo.fill_demo(context, applications=applications)
        officer = context.accounts().login("jingban", "xianji2026")
        ops.ingest_folder(county, folder / demo.USB_DIRNAME, officer)
        window = build_main_window(context, synchronous=True, actor=officer,
                                   settings=QSettings(str(folder / "s.ini"),
                                                      QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()

        def shot(name: str) -> None:
            app.processEvents()
            window.grab().save(str(out / name))

        tab = window.show_tab("OverdueTab")
        if tab.matrix.rows:
            tab.matrix_view.clicked.emit(tab.matrix.cell_of(None, None))
        shot("county-views-overdue.png")
        tab = window.show_tab("MonthlyTab")
        today = context.today()
        last = (today.replace(day=1) - timedelta(days=1))      # the month just ended
        tab.month_edit.setText(f"{last:%Y-%m}")
        tab.refresh()
        shot("county-views-monthly.png")
        tab = window.show_tab("DuplicatesTab")
        shot("county-views-duplicates.png")
        tab = window.show_tab("FeedbackTab")
        if tab.model.rowCount():
            tab.view.selectRow(0)
            tab.result.setCurrentIndex(tab.result.findData("done"))
            tab.amount.setText("1200")
            tab.signed_by.setText("王医保") if tab.signed_by.isEnabled() else None
            tab.text.setPlainText("已按规定给予医疗救助。")
        shot("county-views-feedback.png")
        tab = window.show_tab("VerifyTab")
        first = townships[0]
        text = docqr.encode(docqr.Payload(
            kind="referral", no=f"{first.code[-6:]}-ZB-0042", date=f"{context.today()}",
            tw=first.code, nm="张*", h=hashlib.sha256(b"demo").digest()),
            KeyStore(first.data_dir / "keys").signing_key)
        scan = folder / "转办单扫描件.png"
        qr_png(text, scan)
        tab.check_file(scan)
        shot("county-views-verify.png")
        window.attach(None)
        county.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
