"""The monitoring list's demo cases (issue 15 item 4): households with known answers.

Planted by ``--demo`` (``demo.fill_demo(showcase=True)``) and by the tests, each case
an accepted application whose task result is dated relative to today, so the monitoring
list on any day holds exactly the expected reasons for them (the random demo adds its
own households around them):

==================  =============================================  ===================
case                what                                           on the list?
==================  =============================================  ===================
``edge``            低保边缘 recognised 60 days ago, 12 months     edge + warning
                    (and on the county's warning list, medium)
``edge_expired``    低保边缘 recognised 14 months ago, ended        no
``rigid``           刚性支出 recognised 30 days ago; visited 20     rigid, next visit
                    days ago (继续监测)                              = visit + 180 days
``refused_near``    低保 refused 90 days ago, rural, one person,   refused
                    700 yuan/month (< 1.5 × 600)
``refused_far``     低保 refused 90 days ago, 3,000 yuan/month     no
``temporary``       支出型临时救助 1,500 yuan 40 days ago            temporary
``temporary_old``   支出型临时救助 300 days ago                      no
``closed``          刚性支出 100 days ago, visited 10 days ago:     no (closed)
                    移出名单
``warning_only``    on the county list (high risk), 3 days ago,    warning, next visit
                    no application here                            = listed + 7 days
==================  =============================================  ===================

The applicants' ID numbers are fixed (a seeded generator, fixed birth days), so
:func:`planted` finds the cases again in any demo database.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..models import Application, CountyWarning, HouseholdMember, MonitorVisit
from ..rules.identity import check_char
from ..rules.monitor import add_months
from ..vocab import ApplicationStatus, Decision, MaterialStatus, TaskStatus
from .drafts import ApplicationDraft, ItemInput, MemberInput
from .events import record_event

if TYPE_CHECKING:
    from . import Services

#: (case, applicant, birth day, male, item, result, days ago, incomes, urban hukou)
CASES: tuple[tuple[str, str, date, bool, str, str, int, dict[str, str], bool], ...] = (
    ("edge", "田秀梅", date(1968, 5, 12), False, "DIBAO_EDGE", "done", 60, {"farming": "900"}, False),
    ("edge_expired", "龙国华", date(1959, 9, 3), True, "DIBAO_EDGE", "done", 425,
     {"farming": "900"}, False),
    ("rigid", "杨再兴", date(1972, 1, 20), True, "RIGID", "done", 30, {"wage": "1800"}, False),
    ("refused_near", "吴晓燕", date(1980, 7, 8), False, "DIBAO", "refused", 90,
     {"farming": "700"}, False),
    ("refused_far", "石宏伟", date(1976, 11, 30), True, "DIBAO", "refused", 90,
     {"wage": "3000"}, False),
    ("temporary", "麻金花", date(1964, 2, 14), False, "LINSHI_EXPENSE", "done", 40,
     {"farming": "500"}, False),
    ("temporary_old", "滕建军", date(1970, 6, 6), True, "LINSHI_EXPENSE", "done", 300,
     {"farming": "500"}, False),
    ("closed", "张明亮", date(1966, 4, 22), True, "RIGID", "done", 100, {"wage": "1500"}, False),
)
#: Expected reasons per case (None: not on the list).
EXPECTED: dict[str, frozenset[str] | None] = {
    "edge": frozenset({"edge", "warning"}), "edge_expired": None, "rigid": frozenset({"rigid"}),
    "refused_near": frozenset({"refused"}), "refused_far": None,
    "temporary": frozenset({"temporary"}), "temporary_old": None, "closed": None,
    "warning_only": frozenset({"warning"}),
}
VISIT_RIGID_DAYS_AGO, VISIT_CLOSED_DAYS_AGO = 20, 10
WARNING_ONLY = ("warning_only", "罗永福", date(1958, 12, 1), True)
WARNING_ONLY_DAYS_AGO, WARNING_EDGE_DAYS_AGO = 3, 10
VISITORS = ("李秀英", "村委会杨光明")
SEED = 1504


def _id_number(region: str, birth: date, male: bool, rng: random.Random) -> str:
    """A valid resident ID (as ``demo.make_id``; not imported from there: demo calls us)."""
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + check_char(body)


def case_ids(region: str) -> dict[str, str]:
    """The planted applicants' ID numbers (township ``region``: its first 6 digits)."""
    rng = random.Random(SEED)
    out = {case: _id_number(region, birth, male, rng)
           for case, _n, birth, male, *_rest in CASES}
    case, _name, birth, male = WARNING_ONLY
    out[case] = _id_number(region, birth, male, rng)
    return out


def planted(services: Services) -> dict[str, int]:
    """case -> its application id (the warning-only case: its county warning's id)."""
    ids = case_ids(services.setup.township().code[:6])
    by_number = {v: k for k, v in ids.items()}
    out: dict[str, int] = {}
    with services.ctx.db.read() as s:
        for number, app_id in s.execute(select(HouseholdMember.id_number,
                                               HouseholdMember.application_id)
                                        .where(HouseholdMember.position == 0,
                                               HouseholdMember.id_number.in_(list(ids.values())))):
            out[by_number[number]] = app_id
        for number, wid in s.execute(select(CountyWarning.id_number, CountyWarning.id)
                                     .where(CountyWarning.id_number == ids[WARNING_ONLY[0]])):
            out[by_number[number]] = wid
    return out


def add_cases(services: Services, clerk: int) -> int:
    """Plant :data:`CASES`, their visits and two county warnings; returns how many
    applications were added (0 when already planted)."""
    region = services.setup.township().code[:6]
    ids = case_ids(region)
    if planted(services):
        return 0
    today = services.ctx.today()
    villages = services.setup.villages()
    rural = [v for v in villages if v.code[9:] >= "200"] or villages
    catalog = services.ctx.catalog
    entries: list[tuple[ApplicationDraft, str, list[str], datetime]] = []
    for n, (case, name, _birth, _male, item, _result, ago, incomes, urban) in enumerate(CASES):
        answered = today - timedelta(days=ago)
        intake = answered - timedelta(days=20)
        while intake.weekday() >= 5:
            intake -= timedelta(days=1)
        applicant = MemberInput(name=name, relation="本人", id_number=ids[case],
                                phone=f"1390856{1000 + n:04d}",
                                hukou_type="城镇" if urban else "农村",
                                hukou_address=f"贵州省铜仁市碧江区清水镇{rural[n % len(rural)].name}"
                                              f"{10 + n}号",
                                health="多病", employment="务农", self_care="完全自理")
        draft = ApplicationDraft(
            applicant=applicant, members=[], village_id=rural[n % len(rural)].id,
            incomes=dict(incomes), housing_area="60", house_rating="B", vehicles="0",
            deposits="2000", medical_spending="30000" if item == "RIGID" else "0",
            education_spending="0",
            items=[ItemInput(item, {m.code: MaterialStatus.RECEIVED
                                    for m in catalog.item(item).materials})],
            source="walk_in", hardship_reason="因病致贫", intake_date=intake)
        draft.hardship_cause = "illness"
        entries.append((draft, Decision.ACCEPT, [], datetime.combine(intake, time(9, 30))))
    app_ids = services.intake.record_batch(entries, clerk).value
    with services.ctx.db.transaction() as s:
        by_case: dict[str, Application] = {}
        for app_id, (case, _name, _b, _m, _item, result, ago, _inc, _u) in zip(
                app_ids, CASES, strict=True):
            app = s.get(Application, app_id)
            assert app is not None
            by_case[case] = app
            _answer(s, app, result, today - timedelta(days=ago), clerk)
        _visit(s, by_case["rigid"], today - timedelta(days=VISIT_RIGID_DAYS_AGO), "keep",
               ["rigid"], 180, clerk, "家中主要劳动力仍在住院，医疗费用负担重，继续关注")
        _visit(s, by_case["closed"], today - timedelta(days=VISIT_CLOSED_DAYS_AGO), "close",
               ["rigid"], None, clerk, "患者已康复并务工，家庭收入稳定，无返贫风险")
        _warning(s, ids["edge"], "田秀梅", rural[0].code, today - timedelta(days=WARNING_EDGE_DAYS_AGO),
                 "medium", "医保系统提示：近三个月自付医疗费用较高", "demo-edge")
        _warning(s, ids[WARNING_ONLY[0]], WARNING_ONLY[1], rural[1 % len(rural)].code,
                 today - timedelta(days=WARNING_ONLY_DAYS_AGO), "high",
                 "残联数据比对：新增重度残疾人，家庭无稳定收入", "demo-only")
    return len(app_ids)


def _answer(s: Any, app: Application, result: str, on: date, clerk: int) -> None:
    task = app.items[0]
    old = task.task_status
    task.task_status = TaskStatus.DONE if result == "done" else TaskStatus.REFUSED
    task.result_on, task.result_by_id = on, clerk
    if result == "done":
        task.result_text = {"DIBAO_EDGE": "认定为低保边缘家庭", "RIGID": "认定为刚性支出困难家庭"
                            }.get(task.item_code, "给予支出型临时救助")
        if task.item_code in ("DIBAO_EDGE", "RIGID"):
            task.period_from = on
            task.period_to = add_months(on, 12) - timedelta(days=1)
        else:
            task.amount_fen = 150_000
    else:
        task.result_text = "家庭人均收入高于当地低保标准"
    record_event(s, "task.feedback", actor_id=clerk, application_id=app.id, task_id=task.id,
                 item=task.item_code, result=task.task_status, result_on=on.isoformat(),
                 text=task.result_text, amount_fen=task.amount_fen,
                 changes={"task_status": [old, task.task_status]}, demo=True)
    app.status, app.closed_on = ApplicationStatus.CLOSED, on
    record_event(s, "application.close", actor_id=clerk, application_id=app.id,
                 changes={"status": [ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED]},
                 results={task.item_code: task.task_status}, demo=True)


def _visit(s: Any, app: Application, on: date, outcome: str, reasons: list[str],
           days: int | None, clerk: int, findings: str) -> None:
    visit = MonitorVisit(application_id=app.id, visited_on=on,
                         visitors=json.dumps(list(VISITORS), ensure_ascii=False),
                         findings=findings, reasons=json.dumps(reasons), outcome=outcome,
                         next_visit_on=on + timedelta(days=days) if days else None,
                         recorded_by_id=clerk)
    s.add(visit)
    s.flush()
    record_event(s, "monitor.visit", actor_id=clerk, application_id=app.id, visit_id=visit.id,
                 warning_id=None, visited_on=on.isoformat(), outcome=outcome, reasons=reasons,
                 next_visit_on=visit.next_visit_on.isoformat() if visit.next_visit_on else None,
                 demo=True)


def _warning(s: Any, id_number: str, name: str, village: str, on: date, risk: str,
             reason: str, tag: str) -> None:
    s.add(CountyWarning(uuid=_demo_uuid(tag), list_no=f"预警〔{on.year}〕1号",
                        listed_on=on, village_code=village, name=name, id_number=id_number,
                        reason=reason, risk=risk, source="县民政局低收入人口动态监测平台",
                        withdrawn=False))


def _demo_uuid(tag: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"twsync-demo-warning:{tag}"))


__all__ = ["CASES", "EXPECTED", "add_cases", "case_ids", "planted"]
