"""Render every main screen and the detail window as the app opens them on a 1366×768
screen, unmaximised, into docs/screenshots/window-*.png (issue 14; run by hand, not a test).

    python tests/gui/make_window_screenshots.py [OUT_DIR]

The offscreen platform is given one 1366×768 screen (its ``configfile``), so the windows
are sized by the app's own rule (the screen's available geometry, minus the frame the
window manager adds) — nothing here resizes them. Demo data: the demo township, 120
decided applications and the showcase cases of ``--demo``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SCREEN = (1366, 768)


def offscreen_1366() -> None:
    config = Path(tempfile.mkdtemp(prefix="screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "clerk-1366x768", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


offscreen_1366()

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.gui.make_screenshots import fill_intake, settle  # noqa: E402


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    g = widget.geometry()
    screen = widget.screen().availableGeometry()
    print(f"wrote {path.name}: {g.width()}×{g.height()} at {g.x()},{g.y()} on "
          f"{screen.width()}×{screen.height()}")


def shoot_dynamic_leads(app: QApplication, window, out: Path) -> None:
    """issue 15 — leads: 动态管理 → 主动发现 with the late 12345 lead selected."""
    screen = window.show_dynamic()
    tab = screen.pages["LeadsTab"]
    screen.tabs.setCurrentWidget(tab)
    tab.filter.setCurrentIndex(tab.filter.findData("all"))
    late = next((i for i in range(tab.model.rowCount()) if tab.model.row_at(i).overdue), 0)
    tab.view.selectRow(late)
    grab(app, window, out / "dynamic-leads.png")


def shoot_import_preview(app: QApplication, window, services, out: Path) -> None:
    """issue 16 — importgui: 统计与档案 → 导入, an old 低保 ledger checked, with its problems
    (docs/screenshots/import-preview.png)."""
    import xlsxwriter

    from tests.helpers.gui import make_id

    villages = [v.name for v in services.setup.villages()]
    names = ["赵春梅", "钱卫东", "孙玉兰", "李建华", "周小燕", "吴桂英", "郑国强", "王秀珍",
             "冯德明", "陈玉梅", "褚志刚", "卫红霞", "蒋文斌", "沈丽娟", "韩永福", "杨淑芬",
             "朱建军", "秦凤英", "尤国华", "许慧敏"]
    path = Path(tempfile.mkdtemp(prefix="import-shot-")) / "清水镇低保台账2023.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("台账")
    sheet.write_row(0, 0, ["清水镇2023年低保台账"])
    sheet.write_row(1, 0, ["序号", "户主姓名", "身份证号码", "所在村", "救助类别", "受理日期",
                           "月保障金", "审批结果", "联系电话"])
    rows: list[list[str]] = []
    for i, name in enumerate(names):
        id_number = make_id(f"19{50 + i}0{1 + i % 9}1{i % 10}", 10 + i)
        day, amount = f"2023-{1 + i % 12:02d}-{3 + i:02d}", str(420 + 15 * i)
        if i == 3:
            id_number = id_number[:-1] + ("1" if id_number[-1] != "1" else "2")
        if i == 7:
            day = "2023-02-30"
        if i == 12:
            amount = "六百"
        row = [str(i + 1), name, id_number, villages[i % len(villages)],
               "低保" if i % 4 else "特困", day, amount, "批准", f"1381234{i:04d}"]
        rows.append(row if i != 16 else [str(i + 1), *rows[1][1:]])  # row 2 typed twice
        sheet.write_row(i + 2, 0, rows[-1])
    book.close()
    screen = window.show_reports()
    tab = screen.pages["ImportTab"]
    screen.tabs.setCurrentWidget(tab)
    tab.load(path)
    tab.check()
    grab(app, window, out / "import-preview.png")


def main(out: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.gui.app import build_main_window, install_translators, register_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="window-shots-"))
    data = work / "data"
    services = Services.open(data)
    try:
        fill_demo(services, 120, seed=7, days=120, showcase=True)
        actor = services.accounts.login("admin", "guanli2026").value
        settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        window = build_main_window(services, actor, data_dir=data, demo=True,
                                   synchronous=True, settings=settings)
        window.show_remembered()
        assert not window.isMaximized()
        grab(app, window, out / "window-intake.png")
        fill_intake(window.intake)
        grab(app, window, out / "window-intake-filled.png")
        window.intake.new_application()
        for name, show in (("applications", window.show_applications),
                           ("tracking", window.show_tracking),
                           ("reserve", window.show_reserve),
                           ("sync", window.show_sync),
                           ("separate", window.show_separate_list),
                           ("audit", window.show_audit),
                           ("admin", window.show_admin)):
            show()
            if name == "applications":
                window.applications.view.selectRow(0)
            grab(app, window, out / f"window-{name}.png")
        shoot_providers(app, window, out)   # issue 15 — providers
        shoot_dynamic_leads(app, window, out)  # issue 15 — leads
        ids = services.queries.search_ids("", None, 200)
        showcase = max(ids)  # the last showcase case: an urgent 临时救助
        for name, app_id in (("detail", ids[len(ids) // 2]), ("detail-showcase", showcase)):
            dialog = window.open_application(app_id)
            grab(app, dialog, out / f"window-{name}.png")
            dialog.close()
        care_screenshots(app, window, services, out)  # issue 15 — care
        dynamic_monitor(app, window, out)
        dynamic_rechecks_shots(app, window, services, out)
        ledgers_tab_shot(app, window, out)  # issue 16 — ledgers
        stats_screenshots(app, window, services, out)  # issue 16 — statsgui
        shoot_import_preview(app, window, services, out)  # issue 16 — importgui
        household_view(app, window, services, out)  # issue 16 — householdgui
        household_file_page1(services, actor, out)  # issue 16 — household
        window.close()
    finally:
        services.close()


def shoot_providers(app: QApplication, window, out: Path) -> None:
    """Issue 15 (providers): the 服务机构 administration tab, and the tracking screen with
    选择服务机构 open on the demo's 访视 task waiting for its provider."""
    admin = window.show_admin()
    admin.tabs.setCurrentWidget(admin.providers)
    admin.providers.view.selectRow(1)
    grab(app, window, out / "dynamic-providers.png")
    tracking = window.show_tracking()
    shown: list = []
    tracking.run_dialog = shown.append
    row = next(i for i, r in enumerate(tracking.model.rows()) if r.item_code == "SVC_VISIT")
    tracking.view.selectRow(row)
    tracking.choose_provider()
    dialog = shown[-1]
    dialog.show()
    grab(app, dialog, out / "dynamic-providers-choose.png")
    dialog.close()
    grab(app, window, out / "dynamic-providers-tracking.png")


def household_file_page1(services, actor, out: Path) -> None:
    """Issue 16 — 一户一档: page 1 (the index) of the household file of the ``--demo``
    household with the most applications (household-file-page1.png, pdftoppm at 80 dpi)."""
    import subprocess
    from datetime import date

    from desktop_app.core.services import SearchFilters
    from desktop_app.core.services.demo_households import PLANS

    first = max(PLANS, key=len)[0][0]  # days before today of its first application
    day = date.fromordinal(services.ctx.today().toordinal() - first)
    rows = services.queries.search("", SearchFilters(date_from=day, date_to=day))
    key = max((services.households.key_for_application(r.id) for r in rows),
              key=lambda k: len(services.households.view(k, actor).applications))
    pdf = Path(tempfile.mkdtemp(prefix="household-file-")) / "household.pdf"
    services.households.export_pdf(key, pdf, actor)
    stem = out / "household-file-page1"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)
    print(f"wrote {stem.name}.png")


def care_screenshots(app: QApplication, window: QWidget, services, out: Path) -> None:
    """Issue 15 — 特困照料: the tab (dynamic-care.png) and page 1 of a 委托照料协议
    (dynamic-care-agreement.png, pdftoppm at 100 dpi) from the ``--demo`` care cases."""
    import subprocess

    screen = window.show_dynamic()  # type: ignore[attr-defined]
    screen.tabs.setCurrentWidget(screen.pages["CareTab"])
    grab(app, window, out / "dynamic-care.png")
    rows = services.care.ending_soon()
    if not rows:
        return
    docs = services.documents.for_application(rows[0].application_id)
    agreement = next(d for d in docs if d.kind == "care_agreement")
    pdf = services.documents.original_pdf(agreement.id)
    stem = out / "dynamic-care-agreement"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)
    print(f"wrote {stem.name}.png")


def stats_screenshots(app: QApplication, window: QWidget, services, out: Path) -> None:
    """Issue 16 — statsgui: 统计与档案 → 统计 with this quarter by village and its charts
    (stats-chart.png), the busiest village's 受理登记 drilled down (stats-drill.png) and
    page 1 of the printed 统计报表 (stats-report-page1.png, pdftoppm at 80 dpi)."""
    import subprocess

    screen = window.show_reports()  # type: ignore[attr-defined]
    tab = screen.pages["StatsTab"]
    screen.tabs.setCurrentWidget(tab)
    today = services.ctx.today()
    tab.period_edit.setText(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
    tab.by.setCurrentIndex(tab.by.findData("village"))
    tab.refresh()
    grab(app, window, out / "stats-chart.png")
    rows = tab.report.rows
    busiest = max(rows, key=lambda r: r.values["received"])
    tab.drill(busiest.key, "received")
    grab(app, window, out / "stats-drill.png")
    tab.back_to_figures()
    opened: list[Path] = []
    tab.opener = opened.append
    tab.issue_report()
    stem = out / "stats-report-page1"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(opened[-1]), str(stem)], check=True)
    print(f"wrote {stem.name}.png")


def dynamic_monitor(app: QApplication, window: QWidget, out: Path) -> None:
    """docs/screenshots/dynamic-monitor.png: 动态管理 → 监测 (issue 15 item 4), the demo's
    household on the county warning list and 低保边缘 selected."""
    page = window.show_dynamic()  # type: ignore[attr-defined]
    tab = page.pages["MonitorTab"]
    page.tabs.setCurrentWidget(tab)
    tab.refresh()
    for i in range(tab.model.rowCount()):
        if tab.model.row_at(i).name == "田秀梅":
            tab.view.selectRow(i)
    grab(app, window, out / "dynamic-monitor.png")


def dynamic_rechecks_shots(app: QApplication, window, services, out: Path) -> None:
    """Issue 15: a 复核核查表 of a 低保 household whose wage went up, and the 复核 tab of
    动态管理 after another household was given a 渐退 (its month of ending shown)
    (docs/screenshots/dynamic-worksheet.png, dynamic-rechecks.png)."""
    from PySide6.QtCore import QDate

    from desktop_app.core.services.dynamic.reviews import ReviewInput
    from desktop_app.gui.dynamic.worksheet import WorksheetDialog

    screen = window.show_dynamic()
    tab = screen.pages["RechecksTab"]
    screen.tabs.setCurrentWidget(tab)
    tab.within.setValue(400)
    dibao = [r for r in tab.due_rows if r.item_code == "DIBAO"]
    if len(dibao) < 2:
        print("fewer than two 低保 households due: dynamic-*.png not made")
        return
    dialog = WorksheetDialog(services, window.tasks, window.current_actor, dibao[0].task_id,
                             parent=window)
    dialog.show()
    wage = dialog.editor.incomes["wage"]
    wage.setText(str(int(float(wage.text() or "0")) + 300))
    dialog.refresh()
    grab(app, dialog, out / "dynamic-worksheet.png")
    dialog.close()
    household = services.rechecks.household(dibao[1].task_id)
    result = services.rechecks.record(dibao[1].task_id, ReviewInput(
        kind="recheck", on=services.ctx.today(), household=household.draft, outcome="taper",
        investigators=["王敏", "李强"], findings="家庭成员外出务工，收入超过低保标准"),
        window.current_actor())
    ends = services.rechecks.history(dibao[1].task_id)[-1].taper_ends_on
    window.tasks.bus.publish(result.changes)
    tab.month.setDate(QDate(ends.year, ends.month, 1))
    grab(app, window, out / "dynamic-rechecks.png")

def ledgers_tab_shot(app: QApplication, window, out: Path) -> None:
    """Issue 16 — ledgers: 统计与档案 → 台账 with 临时救助台账 of this year exported
    (docs/screenshots/ledgers-tab.png; the file goes to a temporary folder)."""
    screen = window.show_reports()
    tab = screen.pages["LedgersTab"]
    screen.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.ledger.setCurrentIndex(tab.ledger.findData("temporary"))
    tab.set_span("this_year")
    folder = Path(tempfile.mkdtemp(prefix="ledger-shot-"))
    tab.ask_save = lambda suggested: str(folder / suggested.name)
    tab.export()
    grab(app, window, out / "ledgers-tab.png")
def household_view(app: QApplication, window, services, out: Path) -> None:
    """docs/screenshots/household-view.png (issue 16): 统计与档案 → 一户一档, the demo household
    with the most applications found by the 办件编号 of its newest one."""
    from collections import Counter

    from desktop_app.gui.kit.widgets import commit_text

    ids = services.queries.search_ids("", None, 1000)
    keys = {i: services.households.key_for_application(i) for i in ids}
    key, _n = Counter(keys.values()).most_common(1)[0]
    newest = max(i for i, k in keys.items() if k == key)
    screen = window.show_reports()
    tab = screen.pages["HouseholdTab"]
    screen.tabs.setCurrentWidget(tab)
    commit_text(tab.search, services.queries.detail(newest).row.number)
    tab.run_search()
    tab.apps_view.selectRow(0)
    grab(app, window, out / "household-view.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
