"""Controlled vocabularies of the household forms (DOMAIN §5), as stored values.

Values are the Chinese terms printed on the official forms; they are data, shown
as they are, and never translated.

The state codes the core stores (application, item, task and material statuses,
decisions) are enums of their stored strings: ``ApplicationStatus.ACCEPTED`` *is* the
string ``"accepted"`` (equal, same hash, same JSON, same f-string), so a value read
back from the database compares equal to the member and nothing stored or exported
changes.  The ``(code, label)`` tuples below keep plain strings.
"""

from __future__ import annotations

from enum import Enum

from sync_contract import tasks as _contract_tasks


class StrValue(str, Enum):
    """Base of the state-code enums: Python 3.10's spelling of 3.11's ``StrEnum``.

    ``str()`` and ``format()`` give the value (a plain ``(str, Enum)`` gives
    ``"ApplicationStatus.ACCEPTED"`` from 3.11 on), so a member can go wherever the
    string went: a column, a JSON record, a message.
    """

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(str(self), format_spec)


class ApplicationStatus(StrValue):
    """``Application.status``."""

    ACCEPTED = "accepted"
    PENDING_MATERIALS = "pending_materials"
    REJECTED = "rejected"
    VOIDED = "voided"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


class Decision(StrValue):
    """``Application.decision``: 受理 / 一次性告知 / 不予受理."""

    ACCEPT = "accept"
    NOTICE = "notice"
    REJECT = "reject"


class ItemStatus(StrValue):
    """``RequestedItem.status``: the item's fate at intake."""

    REQUESTED = "requested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class TaskStatus(StrValue):
    """``RequestedItem.task_status``: the handling task of an accepted item (跟踪督办).

    ``to_refer → referred → signed → done / refused`` (or ``returned → to_refer``);
    items the township handles itself: ``in_progress → done / refused``.
    """

    TO_REFER = "to_refer"
    REFERRED = "referred"
    SIGNED = "signed"
    IN_PROGRESS = "in_progress"
    RETURNED = "returned"
    DONE = "done"
    REFUSED = "refused"


class MaterialStatus(StrValue):
    """``Material.status`` of a requested item's material."""

    RECEIVED = "received"
    COMMITTED = "committed"
    SHARED = "shared"
    MISSING = "missing"
    NA = "na"
    #: issue 13: a material proving the household's 低保/特困 status while that status
    #: is requested in the same intake or pending (catalogue ``depends_on``): the task
    #: waits (``RequestedItem.waiting_for``) until the status is confirmed.
    AWAITING = "awaiting"

RELATIONS = ("本人", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女", "外孙子女",
             "兄弟", "姐妹", "祖父母", "外祖父母", "儿媳", "女婿", "其他")
HUKOU_TYPES = ("农村", "城镇")
EDUCATION = ("", "学龄前", "小学", "初中", "高中/中专", "大专", "本科及以上", "文盲或半文盲")
MARITAL = ("", "未婚", "已婚", "离异", "丧偶")
HEALTH = ("健康", "多病", "重病")
DISABILITY_CATEGORIES = ("", "视力", "听力", "言语", "肢体", "智力", "精神", "多重")
DISABILITY_GRADES = (1, 2, 3, 4)
EMPLOYMENT = ("", "学龄前", "在校", "在职", "灵活就业", "务农", "登记失业", "未登记失业",
              "退休", "无劳动能力")
SELF_CARE = ("", "完全自理", "部分自理", "完全不能自理")
HOUSE_RATINGS = ("", "A", "B", "C", "D")

#: Income categories (code, label): monthly household income by source.
INCOME_CATEGORIES = (
    ("wage", "工资性收入"),
    ("farming", "种植养殖收入"),
    ("business", "经营性收入"),
    ("property", "财产租赁变卖收入"),
    ("land", "土地流转收入"),
    ("pension", "养老金"),
    ("support", "赡扶抚养费"),
    ("allowance", "生活补助"),
    # Finer categories (issue 12): lines 民发〔2021〕57号 names among the income not
    # counted; which are excluded is the ``eligibility`` setting, not this list.
    ("basic_pension", "城乡居民基础养老金"),
    ("assistance", "社会救助金"),
    ("disability_subsidy", "残疾人两项补贴"),
    ("reward", "奖励性补助"),
    ("other", "其他收入"),
)
INCOME_LABELS = dict(INCOME_CATEGORIES)

#: Who is counted among the household's 共同生活的家庭成员 (民发〔2021〕57号: spouse,
#: minor children, adult children unable to live independently — including those in
#: full-time education — and others with a legal support duty living together long
#: term; not counted: e.g. persons serving a prison sentence or in compulsory drug
#: treatment, declared missing, religious personnel living apart three years or more).
#: (code, label, counted). The assessment only reads ``HouseholdMember.counted``; the
#: reason is recorded and printed. "" = not given (old records: counted).
COUNTED_REASONS = (
    ("applicant", "申请人本人", True),
    ("spouse", "配偶", True),
    ("minor_child", "未成年子女", True),
    ("student_child", "在校就读的成年子女", True),
    ("dependent_child", "不能独立生活的成年子女", True),
    ("co_resident", "有法定义务且长期共同居住", True),
    ("other_counted", "其他计入情形", True),
    ("prison", "服刑或强制隔离戒毒", False),
    ("missing", "宣告失踪", False),
    ("religious", "脱离家庭的宗教教职人员", False),
    ("living_apart", "不共同生活", False),
    ("other_excluded", "其他不计入情形", False),
)
COUNTED_REASON_LABELS = {code: label for code, label, _ in COUNTED_REASONS}
COUNTED_REASON_COUNTS = {code: counted for code, _, counted in COUNTED_REASONS}

#: Where the applicant applies (issue 12; DOMAIN §9 "Where one applies"): in the
#: township of the hukou, where they live with a 居住证 (汉中 measure 二, 重庆), or —
#: for 急难型临时救助 only — where the emergency happened (汉中 十五, 泰安).
RESIDENCE_KINDS = (
    ("hukou", "户籍地申请"),
    ("permit", "居住证持有人在居住地申请"),
    ("incident", "急难发生地申请（非本地户籍）"),
)
RESIDENCE_LABELS = dict(RESIDENCE_KINDS)

#: Why a legal supporter (赡养/抚养/扶养义务人) cannot support (code, label).
UNABLE_REASONS = (
    ("", ""),
    ("low_income", "收入低于当地低保标准"),
    ("dibao", "本人为低保或特困对象"),
    ("elderly", "年满60周岁且无稳定收入"),
    ("disabled", "重度残疾或重病"),
    ("minor", "未成年或在校就读"),
    ("missing", "失联、服刑或强制隔离戒毒"),
    ("other", "其他原因"),
)
UNABLE_REASON_LABELS = dict(UNABLE_REASONS)

#: Relation of a supporter or guardian outside the household to the applicant.
SUPPORTER_RELATIONS = ("配偶", "子", "女", "父亲", "母亲", "祖父母", "外祖父母", "孙子女",
                       "外孙子女", "兄弟", "姐妹", "儿媳", "女婿", "其他亲属",
                       "村（居）委会", "其他")

#: How the need was found (code, label).
SOURCES = (
    ("walk_in", "窗口来访"),
    ("village_assistant", "村协理员发现"),
    ("hotline", "12345热线"),
    ("referral", "部门转介"),
    ("lead", "主动发现"),  # issue 15 — leads: from a lead of another source (services/leads.py)
    ("import", "导入"),  # issue 16 — importer: a historical application from a legacy ledger
)
SOURCE_LABELS = dict(SOURCES)
#: issue 16 — importer: the source of imported applications; not a choice at the window.
IMPORT_SOURCE = "import"
INTAKE_SOURCES = tuple(s for s in SOURCES if s[0] != IMPORT_SOURCE)

#: Material statuses (code, label printed on forms).
MATERIAL_STATUSES = (
    (MaterialStatus.RECEIVED.value, "已收取"),
    (MaterialStatus.COMMITTED.value, "告知承诺"),
    (MaterialStatus.SHARED.value, "信息共享免提交"),
    (MaterialStatus.MISSING.value, "缺少"),
    (MaterialStatus.NA.value, "不适用"),  # only for conditional materials whose condition does not apply
    (MaterialStatus.AWAITING.value, "待低保认定"),  # only a ``depends_on`` material (issue 13)
)
MATERIAL_LABELS = dict(MATERIAL_STATUSES)

#: Application statuses (code, label).
STATUSES = (
    (ApplicationStatus.ACCEPTED.value, "已受理"),
    (ApplicationStatus.PENDING_MATERIALS.value, "待补正"),
    (ApplicationStatus.REJECTED.value, "不予受理"),
    (ApplicationStatus.VOIDED.value, "已作废"),
    (ApplicationStatus.WITHDRAWN.value, "已撤回"),
    (ApplicationStatus.CLOSED.value, "已办结"),
)
STATUS_LABELS = dict(STATUSES)

DECISIONS = tuple(d.value for d in Decision)


#: 求助原因 categories (code, label): temporary assistance for the same cause is
#: normally granted once a year (DOMAIN §4).
HARDSHIP_CAUSES = (
    ("illness", "因病"),
    ("disability", "因残"),
    ("disaster", "因灾"),
    ("accident", "意外事故"),
    ("education", "因学"),
    ("labour", "缺劳动力"),
    ("unemployment", "失业"),
    ("other", "其他"),
)
HARDSHIP_CAUSE_LABELS = dict(HARDSHIP_CAUSES)

#: Handling task statuses (code, label) of an accepted item (跟踪督办).
TASK_STATUSES = (
    ("to_refer", "待转办"),
    ("referred", "已转办"),
    ("signed", "已签收"),
    ("in_progress", "办理中"),
    ("returned", "退回"),
    ("done", "已办结"),
    ("refused", "不予办理"),
)
TASK_STATUS_LABELS = dict(TASK_STATUSES)
OPEN_TASK_STATUSES = ("to_refer", "referred", "signed", "in_progress", "returned")
FINAL_TASK_STATUSES = _contract_tasks.FINAL_TASK_STATUSES  # the sync contract relies on them

#: Results a department (or the township) reports for a task (from the 回执).
TASK_RESULTS = (("done", "已办结"), ("refused", "不予办理"), ("returned", "退回"))

#: 先行救助 payment methods.
AID_METHODS = ("现金", "银行转账", "实物")

#: Re-check (动态管理) classes of a 低保 household (local: A/B yearly, C more often).
REVIEW_CLASSES = (("A", "A类"), ("B", "B类"), ("C", "C类"))


# -- issue 13: the township's casework (审核确认 procedure, temporary assistance) --------

#: The steps (环节) a township-handled task goes through, in procedure order (code,
#: label). Which steps an item has, and the time limit of each group of steps, come from
#: the catalogue (``stages[].steps``); ``review`` (民主评议) happens only when the clerk
#: records a dispute; ``decision`` (审核确认) when the township decides, else
#: ``first_review`` (初审) + ``report`` (报县) + ``county`` (县级审核确认).
#: ``paperwork`` (补齐手续), ``conference`` (个案会商/一事一议), ``followup`` (跟进救助)
#: and ``extension`` (延期) are recorded in the same table but are not sequential steps.
STAGES = (
    ("visit", "入户调查"),
    ("check", "信息核对"),
    ("review", "民主评议"),
    ("publicity", "公示"),
    ("first_review", "初审"),
    ("report", "报县"),
    ("county", "县级审核确认"),
    ("decision", "审核确认"),
    ("paperwork", "补齐手续"),
    ("conference", "个案会商"),
    ("followup", "跟进救助"),
    ("extension", "延期"),
)
STAGE_LABELS = dict(STAGES)
#: Steps of the sequential procedure (the others are side records).
SEQUENTIAL_STAGES = ("visit", "check", "review", "publicity", "first_review", "report",
                     "county", "decision")

#: Where a stage record came from: typed at the township, the county's return package,
#: or typed from the county's paper reply.
STAGE_SOURCES = (("township", "乡镇录入"), ("county_return", "县级返回包"),
                 ("paper", "县级纸质回复"))

#: 临时救助备用金 ledger entry kinds (code, label): money received from the county /
#: finance, a payment drawn from it, a correction refunded into it.
RESERVE_KINDS = (("receipt", "拨入"), ("payment", "支付"), ("refund", "退回"))
RESERVE_KIND_LABELS = dict(RESERVE_KINDS)

# issue 15 — providers
#: Kinds of service providers in the directory (code, label): 泰安 (seed 003) "引导社会
#: 组织、专业社工、志愿者等社会力量参与社会救助"; 汉中 (seed 001) 镇级社工站.
PROVIDER_KINDS = (("social_work", "社工站"), ("charity", "慈善组织"),
                  ("volunteer", "志愿服务队"), ("social_org", "其他社会组织"),
                  ("government", "政府部门"))
PROVIDER_KIND_LABELS = dict(PROVIDER_KINDS)
#: The catalogue's department of service-type items (category ``service``): the task
#: is referred to the provider chosen for it, named on the 转办单 and 转办清单.
SERVICE_HANDLER = "SOCIAL"
