"""补正: the applicant comes back with the missing materials after a one-time notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sync_contract.catalog import Material as CatalogMaterial

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...models import Application
from ...rules import dependents as dependent_rules
from ...vocab import ApplicationStatus, MaterialStatus
from ..auth import ActorRef
from ..context import Changes
from ..drafts import ItemInput
from ..events import record_event
from ..handling.dependents import household_pending
from ..handling.task_materials import awaiting_error
from ..leads import link_supplemented
from .decision import DecisionResult, Decisions
from .preview import PRIMARY_KINDS, _Rollback

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..documents import PendingFile


class Supplements(Decisions):
    """补正 after a one-time notice."""

    def decide_existing(self, application_id: int, materials: dict[str, dict[str, str]],
                        decision: str, clerk_id: ActorRef,
                        reject_reasons: list[str] | None = None) -> DecisionResult:
        """补正: the applicant came back with materials after a one-time notice."""
        with self.ctx.db.transaction() as s:
            app, docs = self._supplement(s, application_id, materials, decision, clerk_id,
                                         reject_reasons)
        written = self.documents.write_files(docs)
        return DecisionResult(app.id, app.number or "", app.status, written,
                              Changes(applications={app.id}, documents={d.id for d in written}))

    def preview_existing(self, application_id: int, materials: dict[str, dict[str, str]],
                         decision: str, clerk_id: ActorRef,
                         reject_reasons: list[str] | None = None) -> bytes:
        """The applicant's document of a 补正 decision (another one-time notice is shown
        for confirmation before it is issued, issue 14): the same checks as
        :meth:`decide_existing`, rendered inside a transaction that is rolled back —
        nothing recorded, no number used, no event logged."""
        try:
            with self.ctx.db.transaction() as s:
                _app, docs = self._supplement(s, application_id, materials, decision,
                                              clerk_id, reject_reasons, defer_secondary=True)
                raise _Rollback(next(p.pdf for p in docs if p.document.kind in PRIMARY_KINDS
                                     and p.pdf is not None))
        except _Rollback as done:
            return done.pdf

    def _supplement(self, s: Session, application_id: int,
                    materials: dict[str, dict[str, str]], decision: str, clerk_id: ActorRef,
                    reject_reasons: list[str] | None, *,
                    defer_secondary: bool = False) -> tuple[Application, list[PendingFile]]:
        reasons = [r for r in (reject_reasons or []) if r.strip()]
        clerk = self._clerk(s, clerk_id)
        app = s.get(Application, application_id)
        if app is None:
            raise LookupError(f"application {application_id} not found")
        if app.status != ApplicationStatus.PENDING_MATERIALS:
            raise ValidationErrors([ValidationError("status", "not_pending",
                                                    key="intake.not_pending")])
        changed: dict[str, list[str]] = {}
        codes = [r.item_code for r in app.items]
        pending = household_pending(s, app.applicant.id_number, exclude_application_id=app.id)
        for req in app.items:
            for mat in req.materials:
                status = materials.get(req.item_code, {}).get(mat.code, mat.status)
                if status not in vocab.MATERIAL_LABELS:
                    raise ValidationErrors([ValidationError(
                        "materials", "invalid", key="intake.material.status_invalid")])
                if status == MaterialStatus.AWAITING and status != mat.status:
                    rule = self._catalog_material(req.item_code, mat.code)
                    if rule is None or dependent_rules.awaitable_for(rule, codes, pending) is None:
                        raise ValidationErrors([awaiting_error(
                            self.ctx.catalog, f"materials.{req.item_code}.{mat.code}",
                            rule or CatalogMaterial(mat.code, mat.name))])
                if status != mat.status:
                    changed[f"{req.item_code}.{mat.code}"] = [mat.status, status]
                mat.status = status
        items = [ItemInput(r.item_code, {m.code: m.status for m in r.materials}) for r in app.items]
        errors = self._decision_errors(decision, items, app.urgent, reasons)
        if errors:
            raise ValidationErrors(errors)
        record_event(s, "application.materials", actor_id=clerk.id, application_id=app.id,
                     changes=changed)
        docs = self._apply_decision(s, app, decision, clerk, self._clean_reasons(reasons),
                                    self.ctx.clock(), defer_secondary=defer_secondary)
        link_supplemented(s, app, decision, clerk.id)  # issue 15 — leads
        return app, docs

    def _catalog_material(self, item_code: str, code: str) -> CatalogMaterial | None:
        try:
            return self.ctx.catalog.item(item_code).material(code)
        except KeyError:
            return None
