"""Render the GUI screens to docs/screenshots/screen-*.png (run by hand, not a test).

    QT_QPA_PLATFORM=offscreen python tests/gui/make_screenshots.py [OUT_DIR]

Builds a demo township with realistic synthetic applications in a temporary data
folder, drives the screens as a clerk would, and grabs each at 1280×800
(screen-standards comes from screenshots_assessment.py; screen-supporters,
screen-assessment and screen-detail-household, at 1366×768, from screenshots_household.py):
screen-setup, screen-login, screen-intake, screen-intake-error, screen-intake-result,
screen-list, screen-detail, screen-tracking, screen-feedback, screen-sync, screen-lock,
screen-audit, screen-admin-users, screen-restore; and doc-referral (a 转办单 page, needs pdftoppm).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.rules.identity import check_char
from desktop_app.gui.auth.login import LoginDialog
from desktop_app.gui.kit.widgets import commit_text

SIZE = (1280, 800)


def make_id(birth: str, seq: int, region: str = "522201") -> str:
    body = f"{region}{birth}{seq:03d}"
    return body + check_char(body)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, path: Path, size=SIZE) -> None:
    widget.resize(*size)
    widget.show()
    settle(app)
    widget.grab().save(str(path))
    print("wrote", path)


def put(widget, text: str) -> None:
    """Type like the clerk: Chinese through the input method, the rest as text."""
    if text.isascii():
        widget.setFocus()
        widget.setText(text)
    else:
        commit_text(widget, text)


def pick(combo, data=None, text=None) -> None:
    combo.setCurrentIndex(combo.findText(text) if text is not None else combo.findData(data))


def fill_intake(intake) -> None:
    a = intake.applicant
    put(a.name, "杨秀兰")
    put(a.id_number, make_id("19580917", 42))
    put(a.phone, "13985612347")
    put(a.hukou_address, "贵州省铜仁市碧江区清水镇杉树村三组27号")
    pick(intake.village, text="杉树村")
    pick(a.health, "重病")
    pick(a.employment, "无劳动能力")
    pick(a.self_care, "部分自理")
    m = intake.members.add_member()
    pick(m.relation, "子")
    put(m.name, "杨建华")
    put(m.id_number, make_id("19850302", 51))
    pick(m.employment, "灵活就业")
    pick(m.self_care, "完全自理")
    g = intake.members.add_member()
    pick(g.relation, "孙女")
    put(g.name, "杨梓涵")
    put(g.id_number, make_id("20140611", 62))
    pick(g.employment, "在校")
    pick(g.disability, "听力")
    pick(g.grade, 3)
    for code, amount in (("wage", "1200"), ("farming", "300"), ("allowance", "150")):
        put(intake.incomes[code], amount)
    put(intake.property_fields["housing_area"], "72")
    pick(intake.house_rating, "C")
    put(intake.property_fields["deposits"], "3000")
    put(intake.property_fields["medical_spending"], "18600")
    put(intake.property_fields["education_spending"], "2400")
    put(intake.hardship, "因病致贫")
    intake.items.boxes["DIBAO"].setChecked(True)
    intake.items.boxes["MEDICAL"].setChecked(True)
    intake.materials.mark_all("DIBAO", "received")
    intake.materials.mark_all("MEDICAL", "received")
    intake.materials.set_status("DIBAO", "INCOME_PROOF", "committed")
    intake.materials.set_status("DIBAO", "DISABILITY_CERT", "shared")
    intake.applicant.name.setFocus()


def tracking_screens(app, services, window, out: Path, accepted: int) -> None:
    """转办跟踪 with overdue and due-soon rows, the 登记办理结果 dialog, and a 转办单 page."""
    import shutil
    import subprocess

    # The county's 回执 for some of the demo's older tasks: handed over, signed, done.
    handling = services.handling
    waiting = handling.departments_to_refer()
    for dept in list(waiting)[:-1]:  # one department left waiting
        handling.issue_handover_list(dept, window.actor)
    screen = window.show_tracking()
    screen.refresh()
    overdue = next((i for i, r in enumerate(screen.model.rows()) if r.state == "overdue"), 0)
    screen.view.selectRow(overdue)
    shoot(app, window, out / "screen-tracking.png", (1366, 768))

    referred = next((r for r in screen.model.rows() if r.status == "referred"), None)
    if referred is not None:
        screen.select_task(referred.task_id)
        dialogs = []
        screen.run_dialog = dialogs.append
        screen.record_feedback()
        dialog = dialogs[0]
        put(dialog.result_text, f"同意给予{referred.item_name}")
        put(dialog.amount, "2,4OO")  # a letter O typed for a zero: the error shows at the field
        put(dialog.signed_by, "赵丽")
        dialog.submit()
        shoot(app, dialog, out / "screen-feedback.png", (640, 440))
        dialog.close()
    screen.run_dialog = lambda d: d.exec()

    slip = next(d for d in services.documents.for_application(accepted) if d.kind == "referral")
    pdf = services.documents.original_pdf(slip.id)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf),
                        str(out / "doc-referral")], check=True)
        print("wrote", out / "doc-referral.png")


def sync_screens(app, services, window, out: Path) -> None:
    """同步 at 1366×768: the county's keys imported on the keys section, four packages
    in the export log (two acknowledged by a county return package), the last export's
    report and the return package's summary."""
    import shutil

    from PySide6.QtCore import QSettings

    from sync_contract import envelope as env
    from sync_contract.keys import KeyStore

    work = Path(tempfile.mkdtemp(prefix="sync-shots-"))
    try:
        county = KeyStore(work / "county-keys").ensure()
        county.public_keys("county", "522201", "碧江区民政局").write(work / "county-public.json")
        usb = work / "U盘"
        usb.mkdir()
        screen = window.show_sync()
        screen.settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        screen.choose_folder = lambda *args: str(usb)
        answers = [str(work / "county-public.json")]
        screen.choose_open = lambda *args: answers.pop(0)
        screen.ask_county_keys = lambda *args: True   # the confirmation dialog
        screen.import_county_keys()
        for _ in range(2):
            screen.export()
        code = services.setup.township().code
        acks = [{"package_seq": r.package_seq, "sha256": r.digest} for r in services.sync.log()]
        ret = env.build_package(
            work / f"{code}-R000001.twret", {"ack": acks},
            {"kind": env.COUNTY_RETURN, "township_code": code, "device_id": county.device_id,
             "package_seq": 1},
            county.signing_key, [services.sync.keys.ensure().age_recipient]).path
        answers.append(str(ret))
        screen.import_return()
        for _ in range(2):
            screen.export()
        screen.view.selectRow(0)
        shoot(app, window, out / "screen-sync.png", (1366, 768))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def trust_screens(app, services, window, out: Path) -> None:
    """The lock screen, 操作日志, 账户 and 备份与恢复 (after a restore)."""
    from datetime import datetime, timedelta

    from desktop_app.core.services import LoginFailed

    # Some history for the audit trail: a failed login, a supervisor's void, a backup.
    try:
        services.accounts.login("clerk1", "jingban2025")
    except LoginFailed:
        pass
    clerk = services.accounts.login("clerk1", "jingban2026").value
    supervisor = services.accounts.confirm("supervisor", "fuze2026").value
    app_id = services.queries.search_ids("")[3]
    doc = services.documents.for_application(app_id)[0]
    services.documents.void(doc.id, "申请人姓名录入错误", clerk, confirmed_by=supervisor)
    services.queries.full_ids(app_id, window.actor)
    services.settings.update("idle_lock_minutes", 5, window.actor)

    # The idle lock over a half-typed application.
    window.show_intake()
    put(window.intake.applicant.name, "周玉珍")
    window.lock_screen()
    window.lock_overlay.password.setText("x")
    window.lock_overlay.unlock()
    shoot(app, window, out / "screen-lock.png")
    window.lock_overlay.password.setText("guanli2026")
    window.lock_overlay.unlock()

    audit = window.show_audit()
    audit.view.selectRow(2)
    shoot(app, window, out / "screen-audit.png")

    admin = window.show_admin()
    admin.users.select_user("clerk1")
    shoot(app, window, out / "screen-admin-users.png")

    # Backups over a few days, then a restore: everyone logs in again, exports pause.
    backups = admin.backups
    now = datetime.now()
    for hours, kind in ((50, "startup"), (26, "daily")):
        services.ctx.clock = lambda h=hours: now - timedelta(hours=h)
        services.backups.auto_backup(kind, force=True)
    services.ctx.clock = datetime.now
    services.backups.backup_now(window.actor)
    backups.refresh()
    backups.select_row(1)
    backups.ask = lambda *args: True
    backups.restore_selected()
    overlay = window.lock_overlay
    overlay.form.username.setCurrentIndex(overlay.form.username.findData("admin"))
    overlay.form.password.setText("guanli2026")
    overlay.login()
    admin = window.show_admin()
    admin.show_backups()
    admin.backups.select_row(0)
    shoot(app, window, out / "screen-restore.png")


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from desktop_app.gui.app import build_main_window, install_translators, register_fonts

    register_fonts(app)
    install_translators(app, "zh_CN")
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import DEMO_TOWNSHIP, create_demo_township, fill_demo
    from desktop_app.gui.auth.setup_dialog import SetupDialog

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "清水镇数据"
        services = Services.open(data)
        try:
            # 首次设置, filled in from the demo township, one village code mistyped.
            setup = SetupDialog(services)
            t = DEMO_TOWNSHIP
            put(setup.township_name, t.township_name)
            put(setup.township_code, t.township_code)
            put(setup.window_phone, t.window_phone)
            put(setup.supervision_phone, t.supervision_phone)
            put(setup.admin_name, t.admin_name)
            rows = list(t.villages)
            rows[3] = ("522201101201", rows[3][1])  # the same code as 石桥村
            setup.set_villages(rows)
            setup.save()
            setup.villages.clearSelection()
            shoot(app, setup, out / "screen-setup.png", (960, 760))
            setup.close()

            create_demo_township(services)
            fill_demo(services, 160, seed=7, days=120)

            # 登录 in demo mode, after one mistyped password.
            login = LoginDialog(services, demo=True)
            login.form.password.setText("guanli2025")
            login.submit()
            login.form.password.setText("guanli")
            shoot(app, login, out / "screen-login.png", (580, 380))
            actor = services.accounts.login("admin", "guanli2026").value
            login.close()

            window = build_main_window(services, actor, data_dir=data, demo=True,
                                       synchronous=True, opener=lambda path: True)
            window.intake.ask_close = lambda _p: "discard"  # closing does not ask (issue 14)
            intake = window.intake
            fill_intake(intake)
            shoot(app, window, out / "screen-intake.png")
            from screenshots_assessment import standards_screen

            good = make_id("19580917", 42)
            intake.applicant.id_number.setText(good[:17] + ("1" if good[17] != "1" else "2"))
            intake.incomes["wage"].setText("-1200")
            intake.accept_button.click()
            shoot(app, window, out / "screen-intake-error.png")

            intake.applicant.id_number.setText(make_id("19580917", 42))
            intake.incomes["wage"].setText("1200")
            intake.accept_button.click()
            assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
            shoot(app, window, out / "screen-intake-result.png")
            accepted = intake.result.application_id

            window.show_applications()
            shoot(app, window, out / "screen-list.png")

            services.documents.reprint(services.documents.for_application(accepted)[0].id,
                                       window.actor)
            dialog = window.open_application(accepted)
            shoot(app, dialog, out / "screen-detail.png")
            dialog.close()
            from screenshots_household import household_screens
            household_screens(app, window, out)
            tracking_screens(app, services, window, out, accepted)
            standards_screen(app, window, out)
            sync_screens(app, services, window, out)
            trust_screens(app, services, window, out)
            window.close()
        finally:
            services.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
