"""台账 to Excel by template (issue 16): 受理登记台账, 转办台账, 临时救助台账, 救助对象名册.

A ledger is a template file ``forms/ledgers/<name>.json`` — title, version, the data
it draws from (``source``: one of :data:`SOURCES`, by default the file's name) and its
columns ``[{"field": …, "header": …, "width": …}]`` in order — so a county reorders,
renames or drops columns, or adds a second layout of the same data, without code. The
fields each source offers are :data:`SOURCES` ``[source].fields`` (listed in
``forms/README.md``). A bad template raises a Chinese ``ValidationError`` naming the file
and the field (``ledger.template.*``).

What each source lists (``start``..``end`` inclusive):

* ``acceptance`` — every application registered (intake date) in the period, whatever
  its outcome (受理, 一次性告知, 不予受理, withdrawn or voided later): one row each;
* ``referral`` — every task referred (转办日期) in the period to a department or a
  service provider: one row per task, with its signature, due date, result and whether
  it is overdue;
* ``temporary`` — every accepted 临时救助 task (急难型 and 支出型) of an application
  registered in the period, with its 先行救助 payments (date, amount, record numbers)
  and the amount granted;
* ``roster`` — every person receiving a benefit in force during the period (a done
  task of a continuing benefit whose grant started by ``end`` and did not end before
  ``start``), with the monthly amount in force in the period's last month after the
  re-checks (动态管理).

ID numbers are masked (``110105********0021``) unless the export asks for full numbers,
which needs :data:`~.auth.FULL_ID_ANY`. Every export is audited as ``ledger.export``
(template name, source, dates, rows, full_ids — never a name or a number). The file is
written by :func:`desktop_app.core.xlsx.write_xlsx`: streamed, atomic, with progress and
cancel; the audit event is committed after the file is in place, and the file removed
again should that commit fail — a ledger never leaves the office unrecorded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import vocab
from ..errors import PermissionDenied, ValidationError
from ..models import (
    Application,
    EmergencyAid,
    Provider,
    RequestedItem,
    Staff,
    Township,
    Village,
)
from ..rules.identity import mask_id
from ..vocab import ApplicationStatus, ItemStatus, TaskStatus
from . import auth
from .auth import ActorRef
from .context import Changes, Outcome, ServiceContext
from .events import record_event

#: Rows read per query (applications or tasks with their households).
CHUNK = 500
#: Column widths a template may give (Excel characters).
MIN_WIDTH, MAX_WIDTH = 2.0, 100.0
#: The ledgers the program ships, in the order the screen lists them.
BUILT_IN = ("acceptance", "referral", "temporary", "roster")
#: Continuing benefits (the roster's default items): monthly amounts with a period.
ROSTER_ITEMS = ("DIBAO", "TEKUN", "DIBAO_EDGE", "RIGID", "DISABILITY", "ORPHAN")
TEMPORARY_ITEMS = ("LINSHI_URGENT", "LINSHI_EXPENSE")
_LIVE = (ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED)
_DECISION_LABELS = {"accept": "受理", "notice": "一次性告知", "reject": "不予受理"}
_TOP_KEYS = frozenset({"title", "version", "source", "sheet", "items", "columns", "note"})
_COLUMN_KEYS = frozenset({"field", "header", "width"})


@dataclass(frozen=True)
class FieldDef:
    """A field a template may use: code, Chinese label (the default header), cell kind
    (:data:`desktop_app.core.xlsx.KINDS`) and default width."""

    code: str
    label: str
    kind: str = "text"
    width: float = 12.0


def _f(code: str, label: str, kind: str = "text", width: float = 12.0) -> FieldDef:
    return FieldDef(code, label, kind, width)


_PERSON = (_f("applicant", "申请人", width=10), _f("id_number", "证件号码", "id", 21),
           _f("sex", "性别", width=5), _f("birth_date", "出生日期", "date", 11),
           _f("phone", "联系电话", width=13), _f("village", "村（社区）", width=12),
           _f("address", "户籍地址", width=28), _f("household_size", "家庭人口", "int", 7))
_CASE = (_f("seq", "序号", "int", 6), _f("number", "办件编号", width=18),
         _f("intake_date", "受理日期", "date", 11))


@dataclass(frozen=True)
class Source:
    code: str
    label: str
    fields: tuple[FieldDef, ...]
    item_filter: bool  # a template may narrow it with "items"

    def field(self, code: str) -> FieldDef | None:
        return next((f for f in self.fields if f.code == code), None)


SOURCES: dict[str, Source] = {s.code: s for s in (
    Source("acceptance", "受理登记台账", _CASE + _PERSON + (
        _f("items", "申请事项", width=22), _f("source", "发现来源", width=10),
        _f("urgent", "紧急", width=5), _f("decision", "受理结果", width=10),
        _f("status", "办理状态", width=8), _f("clerk", "经办人", width=8),
        _f("closed_on", "办结日期", "date", 11), _f("reason", "申请理由", width=30),
        _f("reject_reasons", "不予受理理由", width=24)), False),
    Source("referral", "转办台账", _CASE + _PERSON + (
        _f("item", "转办事项", width=16), _f("department", "承办单位", width=18),
        _f("referred_on", "转办日期", "date", 11), _f("signed_on", "签收日期", "date", 11),
        _f("signed_by", "签收人", width=8), _f("due_date", "办理时限", "date", 11),
        _f("task_status", "办理状态", width=8), _f("result_on", "反馈日期", "date", 11),
        _f("result", "办理结果", width=24), _f("amount", "金额（元）", "money", 11),
        _f("overdue", "是否超期", width=6), _f("clerk", "经办人", width=8)), True),
    Source("temporary", "临时救助台账", _CASE + _PERSON + (
        _f("item", "救助类型", width=14), _f("cause", "求助原因", width=10),
        _f("reason", "困难情况", width=30),
        _f("emergency_on", "先行救助日期", "date", 11),
        _f("emergency_amount", "先行救助金额（元）", "money", 12),
        _f("emergency_numbers", "先行救助记录编号", width=20),
        _f("result_on", "审批日期", "date", 11), _f("amount", "救助金额（元）", "money", 12),
        _f("task_status", "办理状态", width=8), _f("result", "办理结果", width=24),
        _f("clerk", "经办人", width=8)), True),
    Source("roster", "救助对象名册", (
        _f("seq", "序号", "int", 6),) + _PERSON + (
        _f("item", "救助类别", width=14), _f("counted_members", "保障人数", "int", 7),
        _f("monthly_amount", "月救助金额（元）", "money", 12),
        _f("granted_from", "享受起始日期", "date", 11), _f("period_to", "终止日期", "date", 11),
        _f("review_class", "分类", width=6), _f("next_review_on", "下次复核日期", "date", 11),
        _f("number", "办件编号", width=18), _f("intake_date", "受理日期", "date", 11)), True),
)}


@dataclass(frozen=True)
class LedgerColumn:
    field: str
    header: str
    width: float
    kind: str


@dataclass(frozen=True)
class LedgerTemplate:
    name: str          # the file's name without .json
    file: str          # "forms/ledgers/<name>.json" as shown in messages
    title: str
    version: int
    source: str
    sheet: str
    columns: tuple[LedgerColumn, ...]
    items: tuple[str, ...] | None


@dataclass(frozen=True)
class LedgerResult:
    path: Path
    name: str
    title: str
    start: date
    end: date
    rows: int
    full_ids: bool


def _fail(file: str, where: str, *, key: str) -> ValidationError:
    """The template ``file`` is wrong at ``where`` (``key``: ``ledger.template.*``)."""
    return ValidationError("template", key.rsplit(".", 1)[-1], key=key,
                           params={"file": file, "field": where})


def parse_template(name: str, text: str, file: str, known_items: Iterable[str] = ()) -> LedgerTemplate:
    """A template from its JSON text; ``ValidationError`` (Chinese, naming ``file`` and
    the field) for anything wrong."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", 0)
        raise ValidationError("template", "bad_json", key="ledger.template.bad_json",
                              params={"file": file, "line": line}) from None
    if not isinstance(data, dict):
        raise _fail(file, "（整个文件）", key="ledger.template.bad_value")
    for key in data:
        if key not in _TOP_KEYS:
            raise _fail(file, str(key), key="ledger.template.unknown_key")
    source_code = data.get("source", name)
    if not isinstance(source_code, str) or source_code not in SOURCES:
        raise ValidationError("template", "unknown_source", key="ledger.template.unknown_source",
                              params={"file": file, "source": str(source_code)})
    source = SOURCES[source_code]
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise (_fail(file, "title", key="ledger.template.missing") if title is None
               else _fail(file, "title", key="ledger.template.bad_value"))
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(file, "version", key="ledger.template.bad_value")
    sheet = data.get("sheet", title)
    if not isinstance(sheet, str) or not sheet.strip():
        raise _fail(file, "sheet", key="ledger.template.bad_value")
    items = _parse_items(data, source, file, known_items)
    columns = data.get("columns")
    if not isinstance(columns, list) or not columns:
        raise (_fail(file, "columns", key="ledger.template.missing") if columns is None
               else _fail(file, "columns", key="ledger.template.no_columns"))
    out = [_parse_column(col, i, source, file) for i, col in enumerate(columns)]
    return LedgerTemplate(name, file, title.strip(), version, source_code, sheet.strip(),
                          tuple(out), items)


def _parse_items(data: dict[str, Any], source: Source, file: str,
                 known_items: Iterable[str]) -> tuple[str, ...] | None:
    if "items" not in data:
        return None
    raw = data["items"]
    known = set(known_items)
    if not source.item_filter or not isinstance(raw, list) or not raw or not all(
            isinstance(i, str) and (not known or i in known) for i in raw):
        raise _fail(file, "items", key="ledger.template.bad_value")
    return tuple(raw)


def _parse_column(col: object, i: int, source: Source, file: str) -> LedgerColumn:
    where = f"columns[{i + 1}]"
    if not isinstance(col, dict):
        raise _fail(file, where, key="ledger.template.bad_value")
    for key in col:
        if key not in _COLUMN_KEYS:
            raise _fail(file, f"{where}.{key}", key="ledger.template.unknown_key")
    code = col.get("field")
    if not isinstance(code, str):
        raise _fail(file, f"{where}.field", key="ledger.template.missing")
    fdef = source.field(code)
    if fdef is None:
        raise ValidationError("template", "unknown_field", key="ledger.template.unknown_field",
                              params={"file": file, "field": code, "ledger": source.label})
    header = col.get("header", fdef.label)
    if not isinstance(header, str) or not header.strip():
        raise _fail(file, f"{where}.header", key="ledger.template.bad_value")
    width = col.get("width", fdef.width)
    if not isinstance(width, int | float) or isinstance(width, bool) or not (
            MIN_WIDTH <= width <= MAX_WIDTH):
        raise _fail(file, f"{where}.width", key="ledger.template.bad_value")
    return LedgerColumn(code, header.strip(), float(width), fdef.kind)


def _check_dates(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None:
        raise ValidationError("start", "required", key="ledger.dates.required")
    if end is None:
        raise ValidationError("end", "required", key="ledger.dates.required")
    if start > end:
        raise ValidationError("end", "order", key="ledger.dates.order")
    return start, end


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class LedgerService:
    """``services.ledgers``: the ledgers' names, their fields and the export."""

    def __init__(self, ctx: ServiceContext, folder: Path | None = None) -> None:
        self.ctx = ctx
        self._folder = folder

    @property
    def folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        from desktop_app import forms_dir

        return forms_dir() / "ledgers"

    # -- templates -------------------------------------------------------------------

    def _names(self) -> list[str]:
        try:
            found = sorted(p.stem for p in self.folder.glob("*.json") if p.is_file())
        except OSError:
            found = []
        return [n for n in BUILT_IN if n in found] + [n for n in found if n not in BUILT_IN]

    def template(self, name: str) -> LedgerTemplate:
        """The template ``name`` checked (``ValidationError`` naming the file and field)."""
        file = f"forms/ledgers/{name}.json"
        if name not in self._names():
            raise ValidationError("ledger", "unknown", key="ledger.unknown", params={"name": name})
        try:
            text = (self.folder / f"{name}.json").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise ValidationError("template", "unreadable", key="ledger.template.unreadable",
                                  params={"file": file}) from None
        return parse_template(name, text, file, self.ctx.catalog.item_codes)

    def names(self) -> list[tuple[str, str]]:
        """``(name, title)`` of every template (a broken one by its file name: its export
        says what is wrong)."""
        out = []
        for name in self._names():
            try:
                out.append((name, self.template(name).title))
            except ValidationError:
                out.append((name, name))
        return out

    def fields(self, name: str) -> list[tuple[str, str]]:
        """``(field, Chinese label)`` a template of this ledger's source may use."""
        try:
            source = SOURCES[self.template(name).source]
        except ValidationError:
            if name not in SOURCES:
                raise
            source = SOURCES[name]
        return [(f.code, f.label) for f in source.fields]

    # -- export ----------------------------------------------------------------------

    def count(self, name: str, start: date, end: date) -> int:
        """How many rows the ledger would have (the screen's preview line)."""
        tpl = self.template(name)
        start, end = _check_dates(start, end)
        with self.ctx.db.read() as s:
            return _Reader(self.ctx, s, tpl, start, end, full_ids=False).count()

    def export(self, name: str, start: date, end: date, path: Path, by: ActorRef, *,
               full_ids: bool = False,
               progress: Callable[[int, int | None], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Outcome[LedgerResult]:
        """Write the ledger ``name`` for ``start``..``end`` to ``path`` (.xlsx)."""
        from ..xlsx import Column, Sheet, write_xlsx

        tpl = self.template(name)
        start, end = _check_dates(start, end)
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            raise ValidationError("path", "suffix", key="ledger.path.suffix")
        placed = False
        try:
            with self.ctx.db.transaction() as s:
                actor, _ = auth.resolve(s, by)
                if full_ids and not actor.can(auth.FULL_ID_ANY):
                    raise PermissionDenied(auth.FULL_ID_ANY, auth.MESSAGES[auth.FULL_ID_ANY])
                reader = _Reader(self.ctx, s, tpl, start, end, full_ids=full_ids)
                total = reader.count()
                township = s.scalars(select(Township.name)).first() or ""
                subtitle = f"{township}　{_cn_date(start)}至{_cn_date(end)}".strip("　")
                columns = [Column(c.header, c.width, c.kind) for c in tpl.columns]
                fields = [c.field for c in tpl.columns]
                rows = ([r.get(f) for f in fields] for r in reader.rows())
                written = write_xlsx(path, [Sheet(tpl.sheet, columns, rows, title=tpl.title,
                                                  subtitle=subtitle, total=total)],
                                     progress=progress, cancelled=cancelled)
                placed = True
                record_event(s, "ledger.export", actor_id=actor.staff_id, ledger=name,
                             source=tpl.source, version=tpl.version, start=start.isoformat(),
                             end=end.isoformat(), rows=written, full_ids=bool(full_ids),
                             **auth.event_actor(actor))
        except BaseException:
            if placed:  # the audit did not commit: the file must not stay
                path.unlink(missing_ok=True)
            raise
        return Outcome(LedgerResult(path, name, tpl.title, start, end, written, bool(full_ids)),
                       Changes())


@dataclass
class _Names:
    villages: dict[int, str] = field(default_factory=dict)
    staff: dict[int, str] = field(default_factory=dict)
    providers: dict[int, str] = field(default_factory=dict)


class _Reader:
    """The rows of one ledger as dicts ``field -> value`` (read in chunks)."""

    def __init__(self, ctx: ServiceContext, s: Session, tpl: LedgerTemplate, start: date,
                 end: date, *, full_ids: bool) -> None:
        self.ctx, self.s, self.tpl, self.start, self.end = ctx, s, tpl, start, end
        self.full_ids = full_ids
        self.today = ctx.today()
        self.names = _Names(
            {k: v for k, v in s.execute(select(Village.id, Village.name))},
            {k: v for k, v in s.execute(select(Staff.id, Staff.name))},
            {k: v for k, v in s.execute(select(Provider.id, Provider.name))})

    # which records --------------------------------------------------------------------

    def _items(self, default: Sequence[str] | None) -> Sequence[str] | None:
        return self.tpl.items if self.tpl.items is not None else default

    def _select(self) -> Any:
        """A select of the ids of the ledger's records, in the ledger's order."""
        src, start, end = self.tpl.source, self.start, self.end
        if src == "acceptance":
            return (select(Application.id)
                    .where(Application.intake_date >= start, Application.intake_date <= end)
                    .order_by(Application.intake_date, Application.number, Application.id))
        q = select(RequestedItem.id).join(Application,
                                          Application.id == RequestedItem.application_id)
        if src == "referral":
            q = (q.where(RequestedItem.referred_on >= start, RequestedItem.referred_on <= end)
                 .order_by(RequestedItem.referred_on, Application.number, RequestedItem.position))
            items = self._items(None)
        elif src == "temporary":
            q = (q.where(Application.intake_date >= start, Application.intake_date <= end,
                         RequestedItem.status == ItemStatus.ACCEPTED)
                 .order_by(Application.intake_date, Application.number, RequestedItem.position))
            items = self._items(TEMPORARY_ITEMS)
        else:  # roster
            granted = func.coalesce(RequestedItem.period_from, RequestedItem.result_on)
            q = (q.where(RequestedItem.task_status == TaskStatus.DONE,
                         Application.status.in_(_LIVE), granted.is_not(None), granted <= end,
                         RequestedItem.period_to.is_(None) | (RequestedItem.period_to >= start))
                 .order_by(Application.village_id, RequestedItem.item_code, Application.number,
                           RequestedItem.id))
            items = self._items(ROSTER_ITEMS)
        if items is not None:
            q = q.where(RequestedItem.item_code.in_(items))
        return q

    def count(self) -> int:
        return int(self.s.scalar(select(func.count()).select_from(self._select().subquery())) or 0)

    def rows(self) -> Iterator[dict[str, object]]:
        ids = list(self.s.scalars(self._select()))
        seq = 0
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i:i + CHUNK]
            for row in self._chunk(chunk):
                seq += 1
                row["seq"] = seq
                yield row
            self.s.expunge_all()  # keep memory flat on a long ledger

    def _chunk(self, ids: list[int]) -> list[dict[str, object]]:
        if self.tpl.source == "acceptance":
            apps = {a.id: a for a in self.s.scalars(
                select(Application).where(Application.id.in_(ids))
                .options(selectinload(Application.members), selectinload(Application.items)))}
            return [self._application(apps[i]) for i in ids]
        tasks = {t.id: t for t in self.s.scalars(
            select(RequestedItem).where(RequestedItem.id.in_(ids))
            .options(selectinload(RequestedItem.application).selectinload(Application.members)))}
        aids: dict[int, list[EmergencyAid]] = {}
        if self.tpl.source == "temporary":
            for aid in self.s.scalars(select(EmergencyAid).where(EmergencyAid.item_id.in_(ids))
                                      .order_by(EmergencyAid.paid_on, EmergencyAid.id)):
                aids.setdefault(aid.item_id, []).append(aid)
        make = {"referral": self._referral, "temporary": self._temporary,
                "roster": self._roster}[self.tpl.source]
        return [make(tasks[i], aids.get(i, [])) for i in ids]

    # the fields ---------------------------------------------------------------------

    def _person(self, app: Application) -> dict[str, object]:
        head = next((m for m in app.members if m.position == 0), None)
        number = head.id_number if head is not None else ""
        return {
            "number": app.number or "", "intake_date": app.intake_date,
            "applicant": head.name if head is not None else "",
            "id_number": number if self.full_ids else mask_id(number),
            "sex": head.sex if head is not None else "",
            "birth_date": head.birth_date if head is not None else None,
            "phone": head.phone if head is not None else "",
            "village": self.names.villages.get(app.village_id or 0, ""),
            "address": head.hukou_address if head is not None else "",
            "household_size": len(app.members),
            "clerk": self.names.staff.get(app.created_by_id or 0, ""),
            "reason": app.hardship_reason,
        }

    def _item_label(self, code: str) -> str:
        cat = self.ctx.catalog
        return cat.item(code).short_name if cat.has_item(code) else code

    def _application(self, app: Application) -> dict[str, object]:
        row = self._person(app)
        try:
            reasons = json.loads(app.reject_reasons or "[]")
        except ValueError:
            reasons = []
        row.update({
            "items": "、".join(self._item_label(i.item_code)
                              for i in sorted(app.items, key=lambda i: i.position)),
            "source": vocab.SOURCE_LABELS.get(app.source, app.source),
            "urgent": bool(app.urgent),
            "decision": _DECISION_LABELS.get(app.decision or "", ""),
            "status": vocab.STATUS_LABELS.get(app.status, app.status),
            "closed_on": app.closed_on,
            "reject_reasons": "；".join(str(r) for r in reasons) if isinstance(reasons, list)
            else "",
        })
        return row

    def _task_common(self, task: RequestedItem) -> dict[str, object]:
        row = self._person(task.application)
        row.update({
            "item": self._item_label(task.item_code),
            "task_status": vocab.TASK_STATUS_LABELS.get(task.task_status or "", ""),
            "result_on": task.result_on, "result": task.result_text,
            "amount": task.amount_fen,
        })
        return row

    def _referral(self, task: RequestedItem, _aids: list[EmergencyAid]) -> dict[str, object]:
        row = self._task_common(task)
        cat = self.ctx.catalog
        if task.provider_id is not None:
            unit = self.names.providers.get(task.provider_id, "")
        else:
            try:
                unit = cat.department(task.handler_code).name
            except KeyError:
                unit = task.handler_code
        finished = task.result_on or (None if task.task_status in vocab.FINAL_TASK_STATUSES
                                      else self.today)
        row.update({
            "department": unit, "referred_on": task.referred_on, "signed_on": task.signed_on,
            "signed_by": task.signed_by, "due_date": task.due_date,
            "overdue": bool(task.due_date and finished and finished > task.due_date),
        })
        return row

    def _temporary(self, task: RequestedItem, aids: list[EmergencyAid]) -> dict[str, object]:
        row = self._task_common(task)
        app = task.application
        row.update({
            "cause": vocab.HARDSHIP_CAUSE_LABELS.get(app.hardship_cause, app.hardship_cause),
            "emergency_on": aids[0].paid_on if aids else None,
            "emergency_amount": sum(a.amount_fen for a in aids) if aids else None,
            "emergency_numbers": "、".join(a.number for a in aids),
        })
        return row

    def _roster(self, task: RequestedItem, _aids: list[EmergencyAid]) -> dict[str, object]:
        from .dynamic.schedule import amount_in_force

        row = self._task_common(task)
        app = task.application
        counted = app.counted_members if app.counted_members is not None else sum(
            1 for m in app.members if m.counted)
        row.update({
            "counted_members": counted,
            "monthly_amount": amount_in_force(self.s, task, self.end),
            "granted_from": task.period_from or task.result_on,
            "period_to": task.period_to,
            "review_class": dict(vocab.REVIEW_CLASSES).get(task.review_class, task.review_class),
            "next_review_on": task.next_review_on,
        })
        return row


__all__ = ["BUILT_IN", "SOURCES", "FieldDef", "LedgerResult", "LedgerService", "LedgerTemplate",
           "Source", "parse_template"]
