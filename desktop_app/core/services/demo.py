"""Realistic synthetic data for demos, screenshots and benchmarks.

Everything here is invented: names are drawn from common surnames and given-name
characters, ID numbers are structurally valid (GB 11643 checksum) but random.
"""

from __future__ import annotations

import functools
import random
import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from ..models import RequestedItem, Staff
from ..rules import passwords
from ..rules.identity import CHECK_CHARS, WEIGHTS
from ..vocab import ApplicationStatus, Decision, ItemStatus, MaterialStatus, TaskStatus
from . import Services
from .demo_care import add_demo_care  # issue 15 — care
from .demo_providers import add_demo_providers
from .demo_reviews import add_review_cases
from .drafts import PersonInput
from .events import record_event
from .intake import ApplicationDraft, ItemInput, MemberInput
from .setup import SetupInput

DEMO_TOWNSHIP = SetupInput(
    township_name="清水镇",
    township_code="522201101000",
    window_phone="0856-5221234",
    supervision_phone="0856-5225678",
    admin_name="王建国",
    villages=[
        ("522201101001", "清水社区"), ("522201101002", "新街社区"),
        ("522201101201", "石桥村"), ("522201101202", "杉树村"), ("522201101203", "龙井村"),
        ("522201101204", "坪上村"), ("522201101205", "茶园村"), ("522201101206", "岩门村"),
    ],
)
DEMO_CLERKS = ("李秀英", "陈晓红")
#: Demo accounts and their known passwords (demo folders only; README lists them).
DEMO_ACCOUNTS = (
    # (name, username, role, password)
    ("王建国", "admin", "admin", "guanli2026"),
    ("李秀英", "clerk1", "clerk", "jingban2026"),
    ("陈晓红", "clerk2", "clerk", "jingban2026"),
    ("张桂兰", "supervisor", "supervisor", "fuze2026"),
)
DEMO_PASSWORDS = {username: password for _, username, _, password in DEMO_ACCOUNTS}

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
            "尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单")
GIVEN = ("秀英桂兰玉兰凤英建华建国志强国庆德明永福金花春梅海燕小红丽娟文华明亮俊杰"
         "子涵梓轩浩然雨桐欣怡宇航家豪思远红梅玉珍淑芬德胜长生有才光荣")
RARE = ("𠇔", "䶮", "堃", "喆", "犇", "昇")  # Ext-B, Ext-A and other less common names
ROADS = ("解放路", "人民路", "河滨路", "新华街", "团结巷", "清水大道")
HARDSHIP = ("因病致贫", "因残致贫", "缺劳动力", "因学致贫", "因灾致贫", "突发意外事故")
#: The 求助原因 category of each demo hardship text.
HARDSHIP_CAUSE = {"因病致贫": "illness", "因残致贫": "disability", "缺劳动力": "labour",
                  "因学致贫": "education", "因灾致贫": "disaster", "突发意外事故": "accident"}
#: Demo results per item: (approved text, refusal reason, amount range in yuan, monthly).
DEMO_RESULTS = {
    "DIBAO": ("同意纳入最低生活保障", "家庭人均收入高于当地低保标准", (300, 650), True),
    "TEKUN": ("同意纳入特困人员救助供养", "有法定赡养义务人且具备赡养能力", (780, 900), True),
    "DIBAO_EDGE": ("认定为低保边缘家庭", "家庭人均收入超过低保标准的1.5倍", None, False),
    "RIGID": ("认定为刚性支出困难家庭", "刚性支出未超过家庭收入的规定比例", None, False),
    "LINSHI_URGENT": ("给予急难型临时救助", "已由其他渠道解决", (500, 3000), False),
    "LINSHI_EXPENSE": ("给予支出型临时救助", "同一原因本年度已获临时救助", (500, 3000), False),
    "MEDICAL": ("给予医疗救助", "医疗费用已由大病保险全额报销", (800, 12000), False),
    "EDUCATION": ("给予教育救助（助学金）", "已享受国家助学金", (1000, 3000), False),
    "HOUSING": ("列入农村危房改造计划", "房屋经鉴定为B级，不属于危房", (20000, 40000), False),
    "EMPLOYMENT": ("推荐公益性岗位", "暂无适合岗位，已登记求职意向", None, False),
    "DISASTER": ("给予受灾人员生活救助", "损失已由保险赔付", (1000, 5000), False),
    "DISABILITY": ("同意发放残疾人两项补贴", "残疾等级不符合护理补贴条件", (70, 120), True),
    "ORPHAN": ("同意发放事实无人抚养儿童基本生活费", "父母一方具备抚养能力", (1100, 1300), True),
    "LEGAL_AID": ("已指派律师提供法律援助", "不属于法律援助事项范围", None, False),
    "FUNERAL": ("免除基本殡葬服务费用", "不符合惠民殡葬对象条件", (1500, 3000), False),
    "VAGRANT": ("已护送返乡", "本人拒绝救助", None, False),
}
SIGNERS = ("周敏", "吴建军", "郑丽", "冯志刚", "何芳", "韦小平")
REJECT_REASONS = ("申请人户籍及居住地均不在本乡镇，请向户籍所在地乡镇（街道）申请。",
                  "所申请事项不属于社会救助范围，已告知向相关部门咨询。")
ITEM_WEIGHTS = (("DIBAO", 30), ("MEDICAL", 18), ("EDUCATION", 12), ("LINSHI_EXPENSE", 10),
                ("DISABILITY", 9), ("HOUSING", 6), ("TEKUN", 5), ("EMPLOYMENT", 4),
                ("DIBAO_EDGE", 4), ("LEGAL_AID", 2))


def make_id(rng: random.Random, region: str, birth: date, male: bool) -> str:
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    total = sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True))
    return body + CHECK_CHARS[total % 11]


@functools.cache
def _demo_hash(password: str) -> str:
    """scrypt is slow on purpose; demo folders (and tests) share one hash per password."""
    return passwords.hash_password(password)


def create_demo_township(services: Services) -> int:
    """Set up the demo township and its staff with the known demo passwords
    (:data:`DEMO_ACCOUNTS`); returns the administrator's id."""
    if not services.setup.is_initialized():
        services.setup.initialize(DEMO_TOWNSHIP)
    with services.ctx.db.transaction() as s:
        staff = list(s.scalars(select(Staff).order_by(Staff.id)))
        admin = next(p for p in staff if p.role == "admin")
        if not admin.password_hash:
            admin.password_hash = _demo_hash(DEMO_PASSWORDS.get(admin.username or "", "guanli2026"))
            record_event(s, "auth.password_set", actor_id=admin.id, staff_id=admin.id, demo=True)
        names = {p.name for p in staff}
        taken = {p.username for p in staff}
        for name, username, role, password in DEMO_ACCOUNTS[1:]:
            if name in names or username in taken:
                continue
            person = Staff(name=name, username=username, role=role,
                           password_hash=_demo_hash(password))
            s.add(person)
            s.flush()
            record_event(s, "staff.add", actor_id=admin.id, staff_id=person.id, role=role,
                         name=name, username=username, demo=True)
        return admin.id


class _Maker:
    def __init__(self, services: Services, rng: random.Random,
                 extra: random.Random | None = None) -> None:
        self.s = services
        self.rng = rng
        # Draws for the issue-12 household records (supporters, members not counted,
        # 居住证 holders) come from their own generator, so ``rng``'s sequence — and
        # every demo figure drawn from it — is what it was before.
        self.extra = extra or random.Random(12)
        self.region = services.setup.township().code[:6]
        self.villages = services.setup.villages()
        self.catalog = services.ctx.catalog

    def name(self, surname: str | None = None, rng: random.Random | None = None) -> str:
        r = rng or self.rng
        given = r.choice(RARE) if r.random() < 0.01 else r.choice(GIVEN)
        if r.random() < 0.5:
            given += r.choice(GIVEN)
        return (surname or r.choice(SURNAMES)) + given[:2]

    def person(self, today: date, age: int, male: bool, relation: str, surname: str | None = None) -> MemberInput:
        r = self.rng
        birth = today - timedelta(days=age * 365 + r.randrange(0, 360))
        disabled = r.random() < 0.12
        return MemberInput(
            name=self.name(surname), relation=relation, id_number=make_id(r, self.region, birth, male),
            phone=f"1{r.choice('3578')}{r.randrange(10**8, 10**9)}" if relation == "本人" else "",
            hukou_type="农村" if r.random() < 0.7 else "城镇",
            hukou_address=f"贵州省铜仁市碧江区清水镇{r.choice(self.villages).name}{r.randrange(1, 200)}号",
            health=r.choices(("健康", "多病", "重病"), (6, 3, 1))[0],
            disability_category=r.choice(("肢体", "视力", "智力", "精神", "听力")) if disabled else "",
            disability_grade=r.randrange(1, 5) if disabled else None,
            employment=("在校" if 6 <= age < 18 else "学龄前" if age < 6 else
                        r.choice(("务农", "灵活就业", "未登记失业", "无劳动能力", "退休"))),
            self_care="完全自理" if not disabled else r.choice(("部分自理", "完全不能自理")),
            education="", marital="已婚" if age >= 25 and relation in ("本人", "配偶") else "",
        )

    def draft(self, when: datetime) -> tuple[ApplicationDraft, str, list[str]]:
        r, today = self.rng, when.date()
        male = r.random() < 0.55
        age = r.randrange(22, 88)
        applicant = self.person(today, age, male, "本人")
        surname = applicant.name[0]
        members: list[MemberInput] = []
        if r.random() < 0.6:
            members.append(self.person(today, max(20, age + r.randrange(-5, 5)), not male, "配偶"))
        for _ in range(r.choices((0, 1, 2, 3), (3, 4, 3, 1))[0]):
            child_age = r.randrange(1, max(2, min(age - 18, 40)))
            cm = r.random() < 0.5
            members.append(self.person(today, child_age, cm, "子" if cm else "女", surname))
        codes = [c for c, _ in ITEM_WEIGHTS]
        weights = [w for _, w in ITEM_WEIGHTS]
        chosen: list[str] = []
        for _ in range(r.choices((1, 2, 3), (6, 3, 1))[0]):
            c = r.choices(codes, weights)[0]
            if c not in chosen:
                chosen.append(c)
        decision = r.choices((Decision.ACCEPT, Decision.NOTICE, Decision.REJECT), (80, 15, 5))[0]
        items = []
        for c in chosen:
            mats: dict[str, str] = {}
            for m in self.catalog.item(c).materials:
                if not m.required and r.random() < 0.7:
                    mats[m.code] = MaterialStatus.NA
                    continue
                options = [MaterialStatus.RECEIVED] + ([MaterialStatus.COMMITTED] if m.commitment_allowed else []) + (
                    [MaterialStatus.SHARED] if m.data_shared else [])
                mats[m.code] = r.choice(options)
            items.append(ItemInput(c, mats))
        if decision == Decision.NOTICE:
            first = items[0]
            required = [m.code for m in self.catalog.item(first.item_code).required_materials]
            for code in required[: r.randrange(1, 3)]:
                first.materials[code] = MaterialStatus.MISSING
        income = r.randrange(0, 2500)
        draft = ApplicationDraft(
            applicant=applicant, members=members, village_id=r.choice(self.villages).id,
            incomes={"wage": str(income), "farming": str(r.randrange(0, 400)),
                     "allowance": str(r.choice((0, 0, 150, 300)))},
            housing_area=str(r.randrange(20, 160)), house_rating=r.choice("AABBCD"),
            vehicles=str(r.choice((0, 0, 0, 1))), deposits=str(r.randrange(0, 20000)),
            medical_spending=str(r.choice((0, 0, 3000, 12000, 45000))),
            education_spending=str(r.choice((0, 0, 2000, 6000))),
            items=items, urgent=r.random() < 0.05,
            source=r.choices(("walk_in", "village_assistant", "hotline", "referral"), (6, 2, 1, 1))[0],
            hardship_reason=r.choice(HARDSHIP), intake_date=today,
        )
        draft.hardship_cause = HARDSHIP_CAUSE[draft.hardship_reason]
        if r.random() < 0.01:
            draft.staff_relative = True
            draft.staff_relative_note = f"申请人系{r.choice(self.villages).name}村（居）委会委员的近亲属"
        reasons = [r.choice(REJECT_REASONS)] if decision == Decision.REJECT else []
        self.household(draft, today)
        return draft, decision, reasons

    def household(self, draft: ApplicationDraft, today: date) -> None:
        """Issue 12 records on some households: an elderly applicant's two legal
        supporters outside (one able, one unable and why), an adult child serving a
        sentence (not counted, 民发〔2021〕57号), a 居住证 holder applying where they live."""
        x = self.extra
        applicant = draft.applicant
        birth = _birth_of(applicant.id_number)
        age = (today.year - birth.year) if birth else 0
        if age >= 60 and x.random() < 0.35:
            taken = {m.id_number for m in [applicant, *draft.members]}
            surname = applicant.name[0]
            for relation, male, able in (("子", True, True), ("女", False, False)):
                number = ""
                while not number or number in taken:
                    kid = today - timedelta(days=(age - x.randrange(22, 30)) * 365 + x.randrange(0, 360))
                    number = make_id(x, self.region, kid, male)
                taken.add(number)
                draft.related.append(PersonInput(
                    name=self.name(surname, x), relation=relation, id_number=number,
                    phone=f"1{x.choice('3578')}{x.randrange(10**8, 10**9)}",
                    address=f"贵州省铜仁市{x.choice(('万山区', '松桃县', '江口县'))}{x.choice(ROADS)}"
                            f"{x.randrange(1, 200)}号",
                    household_size=str(x.randrange(2, 6)),
                    monthly_income=str(x.randrange(3000, 8000) if able else x.randrange(0, 1200)),
                    able=able, unable_reason="" if able else x.choice(("low_income", "disabled", "dibao"))))
        adults = [m for m in draft.members if m.relation in ("子", "女")
                  and (b := _birth_of(m.id_number)) is not None and today.year - b.year >= 20]
        if adults and x.random() < 0.15:
            adults[0].counted, adults[0].counted_reason = False, "prison"
        if x.random() < 0.08:
            draft.residence_kind = "permit"
            draft.residence_address = f"贵州省铜仁市碧江区{x.choice(ROADS)}{x.randrange(1, 300)}号"
            draft.residence_permit_no = f"{self.region}{x.randrange(10**8, 10**9)}"


def _birth_of(id_number: str) -> date | None:
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def demo_times(rng: random.Random, n: int, end: date, days: int) -> list[datetime]:
    """``n`` office-hour timestamps on working days within ``days`` before ``end``."""
    out: list[datetime] = []
    while len(out) < n:
        d = end - timedelta(days=rng.randrange(0, days))
        if d.weekday() >= 5:
            continue
        out.append(datetime.combine(d, time(8, 30)) + timedelta(minutes=rng.randrange(0, 480)))
    return sorted(out)


def fill_demo(services: Services, n: int, *, seed: int = 0, days: int = 730,
              batch: int = 250, progress: Callable[[float, str], None] | None = None,
              cancel: threading.Event | None = None, showcase: bool = False) -> int:
    """Add ``n`` decided demo applications; returns how many were written.

    Written in batches, each its own transaction: a cancel stops between batches and
    leaves only whole batches behind. ``showcase`` (the ``--demo`` window) adds
    :data:`SHOWCASE` cases at the end: the procedure stopped where a clerk meets it.
    """
    admin = create_demo_township(services)
    clerks = [p.id for p in services.setup.staff() if p.role != "supervisor"] or [admin]
    rng = random.Random(seed)
    maker = _Maker(services, rng)
    times = demo_times(rng, n, services.ctx.today(), days)
    done = 0
    for start in range(0, n, batch):
        if cancel is not None and cancel.is_set():
            break
        entries = []
        for when in times[start:start + batch]:
            draft, decision, reasons = maker.draft(when)
            entries.append((draft, decision, reasons, when))
        ids = services.intake.record_batch(entries, rng.choice(clerks)).value
        advance_demo_tasks(services, ids, rng)
        done += len(entries)
        if progress:
            progress(done / n, f"{done}/{n}")
    if showcase and not (cancel is not None and cancel.is_set()):
        done += add_demo_providers(services, admin, rng.choice(clerks), maker, rng)  # issue 15
        from .demo_monitor import add_cases  # issue 15 — monitor: the list's known cases
        done += add_cases(services, clerks[0])
        done += add_showcase(services, maker, rng.choice(clerks), rng)
        add_review_cases(services.ctx)  # issue 15 — reviews: re-checks due, a 渐退 ending
        add_demo_care(services, random.Random(seed + 15))  # issue 15 — care (demo_care.py)
        from .demo_leads import add_demo_leads  # issue 15 — leads
        add_demo_leads(services, rng.choice(clerks))
        from .demo_households import add_demo_households  # issue 16 — household
        done += add_demo_households(services, _Maker(services, random.Random(seed + 16)),
                                    clerks[0], advance_demo_tasks)
    return done


#: The ``--demo`` cases of issue 13, each (items, working days before today accepted,
#: where its procedure stops): a 低保 whose 公示 is running, a 低保 awaiting the
#: county's confirmation, a 特困 overdue at 入户调查, and an urgent 急难型 临时救助
#: accepted two hours ago with its 24-hour 先行救助 clock running.
SHOWCASE = ((("DIBAO",), 7, "publicity"), (("DIBAO",), 20, "county"),
            (("TEKUN",), 25, "visit"), (("LINSHI_URGENT",), 0, "urgent"))


def _workdays_back(cal: Any, day: date, n: int) -> date:
    """The working day ``n`` working days before ``day`` (``day`` itself for 0)."""
    while n > 0:
        day -= timedelta(days=1)
        n -= cal.is_workday(day)
    return day


def add_showcase(services: Services, maker: _Maker, clerk: int, rng: random.Random) -> int:
    """The :data:`SHOWCASE` applications, accepted and advanced in one transaction each
    (like the rest of the demo: no PDFs rendered); returns how many."""
    now = services.ctx.clock()
    with services.ctx.db.read() as s:
        cal = services.ctx.calendar(s)
        days = [_workdays_back(cal, now.date(), back) for _, back, _ in SHOWCASE]
    entries: list[tuple[ApplicationDraft, str, list[str], datetime]] = []
    stops: list[str] = []
    for (codes, back, stop), day in zip(SHOWCASE, days, strict=True):
        when = now - timedelta(hours=2) if not back else datetime.combine(day, time(9, 30))
        draft, _decision, _reasons = maker.draft(when)
        draft.items = [ItemInput(c, {m.code: MaterialStatus.RECEIVED
                                     for m in maker.catalog.item(c).materials}) for c in codes]
        draft.urgent = stop == "urgent"
        entries.append((draft, Decision.ACCEPT, [], when))
        stops.append(stop)
    ids = services.intake.record_batch(entries, clerk).value
    advance_demo_tasks(services, [i for i, stop in zip(ids, stops, strict=True)
                                  if stop != "urgent"],
                       rng, stops=dict(zip(ids, stops, strict=True)))
    return len(ids)


def draw_result(req: RequestedItem, answer: date, recent: bool, rng: random.Random,
                months: dict[str, int]) -> str:
    """Draw a demo result for the task ``req`` answered on ``answer`` and set it on the
    task (status, date, text, amount and period, re-check date); returns the result.
    Shared by the demo fill and the bulk generator (``bulk.py``)."""
    from ..rules import handling as rules

    ok, no, amounts, monthly = DEMO_RESULTS.get(req.item_code, ("同意", "不符合条件", None, False))
    result = rng.choices((TaskStatus.DONE, TaskStatus.REFUSED, TaskStatus.RETURNED), (80, 15, 5))[0]
    if result == TaskStatus.RETURNED and (req.task_status == TaskStatus.IN_PROGRESS or not recent):
        result = TaskStatus.REFUSED  # (older returns were re-referred and refused)
    req.task_status = rules.next_status(req.task_status, result)
    req.result_on = answer
    req.result_text = ok if result == TaskStatus.DONE else (
        no if result == TaskStatus.REFUSED else "材料不全，请补充后重新转办")
    if result == TaskStatus.DONE and amounts:
        req.amount_fen = rng.randrange(amounts[0], amounts[1] + 1) * 100
        if monthly:
            req.period_from = date(answer.year + answer.month // 12, answer.month % 12 + 1, 1)
            req.period_to = rules.add_months(req.period_from, 11)
    if result == TaskStatus.DONE:
        req.review_class = rng.choice("ABBC") if req.item_code == "DIBAO" else ""
        req.next_review_on = rules.next_review(req.item_code, req.review_class, answer, months)
    return result


def advance_demo_tasks(services: Services, application_ids: list[int], rng: random.Random,
                       *, stops: dict[int, str] | None = None) -> None:
    """Move the demo's handling tasks on as real work would have by today: referred the
    next working day, signed for, most answered by their due date, some late (overdue),
    a few returned; applications close when every task is final. Township-handled tasks
    with a 审核确认 procedure get its steps dated in order before their result (open ones
    stop where today falls; ``stops``: application id → the step its tasks stop at,
    left open). Written like the services write them (same statuses and events), in one
    transaction, without PDFs.
    """
    from ..models import Application
    from ..rules import handling as rules
    from .demo_stages import DemoSteps

    today = services.ctx.today()
    stops = stops or {}
    with services.ctx.db.transaction() as s:
        cal = services.ctx.calendar(s)
        months = services.ctx.get_setting(s, "review_months")
        steps = DemoSteps(services.ctx, s, cal, today, rng)
        for app in s.scalars(select(Application).where(Application.id.in_(application_ids))):
            if app.status != ApplicationStatus.ACCEPTED:
                continue
            actor = app.decided_by_id
            decided = app.decided_at
            assert decided is not None  # (an accepted application was decided)
            start = decided.date()
            for req in app.items:
                if req.status != ItemStatus.ACCEPTED:
                    continue
                if req.task_status == TaskStatus.TO_REFER:
                    referred = cal.add_workdays(start, 1).date
                    if referred > today:
                        continue
                    req.task_status, req.referred_on = rules.next_status(req.task_status, "refer"), referred
                    record_event(s, "task.refer", actor_id=actor, application_id=app.id,
                                 task_id=req.id, item=req.item_code, department=req.handler_code,
                                 list="", slip="")
                    signed = cal.add_workdays(referred, rng.randrange(0, 3)).date
                    if signed > today:
                        continue
                    req.task_status = rules.next_status(req.task_status, "sign")
                    req.signed_on, req.signed_by = signed, rng.choice(SIGNERS)
                    record_event(s, "task.sign", actor_id=actor, application_id=app.id,
                                 task_id=req.id, item=req.item_code, signed_by=req.signed_by,
                                 signed_on=signed.isoformat())
                # Answered at a random point of the limit; ~10% come back late.
                span = max(1, req.limit_days)
                late = rng.random() < 0.1
                answer = cal.add_workdays(start, rng.randrange(span // 3, span + 1)
                                          + (rng.randrange(2, 12) if late else 0)).date
                planned = steps.plan(req, start, stop=stops.get(app.id))
                if planned is not None:
                    answer = max(answer, planned[1])  # the result follows the last step
                    steps.write(req, planned[0], actor)
                recent = (today - answer).days < 45
                if app.id in stops or answer > today or (recent and rng.random() < 0.15):
                    if planned is not None:
                        steps.refresh(req)
                    continue  # still open (overdue if its due date has passed)
                result = draw_result(req, answer, recent, rng, months)
                req.result_by_id = actor
                record_event(s, "task.feedback", actor_id=actor, application_id=app.id,
                             task_id=req.id, item=req.item_code, result=result,
                             result_on=answer.isoformat(), text=req.result_text,
                             amount_fen=req.amount_fen,
                             changes={"task_status": ["", req.task_status]})
                if planned is not None:
                    steps.result(req, answer, result == TaskStatus.DONE, actor)
            accepted = [r for r in app.items if r.status == ItemStatus.ACCEPTED]
            if accepted and all(r.task_status in (TaskStatus.DONE, TaskStatus.REFUSED) for r in accepted):
                app.status = ApplicationStatus.CLOSED
                app.closed_on = max(r.result_on or date.min for r in accepted)  # (all answered)
                record_event(s, "application.close", actor_id=actor, application_id=app.id,
                             changes={"status": [ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED]},
                             results={r.item_code: r.task_status for r in accepted})
