"""受理登记: the clerk's main screen.

The form is entered once ("一表登记"); the service validates it and records the
window's decision (受理 / 一次性告知 / 不予受理) with its documents. Every problem
is shown next to its field, the first bad field gets focus, nothing typed is lost.
Saving (database + PDF) runs on the task runner's worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError, ValidationErrors
from ...core.rules.values import live_yuan
from ...core.services.material_facts import suggested_materials
from ..kit.dialogs import ask_reject_reasons
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.messages import text_of
from ..kit.tasks import TaskRunner
from ..kit.widgets import ERROR_STYLE, ErrorLabel, open_file, yuan
from .drafts import DraftKeeping, ask_close_dialog, ask_restore_dialog
from .form import IntakeFormLayout
from .live_errors import LiveFieldErrors
from .notice_confirm import confirm_notice
from .result import ResultPage

if TYPE_CHECKING:
    from ...core.services import Services


log = logging.getLogger(__name__)

# The document each decision hands to the applicant (opened at once for printing).
PRIMARY_KINDS = ("receipt", "notice_missing", "notice_reject")
# The assessment and the warnings follow the form this long after the last edit.
REFRESH_MS = 300


class IntakeScreen(DraftKeeping, IntakeFormLayout, QWidget):
    """受理登记. ``actor()`` is the logged-in user; a decision's changes go out on the
    runner's change bus."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 ask_reasons: Callable[[QWidget], list[str] | None] = ask_reject_reasons,
                 opener: Callable[[Path], object] = open_file,
                 ask_close: Callable[[QWidget | None], str] = ask_close_dialog,
                 ask_restore: Callable[[QWidget | None, Any], str] = ask_restore_dialog) -> None:
        super().__init__(parent)
        self.setObjectName("intakeScreen")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.ask_reasons = ask_reasons
        self.ask_close = ask_close
        self.ask_restore = ask_restore
        #: Shows the one-time notice before it is issued; True = 确认开具 (issue 14).
        self.confirm_notice: Callable[[QWidget, bytes], bool] = confirm_notice
        self.today = services.ctx.today
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("intakeGeneralError")
        # issue 14: a refused action's reason, one line at the top of the form
        self.refusal_line = QLabel()
        self.refusal_line.setObjectName("intakeRefusal")
        self.refusal_line.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.refusal_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.refusal_line.setVisible(False)
        self.errors = LiveFieldErrors(self.general_error, self.refusal_line)
        self._refused: str | None = None   # the decision refused, re-checked as the clerk edits
        self.lead_id: int | None = None    # issue 15 — leads: the lead this form came from

        self.stack = QStackedWidget()
        self.form = QWidget()
        documents = services.documents
        self.result = ResultPage(opener, resolve=lambda d: tasks.call(
            lambda: documents.original_pdf(d.id, actor())), record=self._record_print)
        self.result.newApplication.connect(self.new_application)
        self.result.openApplication.connect(self.openApplication)
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.result)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh_assessment)
        self._init_drafts()
        self._build_form()
        self.materials.changed.connect(self.schedule_refresh)
        tasks.busyChanged.connect(self._busy)
        QShortcut(QKeySequence("Alt+M"), self, activated=self.members.add_member)  # type: ignore[call-overload]  # signal keyword
        QShortcut(QKeySequence("Alt+G"), self, activated=self.related.add_person)  # type: ignore[call-overload]  # signal keyword
        self._fix_tab_order()
        self._update_totals()

    # -- live updates -----------------------------------------------------------------------
    def _watch(self, root: QWidget) -> None:
        """Refresh the assessment after any edit of the fields under ``root`` (rows added
        later are watched when they appear)."""
        widgets = root.findChildren(QLineEdit) + root.findChildren(QComboBox) + \
            root.findChildren(QAbstractButton)
        for w in widgets:
            if w.property("assessWatched") or isinstance(w, QPushButton):
                continue
            w.setProperty("assessWatched", True)
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self.schedule_refresh)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.schedule_refresh)
            else:
                w.toggled.connect(self.schedule_refresh)

    def schedule_refresh(self) -> None:
        """Re-assess shortly after the clerk stops typing (and save the draft a little later)."""
        self.refresh_timer.start()
        self.mark_dirty()

    def _has_household_data(self) -> bool:
        a = self.applicant
        return bool(a.name.text().strip() or a.id_number.text().strip() or self.members.rows
                    or self.related.rows or any(e.text().strip() for e in self.incomes.values()))

    def refresh_assessment(self) -> None:
        """Run the needs assessment (pure and quick) on the form as it stands."""
        self._update_totals()   # a member's 计入 tick changes the per-person figure
        self.refresh_timer.stop()
        self.assessment.set_requested(self.items.chosen())
        draft = self.draft()
        self._follow_errors(draft)
        self._suggest_materials(draft)
        self._refresh_warnings(draft)
        self._refresh_pending()
        if not self._has_household_data():
            self.assessment.show_empty()
            return
        try:
            result = self.services.assessment.evaluate(draft)
        except ValidationErrors as exc:
            self.assessment.show_hint("\n".join(text_of(e) for e in exc.errors))
        except Exception as exc:
            log.exception("assessment failed")
            self.assessment.show_hint(fmt(self.tr("The assessment could not be made: %1"), str(exc)))
        else:
            self.assessment.set_assessment(result)

    def _follow_errors(self, draft) -> None:
        """A refused decision's messages follow the fields: each stays while its field
        is still wrong and goes once it is valid (issue 14)."""
        live = self.errors
        if not isinstance(live, LiveFieldErrors) or not live.following():
            return
        try:
            problems = self.services.intake.decision_problems(draft, self._refused or "accept")
        except Exception:
            log.exception("re-checking the form failed")
            return
        live.follow(problems)

    def _suggest_materials(self, draft) -> None:
        """Conditional materials follow the household's facts unless the clerk chose."""
        try:
            found = suggested_materials(draft, self.services.ctx.catalog, self.items.chosen())
        except Exception:
            log.exception("material suggestions failed")
            return
        self.materials.set_suggestions(found)

    def _refresh_warnings(self, draft) -> None:
        """Possible duplicates and conflicts of interest: shown, never blocking."""
        try:
            warnings = self.services.intake.warnings(draft if draft is not None else self.draft())
        except Exception:
            log.exception("intake warnings failed")
            warnings = []
        self.warnings.set_warnings(warnings)

    def _refresh_pending(self) -> None:
        """Items pending for this applicant in open applications: where 待低保认定 may be
        chosen (issue 13)."""
        try:
            pending = self.services.intake.pending_status_items(self.applicant.id_number.text())
        except Exception:
            log.exception("pending items lookup failed")
            pending = []
        self.materials.set_pending(pending)

    def _adopt(self, code: str) -> None:
        box = self.items.boxes.get(code)
        if box is not None:
            box.setChecked(True)
            box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_warning(self, warning) -> None:
        app_id = getattr(warning, "application_id", None)
        if app_id is None:
            number = warning.application_number
            rows = [r for r in self.services.queries.search(number, limit=20) if r.number == number]
            app_id = rows[0].id if rows else None
        if app_id is not None:
            self.openApplication.emit(app_id)

    def _items_changed(self) -> None:
        self.materials.set_items(self.items.chosen())
        self._suggest_materials(self.draft())
        self.assessment.set_requested(self.items.chosen())
        self.schedule_refresh()
        self._fix_tab_order()

    def _materials_changed(self) -> None:
        missing = self.materials.missing()
        if not self.items.chosen():
            self.status.setText("")
        elif missing and not self.urgent.isChecked():
            self.status.setText(fmt(self.tr("%1 material(s) missing: issue a one-time notice, or "
                                        "accept as an emergency."), str(len(missing))))
        elif missing:
            self.status.setText(self.tr("Emergency: may be accepted with materials missing."))
        else:
            self.status.setText(self.tr("Materials complete: the application can be accepted."))

    def _update_totals(self) -> None:
        total, bad = cast(Decimal, 0), False  # an int 0 until the first amount
        for edit in self.incomes.values():
            value = live_yuan(edit.text())
            if value is None:
                bad = True
            else:
                total += value
        # over the members counted in the household, as the assessment, the stored figure
        # and the 核算表 (one gross per-capita definition, review of issue 12)
        people = 1 + sum(1 for person, *_ in self.members.rows if person.counted.isChecked())
        text = (fmt(self.tr("Total %1 yuan a month; %2 people counted; gross %3 yuan per person "
                            "a month (before lines not counted and deductions, see the "
                            "assessment)"),
                    yuan(total), str(people), yuan(total / people)))
        if bad:
            text += self.tr(" (some amounts are not valid numbers)")
        self.totals.setText(text)

    # -- decisions ---------------------------------------------------------------------------
    def draft(self):
        from ...core.services import ApplicationDraft, ItemInput

        text = {attr: w.text() for attr, w in self.property_fields.items() if isinstance(w, QLineEdit)}
        kind = self.residence_kind.currentData()
        return ApplicationDraft(
            applicant=self.applicant.to_input(), members=self.members.inputs(),
            village_id=self.village.currentData(),
            incomes={code: edit.text() for code, edit in self.incomes.items() if edit.text().strip()},
            housing_area=text["housing_area"], house_rating=self.house_rating.currentData(),
            vehicles=text["vehicles"], houses=text["houses"], deposits=text["deposits"],
            business=text["business"],
            medical_spending=text["medical_spending"], education_spending=text["education_spending"],
            medical_reimbursed=text["medical_reimbursed"],
            items=[ItemInput(code, self.materials.materials_for(code)) for code in self.items.chosen()],
            urgent=self.urgent.isChecked(), source=self.source.currentData(),
            hardship_reason=self.hardship.text(), supporters_able=self.supporters_able(),
            hardship_cause=self.hardship_cause.currentData(),
            staff_relative=self.staff_relative.isChecked(),
            staff_relative_note=self.staff_note.text() if self.staff_relative.isChecked() else "",
            related=self.related.inputs(), residence_kind=kind,
            # a field the kind does not ask for is not sent
            residence_address=self.residence_address.text() if kind != "hukou" else "",
            residence_permit_no=self.residence_permit.text() if kind == "permit" else "",
            lead_id=self.lead_id,  # issue 15 — leads
        )

    def submit(self, decision: str) -> None:
        if self.tasks.busy:
            return
        clerk = self.actor()
        if clerk is None:
            self.errors.show([ValidationError("clerk", "required",
                                              self.tr("Log in first."))])
            return
        draft = self.draft()
        self._refused = decision
        errors = self.services.intake.validate(draft)
        if errors:
            self.errors.show(errors)
            return
        self.errors.clear()
        reasons: list[str] = []
        if decision == "reject":
            answer = self.ask_reasons(self)
            if answer is None:
                return
            reasons = answer
        if decision == "notice" and not self._notice_confirmed(draft, clerk):
            return
        self.status.setText(self.tr("Saving and printing…"))
        intake = self.services.intake
        # Only the applicant's document is rendered inside the save; the others follow
        # on the same worker right after (see ``_decided``).
        self.tasks.run(lambda: intake.decide(draft, decision, clerk, reasons,
                                             defer_secondary=True),
                       self._decided, self._failed, owner=self)

    def _notice_confirmed(self, draft, clerk) -> bool:
        """The notice as it will be printed (rendered, nothing recorded), confirmed."""
        intake = self.services.intake
        try:
            pdf = self.tasks.call(lambda: intake.preview_decision(draft, "notice", clerk))
        except Exception as exc:
            self._failed(exc)
            return False
        return bool(self.confirm_notice(self, pdf))

    def _decided(self, result) -> None:
        self._materials_changed()
        self.discard_current_draft("decided")
        detail = None
        try:
            detail = self.services.queries.detail(result.application_id)
        except Exception:
            log.exception("cannot load the detail of application %s", result.application_id)
        self.result.show_result(result, detail)
        self.stack.setCurrentWidget(self.result)
        # "…并打印": the decision's document goes to the remembered printer (issue 14).
        primary = next((d for d in result.documents if d.kind in PRIMARY_KINDS), None)
        if primary is not None:
            self.result.print_primary(primary)
        if result.deferred:
            # 承诺书 and 转办单: rendered now on the writer thread, after the receipt is
            # in the clerk's hands; opening one earlier renders it on demand.
            documents, ids = self.services.documents, list(result.deferred)
            self.tasks.run(lambda: documents.render_pending(ids), None,
                           lambda exc: log.warning("deferred rendering failed (rendered on "
                                                   "first open instead): %s", exc))

    def _record_print(self, doc, report) -> None:
        """A job the printer accepted counts as a print of ``doc`` (issue 14)."""
        from ..kit.print_actions import print_recorder

        print_recorder(self.services, self.tasks, self.actor, owner=self,
                       documents=[doc.id])(report)

    def _failed(self, error: BaseException) -> None:
        self._materials_changed()
        present(self, error, fields=self.errors)

    def _busy(self, busy: bool) -> None:
        for b in (self.accept_button, self.notice_button, self.reject_button, self.clear_button):
            b.setEnabled(not busy)

    # -- clearing ------------------------------------------------------------------------------
    def has_input(self) -> bool:
        return bool(self.applicant.name.text().strip() or self.applicant.id_number.text().strip()
                    or self.members.rows or self.related.rows or self.items.chosen())

    def confirm_clear(self) -> None:
        if self.has_input():
            answer = QMessageBox.question(
                self, self.tr("Clear form"),
                self.tr("Discard everything entered for this application?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.clear_form()

    def clear_form(self) -> None:
        self._loading += 1
        try:
            self._clear_widgets()
        finally:
            self._loading -= 1
        self.discard_current_draft("cleared")

    def _clear_widgets(self) -> None:
        self.errors.clear()
        self.lead_id = None
        p = self.applicant
        for edit in (p.name, p.id_number, p.reason, p.phone, p.hukou_address, self.hardship,
                     self.staff_note, self.residence_address, self.residence_permit,
                     *self.incomes.values()):
            edit.clear()
        for w in self.property_fields.values():
            if isinstance(w, QLineEdit):
                w.clear()
        for box in (p.id_type, p.hukou_type, p.health, p.disability, p.employment, p.self_care,
                    self.village, self.house_rating, self.source, self.hardship_cause,
                    self.residence_kind):
            box.setCurrentIndex(0)
        self.urgent.setChecked(False)
        self.staff_relative.setChecked(False)
        self.related.clear()
        self.set_supporters_able(None)
        self.members.clear()
        self.items.set_chosen([])
        self.materials.reset()
        self.assessment.reset()
        self.refresh_timer.stop()
        self.warnings.set_warnings([])
        self._fix_tab_order()
        self._update_totals()

    # -- the window around the screen -------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.watch_close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.drafts_event_filter(watched, event):
            return True
        return super().eventFilter(watched, event)

    def new_application(self) -> None:
        self.clear_form()
        self.stack.setCurrentWidget(self.form)
        self.applicant.name.setFocus()

    def show_form(self) -> None:
        self.stack.setCurrentWidget(self.form)

    def reload_villages(self) -> None:
        current = self.village.currentData()
        self.village.clear()
        self.village.addItem(self.tr("Choose…"), None)
        for v in self.services.setup.villages():
            self.village.addItem(v.name, v.id)
        index = self.village.findData(current)
        self.village.setCurrentIndex(max(index, 0))
