"""Temporary assistance under control (issue 13): the dialogs of 补齐手续 (materials of an
urgently accepted case recorded later, the 补齐材料清单 printed), 个案会商 / 一事一议 and
跟进救助; the suggested amount band (分档) shown under an amount; and the 临时救助 menu
the tracking screen and the application detail share.

The 先行救助 and 回执 dialogs (``dialogs.py``) get the band hint and the 个案会商 button
from :func:`extend_amount_dialog` when they are opened (so ``dialogs.py`` does not
import this module, which builds on its :class:`ServiceDialog`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.catalog import TOWNSHIP
from ...core.rules.temporary import BAND_TYPE_LABELS, BAND_TYPES
from ...core.rules.values import format_yuan
from ..kit.fmt import fmt
from ..kit.widgets import ErrorLabel, open_file
from .dialogs import ServiceDialog, _task_line, date_edit, field

if TYPE_CHECKING:
    from ...core.services import Services
    from ..kit.tasks import TaskRunner

TEMPORARY_ITEMS = tuple(BAND_TYPES)
#: Statuses a material may get at 补齐手续 (the service's PAPERWORK_STATUSES).
PAPERWORK_STATUSES = ("received", "committed", "shared", "missing")


def _yuan(fen: int) -> str:
    return format_yuan(fen).removesuffix(".00")


class BandHint(QLabel):
    """建议档次: the band (分档, setting ``temporary_bands``) of the amount typed and of
    the cause — a suggestion under the amount field, never a decision."""

    def __init__(self, services: Services, item_code: str, amount: QLineEdit,
                 cause: QLineEdit | None = None) -> None:
        super().__init__()
        self.setObjectName("bandHint")
        self.setWordWrap(True)
        self.setStyleSheet("color: #37474f;")
        self.services, self.item_code = services, item_code
        self.amount, self.cause = amount, cause
        amount.textChanged.connect(self.refresh)
        if cause is not None:
            cause.textChanged.connect(self.refresh)
        self.refresh()

    def _band(self, band) -> str:
        return fmt(self.tr("%1 %2 (%3–%4 yuan)"), BAND_TYPE_LABELS[band.type], band.name,
                   _yuan(band.from_fen), _yuan(band.to_fen))

    def refresh(self) -> None:
        try:
            hint = self.services.handling.band_hint(
                self.item_code, self.amount.text(), self.cause.text() if self.cause else "")
        except Exception:  # a hint never stops the clerk
            self.setText("")
            return
        parts = []
        if hint.by_amount is not None:
            parts.append(fmt(self.tr("Band of this amount: %1"), self._band(hint.by_amount)))
        elif hint.above:
            parts.append(self.tr("Above every band of the township: the county decides"))
        if hint.by_cause is not None:
            parts.append(fmt(self.tr("Band usual for this cause: %1"), self._band(hint.by_cause)))
        if not parts:
            self.setText(self.tr("Type the amount or the cause to see the suggested band."))
            return
        self.setText("；".join(parts) + "。" + self.tr("A suggestion only: the clerk decides."))


class PaperworkDialog(ServiceDialog):
    """补齐手续: each material of the task with its status now; change those that arrived
    and save — the 补齐材料清单 is printed with the new statuses."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 opener: Callable[[Path], object] = open_file, on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("paperworkDialog")
        self.setWindowTitle(self.tr("Complete the paperwork"))
        self.row, self.opener = row, opener
        intro = QLabel(self.tr("Urgent cases are helped first and their paperwork completed "
                               "afterwards: set the status of each material that arrived."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.status_boxes: dict[str, QComboBox] = {}
        self.materials = services.handling.task_materials(row.task_id)
        for r, m in enumerate(self.materials):
            name = QLabel(m.name)
            name.setWordWrap(True)
            if m.status == "missing":
                name.setStyleSheet("color: #c62828; font-weight: bold;")
            box = QComboBox()
            box.setObjectName(f"material.{m.code}")
            for code in PAPERWORK_STATUSES:
                box.addItem(vocab.MATERIAL_LABELS[code], code)
            box.setCurrentIndex(max(box.findData(m.status), 0))
            self.status_boxes[m.code] = box
            grid.addWidget(name, r, 0)
            grid.addWidget(field(box, self.errors, f"materials.{m.code}"), r, 1)
        grid.setColumnStretch(0, 1)
        group = QGroupBox(self.tr("Materials"))
        group.setLayout(grid)
        self.on = date_edit(services.ctx.today(), "paperworkOn")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Optional, e.g. who brought them"))
        form = QFormLayout()
        form.addRow(self.tr("Date completed"), field(self.on, self.errors, "on"))
        form.addRow(self.tr("Note"), field(self.note, self.errors, "note"))
        self.materials_error = ErrorLabel()
        self.materials_error.setObjectName("materialsError")
        self.errors.register("materials", group, self.materials_error)
        self.ok.setText(self.tr("Save and print the checklist"))
        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addWidget(intro)
        layout.addWidget(group)
        layout.addWidget(self.materials_error)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 300 + 34 * len(self.materials))

    def set_status(self, code: str, status: str) -> None:
        box = self.status_boxes[code]
        box.setCurrentIndex(box.findData(status))

    def submit(self) -> None:
        handling, task_id = self.services.handling, self.row.task_id
        materials = {code: box.currentData() for code, box in self.status_boxes.items()}
        on, note = cast(date, self.on.date().toPython()), self.note.text()
        self._run(lambda actor: handling.record_paperwork(task_id, materials, on, actor,
                                                          note=note))

    def _done(self, result) -> None:
        super()._done(result)
        if result.document is not None:
            self.opener(Path(result.document.path))


class ConferenceDialog(ServiceDialog):
    """个案会商 / 一事一议 for a 临时救助 case above the township's ceiling: participants,
    the decision (乡镇审批 within the ceiling / 报县审批 / 不予救助), the amount, the
    minutes. 报县审批 sends the task to the county in the same step (转办单 opens)."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 opener: Callable[[Path], object] = open_file, on_done=None,
                 outcome: str = "", amount: str = "") -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        from ...core.services.handling.temporary import CONFERENCE_OUTCOMES

        self.setObjectName("conferenceDialog")
        self.setWindowTitle(self.tr("Case conference"))
        self.row, self.opener = row, opener
        ceiling = services.handling.temporary_ceiling(row.item_code)
        self.ceiling = QLabel(fmt(self.tr(
            "Township ceiling (cumulative): %1 yuan. Above it the case is decided one by one "
            "(case conference) and reported to the county for approval."), format_yuan(ceiling)))
        self.ceiling.setObjectName("ceilingLabel")
        self.ceiling.setWordWrap(True)
        self.on = date_edit(services.ctx.today(), "conferenceOn")
        self.people = QLineEdit()
        self.people.setObjectName("people")
        self.people.setPlaceholderText(self.tr("Names separated by 、 or spaces, at least two"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        labels = {"approved": self.tr("The township decides (within its ceiling)"),
                  "escalate": self.tr("Report to the county for approval"),
                  "refused": self.tr("No assistance")}
        for code, _label in CONFERENCE_OUTCOMES:
            self.outcome.addItem(labels[code], code)
        if outcome:
            self.outcome.setCurrentIndex(max(self.outcome.findData(outcome), 0))
        self.amount = QLineEdit(amount)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 5000"))
        self.band = BandHint(services, row.item_code, self.amount)
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setPlaceholderText(self.tr("The case, the opinions and the decision"))
        self.text.setFixedHeight(80)
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Conference date"), field(self.on, self.errors, "on"))
        form.addRow(self.tr("Participants"), field(self.people, self.errors, "people",
                                                    "people.0", "people.1", "people.2"))
        form.addRow(self.tr("Decision"), field(self.outcome, self.errors, "outcome", "task"))
        form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        form.addRow("", self.band)
        form.addRow(self.tr("Minutes"), field(self.text, self.errors, "text"))
        self.ok.setText(self.tr("Save the conference record"))
        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addWidget(self.ceiling)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

    def submit(self) -> None:
        from ...core.services.handling.temporary import ConferenceInput

        names = tuple(n for n in self.people.text().replace("、", " ").replace("，", " ")
                      .replace(",", " ").split() if n)
        inp = ConferenceInput(cast(date, self.on.date().toPython()), names,
                              self.outcome.currentData(), self.text.toPlainText(),
                              self.amount.text() or None)
        handling, task_id = self.services.handling, self.row.task_id
        self._run(lambda actor: handling.record_conference(task_id, inp, actor))

    def _done(self, result) -> None:
        super()._done(result)
        if result.document is not None:
            self.opener(Path(result.document.path))


class FollowupDialog(ServiceDialog):
    """跟进救助: what was done after the aid and further help referred."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("followupDialog")
        self.setWindowTitle(self.tr("Follow-up"))
        self.row = row
        self.on = date_edit(services.ctx.today(), "followupOn")
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setPlaceholderText(self.tr("e.g. visited the household; temporary housing "
                                             "arranged"))
        self.text.setFixedHeight(80)
        self.text.setTabChangesFocus(True)
        self.referred = QLineEdit()
        self.referred.setObjectName("referred")
        self.referred.setPlaceholderText(self.tr("Optional, e.g. subsistence allowance "
                                                 "application, medical assistance, charity"))
        form = QFormLayout()
        form.addRow(self.tr("Follow-up date"), field(self.on, self.errors, "on"))
        form.addRow(self.tr("What was done"), field(self.text, self.errors, "text", "task"))
        form.addRow(self.tr("Further help referred"), field(self.referred, self.errors,
                                                            "referred"))
        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(600, 320)

    def submit(self) -> None:
        from ...core.services.handling.temporary import FollowupInput

        inp = FollowupInput(cast(date, self.on.date().toPython()), self.text.toPlainText(),
                            self.referred.text())
        handling, task_id = self.services.handling, self.row.task_id
        self._run(lambda actor: handling.record_followup(task_id, inp, actor))


class TemporaryMenu(QToolButton):
    """临时救助管控 ▾ — 补齐手续 / 个案会商 / 跟进救助 on the row ``current()`` gives (the
    tracking screen's selection, the detail's temporary task). ``recorded(text)`` is told
    what was saved; ``run_dialog`` shows a dialog (tests replace it: no modal loop)."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 current: Callable[[], Any], recorded: Callable[[str], object], *,
                 opener: Callable[[Path], object] = open_file,
                 run_dialog: Callable[[QDialog], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temporaryMenuButton")
        self.setText(self.tr("Temporary assistance"))
        self.setToolTip(self.tr("Paperwork completed later, case conference, follow-up"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.services, self.tasks, self.actor = services, tasks, actor
        self.current, self.recorded, self.opener = current, recorded, opener
        self.run_dialog = run_dialog or (lambda d: d.exec())
        menu = QMenu(self)
        menu.setObjectName("temporaryMenu")
        self.paperwork_action = self._action(menu, self.tr("Complete the paperwork…"),
                                             "paperworkAction", self.record_paperwork)
        self.conference_action = self._action(menu, self.tr("Case conference…"),
                                              "conferenceAction", self.record_conference)
        self.followup_action = self._action(menu, self.tr("Follow-up…"), "followupAction",
                                            self.record_followup)
        self.actions_list = [self.paperwork_action, self.conference_action,
                             self.followup_action]
        self.setMenu(menu)
        self.setMinimumWidth(self.sizeHint().width() + 14)  # room for the menu arrow
        self.update_for(None)

    def _action(self, menu: QMenu, text: str, name: str, slot) -> QAction:
        a = QAction(text, self)
        a.setObjectName(name)
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def update_for(self, r) -> None:
        temporary = r is not None and r.item_code in TEMPORARY_ITEMS
        self.paperwork_action.setEnabled(r is not None and (bool(r.urgent) or temporary))
        self.conference_action.setEnabled(temporary and r.status == "in_progress"
                                          and r.handler_code == TOWNSHIP)
        self.followup_action.setEnabled(temporary)
        self.setEnabled(any(a.isEnabled() for a in self.actions_list))

    def _open(self, make: Callable[[Any], QDialog]) -> QDialog | None:
        r = self.current()
        if r is None:
            return None
        dialog = make(r)
        self.run_dialog(dialog)
        return dialog

    def record_paperwork(self) -> QDialog | None:
        return self._open(lambda r: PaperworkDialog(
            self.services, self.tasks, self.actor, r, self.window(), opener=self.opener,
            on_done=lambda res, r=r: self.recorded(fmt(self.tr(
                "Paperwork recorded for %1, %2; checklist %3 printed."), r.applicant,
                r.item_name, res.document.number))))

    def record_conference(self) -> QDialog | None:
        return self._open(lambda r: ConferenceDialog(
            self.services, self.tasks, self.actor, r, self.window(), opener=self.opener,
            on_done=lambda res, r=r: self.recorded(conference_text(self, r, res))))

    def record_followup(self) -> QDialog | None:
        return self._open(lambda r: FollowupDialog(
            self.services, self.tasks, self.actor, r, self.window(),
            on_done=lambda _res, r=r: self.recorded(fmt(self.tr(
                "Follow-up recorded for %1, %2."), r.applicant, r.item_name))))


def conference_text(_widget: QWidget, r, result) -> str:
    if result.document is not None:
        return fmt(QCoreApplication.translate(
            "TemporaryMenu", "Case conference recorded for %1; reported to the county, "
            "referral slip %2 printed."), r.applicant, result.document.number)
    return fmt(QCoreApplication.translate("TemporaryMenu", "Case conference recorded for %1, %2."),
               r.applicant, r.item_name)


def extend_amount_dialog(dialog: ServiceDialog, *, cause: QLineEdit | None = None,
                         opener: Callable[[Path], object] = open_file,
                         on_conference: Callable[[Any], object] | None = None) -> None:
    """The 先行救助 / 回执 dialog of a 临时救助 task: the band hint under its amount, and
    个案会商 in its 报县审批 box (shown when the amount is above the ceiling)."""
    row = getattr(dialog, "row", None)
    amount = getattr(dialog, "amount", None)
    if row is None or amount is None or row.item_code not in TEMPORARY_ITEMS:
        return
    hint = BandHint(dialog.services, row.item_code, amount, cause)
    dialog.band_hint = hint  # type: ignore[attr-defined]
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        box = getattr(dialog, "escalate_box", None)
        index = layout.indexOf(box) if box is not None else -1
        layout.insertWidget(index if index >= 0 else layout.count() - 1, hint)
    box = getattr(dialog, "escalate_box", None)
    if box is None:
        return
    button = QPushButton(QCoreApplication.translate(
        "TemporaryMenu", "Case conference (one case, one decision)…"))
    button.setObjectName("conferenceButton")
    button.setToolTip(QCoreApplication.translate(
        "TemporaryMenu", "Record the case conference above the ceiling; it may report the case "
        "to the county in the same step"))
    form = box.layout()
    if isinstance(form, QFormLayout):
        form.addRow("", button)

    def open_conference() -> ConferenceDialog:
        conference = ConferenceDialog(
            dialog.services, dialog.tasks, dialog.actor, row, dialog, opener=opener,
            outcome="escalate", amount=amount.text(),
            on_done=lambda res: _conference_done(dialog, res, on_conference))
        dialog.conference = conference  # type: ignore[attr-defined]
        conference.open()
        return conference

    button.clicked.connect(open_conference)
    dialog.conference_button = button  # type: ignore[attr-defined]


def _conference_done(dialog: QDialog, result, on_conference) -> None:
    if on_conference is not None:
        on_conference(result)
    if result.document is not None:  # reported to the county: the amount dialog is done
        dialog.accept()


__all__ = ["BandHint", "ConferenceDialog", "FollowupDialog", "PaperworkDialog",
           "TemporaryMenu", "extend_amount_dialog"]
