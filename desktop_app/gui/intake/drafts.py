"""The intake form's drafts (issue 14): autosave, the question at close, the offer to
restore after a crash — and putting a saved :class:`ApplicationDraft` back into the form.

The screen mixes :class:`DraftKeeping` in. A few seconds after the last change the form
is saved as the clerk's draft on the write lane (``quiet``: the buttons stay enabled,
typing never waits); a decision, 清空表单 or 放弃 discards it. The questions are
callables the screen holds (``ask_close``, ``ask_restore``) so tests answer them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from ..kit.errors import present
from ..kit.fmt import fmt

if TYPE_CHECKING:
    from ...core.services import Services
    from ..kit.tasks import TaskRunner

log = logging.getLogger(__name__)

# the form is saved this long after the last change
AUTOSAVE_MS = 3000

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"


def _question(parent: QWidget | None, title: str, text: str,
              buttons: list[tuple[str, str, QMessageBox.ButtonRole]]) -> str:
    """A question with the given (answer, label, role) buttons: the first is the default,
    the last the escape; returns the answer clicked."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    made = [(answer, box.addButton(label, role)) for answer, label, role in buttons]
    box.setDefaultButton(made[0][1])
    box.setEscapeButton(made[-1][1])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for answer, button in made if button is clicked), buttons[-1][0])


def ask_close_dialog(parent: QWidget | None) -> str:
    """保存草稿并退出 / 放弃 / 取消."""
    role = QMessageBox.ButtonRole
    return _question(
        parent, QCoreApplication.translate("IntakeDrafts", "Application not saved"),
        QCoreApplication.translate(
            "IntakeDrafts", "The application being entered has not been saved. Keep it as a "
            "draft (offered again at the next start) or discard it?"),
        [(SAVE, QCoreApplication.translate("IntakeDrafts", "Save draft and exit"), role.AcceptRole),
         (DISCARD, QCoreApplication.translate("IntakeDrafts", "Discard"), role.DestructiveRole),
         (CANCEL, QCoreApplication.translate("IntakeDrafts", "Cancel"), role.RejectRole)])


def local_time(utc: datetime) -> str:
    return utc.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def ask_restore_dialog(parent: QWidget | None, summary: Any) -> str:
    """恢复 / 放弃草稿 / 以后再说, for one pending draft."""
    role = QMessageBox.ButtonRole
    name = summary.applicant_name or QCoreApplication.translate("IntakeDrafts", "(no name yet)")
    text = fmt(QCoreApplication.translate(
        "IntakeDrafts", "An application you were entering was not finished: %1, last saved %2, "
        "%3 item(s) requested. Restore it into the form?"),
        name, local_time(summary.updated_at), str(summary.items))
    return _question(
        parent, QCoreApplication.translate("IntakeDrafts", "Restore draft"), text,
        [(RESTORE, QCoreApplication.translate("IntakeDrafts", "Restore"), role.AcceptRole),
         (DISCARD, QCoreApplication.translate("IntakeDrafts", "Discard draft"), role.DestructiveRole),
         (LATER, QCoreApplication.translate("IntakeDrafts", "Later"), role.RejectRole)])


def _pick(box: QComboBox, data: Any) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


class DraftKeeping:
    """Part of :class:`~.screen.IntakeScreen` (a mixin over its widgets)."""

    services: Services
    tasks: TaskRunner
    actor: Callable[[], Any]
    ask_close: Callable[[QWidget | None], str]
    ask_restore: Callable[[QWidget | None, Any], str]

    def _init_drafts(self) -> None:
        self.draft_id: int | None = None
        self._draft_owner: Any = None
        self._dirty = False
        self._loading = 0          # >0 while the form is filled or cleared by the program
        self._offered: set[int] = set()
        self._close_watched: QObject | None = None
        self.autosave_timer = QTimer(self)  # type: ignore[arg-type]
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    # -- autosave --------------------------------------------------------------------------------
    def form_has_content(self) -> bool:
        return bool(self.has_input() or self._has_household_data())  # type: ignore[attr-defined]

    def _on_form(self) -> bool:
        screen = cast(Any, self)
        return bool(screen.stack.currentWidget() is screen.form)

    def mark_dirty(self) -> None:
        """An edit by the clerk: save the draft once they pause (not once decided: the
        result page is showing)."""
        if self._loading or not self._on_form():
            return
        self._dirty = True
        self.autosave_timer.start()

    def autosave(self) -> None:
        self.autosave_timer.stop()
        if not self._dirty:
            return
        clerk = self.actor()
        if clerk is None or not self._on_form() or not self.form_has_content():
            return
        self._save_draft_now(clerk, quiet=True)

    def _save_draft_now(self, clerk: Any, *, quiet: bool, wait: bool = False) -> None:
        if self._draft_owner is not None and self._draft_owner.staff_id != clerk.staff_id:
            self.draft_id = None
        self._draft_owner = clerk
        drafts, draft, draft_id = self.services.drafts, self.draft(), self.draft_id  # type: ignore[attr-defined]
        self._dirty = False
        def job() -> Any:
            return drafts.save_draft(clerk, draft, draft_id=draft_id)

        if wait:
            self._draft_saved(self.tasks.call(job))
        else:
            self.tasks.run(job, self._draft_saved, self._draft_failed, owner=self,  # type: ignore[arg-type]
                           quiet=quiet)

    def _draft_saved(self, outcome: Any) -> None:
        self.draft_id = outcome.value
        self.draft_label.setText(fmt(QCoreApplication.translate("IntakeDrafts", "Draft saved %1"),  # type: ignore[attr-defined]
                                     datetime.now().strftime("%H:%M:%S")))

    def _draft_failed(self, error: BaseException) -> None:
        """A failed autosave is told in one line and tried again at the next change."""
        log.warning("draft autosave failed: %s", type(error).__name__)
        self._dirty = True
        self.draft_label.setText(QCoreApplication.translate("IntakeDrafts", "Draft not saved"))  # type: ignore[attr-defined]

    def discard_current_draft(self, reason: str) -> None:
        """The form was decided, cleared or abandoned: its draft goes."""
        self.autosave_timer.stop()
        self._dirty = False
        draft_id, owner = self.draft_id, self._draft_owner or self.actor()
        self.draft_id = None
        self.draft_label.setText("")  # type: ignore[attr-defined]
        if draft_id is None or owner is None:
            return
        drafts = self.services.drafts
        self.tasks.run(lambda: drafts.discard_draft(owner, draft_id, reason), None,
                       lambda exc: log.warning("draft discard failed: %s", type(exc).__name__),
                       owner=self, quiet=True)  # type: ignore[arg-type]

    # -- closing the window ----------------------------------------------------------------------
    def watch_close(self) -> None:
        window = self.window()  # type: ignore[attr-defined]
        if window is not None and window is not self and self._close_watched is not window:
            window.installEventFilter(self)
            self._close_watched = window

    def close_allowed(self) -> bool:
        """Asked when the window closes: 保存草稿并退出 / 放弃 / 取消."""
        clerk = self.actor()
        if clerk is None or not self._on_form() or not self.form_has_content():
            return True
        answer = self.ask_close(self)  # type: ignore[arg-type]
        if answer == SAVE:
            try:
                self._save_draft_now(clerk, quiet=False, wait=True)
            except Exception as exc:
                present(self, exc)  # type: ignore[arg-type]
                return False
            self.autosave_timer.stop()
            return True
        if answer == DISCARD:
            self.discard_current_draft("abandoned")
            return True
        return False

    def drafts_event_filter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._close_watched and event.type() == QEvent.Type.Close:
            if not self.close_allowed():
                event.ignore()
                return True
        return False

    # -- after a crash: the offer ----------------------------------------------------------------
    def offer_drafts(self) -> None:
        """Offer the logged-in clerk's unfinished drafts (once per clerk and session)."""
        clerk = self.actor()
        if clerk is None or clerk.staff_id in self._offered:
            return
        self._offered.add(clerk.staff_id)
        try:
            pending = [d for d in self.services.drafts.pending_drafts(clerk)
                       if d.kind == "new" and d.id != self.draft_id]
        except Exception:
            log.exception("pending drafts could not be read")
            return
        if not pending or self.form_has_content():
            return
        drafts = self.services.drafts
        for summary in pending:
            answer = self.ask_restore(self, summary)  # type: ignore[arg-type]
            if answer == RESTORE:
                self.restore(summary.id)
                return
            if answer == DISCARD:
                self.tasks.run(functools.partial(drafts.discard_draft, clerk, summary.id, "declined"),
                               owner=self, quiet=True)  # type: ignore[arg-type]
            else:
                return

    def restore(self, draft_id: int) -> bool:
        clerk = self.actor()
        drafts = self.services.drafts
        try:
            saved = self.tasks.call(lambda: drafts.restore_draft(clerk, draft_id)).value
        except Exception as exc:
            present(self, exc)  # type: ignore[arg-type]
            if getattr(exc, "key", None) == "draft.unreadable":   # told once, then gone
                self.tasks.run(functools.partial(drafts.discard_draft, clerk, draft_id, "unreadable"),
                               owner=self, quiet=True)  # type: ignore[arg-type]
            return False
        self.new_application()  # type: ignore[attr-defined]
        self.load_draft(saved.draft)
        self.draft_id, self._draft_owner, self._dirty = draft_id, clerk, False
        self.draft_label.setText(fmt(QCoreApplication.translate("IntakeDrafts", "Draft of %1 restored"),  # type: ignore[attr-defined]
                                     local_time(saved.updated_at)))
        return True

    # -- the form from a draft -------------------------------------------------------------------
    def load_draft(self, draft: Any) -> None:
        """Put a saved :class:`ApplicationDraft` back into the widgets."""
        s: Any = self
        self._loading += 1
        try:
            s.applicant.load(draft.applicant)
            _pick(s.village, draft.village_id)
            _pick(s.residence_kind, draft.residence_kind)
            s.residence_address.setText(draft.residence_address)
            s.residence_permit.setText(draft.residence_permit_no)
            for member in draft.members:
                s.members.add_member().load(member)
            for person in draft.related:
                s.related.add_person().load(person)
            if not draft.related:
                s.set_supporters_able(draft.supporters_able)
            for code, edit in s.incomes.items():
                edit.setText(draft.incomes.get(code, ""))
            for attr, widget in s.property_fields.items():
                if attr == "house_rating":
                    _pick(widget, draft.house_rating)
                else:
                    widget.setText(getattr(draft, attr, "") or "")
            known = [i for i in draft.items if i.item_code in s.items.boxes]
            s.items.set_chosen([i.item_code for i in known])
            for item in known:
                for material, status in item.materials.items():
                    s.materials.restore_status(item.item_code, material, status)
            s.urgent.setChecked(draft.urgent)
            _pick(s.source, draft.source)
            _pick(s.hardship_cause, draft.hardship_cause)
            s.hardship.setText(draft.hardship_reason)
            s.staff_relative.setChecked(draft.staff_relative)
            s.staff_note.setText(draft.staff_relative_note)
            s.lead_id = draft.lead_id  # issue 15 — leads
        finally:
            self._loading -= 1
        s.refresh_assessment()
        s._fix_tab_order()


__all__ = ["AUTOSAVE_MS", "DraftKeeping", "ask_close_dialog", "ask_restore_dialog"]
