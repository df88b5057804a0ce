"""转办: the day's 转办清单 per department, its PDF and the 转办单 on it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .... import printing
from ...errors import ValidationError, ValidationErrors
from ...models import Application, Document, ListDocument, Provider, RequestedItem, Township
from ...rules import handling as rules
from ...rules import numbering
from ...vocab import SERVICE_HANDLER, ApplicationStatus, TaskStatus
from .. import auth, handling_data
from ..auth import ActorRef
from ..clock import ensure_clock_allows_issue
from ..context import Changes, Outcome
from ..docsign import document_key
from ..documents import DocumentInfo, atomic_write, provider_data
from ..events import record_event
from .base import HandlingBase, government_name


@dataclass(frozen=True)
class ListInfo:
    id: int
    kind: str
    number: str
    department: str
    day: date
    count: int
    path: Path
    #: issue 15: the provider a list was issued for (its name), "" for a department
    recipient: str = ""


class HandoverLists(HandlingBase):
    """The day's 转办清单 of a department and the 转办单 on it."""

    # -- 转办: the day's list per department ----------------------------------------------
    def departments_to_refer(self) -> dict[str, int]:
        """Departments with tasks waiting to be handed over, and how many."""
        with self.ctx.db.read() as s:
            rows = s.execute(
                select(RequestedItem.handler_code, func.count())
                .join(Application, Application.id == RequestedItem.application_id)
                .where(RequestedItem.task_status == TaskStatus.TO_REFER,
                       RequestedItem.waiting_for == "",   # 待低保认定: not handed over yet
                       # issue 15: service tasks go on their provider's list
                       RequestedItem.handler_code != SERVICE_HANDLER,
                       Application.status == ApplicationStatus.ACCEPTED)
                .group_by(RequestedItem.handler_code)).all()
        return {code: n for code, n in rows}

    def issue_handover_list(self, department: str, by: ActorRef, *,
                            day: date | None = None,
                            provider_id: int | None = None) -> Outcome[ListInfo]:
        """Print the 转办清单 of ``department``: every task waiting for it (待转办), one
        row per slip; those tasks become 已转办 on ``day``. Recorded like a document.
        ``provider_id`` (issue 15): the list of one provider's service tasks (the
        department is then the service handler), naming the provider."""
        day = day or self.ctx.today()
        cat = self.ctx.catalog
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            ensure_clock_allows_issue(self.ctx, s)  # no list dated before an issued one
            clerk = self._staff(s, actor, staff)
            try:
                dept = cat.department(department)
            except KeyError:
                raise ValidationErrors([ValidationError("department", "unknown",
                                                        key="handover.department_unknown")]) from None
            provider = s.get(Provider, provider_id) if provider_id is not None else None
            if provider_id is not None and provider is None:
                raise LookupError(f"provider {provider_id} not found")
            tasks = list(s.scalars(
                select(RequestedItem).join(Application)
                .where(RequestedItem.handler_code == department,
                       RequestedItem.provider_id.is_(None) if provider is None
                       else RequestedItem.provider_id == provider.id,
                       RequestedItem.task_status == TaskStatus.TO_REFER,
                       RequestedItem.waiting_for == "",   # 待低保认定: not handed over yet
                       Application.status == ApplicationStatus.ACCEPTED)
                .order_by(RequestedItem.application_id, RequestedItem.position)))
            if not tasks:
                raise ValidationErrors([ValidationError(
                    "department", "empty", key="handover.nothing_to_refer",
                    params={"department": provider.name if provider else dept.name})])
            slips = self._latest_slips(s, {t.application_id for t in tasks}, department,
                                       provider.uuid if provider else None)
            town = s.scalars(select(Township)).one()
            n = 1 + (s.scalar(select(func.count()).select_from(ListDocument)
                              .where(ListDocument.day == day,
                                     ListDocument.kind == "handover_list")) or 0)
            number = numbering.handover_list_number(town.code, day, n)
            rows = handling_data.handover_rows(s, cat, tasks, slips)
            data = {
                "number": number, "reprint": False, "issued_date": day.isoformat(),
                "clerk": clerk.name,
                "township": {"name": town.name, "code": town.code, "office": town.office_name,
                             "window_phone": town.window_phone,
                             "supervision_phone": town.supervision_phone},
                "derived": {"government": government_name(town.name)},
                # issue 15: a provider's list names the provider
                "department": {"code": department,
                               "name": provider.name if provider else dept.name},
                "count": len(rows), "rows": rows,
            }
            if provider is not None:
                data["provider"] = provider_data(provider)
            pdf = printing.render_document("handover_list", data,
                                           signing_key=document_key(self.ctx))
            digest = hashlib.sha256(pdf).hexdigest()
            doc = ListDocument(kind="handover_list", number=number, department=department,
                               day=day, template_version=str(printing.load_template(
                                   "handover_list").version),
                               data=json.dumps(data, ensure_ascii=False, sort_keys=True),
                               sha256=digest, created_by_id=clerk.id, print_count=0)
            s.add(doc)
            s.flush()
            record_event(s, "document.issue", actor_id=clerk.id, list_document_id=doc.id,
                         kind="handover_list", number=number, sha256=digest,
                         department=department)
            for t in tasks:
                t.task_status = rules.next_status(t.task_status, "refer")
                t.referred_on = day
                record_event(s, "task.refer", actor_id=clerk.id, application_id=t.application_id,
                             task_id=t.id, item=t.item_code, department=department,
                             list=number, slip=slips.get(t.application_id, ""),
                             **({"provider_id": provider.id} if provider else {}))
            path = self._list_path(doc)
            info = ListInfo(doc.id, doc.kind, number, department, day, len(rows), path,
                            provider.name if provider else "")
            changes = Changes(applications={t.application_id for t in tasks}, lists={doc.id})
        atomic_write(path, pdf)
        return Outcome(info, changes)

    def lists(self, *, day: date | None = None) -> list[ListInfo]:
        with self.ctx.db.read() as s:
            q = select(ListDocument).order_by(ListDocument.id.desc())
            if day:
                q = q.where(ListDocument.day == day)
            out = []
            for d in s.scalars(q.limit(200)):
                data = json.loads(d.data)
                out.append(ListInfo(d.id, d.kind, d.number, d.department, d.day,
                                    data.get("count", 0), self._list_path(d),
                                    data.get("provider", {}).get("name", "")))
            return out

    def list_pdf(self, list_id: int) -> Path:
        """The list's PDF, re-rendered from its snapshot if the file went missing."""
        with self.ctx.db.read() as s:
            doc = s.get_one(ListDocument, list_id)
            path = self._list_path(doc)
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256:
                return path
            # with the template revision it was issued with (forms/archive/), so the
            # bytes match the recorded hash after the template changed
            version = int(doc.template_version) if doc.template_version.isdigit() else None
            pdf = printing.render_document(doc.kind, json.loads(doc.data), version,
                                           signing_key=document_key(self.ctx))
        if hashlib.sha256(pdf).hexdigest() != doc.sha256:
            raise RuntimeError(f"清单 {doc.number} 重新生成的内容与存档哈希不一致")
        atomic_write(path, pdf)
        return path

    def list_slips(self, list_id: int) -> list[DocumentInfo]:
        """The 转办单 on a 转办清单, in list order — for printing the day's slips of a
        department together with their list (their PDFs re-rendered if missing)."""
        with self.ctx.db.read() as s:
            doc = s.get_one(ListDocument, list_id)
            numbers = [r["referral_number"] for r in json.loads(doc.data).get("rows", [])
                       if r.get("referral_number")]
            ids = {d.number: d.id for d in s.scalars(select(Document).where(
                Document.kind == "referral", Document.number.in_(numbers)))}
        out = []
        for number in numbers:
            if number in ids:
                self.documents.original_pdf(ids[number])
                out.append(self.documents.find("referral", number))
        return out

    def _list_path(self, doc: ListDocument) -> Path:
        return self.documents.folder / doc.day.strftime("%Y%m") / f"{doc.number}-{doc.kind}.pdf"

    @staticmethod
    def _latest_slips(s: Session, app_ids: set[int], department: str,
                      provider_uuid: str | None = None) -> dict[int, str]:
        """The newest 转办单 number per application for ``department`` (and, issue 15,
        for that provider — or for the department itself when None)."""
        out: dict[int, str] = {}
        docs = s.execute(select(Document.application_id, Document.number, Document.data)
                         .where(Document.kind == "referral", Document.voided.is_(False),
                                Document.application_id.in_(app_ids))
                         .order_by(Document.id))
        for app_id, number, data in docs:
            slip = json.loads(data)
            if slip.get("department", {}).get("code") == department and \
                    slip.get("provider", {}).get("uuid") == provider_uuid:
                out[app_id] = number
        return out
