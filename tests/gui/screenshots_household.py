"""Screenshots of the household economics screens (issue 12) at 1366×768, unmaximised:

* screen-supporters.png — the intake form scrolled to the members (计入家庭成员 and its
  reason, the 监护人 tick of an adult member of a minor applicant) and the 法定义务人和
  监护人 section with two supporters;
* screen-assessment.png — the assessment panel with the counted / excluded members line,
  gross and net labelled;
* screen-detail-household.png — the saved application's detail: gross and net, counted
  members with reasons, residence kind, the supporters.

Called by ``make_screenshots.py``; also runs alone:

    QT_QPA_PLATFORM=offscreen python tests/gui/screenshots_household.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import ROOT, make_id, pick, put, settle, shoot
from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1366, 768)


def fill_household(intake) -> None:
    """A minor applicant living with her grandmother (her guardian); her father serves a
    sentence (not counted); her mother and her maternal grandfather, living elsewhere,
    are the legal supporters — the mother earns too little, the grandfather is old."""
    a = intake.applicant
    put(a.name, "杨梓涵")
    put(a.id_number, make_id("20140611", 62))
    put(a.phone, "13985612347")  # the grandmother's
    put(a.hukou_address, "贵州省铜仁市碧江区清水镇杉树村三组27号")
    pick(intake.village, text="杉树村")
    pick(a.employment, "在校")
    g = intake.members.add_member()
    pick(g.relation, "祖父母")
    put(g.name, "杨秀兰")
    put(g.id_number, make_id("19580917", 42))
    pick(g.health, "多病")
    pick(g.employment, "务农")
    pick(g.counted_reason, "co_resident")
    g.guardian.setChecked(True)
    f = intake.members.add_member()
    pick(f.relation, "父亲")
    put(f.name, "杨建华")
    put(f.id_number, make_id("19850302", 51))
    f.counted.setChecked(False)
    pick(f.counted_reason, "prison")
    for code, amount in (("farming", "260"), ("basic_pension", "150"), ("disability_subsidy", "0"),
                         ("support", "300")):
        put(intake.incomes[code], amount)
    put(intake.property_fields["housing_area"], "72")
    pick(intake.house_rating, "C")
    put(intake.property_fields["medical_spending"], "8600")
    put(intake.property_fields["medical_reimbursed"], "5200")
    put(intake.hardship, "父亲服刑，母亲离异外出，祖孙二人生活")
    intake.supporters[True].click()  # "yes": the first card opens
    mother = intake.related.rows[0][0]
    pick(mother.relation, "母亲")
    put(mother.name, "王丽")
    put(mother.id_number, make_id("19880415", 24))
    put(mother.phone, "13765432109")
    put(mother.address, "浙江省宁波市鄞州区首南街道")
    put(mother.household_size, "3")
    put(mother.monthly_income, "2100")
    pick(mother.able, False)
    pick(mother.unable_reason, "low_income")
    grandfather = intake.related.add_person()
    pick(grandfather.relation, "外祖父母")
    put(grandfather.name, "王德贵")
    put(grandfather.id_number, make_id("19500108", 13))
    put(grandfather.address, "贵州省铜仁市碧江区滑石乡老麻塘村")
    put(grandfather.household_size, "2")
    put(grandfather.monthly_income, "400")
    pick(grandfather.able, False)
    pick(grandfather.unable_reason, "elderly")
    intake.items.boxes["DIBAO"].setChecked(True)
    intake.materials.mark_all("DIBAO", "received")
    intake.applicant.name.setFocus()


def supporters_screen(app, window, out: Path) -> None:
    intake = window.intake
    window.resize(*SIZE)
    window.show()
    settle(app)
    scroll = intake.findChild(QWidget, "intakeLeftScroll")
    members = intake.members
    scroll.verticalScrollBar().setValue(members.mapTo(scroll.widget(), members.rect().topLeft()).y() - 30)
    shoot(app, window, out / "screen-supporters.png", SIZE)
    scroll.verticalScrollBar().setValue(0)


def assessment_screen(app, window, out: Path) -> None:
    intake = window.intake
    intake.refresh_assessment()
    window.resize(*SIZE)
    window.show()
    settle(app)
    scroll = intake.findChild(QWidget, "intakeRightScroll")
    scroll.verticalScrollBar().setValue(intake.assessment.y() - 8)
    shoot(app, window, out / "screen-assessment.png", SIZE)
    scroll.verticalScrollBar().setValue(0)


def detail_screen(app, window, out: Path) -> None:
    intake = window.intake
    intake.accept_button.click()
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    dialog = window.open_application(intake.result.application_id)
    dialog.showNormal()
    shoot(app, dialog, out / "screen-detail-household.png", SIZE)
    dialog.close()


def household_screens(app, window, out: Path) -> None:
    window.intake.new_application()
    fill_household(window.intake)
    supporters_screen(app, window, out)
    assessment_screen(app, window, out)
    detail_screen(app, window, out)


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import create_demo_township
    from desktop_app.gui.app import build_main_window, install_translators, register_fonts

    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "清水镇数据"
        services = Services.open(data)
        try:
            create_demo_township(services)
            actor = services.accounts.login("admin", "guanli2026").value
            window = build_main_window(services, actor, data_dir=data, demo=True,
                                       synchronous=True, opener=lambda path: True)
            window.intake.ask_close = lambda _p: "discard"  # closing does not ask (issue 14)
            only = os.environ.get("ONLY", "")
            window.intake.new_application()
            fill_household(window.intake)
            if only in ("", "supporters"):
                supporters_screen(app, window, out)
            if only in ("", "assessment"):
                assessment_screen(app, window, out)
            if only in ("", "detail"):
                detail_screen(app, window, out)
            window.close()
        finally:
            services.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
