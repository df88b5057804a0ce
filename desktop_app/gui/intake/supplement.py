"""补正: the applicant returns with the materials a one-time notice asked for.

The clerk updates the checklist and decides again (受理 / 再次告知 / 不予受理);
``IntakeService.decide_existing`` records it and issues the documents.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.errors import ValidationError
from ..kit.dialogs import ask_reject_reasons
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, FieldErrors, open_file
from .drafts import AUTOSAVE_MS, DISCARD, RESTORE, ask_restore_dialog
from .items import MaterialsPanel
from .notice_confirm import confirm_notice

if TYPE_CHECKING:
    from ...core.services import Services


log = logging.getLogger(__name__)

_STATUS_BY_LABEL = {label: code for code, label in vocab.MATERIAL_STATUSES}


def current_materials(catalog, detail) -> dict[str, dict[str, str]]:
    """``{item code: {material code: status}}`` from an application's detail view."""
    out: dict[str, dict[str, str]] = {}
    for item in detail.items:
        by_name = {m.name: m.code for m in catalog.item(item.code).materials}
        for name, label in item.materials:
            code = by_name.get(name)
            if code is not None:
                out.setdefault(item.code, {})[code] = _STATUS_BY_LABEL.get(label, "missing")
    return out


class SupplementDialog(QDialog):
    """补正材料: the new decision is recorded through the runner; its changes reach the
    detail view on the change bus."""

    def __init__(self, services: Services, tasks: TaskRunner, detail, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 ask_reasons: Callable[[QWidget], list[str] | None] = ask_reject_reasons,
                 opener: Callable[[Path], object] = open_file,
                 ask_restore: Callable[[QWidget | None, Any], str] = ask_restore_dialog) -> None:
        super().__init__(parent)
        self.setObjectName("supplementDialog")
        self.ask_restore = ask_restore
        self.draft_id: int | None = None
        self.services = services
        self.tasks = tasks
        self.detail = detail
        self.actor = actor
        self.ask_reasons = ask_reasons
        self.opener = opener
        #: Shows another one-time notice before it is issued; True = 确认开具 (issue 14).
        self.confirm_notice: Callable[[QWidget, bytes], bool] = confirm_notice
        self.setWindowTitle(fmt(self.tr("Supply missing materials — %1"), detail.row.number))
        self.resize(760, 720)

        intro = QLabel(fmt(self.tr("%1 has returned after the one-time notice. Record what was brought, "
                               "then decide again."), detail.row.name))
        intro.setWordWrap(True)
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("supplementError")
        self.errors = FieldErrors(self.general_error)
        self.materials = MaterialsPanel(services.ctx.catalog, self.errors)
        self.materials.state.update(current_materials(services.ctx.catalog, detail))
        try:   # 待低保认定: the applicant's items pending in other open applications
            self.materials.pending = services.intake.pending_for_application(detail.row.id)
        except Exception:
            log.exception("pending items lookup failed")
        self.materials.set_items([item.code for item in detail.items])
        # issue 14: the statuses are autosaved as a 补正 draft of this application; a
        # decision discards it, anything else (cancel, a crash) keeps it for the next 补正
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.materials.changed.connect(self.autosave_timer.start)
        QTimer.singleShot(0, self, self.offer_draft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.materials)

        self.accept_button = QPushButton(self.tr("&Accept and print receipt"))
        self.accept_button.setObjectName("supplementAccept")
        self.accept_button.setDefault(True)
        self.notice_button = QPushButton(self.tr("Issue another one-time &notice"))
        self.notice_button.setObjectName("supplementNotice")
        self.reject_button = QPushButton(self.tr("&Reject…"))
        self.reject_button.setObjectName("supplementReject")
        cancel = QPushButton(self.tr("Cancel"))
        self.accept_button.clicked.connect(lambda: self.submit("accept"))
        self.notice_button.clicked.connect(lambda: self.submit("notice"))
        self.reject_button.clicked.connect(lambda: self.submit("reject"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (cancel, self.reject_button, self.notice_button, self.accept_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        tasks.busyChanged.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        for b in (self.accept_button, self.notice_button, self.reject_button):
            b.setEnabled(not busy)

    def submit(self, decision: str) -> None:
        if self.tasks.busy:
            return
        clerk = self.actor()
        if clerk is None:
            self.errors.show([ValidationError("clerk", "required", self.tr("Log in first."))])
            return
        reasons: list[str] = []
        if decision == "reject":
            answer = self.ask_reasons(self)
            if answer is None:
                return
            reasons = answer
        materials = {code: self.materials.materials_for(code) for code in self.materials.state}
        intake = self.services.intake
        app_id = self.detail.row.id
        self.errors.clear()
        if decision == "notice":  # shown as it will print, issued only on 确认开具 (issue 14)
            try:
                pdf = self.tasks.call(lambda: intake.preview_existing(app_id, materials, decision,
                                                                      clerk, reasons))
            except Exception as exc:
                self._failed(exc)
                return
            if not self.confirm_notice(self, pdf):
                return
        self.tasks.run(lambda: intake.decide_existing(app_id, materials, decision, clerk, reasons),
                       self._done, self._failed, owner=self)

    # -- the 补正 draft (issue 14) ---------------------------------------------------------------
    def _draft(self):
        from ...core.services import ApplicationDraft, ItemInput, MemberInput

        return ApplicationDraft(applicant=MemberInput(name=self.detail.row.name),
                                items=[ItemInput(code, self.materials.materials_for(code))
                                       for code in self.materials.state])

    def autosave(self) -> None:
        self.autosave_timer.stop()
        clerk = self.actor()
        if clerk is None:
            return
        drafts, draft, draft_id, app_id = (self.services.drafts, self._draft(), self.draft_id,
                                           self.detail.row.id)

        def saved(outcome) -> None:
            self.draft_id = outcome.value

        self.tasks.run(lambda: drafts.save_draft(clerk, draft, draft_id=draft_id, kind="supplement",
                                                 application_id=app_id),
                       saved, lambda exc: log.warning("supplement draft not saved: %s",
                                                      type(exc).__name__),
                       owner=self, quiet=True)

    def offer_draft(self) -> None:
        """A 补正 of this application left unfinished (a crash, 取消): offered back."""
        clerk = self.actor()
        if clerk is None:
            return
        drafts = self.services.drafts
        try:
            mine = [d for d in drafts.pending_drafts(clerk)
                    if d.kind == "supplement" and d.application_id == self.detail.row.id]
        except Exception:
            log.exception("pending drafts could not be read")
            return
        if not mine:
            return
        answer = self.ask_restore(self, mine[0])
        if answer == RESTORE:
            try:
                saved = self.tasks.call(lambda: drafts.restore_draft(clerk, mine[0].id)).value
            except Exception as exc:
                present(self, exc)
                return
            self.draft_id = saved.id
            for item in saved.draft.items:
                if item.item_code in self.materials.state:
                    for material, status in item.materials.items():
                        self.materials.restore_status(item.item_code, material, status)
            self.autosave_timer.stop()
        elif answer == DISCARD:
            for d in mine:
                self.tasks.run(functools.partial(drafts.discard_draft, clerk, d.id, "declined"),
                               owner=self, quiet=True)

    def _discard_draft(self) -> None:
        self.autosave_timer.stop()
        clerk, draft_id = self.actor(), self.draft_id
        self.draft_id = None
        if clerk is not None and draft_id is not None:
            drafts = self.services.drafts
            self.tasks.run(lambda: drafts.discard_draft(clerk, draft_id, "decided"), owner=self,
                           quiet=True)

    def reject(self) -> None:
        """取消 keeps the statuses entered as the 补正 draft (offered at the next 补正)."""
        if self.autosave_timer.isActive():
            self.autosave()
        super().reject()

    def _done(self, result) -> None:
        self._discard_draft()
        primary = next((d for d in result.documents
                        if d.kind in ("receipt", "notice_missing", "notice_reject")), None)
        if primary is not None:
            self._print_primary(primary)
        self.accept()

    def _print_primary(self, doc) -> None:
        """"…并打印" (issue 14): to the remembered printer (the first time: the print
        dialog); a job the printer accepted counts; a failure is explained (另存为…)."""
        from ..kit.print_actions import print_recorder
        from ..kit.print_pdf import send_pdfs

        report = send_pdfs(self, [Path(doc.path)], doc.number, opener=self.opener,
                           remembered=True)
        if report is not None:
            print_recorder(self.services, self.tasks, self.actor, owner=self,
                           documents=[doc.id])(report)

    def _failed(self, error: BaseException) -> None:
        present(self, error, fields=self.errors)
