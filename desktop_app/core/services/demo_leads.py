"""The demo's lead register (主动发现, issue 15): a few leads where a clerk meets them — a
12345 ticket whose reply and visit are late, a lead assigned to a 村协理员 waiting for the
visit, one from the county's warning list, one visited and found not eligible, one
referred to another department. Written through ``services.leads`` as a clerk would."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..rules.identity import check_char
from .leads import LeadInput, VisitInput

if TYPE_CHECKING:
    from . import Services

REGION = "522201"


def make_id(rng: random.Random, region: str, birth: date, male: bool) -> str:
    """A valid resident ID number (not demo.make_id: demo calls this module)."""
    seq = rng.randrange(0, 499) * 2 + (1 if male else 0)
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + check_char(body)


def add_demo_leads(services: Services, clerk: int) -> int:
    """Add the demo leads (dates relative to today); returns how many."""
    today = services.ctx.today()
    villages = services.setup.villages()
    if not villages:
        return 0
    rng = random.Random(15)
    leads = services.leads

    def day(n: int) -> date:
        return today - timedelta(days=n)

    def vid(i: int) -> int:
        return villages[i % len(villages)].id

    late = leads.create(clerk, LeadInput(
        source="hotline", reported_on=day(10), subject_name="杨秀珍",
        subject_id_number=make_id(rng, REGION, date(1946, 4, 9), False), village_id=vid(0),
        address="三组28号", situation="老人独居，子女在外务工，近来生病卧床，无人照料，生活困难",
        reporter_name="吴海波", reporter_phone="13985001234", ticket_no="GD2026112000417")).value
    assert late
    leads.create(clerk, LeadInput(
        source="village_assistant", reported_on=day(2), subject_name="龙建军", village_id=vid(1),
        address="五组", situation="妻子重病住院，两个孩子上学，家中缺乏劳动力，收入很低",
        reporter_name="田小燕", assignee="田小燕"))
    leads.create(clerk, LeadInput(
        source="county_warning", reported_on=day(1), subject_name="石光荣",
        subject_id_number=make_id(rng, REGION, date(1971, 8, 2), True), village_id=vid(2),
        address="二组9号", situation="县低收入人口动态监测平台预警：医疗自付费用较高",
        origin_ref="县民政局预警名单2026-11"))
    refused = leads.create(clerk, LeadInput(
        source="cadre", reported_on=day(12), subject_name="麻文华", village_id=vid(0),
        address="一组", situation="村干部反映其家庭收入下降，可能需要救助",
        reporter_name="杨光明", assignee="杨光明")).value
    leads.record_visit(clerk, refused, VisitInput(day(9), ["杨光明", "李秀英"],
                                                  "家中两人务工，月收入高于低保标准，住房良好"))
    leads.close(clerk, refused, "not_eligible", "家庭月人均收入高于当地低保标准")
    referred = leads.create(clerk, LeadInput(
        source="hotline", reported_on=day(8), subject_name="张德明", village_id=vid(1),
        address="四组15号", situation="来电反映其残疾儿子需要康复训练，家庭负担重",
        reporter_name="张德明", reporter_phone="13708561234", ticket_no="GD2026112200093",
        assignee="龙海")).value
    leads.record_visit(clerk, referred, VisitInput(day(6), ["龙海", "陈晓红"],
                                                   "儿子为二级肢体残疾，需康复训练，家庭已享受低保"))
    leads.record_reply(clerk, referred, day(5), "已入户核实，家庭已享受低保；康复训练需求已转介县残联")
    leads.close(clerk, referred, "referred", "县残疾人联合会（残疾儿童康复救助）")
    return 5


__all__ = ["add_demo_leads"]
