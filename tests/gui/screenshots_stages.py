"""Screenshots of the 审核确认 procedure screens (issue 13) at 1366×768:

* stage-bar.png — an application's detail with the stage bar of its 低保 (入户调查,
  信息核对 and 初审 done, 公示 under way, the side record of an extension) and the
  next action;
* screen-tracking-stages.png — the tracking screen with 当前环节 / 环节时限;
* stage-dialog-*.png and screen-tracking-stages.png — each stage dialog and the tracking
  screen, into $DIALOGS_DIR (default: the temporary folder), not the docs.

Runs alone (not a test):

    QT_QPA_PLATFORM=offscreen python tests/gui/screenshots_stages.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import ROOT, settle, shoot
from PySide6.QtWidgets import QApplication

SIZE = (1366, 768)
#: The demo's day: the 低保 accepted on 11-02, its 公示 under way on 11-24.
NOW = datetime(2026, 11, 24, 10, 0)


def record_steps(services, admin, now: list[datetime]) -> int:
    """A 低保 accepted on 2026-11-02 with its visit, check and extension recorded and its
    公示 started; returns the application id."""
    from desktop_app.core.services.handling.stage_types import StageInput
    from tests.helpers.drafts import draft

    now[0] = datetime(2026, 11, 2, 9, 30)
    r = services.intake.decide(draft(services, name="刘桂芳"), "accept", admin)
    now[0] = NOW
    task = next(t for t in services.handling.tasks_for_application(r.application_id)
                if t.item_code == "DIBAO")
    h = services.handling
    h.record_stage(task.task_id, StageInput("visit", date(2026, 11, 4), people=("王建国", "李秀英"),
                                            text="住房为土木结构，家中无劳动力"), admin)
    h.record_stage(task.task_id, StageInput("check", date(2026, 11, 5), done_on=date(2026, 11, 12),
                                            ref="HD-2026-118", outcome="match"), admin)
    h.record_stage(task.task_id, StageInput("extension", date(2026, 11, 13),
                                            text="需补充调查其子的务工收入"), admin)
    h.record_stage(task.task_id, StageInput("first_review", date(2026, 11, 16), outcome="approved",
                                            text="家庭人均收入低于当地低保标准，拟同意"), admin)
    village = services.setup.villages()[0].id
    h.start_publicity(village, [task.task_id], date(2026, 11, 20), admin)
    return r.application_id


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import create_demo_township
    from desktop_app.gui.app import build_main_window, install_translators, register_fonts
    from desktop_app.gui.applications.detail import DetailView
    from desktop_app.gui.tracking import stage_dialogs as sd

    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    dialogs = Path(os.environ.get("DIALOGS_DIR", tempfile.gettempdir())) / "stage-dialogs"
    dialogs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "清水镇数据"
        now = [datetime(2026, 11, 2, 9, 0)]      # the township set up before the intake
        services = Services.open(data, clock=lambda: now[0])
        try:
            admin = create_demo_township(services)
            actor = services.accounts.login("admin", "guanli2026").value
            app_id = record_steps(services, admin, now)
            window = build_main_window(services, actor, data_dir=data, demo=True,
                                       synchronous=True, opener=lambda path: True)
            view = DetailView(services, window.tasks, app_id, lambda: actor,
                              opener=lambda path: True)
            view.run_dialog = lambda d: None
            shoot(app, view, out / "stage-bar.png", SIZE)
            tracking = window.show_tracking()
            window.resize(*SIZE)
            window.show()
            settle(app)
            window.grab().save(str(dialogs / "screen-tracking-stages.png"))
            bar = view.stage_bars[0]
            for code in ("visit", "check", "review", "publicity", "first_review", "report",
                         "county", "decision", "extension"):
                dialog = sd.dialog_for(services, window.tasks, lambda: actor, bar.task,
                                       bar.plan, view, stage=code, opener=lambda path: True)
                if dialog is None:
                    continue
                dialog.show()
                settle(app)
                dialog.grab().save(str(dialogs / f"stage-dialog-{code}.png"))
                dialog.close()
            del tracking
        finally:
            services.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
