"""办理结果告知书: the applicant's notice of every item's result."""

from __future__ import annotations

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...models import Application
from ...rules import numbering
from ...vocab import ItemStatus
from .. import auth
from ..auth import ActorRef
from ..context import Outcome
from ..documents import DocumentInfo
from .base import HandlingBase, written


class ResultNotices(HandlingBase):
    """The 办理结果告知书."""

    # -- 办理结果告知书 ------------------------------------------------------------------
    def issue_result_notice(self, application_id: int, by: ActorRef) -> Outcome[DocumentInfo]:
        """The applicant's notice of every item's result; needs at least one result."""
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if not any(r.task_status in vocab.FINAL_TASK_STATUSES for r in app.items
                       if r.status == ItemStatus.ACCEPTED):
                raise ValidationErrors([ValidationError(
                    "results", "none", key="notice.no_results")])
            number = self._next_suffix(s, app, numbering.RESULT_NOTICE)
            for r in app.items:  # the refusals' written notice is issued (issue 13)
                if r.notice_due is not None and r.task_status in vocab.FINAL_TASK_STATUSES:
                    r.notice_due = None
            pending = self.documents.create(s, app, "result_notice", number, clerk, now)
        return written(self.documents.write_files([pending])[0])
