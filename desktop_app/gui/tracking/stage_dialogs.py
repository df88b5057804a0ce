"""The dialogs of the 审核确认 procedure (issue 13): one per step of a township-handled
task — 入户调查, 信息核对, 民主评议 (when disputed), 公示 (start: the village's 公示名单;
conclusion: objections and how they were resolved), 审核确认 / 初审, 报县 (上报清单),
县级审核确认 typed from the paper reply — and 延期 (延期告知书).

Each dialog builds a :class:`~desktop_app.core.services.handling.stage_types.StageInput`
(or calls ``start_publicity`` / ``report_to_county`` for a batch) through the
:class:`~desktop_app.gui.kit.tasks.TaskRunner` write lane; the service's
``ValidationErrors`` appear next to the fields they name (``StageInput`` field names)
and nothing is written. When the step produced a document (延期告知书, 公示名单,
上报清单, 入户调查表) the dialog stays open on it with 打印… / 预览 / 打开PDF / 另存为….
``dialog_for(...)`` picks the dialog of a task's current step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.services.handling.stage_types import StageInput, StagePlan, StageView
from ..intake.items import material_choices
from ..kit.fmt import fmt
from ..kit.labels import due_text
from ..kit.print_actions import DocumentActions
from ..kit.tasks import TaskRunner
from ..kit.widgets import open_file
from .dialogs import ServiceDialog, _task_line, date_edit, field, month_end

if TYPE_CHECKING:
    from ...core.services import Services


def _day(edit) -> date:
    return cast(date, edit.date().toPython())


def _set_day(edit, day: date | None) -> None:
    if day is not None:
        edit.setDate(QDate(cast(Any, day)))  # PySide6 takes a date (the stubs do not say)


def text_edit(name: str, placeholder: str = "") -> QPlainTextEdit:
    """A few lines of text; Tab moves on (keyboard first), not a tab character."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(72)
    return edit


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def step_of(plan: StagePlan | None, code: str) -> StageView | None:
    if plan is None:
        return None
    return next((s for s in plan.steps if s.code == code), None)


class PeoplePicker(QWidget):
    """Investigators / participants: tick active staff accounts (Space) and type other
    names (separated by 、 or a comma)."""

    def __init__(self, names: Sequence[str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.list = QListWidget()
        self.list.setObjectName(f"{name}Staff")
        for person in names:
            entry = QListWidgetItem(person)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        self.list.setFixedHeight(min(4, max(1, len(names))) * 22 + 8)
        self.others = line_edit(f"{name}Others", self.tr("Other people, separated by 、"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.list)
        column.addWidget(self.others)
        self.setFocusProxy(self.list)

    def check(self, person: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).text() == person:
                self.list.item(i).setCheckState(Qt.CheckState.Checked)

    def people(self) -> tuple[str, ...]:
        ticked = [self.list.item(i).text() for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        typed = self.others.text().replace("，", "、").replace(",", "、").split("、")
        out: list[str] = []
        for person in ticked + [t.strip() for t in typed]:
            if person and person not in out:
                out.append(person)
        return tuple(out)


class PeriodEdit(QWidget):
    """From – to months, off for a refusal or a one-off amount."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = QCheckBox(self.tr("Monthly, from"))
        self.on.setObjectName("hasPeriod")
        self.start = date_edit(today.replace(day=1), "periodFrom", "yyyy-MM")
        self.end = date_edit(today.replace(day=1), "periodTo", "yyyy-MM")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.on)
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addStretch(1)
        self.on.toggled.connect(self._toggled)
        self._toggled()

    def _toggled(self) -> None:
        self.start.setEnabled(self.on.isChecked())
        self.end.setEnabled(self.on.isChecked())

    def set_period(self, start: date, end: date) -> None:
        self.on.setChecked(True)
        _set_day(self.start, start)
        _set_day(self.end, end)

    def value(self) -> tuple[date | None, date | None]:
        if not (self.isEnabled() and self.on.isChecked()):
            return None, None
        return _day(self.start).replace(day=1), month_end(_day(self.end))


class MaterialsBox(QWidget):
    """A status combo per material of a task still owed (e.g. the bank account asked for
    at 审核确认): the first entry keeps the current status (尚未提供 / 待低保认定), the
    others are the statuses the catalogue allows (收到 / 告知承诺 / 信息共享)."""

    def __init__(self, rows: Sequence[tuple[Any, str]], keep_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsBox")
        self.boxes: dict[str, tuple[QComboBox, str]] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for material, status in rows:
            box = QComboBox()
            box.setObjectName(f"material_{material.code}")
            box.addItem(keep_label, status)
            for code in material_choices(material):
                if code not in ("missing", "na", "awaiting"):
                    box.addItem(vocab.MATERIAL_LABELS[code], code)
            self.boxes[material.code] = (box, status)
            form.addRow(material.name, box)

    def values(self) -> dict[str, str]:
        """``{code: status}`` of the materials whose status the clerk changed."""
        return {code: box.currentData() for code, (box, status) in self.boxes.items()
                if box.currentData() != status}


class StageDialog(ServiceDialog):
    """One step of one task: fields, the service call, the document it produced."""

    stage = ""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 plan: StagePlan | None = None, on_done=None,
                 opener: Callable[[Path], object] = open_file) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName(f"{self.stage}Dialog")
        self.row, self.plan, self.opener = row, plan, opener
        self.today = services.ctx.today()
        self.view = step_of(plan, self.stage)
        self.produced: Any = None
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel()
        self.hint.setObjectName("stageHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.produced_label = QLabel()
        self.produced_label.setObjectName("producedLabel")
        self.produced_label.setWordWrap(True)
        self.produced_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.document = DocumentActions(opener=opener)
        self.document.setObjectName("stageDocument")
        self.produced_label.setVisible(False)
        self.document.setVisible(False)
        layout = QVBoxLayout(self)
        if row is not None:
            layout.addWidget(_task_line(row))
        layout.addWidget(self.hint)
        layout.addWidget(self.form_box)
        layout.addWidget(self.produced_label)
        layout.addWidget(self.document)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.build()
        self.hint.setText(self.hint_text())
        self.hint.setVisible(bool(self.hint.text()))
        self.resize(640, max(self.sizeHint().height(), 260))

    # -- to override ----------------------------------------------------------------------------
    def build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def stage_input(self) -> StageInput:  # pragma: no cover - overridden
        raise NotImplementedError

    def hint_text(self) -> str:
        v = self.view
        if v is not None and v.due_date is not None:
            return fmt(self.tr("This stage is due by %1."), due_text(v.due_date, v.due_provisional))
        if self.plan is None or self.plan.due_date is None:
            return ""
        return fmt(self.tr("The procedure is due by %1."),
                   due_text(self.plan.due_date, self.plan.due_provisional))

    # -- helpers --------------------------------------------------------------------------------
    def add(self, label: str, widget: QWidget, *paths: str) -> None:
        self.form.addRow(label, field(widget, self.errors, *paths))

    def started(self, name: str = "startedOn") -> QWidget:
        self.started_on = date_edit(self.today, name)
        return self.started_on

    def add_due_materials(self) -> None:
        """The materials asked for at 审核确认 still owed (the bank account): recorded
        with the step; an approval is refused while they are owed."""
        self.due_materials: MaterialsBox | None = None
        rows = self.services.handling.material_choices_of(self.row.task_id,
                                                          due_at_decision=True)
        if not rows:
            return
        self.due_materials = MaterialsBox(rows, self.tr("Not provided yet"))
        paths = ["materials"] + [f"materials.{self.row.item_code}.{m.code}" for m, _ in rows]
        self.add(self.tr("Materials due now"), self.due_materials, *paths)

    def materials_given(self) -> dict[str, str]:
        box = getattr(self, "due_materials", None)
        return box.values() if box is not None else {}

    def outcome_box(self, choices: Sequence[tuple[str, str]]) -> QComboBox:
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code, label in choices:
            self.outcome.addItem(label, code)
        return self.outcome

    # -- running --------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.produced is not None:
            self.accept()
            return
        data = self.stage_input()
        handling, task_id = self.services.handling, self.row.task_id
        self._run(lambda actor: handling.record_stage(task_id, data, actor))

    def _done(self, result) -> None:
        self.ok.setEnabled(True)
        self.errors.clear()
        if self.on_done is not None:
            self.on_done(result)
        info = getattr(result, "value", None)
        if info is not None and getattr(info, "path", None):
            self.show_document(info)
        else:
            self.accept()

    def show_document(self, info) -> None:
        """The step is recorded; its document is offered for printing here."""
        self.produced = info
        self.form_box.setEnabled(False)
        title = getattr(info, "title", "") or self.document_title()
        self.produced_label.setText(fmt(self.tr(
            "Recorded. %1 %2 is ready: print it, preview it or open the PDF."), title,
            info.number))
        self.produced_label.setVisible(True)
        self.document.set_document(info.path, info.number, record=self._recorder(info))
        self.document.setVisible(True)
        self.ok.setText(self.tr("Close"))
        for button in self.buttons.buttons():
            if button is not self.ok:
                button.setVisible(False)
        self.document.print_button.setFocus()

    def document_title(self) -> str:
        return ""

    def _recorder(self, info):
        """Counts a print of ``info``: a document of the application, or a list
        (公示名单, 报批名单) — issue 14."""
        from ..kit.print_actions import print_recorder

        ids = [info.id]
        if hasattr(info, "application_id"):
            return print_recorder(self.services, self.tasks, self.actor, owner=self,
                                  documents=ids)
        return print_recorder(self.services, self.tasks, self.actor, owner=self, lists=ids)


# -- the steps -------------------------------------------------------------------------------------
class VisitDialog(StageDialog):
    """入户调查: ≥ 2 investigators, the day, the findings; the 入户调查表 to take along."""

    stage = "visit"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Record the home visit"))
        names = [p.name for p in self.services.setup.staff()]
        self.people = PeoplePicker(names, "investigators")
        self.findings = text_edit("findings", self.tr(
            "What the investigators found: housing, income, property, living conditions"))
        self.add(self.tr("Visit date"), self.started("visitOn"), "started_on")
        self.add(self.tr("Investigators (at least two)"), self.people, "people")
        self.add(self.tr("Findings"), self.findings, "text")
        self.print_form = self.buttons.addButton(
            self.tr("Print the visit form…"), self.buttons.ButtonRole.ActionRole)
        self.print_form.setObjectName("printVisitForm")
        self.print_form.setToolTip(self.tr(
            "The household's facts prefilled, with blanks for the findings and the signatures"))
        self.print_form.clicked.connect(self.print_visit_form)

    def stage_input(self) -> StageInput:
        return StageInput(stage="visit", started_on=_day(self.started_on),
                          people=self.people.people(), text=self.findings.toPlainText())

    def print_visit_form(self) -> None:
        actor = self.actor()
        if actor is None:
            return
        handling, task_id = self.services.handling, self.row.task_id

        def done(outcome) -> None:
            info = outcome.value
            self.document.set_document(info.path, info.number, record=self._recorder(info))
            self.document.setVisible(True)
            self.produced_label.setText(fmt(self.tr("Visit form %1 is ready."), info.number))
            self.produced_label.setVisible(True)

        self.tasks.run(lambda: handling.print_visit_form(task_id, actor), done, self._failed,
                       owner=self)


class CheckDialog(StageDialog):
    """信息核对: the request to the 核对 centre, then its report (may come later)."""

    stage = "check"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Record the economic-status check"))
        self.result_in = QCheckBox(self.tr("The check report has come back"))
        self.result_in.setObjectName("resultIn")
        self.done_on = date_edit(self.today, "resultOn")
        self.ref = line_edit("reportNumber", self.tr("Number on the check report"))
        self.outcome_box([("match", self.tr("Consistent with the declaration")),
                          ("discrepancy", self.tr("Differs from the declaration"))])
        self.explained = text_edit("discrepancies", self.tr(
            "What differs and how it was explained"))
        self.add(self.tr("Requested on"), self.started("requestedOn"), "started_on")
        self.form.addRow("", self.result_in)
        self.add(self.tr("Report date"), self.done_on, "done_on")
        self.add(self.tr("Report number"), self.ref, "ref")
        self.add(self.tr("Result"), self.outcome, "outcome")
        self.add(self.tr("Discrepancies explained"), self.explained, "text")
        if self.view is not None and self.view.started_on is not None:
            _set_day(self.started_on, self.view.started_on)   # the request is on record
            self.result_in.setChecked(True)
        self.result_in.toggled.connect(self._toggled)
        self.outcome.currentIndexChanged.connect(self._toggled)
        self._toggled()

    def _toggled(self) -> None:
        on = self.result_in.isChecked()
        for w in (self.done_on, self.ref, self.outcome):
            w.setEnabled(on)
        self.explained.setEnabled(on and self.outcome.currentData() == "discrepancy")

    def stage_input(self) -> StageInput:
        on = self.result_in.isChecked()
        return StageInput(
            stage="check", started_on=_day(self.started_on),
            done_on=_day(self.done_on) if on else None, ref=self.ref.text() if on else "",
            outcome=self.outcome.currentData() if on else "",
            text=self.explained.toPlainText() if self.explained.isEnabled() else "")


class VillageReviewDialog(StageDialog):
    """民主评议, held only because the clerk records a dispute."""

    stage = "review"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Record a dispute and the village review"))
        self.dispute = text_edit("dispute", self.tr("What is disputed, and by whom"))
        self.people = PeoplePicker([p.name for p in self.services.setup.staff()], "participants")
        self.outcome_box([("approved", self.tr("The review supports the application")),
                          ("refused", self.tr("The review does not support it"))])
        self.conclusion = text_edit("conclusion", self.tr("The review's conclusion"))
        self.add(self.tr("Dispute"), self.dispute, "details.dispute", "details")
        self.add(self.tr("Review date"), self.started("reviewOn"), "started_on")
        self.add(self.tr("Participants"), self.people, "people")
        self.add(self.tr("Outcome"), self.outcome, "outcome")
        self.add(self.tr("Conclusion"), self.conclusion, "text")

    def stage_input(self) -> StageInput:
        return StageInput(stage="review", started_on=_day(self.started_on),
                          people=self.people.people(), outcome=self.outcome.currentData(),
                          text=self.conclusion.toPlainText(),
                          details={"dispute": self.dispute.toPlainText()})


class PublicityEndDialog(StageDialog):
    """公示 concluded: objections received and how they were resolved."""

    stage = "publicity"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Conclude the public notice"))
        self.done_on = date_edit(self.today, "concludedOn")
        self.outcome_box([("no_objection", self.tr("No objection")),
                          ("objection_resolved", self.tr("Objections resolved")),
                          ("objection_upheld", self.tr("Objections upheld"))])
        self.objections = text_edit("objections", self.tr("Objections received, by whom and when"))
        self.resolution = text_edit("resolution", self.tr("How they were checked and resolved"))
        self.add(self.tr("Concluded on"), self.done_on, "done_on")
        self.add(self.tr("Outcome"), self.outcome, "outcome")
        self.add(self.tr("Objections"), self.objections, "text", "details.objections")
        self.add(self.tr("Resolution"), self.resolution, "details.resolution", "details")
        self.outcome.currentIndexChanged.connect(self._toggled)
        self._toggled()

    def hint_text(self) -> str:
        v = self.view
        if v is None or v.started_on is None:
            return super().hint_text()
        return fmt(self.tr("Public notice from %1 to %2."), v.started_on.isoformat(),
                   v.ends_on.isoformat() if v.ends_on else "—")

    def _toggled(self) -> None:
        objected = self.outcome.currentData() != "no_objection"
        self.objections.setEnabled(objected)
        self.resolution.setEnabled(objected)

    def stage_input(self) -> StageInput:
        v = self.view
        objected = self.outcome.currentData() != "no_objection"
        details: dict[str, object] = {}
        text = ""
        if objected:
            text = self.objections.toPlainText()
            details = {"objections": text, "resolution": self.resolution.toPlainText()}
        return StageInput(
            stage="publicity", started_on=v.started_on if v and v.started_on else _day(self.done_on),
            ends_on=v.ends_on if v else None, done_on=_day(self.done_on),
            outcome=self.outcome.currentData(), text=text, details=details)


class DecisionDialog(StageDialog):
    """审核确认 where the township confirms: approve with amount and period, or refuse
    with the reason."""

    stage = "decision"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Township confirmation"))
        self.outcome_box([("approved", self.tr("Approved")), ("refused", self.tr("Refused"))])
        self.amount = line_edit("amount", self.tr("Yuan, e.g. 620 (monthly)"))
        self.period = PeriodEdit(self.today)
        self.reason = text_edit("decisionText", self.tr(
            "The decision; for a refusal the reasons the notice will give"))
        self.add(self.tr("Decided on"), self.started("decidedOn"), "started_on")
        self.add(self.tr("Decision"), self.outcome, "outcome")
        self.add(self.tr("Amount (yuan)"), self.amount, "amount")
        self.add(self.tr("Assistance period"), self.period, "period_from", "period_to")
        self.add(self.tr("Opinion / reasons"), self.reason, "text")
        if self.stage == "decision":          # never for the county's own confirmation
            self.add_due_materials()
        self.outcome.currentIndexChanged.connect(self._toggled)
        self._toggled()

    def _toggled(self) -> None:
        approved = self.outcome.currentData() == "approved"
        self.amount.setEnabled(approved)
        self.period.setEnabled(approved)

    def stage_input(self) -> StageInput:
        approved = self.outcome.currentData() == "approved"
        start, end = self.period.value()
        return StageInput(stage=self.stage, started_on=_day(self.started_on),
                          outcome=self.outcome.currentData(),
                          amount=self.amount.text() if approved else None,
                          period_from=start, period_to=end, text=self.reason.toPlainText(),
                          materials=self.materials_given())


class FirstReviewDialog(StageDialog):
    """初审 where the county confirms: the township's opinion, reported next."""

    stage = "first_review"

    def build(self) -> None:
        self.setWindowTitle(self.tr("First review opinion"))
        self.outcome_box([("approved", self.tr("Recommend approval")),
                          ("refused", self.tr("Recommend refusal"))])
        self.opinion = text_edit("opinion", self.tr("The township's opinion for the county"))
        self.add(self.tr("Reviewed on"), self.started("reviewedOn"), "started_on")
        self.add(self.tr("Opinion"), self.outcome, "outcome")
        self.add(self.tr("Opinion text"), self.opinion, "text")
        self.add_due_materials()

    def stage_input(self) -> StageInput:
        return StageInput(stage="first_review", started_on=_day(self.started_on),
                          outcome=self.outcome.currentData(), text=self.opinion.toPlainText(),
                          materials=self.materials_given())


class CountyDialog(DecisionDialog):
    """县级审核确认 typed from the county's paper reply."""

    stage = "county"

    def build(self) -> None:
        super().build()
        self.setWindowTitle(self.tr("County confirmation (paper reply)"))
        self.ref = line_edit("countyRef", self.tr("Document number on the county's reply"))
        self.form.insertRow(2, self.tr("Reply number"), field(self.ref, self.errors, "ref"))

    def stage_input(self) -> StageInput:
        base = super().stage_input()
        return StageInput(stage="county", started_on=base.started_on, outcome=base.outcome,
                          amount=base.amount, period_from=base.period_from,
                          period_to=base.period_to, text=base.text, ref=self.ref.text(),
                          source="paper")


class ExtensionDialog(StageDialog):
    """延期: the reason; the catalogue's days are added and the 延期告知书 printed."""

    stage = "extension"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Extend the time limit"))
        self.reason = text_edit("extensionReason", self.tr(
            "Why the time limit must be extended (printed on the notice to the applicant)"))
        self.add(self.tr("Decided on"), self.started("extendedOn"), "started_on")
        self.add(self.tr("Reason"), self.reason, "text")
        self.ok.setText(self.tr("Extend and print the notice"))

    def hint_text(self) -> str:
        try:
            days = self.services.ctx.catalog.item(self.row.item_code).extension_workdays
        except Exception:
            days = 0
        due = (due_text(self.plan.due_date, self.plan.due_provisional)
               if self.plan is not None and self.plan.due_date else "—")
        return fmt(self.tr("Due now: %1. The extension adds %2 working day(s); the applicant "
                           "gets a written notice."), due, str(days))

    def stage_input(self) -> StageInput:
        return StageInput(stage="extension", started_on=_day(self.started_on),
                          text=self.reason.toPlainText())


# -- batches: 公示名单 and 上报清单 ------------------------------------------------------------------
def awaiting(services: Services, stage: str, *, village_id: int | None = None) -> list[Any]:
    """Open tasks whose current step is ``stage`` and not started yet (a bounded read:
    the open tasks, then the plan of the few at that step)."""
    from ...core.services import TaskFilter

    out = []
    for r in services.handling.tasks(TaskFilter(village_id=village_id)):
        if getattr(r, "stage", None) != stage:
            continue
        try:
            view = step_of(services.handling.stage_plan(r.task_id), stage)
        except Exception:
            continue
        if view is not None and view.state == "current":
            out.append(r)
    return out


class BatchDialog(StageDialog):
    """Several tasks at one step, listed with check boxes; one list document."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, rows=None, parent=None, *,
                 chosen: Sequence[int] = (), on_done=None,
                 opener: Callable[[Path], object] = open_file) -> None:
        self.chosen = set(chosen)
        self.initial_rows = list(rows or [])
        super().__init__(services, tasks, actor, None, parent, on_done=on_done, opener=opener)

    def task_list(self) -> QListWidget:
        self.tasks_view = QListWidget()
        self.tasks_view.setObjectName("batchTasks")
        self.tasks_view.setMinimumHeight(140)
        return self.tasks_view

    def fill(self, rows: Sequence[Any]) -> None:
        self.tasks_view.clear()
        for r in rows:
            entry = QListWidgetItem(f"{r.number}　{r.applicant}　{r.village}　{r.item_name}")
            entry.setData(Qt.ItemDataRole.UserRole, r.task_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if not self.chosen or r.task_id in self.chosen
                                else Qt.CheckState.Unchecked)
            self.tasks_view.addItem(entry)
        self.ok.setEnabled(bool(rows))
        self.hint.setText("" if rows else self.tr("No item is waiting for this step."))
        self.hint.setVisible(not rows)

    def task_ids(self) -> list[int]:
        return [int(self.tasks_view.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.tasks_view.count())
                if self.tasks_view.item(i).checkState() == Qt.CheckState.Checked]

    def hint_text(self) -> str:
        return "" if self.tasks_view.count() else self.tr("No item is waiting for this step.")


class PublicityDialog(BatchDialog):
    """公示 started for a village: its tasks awaiting 公示 → the village's 公示名单
    (the privacy exclusions are the service's)."""

    stage = "publicity"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Start the public notice"))
        self.village = QComboBox()
        self.village.setObjectName("publicityVillage")
        for v in self.services.setup.villages():
            self.village.addItem(v.name, v.id)
        villages = {getattr(r, "village", None) for r in self.initial_rows}
        if len(villages) == 1:
            self.village.setCurrentIndex(max(self.village.findText(villages.pop() or ""), 0))
        self.add(self.tr("Village"), self.village, "village_id")
        self.add(self.tr("Starts on"), self.started("publicityStart"), "started_on")
        self.add(self.tr("Tasks awaiting public notice"), self.task_list(), "task_ids", "tasks")
        self.ok.setText(self.tr("Start and print the list"))
        self.village.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.fill(awaiting(self.services, "publicity", village_id=self.village.currentData()))

    def submit(self) -> None:
        if self.produced is not None:
            self.accept()
            return
        handling, village_id = self.services.handling, self.village.currentData()
        ids, on = self.task_ids(), _day(self.started_on)
        self._run(lambda actor: handling.start_publicity(village_id, ids, on, actor))

    def document_title(self) -> str:
        return self.tr("Public notice list")


class ReportDialog(BatchDialog):
    """报县: the tasks whose 初审 is done → one 上报清单 to the county civil affairs bureau."""

    stage = "report"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Report to the county"))
        self.add(self.tr("Reported on"), self.started("reportOn"), "started_on", "on")
        self.add(self.tr("Tasks to report"), self.task_list(), "task_ids", "tasks")
        self.ok.setText(self.tr("Report and print the list"))
        self.fill(awaiting(self.services, "report"))

    def submit(self) -> None:
        if self.produced is not None:
            self.accept()
            return
        handling, ids, on = self.services.handling, self.task_ids(), _day(self.started_on)
        self._run(lambda actor: handling.report_to_county(ids, on, actor))

    def document_title(self) -> str:
        return self.tr("Report list")


STEP_DIALOGS: dict[str, type[StageDialog]] = {
    "visit": VisitDialog, "check": CheckDialog, "review": VillageReviewDialog,
    "first_review": FirstReviewDialog, "decision": DecisionDialog, "county": CountyDialog,
    "extension": ExtensionDialog,
}


def dialog_for(services: Services, tasks: TaskRunner, actor, row, plan: StagePlan,
               parent: QWidget | None = None, *, stage: str | None = None,
               on_done=None, opener: Callable[[Path], object] = open_file) -> StageDialog | None:
    """The dialog of ``stage`` (default: the plan's current step) for one task."""
    code = stage or plan.current
    if code is None:
        return None
    if code == "publicity":
        view = step_of(plan, "publicity")
        if view is not None and view.state == "running":
            return PublicityEndDialog(services, tasks, actor, row, parent, plan=plan,
                                      on_done=on_done, opener=opener)
        return PublicityDialog(services, tasks, actor, [row], parent, chosen=[row.task_id],
                               on_done=on_done, opener=opener)
    if code == "report":
        return ReportDialog(services, tasks, actor, [row], parent, chosen=[row.task_id],
                            on_done=on_done, opener=opener)
    cls = STEP_DIALOGS.get(code)
    if cls is None:
        return None
    return cls(services, tasks, actor, row, parent, plan=plan, on_done=on_done, opener=opener)


#: Step codes whose dialog this module offers (the side records 补齐手续 / 个案会商 /
#: 跟进救助 have their own dialogs, from the temporary-assistance part).
OFFERED = frozenset(STEP_DIALOGS) | {"publicity", "report"}
STAGE_NAMES = vocab.STAGE_LABELS

__all__ = ["BatchDialog", "CheckDialog", "CountyDialog", "DecisionDialog", "ExtensionDialog",
           "FirstReviewDialog", "OFFERED", "PeoplePicker", "PublicityDialog",
           "PublicityEndDialog", "ReportDialog", "StageDialog", "VillageReviewDialog", "VisitDialog",
           "awaiting", "dialog_for", "step_of"]


class WaitingDecisionDialog(ServiceDialog):
    """A task waiting for the household's 低保/特困 whose status was not confirmed
    (refused, withdrawn): the clerk records how its awaited materials are provided now
    (``record_task_materials``) — the task is released and its time limit starts."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("waitingDecisionDialog")
        self.setWindowTitle(self.tr("Status not confirmed: decide"))
        self.row = row
        rows = [(m, status) for m, status in
                services.handling.material_choices_of(row.task_id) if status == "awaiting"]
        hint = QLabel(self.tr(
            "The status this item waited for was not confirmed. Record how the materials "
            "are provided now to go on handling it (its time limit starts today), or "
            "withdraw the application."))
        hint.setObjectName("waitingHint")
        hint.setWordWrap(True)
        self.materials = MaterialsBox(rows, self.tr("Still waiting"))
        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addWidget(hint)
        layout.addWidget(field(self.materials, self.errors, "materials", "task",
                               *[f"materials.{row.item_code}.{m.code}" for m, _ in rows]))
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, max(self.sizeHint().height(), 220))

    def submit(self) -> None:
        values = self.materials.values()
        if not values:
            self.general.show_messages([self.tr("Choose how each material is provided now.")])
            return
        handling, task_id = self.services.handling, self.row.task_id
        self._run(lambda actor: handling.record_task_materials(task_id, values, actor))
