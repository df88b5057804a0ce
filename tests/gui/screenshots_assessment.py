"""Screenshots of the needs-assessment panel and the 救助标准 editor.

``make_screenshots.py`` calls ``standards_screen``; screen-assessment.png itself now
comes from ``screenshots_household.py`` (1366×768, with the counted / excluded members).
Also runs alone, rendering both from the older demo household:

    QT_QPA_PLATFORM=offscreen python tests/gui/screenshots_assessment.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import ROOT, SIZE, fill_intake, put, settle, shoot
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


def assessment_screen(app, window, out: Path) -> None:
    """The filled intake form scrolled to 救助需求综合评估: the ticked items adopted,
    one suggestion dismissed, the others waiting; the staff-relative flag raises a
    warning. The form is left as it was found."""
    intake = window.intake
    intake.staff_relative.setChecked(True)
    put(intake.staff_note, "申请人之子为村委会委员")
    intake.hardship_cause.setCurrentIndex(intake.hardship_cause.findData("illness"))
    intake.refresh_assessment()
    dismissed = intake.assessment.state("HOUSING") == "pending"
    if dismissed:
        intake.assessment.dismiss("HOUSING")
    window.resize(*SIZE)
    window.show()
    settle(app)
    scroll = intake.findChild(QWidget, "intakeRightScroll")
    scroll.verticalScrollBar().setValue(intake.assessment.y() - 8)
    shoot(app, window, out / "screen-assessment.png")
    intake.staff_relative.setChecked(False)
    intake.staff_note.clear()
    intake.hardship_cause.setCurrentIndex(0)
    intake.assessment.dismissed.discard("HOUSING")
    scroll.verticalScrollBar().setValue(0)
    intake.refresh_assessment()


def standards_screen(app, window, out: Path) -> None:
    """系统管理 → 设置, scrolled to 救助标准: the entry in force and next year's, added
    (not saved)."""
    admin = window.show_admin()
    settings = admin.settings
    admin.tabs.setCurrentWidget(settings)
    editor = settings.standards
    row = editor.add_entry()
    for col, text in ((1, "860"), (2, "650")):
        editor.table.item(row, col).setText(text)
    editor.table.selectRow(row)
    window.resize(*SIZE)
    window.show()
    settle(app)
    scroll = settings.findChild(QScrollArea)
    box = settings.findChild(QWidget, "standardsBox")
    scroll.verticalScrollBar().setValue(box.y() - 8)
    shoot(app, window, out / "screen-standards.png")
    settings.load()


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import create_demo_township, fill_demo
    from desktop_app.gui.app import build_main_window, install_translators, register_fonts

    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "清水镇数据"
        services = Services.open(data)
        try:
            create_demo_township(services)
            fill_demo(services, 40, seed=7, days=60)
            actor = services.accounts.login("admin", "guanli2026").value
            window = build_main_window(services, actor, data_dir=data, demo=True,
                                       synchronous=True, opener=lambda path: True)
            window.intake.ask_close = lambda _p: "discard"  # closing does not ask (issue 14)
            fill_intake(window.intake)
            assessment_screen(app, window, out)
            standards_screen(app, window, out)
            window.close()
        finally:
            services.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
