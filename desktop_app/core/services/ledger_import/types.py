"""What the legacy ledger import reads, checks and writes: the targets a column maps to,
the table read from a file, a row's check, the preview, the result and a county-list
match (issue 16; docs/import.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Row statuses of a preview: importable, refused (a problem named per field), the same
#: application already recorded (or twice in the file), imported by an earlier import.
OK, BAD, DUPLICATE, IMPORTED_BEFORE = "ok", "bad", "duplicate", "imported_before"
STATUSES = (OK, BAD, DUPLICATE, IMPORTED_BEFORE)
STATUS_LABELS = {OK: "可导入", BAD: "有问题", DUPLICATE: "重复", IMPORTED_BEFORE: "已导入过"}

#: County-list match statuses.
MATCHED, NAME_DIFFERS, NOT_FOUND = "matched", "name_differs", "not_found"
MATCH_LABELS = {MATCHED: "已匹配", NAME_DIFFERS: "姓名不一致", NOT_FOUND: "未找到"}


@dataclass(frozen=True)
class Target:
    """What a ledger column may be mapped to: ``code``, its Chinese ``label``, whether a
    mapping must have it, and the header words that suggest it (longest match wins)."""

    code: str
    label: str
    required: bool
    hints: tuple[str, ...]


TARGETS: tuple[Target, ...] = (
    Target("name", "姓名", True, ("姓名", "户主姓名", "申请人姓名", "申请人", "户主", "名字")),
    Target("id_number", "身份证号码", True,
           ("身份证", "身份证号", "身份证号码", "证件号码", "证件号", "公民身份号码", "身份号码")),
    Target("item", "救助事项", True,
           ("救助事项", "救助类别", "救助类型", "救助项目", "事项", "类别", "保障类别", "项目")),
    Target("intake_date", "申请日期", True,
           ("申请日期", "受理日期", "申请时间", "受理时间", "登记日期", "日期")),
    Target("village", "村（社区）", True, ("村", "社区", "村居", "村（社区）", "所在村", "村社区")),
    Target("phone", "联系电话", False, ("电话", "联系电话", "手机", "手机号", "联系方式")),
    Target("address", "户籍地址", False, ("地址", "住址", "户籍地址", "家庭住址", "户籍所在地")),
    Target("result", "审批结果", False, ("结果", "审批结果", "审核结果", "审批意见", "是否批准")),
    Target("result_date", "批准日期", False,
           ("批准日期", "审批日期", "办结日期", "结果日期", "批准时间", "审批时间")),
    Target("amount", "金额（元）", False,
           ("金额", "救助金额", "保障金额", "月保障金", "补助金额", "发放金额", "月补差", "补差")),
    Target("period_from", "起始日期", False,
           ("起始", "起始日期", "享受起始", "开始日期", "起始时间", "发放起始", "起始月份")),
    Target("period_to", "终止日期", False,
           ("终止", "终止日期", "截止日期", "结束日期", "截止", "停发日期")),
    Target("ledger_number", "原台账编号", False, ("原编号", "台账编号", "档案编号", "编号", "原台账编号")),
    # the re-check schedule of a benefit in force, when the ledger keeps it (动态管理 then
    # sees the household; without these columns an imported benefit has no re-check date)
    Target("review_class", "低保分类", False, ("分类", "低保分类", "管理分类", "分类管理")),
    Target("next_review_on", "下次复核日期", False,
           ("下次复核", "下次复核日期", "复核日期", "下次核查日期", "应复核日期")),
)
TARGET_LABELS = {t.code: t.label for t in TARGETS}
REQUIRED = tuple(t.code for t in TARGETS if t.required)


@dataclass
class SourceTable:
    """The first sheet of a ledger file as text: the header row found above the data
    (a title row above it is skipped) and every non-empty row below, each with its row
    number as the spreadsheet shows it (1-based)."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    layout_key: str

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def sample(self, n: int = 20) -> list[list[str]]:
        return [list(r) for r in self.rows[:n]]


@dataclass
class RowCheck:
    """One data row checked: the mapped values (as in the file), its problems (Chinese,
    each naming the field), its status and, for a duplicate, the 办件编号 it repeats."""

    row_no: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)
    status: str = OK
    duplicate_of: list[str] = field(default_factory=list)


@dataclass
class Preview:
    """Every row checked against the rules and the database, nothing written."""

    path: Path
    layout_key: str
    headers: list[str]
    mapping: dict[int, str]
    rows: list[RowCheck]
    counts: dict[str, int]

    def problem_rows(self) -> list[RowCheck]:
        return [r for r in self.rows if r.status in (BAD, DUPLICATE)]


@dataclass(frozen=True)
class ImportResult:
    batch_id: int | None
    imported: int
    rejected: int
    duplicates: int
    imported_before: int
    application_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class MatchRow:
    """A county-list row matched by ID number (and name) to existing households."""

    row_no: int
    masked_id: str
    name: str
    status: str
    household_key: str
    application_numbers: tuple[str, ...]
    application_ids: tuple[int, ...] = ()
    problem: str = ""
