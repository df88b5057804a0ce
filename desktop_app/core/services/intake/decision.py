"""The window's decision (受理 / 一次性告知 / 不予受理): the receipt number from the
continuous series, the routing of accepted items, and the documents it issues."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ...errors import ValidationError, ValidationErrors
from ...models import Application, Document, Staff, Township
from ...rules import numbering, routing, values
from ...vocab import ApplicationStatus, Decision, ItemStatus, TaskStatus
from .. import temporary_data
from ..auth import ActorRef
from ..context import Changes, Outcome
from ..documents import DocumentInfo, PendingFile
from ..drafts import ApplicationDraft
from ..events import record_event
from ..handling import procedure
from ..handling.base import HandlingBase
from ..handling.dependents import waiting_target
from ..leads import link_decided
from .base import referral_departments
from .registration import Registration
from .validation import DraftValidation

#: Issued once per application under its number (a 补正 visit does not issue them
#: again): the forms signed by the household and the 核算表 for the file (forms/README.md).
ONCE_PER_APPLICATION = ("commitment", "application_form", "declaration", "calculation")


@dataclass(frozen=True)
class DecisionResult:
    application_id: int
    number: str
    status: str
    documents: list[DocumentInfo]
    changes: Changes
    #: Documents recorded without their PDF yet (``defer_secondary``): render them with
    #: ``DocumentService.render_pending`` (the GUI does it on its worker right after).
    deferred: list[int] = field(default_factory=list)


class Decisions(Registration, DraftValidation):
    """The decision: number, routing, documents; bulk recording."""

    # -- the decision ----------------------------------------------------------------
    def decide(self, draft: ApplicationDraft, decision: str, clerk_id: ActorRef,
               reject_reasons: list[str] | None = None, *,
               defer_secondary: bool = False) -> DecisionResult:
        """Record the application and the window's decision; issue its documents.

        ``clerk_id``: the logged-in :class:`~.auth.Actor` (or, as before, a staff id).

        ``accept`` needs every material received, committed or data-shared (an urgent
        case may be accepted first and documented later); ``notice`` needs at least one
        missing material; ``reject`` needs at least one reason.

        ``defer_secondary``: render only the document handed to the applicant now
        (receipt / notice) inside the save; the others (承诺书, 转办单) are recorded with
        their data and rendered afterwards (``DecisionResult.deferred``) — the window's
        queue waits for one PDF, not four. Their content is fixed by the recorded data
        either way (rendering is deterministic).
        """
        errors, clean = self._validate(draft)
        raw_reasons = [r for r in (reject_reasons or []) if r.strip()]
        errors += self._decision_errors(decision, clean.items, draft.urgent, raw_reasons)
        if errors:
            raise ValidationErrors(errors)
        reasons = self._clean_reasons(raw_reasons)
        with self.ctx.db.transaction() as s:
            clerk = self._clerk(s, clerk_id)
            app, calc = self._create(s, draft, clean, clerk, self.ctx.clock())
            docs = self._apply_decision(s, app, decision, clerk, reasons, self.ctx.clock(),
                                        defer_secondary=defer_secondary)
            self._record_assessment(s, app, clerk, calc)
            link_decided(s, draft.lead_id, app, decision, clerk.id)  # issue 15 — leads
        written = self.documents.write_files(docs)
        deferred = [p.document.id for p in docs if p is not None and p.pdf is None]
        return DecisionResult(app.id, app.number or "", app.status, written,
                              Changes(applications={app.id}, documents={d.id for d in written}),
                              deferred)

    def decision_problems(self, draft: ApplicationDraft, decision: str) -> list[ValidationError]:
        """What :meth:`decide` would refuse now, without writing (the window re-checks a
        refused decision as the clerk edits, so a fixed field's message goes — issue 14).
        A rejection's reasons are asked after the form is valid: not checked here."""
        errors, clean = self._validate(draft)
        if decision != Decision.REJECT:
            errors += self._decision_errors(decision, clean.items, draft.urgent, [])
        return errors

    @staticmethod
    def _clean_reasons(raw: list[str]) -> list[str]:
        """Validated reasons as stored: the text rule's clean form (tabs and line breaks
        become spaces, NFC) — what goes to the county (issue #11 review)."""
        return [values.plain_text(r, "reject_reasons") for r in raw]

    def record_batch(self, entries: list[tuple[ApplicationDraft, str, list[str], datetime]],
                     clerk_id: ActorRef) -> Outcome[list[int]]:
        """Record many decided applications in one transaction without rendering PDFs.

        For bulk loads (demo data, benchmarks, migrations from paper ledgers): each
        entry is (draft, decision, reject reasons, when). Documents are recorded with
        their data snapshot and rendered on first open. All or nothing.
        """
        prepared = []
        for draft, decision, reasons, when in entries:
            errors, clean = self._validate(draft)
            errors += self._decision_errors(decision, clean.items, draft.urgent, reasons)
            if errors:
                raise ValidationErrors(errors)
            prepared.append((draft, clean, decision, reasons, when))
        ids = []
        with self.ctx.db.transaction() as s:
            clerk = self._clerk(s, clerk_id)
            for draft, clean, decision, reasons, when in prepared:
                app, _calc = self._create(s, draft, clean, clerk, when)
                self._apply_decision(s, app, decision, clerk, reasons, when, render=False)
                ids.append(app.id)
        return Outcome(ids, Changes(applications=set(ids)))

    def _apply_decision(self, s: Session, app: Application, decision: str, clerk: Staff,
                        reasons: list[str], now: datetime, *, render: bool = True,
                        defer_secondary: bool = False) -> list[PendingFile]:
        # The decision's own number (回执 / 告知书 / 通知书): the next of the day's
        # continuous series, whatever the visit. The application's 办件编号 is the number
        # of its first decision and never changes: a 补正 receipt has its own number
        # and prints the 办件编号 with it; every sub-number (转办单 -Z1 …) derives from
        # the 办件编号 (rules/numbering.py).
        number = self._next_number(s, now.date())
        if app.number is None:
            app.number = number
        app.decision, app.decided_by_id, app.decided_at = decision, clerk.id, now
        kinds: list[str]
        if decision == Decision.ACCEPT:
            app.status = ApplicationStatus.ACCEPTED
            cal = self.ctx.calendar(s)
            confirms = bool(self.ctx.get_setting(s, "township_confirms"))
            for req in app.items:
                # 分类派单: handler and decider from the catalogue in force at acceptance.
                r = routing.route(self.ctx.catalog, req.item_code, confirms)
                req.handler_code, req.decider_code = r.handler_code, r.decider_code
                req.task_status = TaskStatus.TO_REFER if r.referred else TaskStatus.IN_PROGRESS
                # A township-handled item with procedure steps (issue 13): the promise is
                # the chain of its stage limits (特困: 15 wd + 7 calendar days + 10 wd);
                # its first step and that step's due are set. Others: the item's limit.
                due = procedure.start(self.ctx, s, req, now.date()) \
                    or cal.add_workdays(now.date(), req.limit_days)
                req.due_date, req.due_provisional, req.status = due.date, due.provisional, ItemStatus.ACCEPTED
                # 待低保认定: the task waits for the household's status (issue 13): no due
                # date and no 转办单 until released (handling/dependents.py).
                target = waiting_target(self.ctx.catalog, s, app, req)
                if target:
                    req.waiting_for, req.due_date, req.due_provisional = target, None, False
                    record_event(s, "task.wait", actor_id=clerk.id, application_id=app.id,
                                 task_id=req.id, item=req.item_code, waiting_for=target)
            temporary_data.start_first_aid_clock(self.ctx, s, app, now)  # issue 13: 24 小时
            kinds = ["receipt", "commitment", "application_form", "declaration", "calculation"]
        elif decision == Decision.NOTICE:
            app.status = ApplicationStatus.PENDING_MATERIALS
            kinds = ["notice_missing", "commitment", "application_form", "declaration"]
        else:
            app.status = ApplicationStatus.REJECTED
            app.reject_reasons = json.dumps(reasons, ensure_ascii=False)
            for req in app.items:
                req.status = ItemStatus.REJECTED
            kinds = ["notice_reject"]
        record_event(s, f"application.{decision}", actor_id=clerk.id, application_id=app.id,
                     number=number)
        docs = []
        for kind in kinds:
            doc_number = app.number if kind in ONCE_PER_APPLICATION else number
            existing = s.scalar(select(Document.id).where(Document.kind == kind,
                                                          Document.number == doc_number))
            if existing is not None:  # already issued at an earlier visit (补正)
                continue
            primary = kind in ("receipt", "notice_missing", "notice_reject")
            docs.append(self.documents.create(s, app, kind, doc_number, clerk, now,
                                              render=render and (primary or not defer_secondary)))
        if decision == Decision.ACCEPT:
            # 转办单: one per receiving county department, numbered <办件编号>-Z1, -Z2 …
            # (after a 补正 too: the application's number, not this receipt's).
            for dept in referral_departments(app):
                slip = HandlingBase._next_suffix(s, app, numbering.REFERRAL)
                ready = {r.id for r in app.items if r.handler_code == dept and not r.waiting_for}
                docs.append(self.documents.create(s, app, "referral", slip, clerk, now,
                                                  render=render and not defer_secondary,
                                                  department=dept, item_ids=ready))
        return docs

    def _next_number(self, s: Session, day: date) -> str:
        """The next number of ``day``'s series: continuous, never reused (one statement,
        inside the caller's transaction, so a rolled-back decision uses no number)."""
        code = s.info.get("township_code")
        if code is None:
            code = s.info["township_code"] = s.scalars(select(Township.code)).one()
        seq = s.execute(text(
            "INSERT INTO number_series (day, last_seq) VALUES (:d, 1) "
            "ON CONFLICT (day) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"
        ), {"d": day.isoformat()}).scalar_one()
        return numbering.format_number(code, day, seq)
