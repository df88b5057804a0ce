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
    ("other", "其他收入"),
)
INCOME_LABELS = dict(INCOME_CATEGORIES)

#: How the need was found (code, label).
SOURCES = (
    ("walk_in", "窗口来访"),
    ("village_assistant", "村协理员发现"),
    ("hotline", "12345热线"),
    ("referral", "部门转介"),
)
SOURCE_LABELS = dict(SOURCES)

#: Material statuses (code, label printed on forms).
MATERIAL_STATUSES = (
    (MaterialStatus.RECEIVED.value, "已收取"),
    (MaterialStatus.COMMITTED.value, "告知承诺"),
    (MaterialStatus.SHARED.value, "信息共享免提交"),
    (MaterialStatus.MISSING.value, "缺少"),
    (MaterialStatus.NA.value, "不适用"),  # only for conditional materials whose condition does not apply
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
