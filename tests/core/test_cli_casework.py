"""The 审核确认 procedure from the command line: stage, extend, publicity-list,
report-list, visit-form; ``overdue`` shows the task number and its current step."""

from __future__ import annotations

from datetime import date

from desktop_app.cli import main as cli_main
from tests.helpers.cli import as_user
from tests.helpers.drafts import draft


def test_stage_verbs(services, township, clock, monkeypatch, capsys):
    r = services.intake.decide(draft(services, items=("DIBAO",)), "accept", township)
    task = services.handling.tasks_for_application(r.application_id)[0].task_id
    village = services.setup.villages()[0].id
    folder = services.ctx.db.data_dir
    services.close()

    def main(*argv: str) -> int:
        return cli_main(as_user(monkeypatch, folder, "admin") + list(argv))

    capsys.readouterr()
    # One investigator only: refused, one Chinese line, nothing written.
    assert main("stage", str(task), "visit", "--on", "2026-11-24", "--people", "王芳",
                "--text", "入户") == 1
    assert "至少 2 名调查人员" in capsys.readouterr().err
    assert main("stage", str(task), "visit", "--on", "2026-11-24", "--people", "王芳，李强",
                "--text", "住房简陋") == 0
    assert capsys.readouterr().out.strip() == "录入信息核对"
    assert main("stage", str(task), "check", "--on", "2026-11-24", "--done", "2026-11-24",
                "--outcome", "match") == 0
    assert main("stage", str(task), "first_review", "--on", "2026-11-24", "--outcome",
                "approved", "--text", "拟同意") == 0
    out = capsys.readouterr().out
    assert "-S1-decision_form.pdf" in out or "decision_form" in out
    assert main("publicity-list", "--village", str(village), "--on", "2026-11-24", str(task)) == 0
    assert capsys.readouterr().out.strip().endswith("-publicity_list.pdf")
    assert main("extend", str(task), "--reason", "需核实赡养人收入", "--on", "2026-11-24") == 0
    out = capsys.readouterr().out
    assert "extension_notice" in out and "办结期限：" in out
    assert main("visit-form", str(task)) == 0
    assert capsys.readouterr().out.strip().endswith(".pdf")
    # 报县 before the 公示 has ended: refused with the date.
    assert main("report-list", str(task), "--on", "2026-11-24") == 1
    assert "公示期至2026年11月30日，期满并结束公示后方可录入“报县”" in capsys.readouterr().err
    assert main("overdue", "--date", "2027-03-01") == 0
    lines = capsys.readouterr().out.rstrip("\n").splitlines()
    header = lines[0].split("\t")
    assert header[9:12] == ["任务号", "当前环节", "环节期限"]
    row = dict(zip(header, lines[1].split("\t"), strict=True))
    assert row["任务号"] == str(task) and row["当前环节"] == "公示"
    assert date.fromisoformat(row["环节期限"].replace("（暂定）", "")) > date(2026, 12, 1)
