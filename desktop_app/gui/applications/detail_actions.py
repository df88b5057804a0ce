"""The document actions of the application detail: open, print, reprint, void, the
notice of results and full ID numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ...core.services.auth import VOID
from ..kit.errors import present
from ..kit.fmt import fmt

if TYPE_CHECKING:
    from ...core.services import Services
    from ..kit.tasks import TaskRunner
    from ..kit.widgets import ErrorLabel

    class _DetailHost(QWidget):
        """For the type checker only: what the mixin uses of :class:`DetailView`."""

        services: Services
        tasks: TaskRunner
        application_id: int
        actor: Callable[[], Any]
        opener: Callable[[Path], object]
        print_pdf: Callable[..., Any]
        preview_pdf: Callable[..., Any]
        ask_reason: Callable[[QWidget], str | None]
        ask_confirmation: Callable[..., Any]
        full_ids: dict[int, str] | None
        full_related: dict[int, str] | None
        error: ErrorLabel
        result_notice_button: QPushButton
        full_id_button: QPushButton
        sent_label: QLabel

        def reload(self) -> None: ...

    _Base = _DetailHost
else:
    _Base = object


class DetailDocumentActions(_Base):
    """Part of :class:`DetailView` (a mixin: it uses the screen's widgets and services)."""

    # -- document actions ---------------------------------------------------------------------
    def _clerk(self):
        clerk = self.actor()
        if clerk is None:
            self.error.show_messages([self.tr("Log in first.")])
        return clerk

    def _original_pdf(self, doc) -> Path:
        """The issued PDF; a missing file (or a bulk-loaded document's first rendering,
        which is recorded) is rendered on the write lane."""
        documents, doc_id, actor = self.services.documents, doc.id, self.actor()
        # (a document with the household's full IDs opens only with the full-ID right)
        return self.tasks.call(lambda: documents.original_pdf(doc_id, actor))

    def open_document(self, doc) -> None:
        try:
            path = self._original_pdf(doc)
        except Exception as exc:
            present(self, exc)
            return
        self.opener(path)

    def preview_document(self, doc) -> object:
        """The built-in preview of the saved PDF; its 打印 counts as a print."""
        try:
            path = self._original_pdf(doc)
        except Exception as exc:
            present(self, exc)
            return None
        return self.preview_pdf(self, path, doc.number,
                                on_printed=lambda report: self._record_print(doc, report))

    def print_document(self, doc) -> object:
        """Print the saved PDF (the same file the window issued) with the print dialog;
        a job the printer accepted counts (issue 14); a printer failure is explained
        (另存为…) and the document stays saved. Returns the job's report or None."""
        try:
            path = self._original_pdf(doc)
        except Exception as exc:
            present(self, exc)
            return None
        return self._send(doc, path)

    def _send(self, doc, path: Path, *, remembered: bool = False) -> object:
        report = self.print_pdf(self, path, doc.number, opener=self.opener,
                                remembered=remembered)
        if report:
            self._record_print(doc, report)
        return report

    def _record_print(self, doc, report) -> None:
        from ..kit.print_actions import print_recorder, sent_text

        print_recorder(self.services, self.tasks, self.actor, owner=self, documents=[doc.id],
                       on_done=lambda _o: self.reload())(report)
        self.error.clear_message()
        self.sent_label.setText(sent_text(report, doc.title, doc.number))

    def reprint(self, doc) -> None:
        """补打: the reprint PDF is produced (and logged), then sent to the remembered
        printer (the first time: the print dialog); the print counts when it is sent."""
        clerk = self._clerk()
        if clerk is None:
            return
        documents = self.services.documents
        def done(outcome: Any) -> None:
            self._reprinted(doc, outcome)

        self.tasks.run(lambda: documents.reprint(doc.id, clerk), done, self._failed, owner=self)

    def _reprinted(self, doc, outcome) -> None:
        self.error.clear_message()
        # one reload: after the print is recorded, or now when nothing was printed
        if not self._send(doc, Path(outcome.value.path), remembered=True):
            self.reload()

    def void(self, doc) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        reason = self.ask_reason(self)
        if not reason:
            return
        confirmed_by = None
        if not clerk.can(VOID):
            # A clerk voids only with a supervisor's confirmation typed here.
            what = (fmt(self.tr("Void %1 %2. Reason: %3"), doc.title, doc.number, reason))
            confirmed_by = self.ask_confirmation(self, what)
            if confirmed_by is None:
                return
        documents = self.services.documents
        self.tasks.run(lambda: documents.void(doc.id, reason, clerk, confirmed_by=confirmed_by),
                       self._voided, self._failed, owner=self)

    def _ask_confirmation(self, parent: QWidget, what: str):
        from ..auth.login import ask_confirmation

        return ask_confirmation(self.services, parent, what, VOID, tasks=self.tasks)

    # -- 办理结果告知书 ---------------------------------------------------------------------
    def issue_result_notice(self) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        handling, app_id = self.services.handling, self.application_id
        self.result_notice_button.setEnabled(False)
        self.tasks.run(lambda: handling.issue_result_notice(app_id, clerk),
                       self._notice_issued, self._notice_failed, owner=self)

    def _notice_issued(self, outcome) -> None:
        self.error.clear_message()
        self.reload()
        self.opener(Path(outcome.value.path))

    def _notice_failed(self, error: BaseException) -> None:
        self.reload()
        self._failed(error)

    # -- full ID numbers ----------------------------------------------------------------------
    def toggle_full_ids(self) -> None:
        """Unmask the household's ID numbers (the service checks the role and logs it)."""
        if self.full_ids is not None:
            self.full_ids = self.full_related = None
            self.full_id_button.setText(self.tr("Show full ID numbers"))
            self.reload()
            return
        actor = self._clerk()
        if actor is None:
            return
        queries, app_id = self.services.queries, self.application_id
        self.tasks.run(lambda: queries.full_ids(app_id, actor), self._show_full_ids, self._failed,
                       owner=self)

    def _show_full_ids(self, outcome) -> None:
        self.full_ids = {i.position: i.id_number for i in outcome.value if not i.related}
        # supporters / guardian outside the household, in their order
        self.full_related = dict(enumerate(i.id_number for i in outcome.value if i.related))
        self.full_id_button.setText(self.tr("Hide full ID numbers"))
        self.reload()

    def _voided(self, _outcome) -> None:
        self.error.clear_message()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        present(self, error, label=self.error)
