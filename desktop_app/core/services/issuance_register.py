"""发文登记簿 (issue 17): the register of every document the township issued in a period,
printed (``forms/issuance_register.json``) and recorded like every list document (kind
``issuance_register``, number ``<code9>-<YYYYMMDD>-DJ<nn>``).

One row per document issued in the period (by the local day it was issued), in number
order: the application documents (``document``: receipts, notices, 转办单 …) and the list
documents (``list_document``: 转办清单, 公示名单, 统计报表 … — earlier registers
included), each with its kind, number, day, the application it belongs to, who issued
it, how many times it was printed and whether it is voided (作废, with the day). The
register names no applicant: numbers, kinds, days and staff only — a reader who holds a
paper document finds its number here (and checks its QR code with 验证文书).

``issue(period, actor)`` is a write (a list document + ``document.issue`` + the audit
event ``register.issue``); :func:`register_rows` is the read the screen may show first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Application, Document, ListDocument, Staff, Township
from ..rules import numbering
from . import auth
from .auth import ActorRef
from .clock import ensure_clock_allows_issue
from .context import Changes, Outcome, ServiceContext
from .documents import DocumentService, atomic_write
from .events import record_event
from .handling.base import government_name
from .handling.handover import ListInfo

if TYPE_CHECKING:
    from ..rules.periods import Period

KIND = "issuance_register"
VALID, VOIDED = "有效", "作废"


@dataclass(frozen=True)
class RegisterRow:
    number: str
    kind: str            # the document kind code
    title: str           # its printed title
    day: date            # local day issued
    application_number: str
    clerk: str
    prints: int
    voided_on: date | None

    @property
    def status(self) -> str:
        return f"{VOIDED} {self.voided_on:%Y-%m-%d}" if self.voided_on else VALID


def _local_day(utc: datetime) -> date:
    return utc.replace(tzinfo=timezone.utc).astimezone().date()


def _title(kind: str) -> str:
    from ... import printing

    return printing.DOCUMENT_KINDS.get(kind, kind)


def register_rows(s: Session, period: Period) -> list[RegisterRow]:
    """Every document issued in ``period`` (an application document by the day printed on
    it, ``issued_date`` of its data snapshot — the local day of ``created_at`` for one
    bulk-loaded without a snapshot; a list document by its ``day``), by day and number."""
    lo, hi = period.start.isoformat(), period.end.isoformat()
    issued = func.coalesce(func.json_extract(Document.data, "$.issued_date"),
                           func.date(Document.created_at, "localtime"))
    names = dict(s.execute(select(Staff.id, Staff.name)).all())
    rows: list[RegisterRow] = []
    docs = s.execute(
        select(Document.number, Document.kind, issued, Application.number,
               Document.created_by_id, Document.print_count, Document.voided,
               Document.voided_at, Document.created_at)
        .join(Application, Application.id == Document.application_id)
        .where(issued >= lo, issued <= hi))
    for number, kind, day, app_no, by, prints, voided, voided_at, at in docs:
        rows.append(RegisterRow(number, kind, _title(kind), date.fromisoformat(str(day)[:10]),
                                app_no or "",
                                names.get(by, "") if by else "", prints or 0,
                                (_local_day(voided_at) if voided_at else _local_day(at))
                                if voided else None))
    lists = s.execute(
        select(ListDocument.number, ListDocument.kind, ListDocument.day,
               ListDocument.created_by_id, ListDocument.print_count)
        .where(ListDocument.day >= period.start, ListDocument.day <= period.end))
    for number, kind, day, by, prints in lists:
        rows.append(RegisterRow(number, kind, _title(kind), day, "",
                                names.get(by, "") if by else "", prints or 0, None))
    rows.sort(key=lambda r: (r.day, r.number, r.kind))
    return rows


def register_data(rows: list[RegisterRow], period: Period, *, number: str, today: date,
                  clerk: str, town: Township) -> dict[str, Any]:
    """The data of the 发文登记簿 (forms/issuance_register.json)."""
    voided = sum(1 for r in rows if r.voided_on)
    return {
        "number": number, "reprint": False, "issued_date": today.isoformat(), "clerk": clerk,
        "township": {"name": town.name, "code": town.code, "office": town.office_name,
                     "window_phone": town.window_phone,
                     "supervision_phone": town.supervision_phone},
        "derived": {"government": government_name(town.name)},
        "count": len(rows),
        "register": {"period": period.label, "period_from": period.start.isoformat(),
                     "period_to": period.end.isoformat(), "total": len(rows),
                     "voided": voided, "valid": len(rows) - voided},
        "register_rows": [
            {"seq": i, "number": r.number, "title": r.title, "date": r.day.isoformat(),
             "application_number": r.application_number or "—", "clerk": r.clerk or "—",
             "prints": r.prints, "status": r.status}
            for i, r in enumerate(rows, 1)],
    }


class IssuanceRegisterService:
    """``services.issuance_register``: the printed 发文登记簿."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    def rows(self, period: Period, by: ActorRef) -> list[RegisterRow]:
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.HANDLE)
            return register_rows(s, period)

    def issue(self, period: Period, by_actor: ActorRef) -> Outcome[ListInfo]:
        """Print the register of ``period`` (window staff, like the other lists)."""
        today = self.ctx.today()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by_actor, auth.HANDLE)
            ensure_clock_allows_issue(self.ctx, s)
            town = s.scalars(select(Township)).one()
            rows = register_rows(s, period)
            n = 1 + (s.scalar(select(func.count()).select_from(ListDocument).where(
                ListDocument.kind == KIND, ListDocument.day == today)) or 0)
            number = numbering.list_number(town.code, numbering.ISSUANCE_REGISTER, today, n)
            clerk = staff.name if staff is not None else actor.name
            data = register_data(rows, period, number=number, today=today, clerk=clerk,
                                 town=town)
            doc, path, pdf = self.documents.record_list(s, KIND, number, data, staff, today)
            record_event(s, "register.issue", actor_id=staff.id if staff else None,
                         list_document_id=doc.id, number=number, period=period.code,
                         rows=len(rows), **auth.event_actor(actor))
            info = ListInfo(doc.id, KIND, number, "", today, len(rows), path)
        atomic_write(path, pdf)
        return Outcome(info, Changes(lists={info.id}))


__all__ = ["KIND", "IssuanceRegisterService", "RegisterRow", "register_data", "register_rows"]
