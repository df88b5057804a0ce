"""Screenshots of the 临时救助备用金 (issue 13) at 1366×768:

* reserve-ledger.png — the 备用金 page on November of a demo township: money in from the
  county, 先行救助 drawn in cash and by transfer, a 支出型 result paid, money given back,
  a 报账 batch and the county's reimbursement;
* doc-reserve_statement.png — page 1 of that month's printed 备用金月度收支明细.

Runs alone (needs pdftoppm for the document page):

    QT_QPA_PLATFORM=offscreen python tests/gui/screenshots_reserve.py [OUT_DIR]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from make_screenshots import ROOT, settle, shoot
from PySide6.QtWidgets import QApplication

SIZE = (1366, 768)


def fill(services, clock) -> None:
    """A township that keeps its fund since October (demo-like, invented people)."""
    from desktop_app.core.services import EmergencyInput, Feedback
    from desktop_app.core.services.demo import create_demo_township
    from tests.helpers.drafts import draft, resident_id

    def at(day: str, hour: int = 10) -> None:
        clock.now = datetime.fromisoformat(f"{day}T{hour:02d}:00")

    at("2026-10-08", 9)
    admin = create_demo_township(services)
    services.reserve.configure(True, True, "2026-10-01", admin)
    fund = services.reserve
    at("2026-10-09")
    fund.receive("10000", "2026-10-09", "县民政局拨付临时救助备用金（第四季度）", admin)

    def urgent(day: str, name: str, seed: int, amount: str, method: str, cause: str) -> None:
        at(day)
        r = services.intake.decide(draft(services, name=name, items=("LINSHI_URGENT",),
                                         urgent=True, id_number=resident_id(seed=seed),
                                         members=[]), "accept", admin)
        at(day, 11)
        services.handling.record_emergency(r.application_id, EmergencyInput(amount, method, cause),
                                           admin)

    urgent("2026-10-21", "吴春梅", 31, "1200", "现金", "房屋失火，衣物口粮损毁")
    urgent("2026-11-04", "杨秀兰", 32, "1500", "现金", "突发疾病住院，家中无人照料")
    urgent("2026-11-09", "龙德明", 33, "2000", "银行转账", "交通事故致重伤，医疗费用无力支付")
    at("2026-11-10", 15)
    e = services.intake.decide(draft(services, name="石光荣", items=("LINSHI_EXPENSE",),
                                     id_number=resident_id(seed=35), members=[]), "accept", admin)
    task = services.handling.tasks_for_application(e.application_id)[0]
    urgent("2026-11-13", "田玉珍", 34, "800", "现金", "暴雨致房屋部分垮塌")
    at("2026-11-16")
    services.handling.record_feedback(task.task_id, Feedback(
        "done", "2026-11-16", "同意给予临时救助（支出型）", amount="2500"), admin)
    at("2026-11-17")
    fund.pay(task_id=task.task_id, on="2026-11-17", by=admin)
    at("2026-11-19")
    drawn = fund.month("2026-11").rows
    fund.refund(next(r for r in drawn if r.applicant == "田玉珍").id, "300", "2026-11-19",
                "实际救助 500 元，多领部分退回", admin)
    at("2026-11-20")
    batch = fund.submit_batch("2026-11-20", "10月、11月上中旬备用金支付报账", admin).value
    at("2026-11-27")
    fund.mark_reimbursed(batch.id, f"{batch.total_fen / 100:.2f}", "2026-11-27", admin)
    fund.receive("5000", "2026-11-27", "乡镇财政所补充备用金", admin)
    at("2026-11-30", 16)


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from desktop_app.core.services import Services
    from desktop_app.gui.app import build_main_window, install_translators, register_fonts
    from tests.helpers.clock import Clock

    register_fonts(app)
    install_translators(app, "zh_CN")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "清水镇数据"
        clock = Clock(datetime(2026, 10, 8, 9, 0))
        services = Services.open(data, clock=clock)
        try:
            fill(services, clock)
            actor = services.accounts.login("supervisor", "fuze2026").value
            opened: list[Path] = []
            window = build_main_window(services, actor, data_dir=data, demo=True,
                                       synchronous=True, opener=opened.append)
            page = window.show_reserve()
            page.view.selectRow(3)
            settle(app)
            shoot(app, window, out / "reserve-ledger.png", SIZE)
            page.print_statement()
            pdf = opened[-1]
            subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(out / "doc-reserve_statement")], check=True)
            print("wrote", out / "doc-reserve_statement.png")
            window.close()
        finally:
            services.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
