"""Screenshots of the county workstation for docs/county-workstation.md (1366×768,
unmaximised, offscreen): ``python -m tests.county.gui.make_screenshots [OUT_DIR]``.

A throwaway SQLite county with the three demo townships (``county_workstation.demo``);
two of the three packages are received, so 状态 shows the third as late."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def main(out: Path) -> None:
    from county_receiver.accounts import FAST_COST
    from county_workstation import demo
    from county_workstation.app import build_main_window, install_translators, open_county, register_fonts
    from county_workstation.context import CountyContext
    from county_workstation.login_dialog import LoginDialog
    from county_workstation.townships import RegisterDialog
    from sync_contract.keys import read_public_keys

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="county-shots-"))
    try:
        county = open_county(folder)
        context = CountyContext(county, folder, demo=True, accounts_cost=FAST_COST)
        townships = demo.fill_demo(context, applications=40)
        usb = folder / "usb"
        held = folder / "held"
        held.mkdir()
        shutil.move(str(townships[2].package), held / townships[2].package.name)
        officer = context.accounts().login("jingban", "xianji2026")
        window = build_main_window(context, synchronous=True, actor=officer,
                                   settings=QSettings(str(folder / "s.ini"),
                                                      QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()

        def shot(name: str, widget=None) -> None:
            app.processEvents()
            (widget or window).grab().save(str(out / name))

        login = LoginDialog(context.accounts(), window.tasks, window)
        login.hint.setText(demo.demo_hint())
        login.hint.setVisible(True)
        login.username.setText("jingban")
        login.show()
        shot("county-login.png", login)
        login.close()
        receive = window.show_tab("ReceiveTab")
        receive.receive(usb)
        shot("county-receive.png")
        window.show_tab("StatusTab")
        shot("county-status.png")
        tab = window.show_tab("TownshipsTab")
        shot("county-townships.png")
        keys = read_public_keys(townships[2].public_key, "township")
        dialog = RegisterDialog(townships[2].public_key, keys, tab)
        dialog.show()
        shot("county-register.png", dialog)
        dialog.close()
        returns = window.show_tab("ReturnsTab")
        back = folder / "back"
        back.mkdir()
        returns.make(back)
        shot("county-returns.png")
        window.attach(None)
        county.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
