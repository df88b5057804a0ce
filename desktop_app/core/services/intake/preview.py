"""What a decision would hand the applicant, before it is made (issue 14): the window
shows the one-time notice (一次性告知书) for confirmation before issuing it.

The decision runs as it would — validation, number, routing, the applicant's document
rendered by the same template — inside a transaction that is then rolled back:
nothing is recorded, no number of the continuous series is used, no event is logged.
The confirmed decision (``decide``) renders the same content under the same number
(unless another decision took that number meanwhile)."""

from __future__ import annotations

from ...errors import ValidationErrors
from ..auth import ActorRef
from ..drafts import ApplicationDraft
from .decision import Decisions

#: The document of each decision handed to the applicant.
PRIMARY_KINDS = ("receipt", "notice_missing", "notice_reject")


class _Rollback(Exception):
    """Ends the preview's transaction (rolled back) with the rendered PDF."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__("preview")
        self.pdf = pdf


class DecisionPreviews(Decisions):
    """The applicant's document of a decision, rendered and not recorded."""

    def preview_decision(self, draft: ApplicationDraft, decision: str, clerk_id: ActorRef,
                         reject_reasons: list[str] | None = None) -> bytes:
        """The PDF ``decide(draft, decision, …)`` would hand the applicant (a receipt,
        a one-time notice or a notice of rejection); the same checks as ``decide``
        (:class:`ValidationErrors`, :class:`PermissionDenied`); nothing is written."""
        errors, clean = self._validate(draft)
        raw_reasons = [r for r in (reject_reasons or []) if r.strip()]
        errors += self._decision_errors(decision, clean.items, draft.urgent, raw_reasons)
        if errors:
            raise ValidationErrors(errors)
        reasons = self._clean_reasons(raw_reasons)
        try:
            with self.ctx.db.transaction() as s:
                clerk = self._clerk(s, clerk_id)
                now = self.ctx.clock()
                app, _calc = self._create(s, draft, clean, clerk, now)
                docs = self._apply_decision(s, app, decision, clerk, reasons, now,
                                            defer_secondary=True)
                pdf = next(p.pdf for p in docs
                           if p.document.kind in PRIMARY_KINDS and p.pdf is not None)
                raise _Rollback(pdf)
        except _Rollback as done:
            return done.pdf
        raise AssertionError("unreachable: the preview always rolls back")  # pragma: no cover
