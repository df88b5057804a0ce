"""特困照料 (issue 15 item 5): the tab of the 动态管理 screen, the assessment / agreement
dialog and the detail window's button for a TEKUN task.

* :class:`CareTab` — two lists: 委托照料协议 ending within the setting's reminder days,
  and 特困 persons receiving support with no self-care assessment, or 分散供养 and 失能
  without an agreement in force (never signed, ended, expired). 评估/签订协议… opens
  :class:`CareDialog`; 终止协议… :class:`EndDialog`; 打开办件 (or a double click) asks the
  main window to open the application.
* :class:`CareDialog` — the six indicators of 民发〔2021〕43号 (能 / 不能), the level as the
  rules find it (live), 集中 / 分散供养, and for 分散供养 the agreement: caretaker, services,
  term (default from the setting), the monthly 照料护理标准 of the level. Saving prints the
  生活自理能力评估表 and the 委托照料协议 (opened at once).
* :class:`CareButton` — 特困照料… in the application detail, for its TEKUN task.

Writes go through the runner's write lane; the lists are read on the read lane and
refresh on the change bus (applications, settings, everything).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.rules import care as rules
from ...core.rules.values import format_yuan
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.labels import QT_TRANSLATE_NOOP
from ..kit.tasks import READ, TaskRunner
from ..kit.widgets import ErrorLabel, ListTableModel, open_file, row_table
from ..tracking.dialogs import ServiceDialog, date_edit, field

if TYPE_CHECKING:
    from ...core.services import Services

TEKUN = "TEKUN"
#: Labels shown on screen (English sources, translated; the printed words are the rules').
INDICATOR_LABELS = {
    "eat": QT_TRANSLATE_NOOP("CareDialog", "Eats unaided"),
    "dress": QT_TRANSLATE_NOOP("CareDialog", "Dresses unaided"),
    "bed": QT_TRANSLATE_NOOP("CareDialog", "Gets in and out of bed unaided"),
    "toilet": QT_TRANSLATE_NOOP("CareDialog", "Uses the toilet unaided"),
    "walk": QT_TRANSLATE_NOOP("CareDialog", "Walks indoors unaided"),
    "bath": QT_TRANSLATE_NOOP("CareDialog", "Bathes unaided"),
}
LEVEL_LABELS = {
    rules.ABLE: QT_TRANSLATE_NOOP("CareDialog", "Able to care for themself"),
    rules.PARTIAL: QT_TRANSLATE_NOOP("CareDialog", "Partly lost self-care"),
    rules.FULL: QT_TRANSLATE_NOOP("CareDialog", "Wholly lost self-care"),
}
MODE_LABELS = {
    rules.CENTRALIZED: QT_TRANSLATE_NOOP("CareDialog", "Centralised (in an institution)"),
    rules.DISPERSED: QT_TRANSLATE_NOOP("CareDialog", "Dispersed (at home)"),
}
CARETAKER_LABELS = {
    "relative": QT_TRANSLATE_NOOP("CareDialog", "Relative or friend"),
    "village": QT_TRANSLATE_NOOP("CareDialog", "Village (residents') committee"),
    "institution": QT_TRANSLATE_NOOP("CareDialog", "Care institution"),
    "organisation": QT_TRANSLATE_NOOP("CareDialog", "Social organisation or social work agency"),
}
SERVICE_LABELS = {
    "watch": QT_TRANSLATE_NOOP("CareDialog", "Daily looking-after"),
    "daily": QT_TRANSLATE_NOOP("CareDialog", "Personal care"),
    "hospital": QT_TRANSLATE_NOOP("CareDialog", "Company in hospital"),
    "meals": QT_TRANSLATE_NOOP("CareDialog", "Meals"),
    "cleaning": QT_TRANSLATE_NOOP("CareDialog", "Cleaning"),
    "errands": QT_TRANSLATE_NOOP("CareDialog", "Errands"),
}
PROBLEM_LABELS = {
    "ending_soon": QT_TRANSLATE_NOOP("CareTab", "Ends soon"),
    "expired": QT_TRANSLATE_NOOP("CareTab", "Expired, not renewed"),
    "ended": QT_TRANSLATE_NOOP("CareTab", "Ended early, no new agreement"),
    "no_assessment": QT_TRANSLATE_NOOP("CareTab", "No self-care assessment"),
    "no_agreement": QT_TRANSLATE_NOOP("CareTab", "Dispersed, lost self-care, no agreement"),
}


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _exec(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: Any) -> date:
    return cast(date, edit.date().toPython())


# -- the dialog -----------------------------------------------------------------------------------

class CareDialog(ServiceDialog):
    """生活自理能力评估 and 委托照料协议 for one TEKUN task."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 task_id: int, parent: QWidget | None = None, *,
                 opener: Callable[[Path], object] = open_file,
                 on_done: Callable[[Any], object] | None = None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("careDialog")
        self.setWindowTitle(self.tr("Self-care assessment and entrusted care"))
        self.task_id, self.opener = task_id, opener
        self.form_data = services.care.form(task_id)
        f = self.form_data
        current = f.current
        self.setting = f.setting

        heading = QLabel(fmt(self.tr("%1　support for persons in extreme poverty"), f.number))
        heading.setObjectName("taskLine")
        heading.setStyleSheet("font-weight: bold;")
        self.person = QComboBox()
        self.person.setObjectName("person")
        for position, name in f.people:
            self.person.addItem(name, position)
        if current is not None:
            self.person.setCurrentIndex(max(self.person.findData(current.member_position), 0))
        self.assessed_on = date_edit(f.today, "assessedOn")
        self.assessors = QLineEdit(" ".join(current.assessors) if current else "")
        self.assessors.setObjectName("assessors")
        self.assessors.setPlaceholderText(self.tr("Names separated by spaces, at least two"))

        # the six indicators: 能 / 不能
        self.indicators: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for row, (code, _label) in enumerate(rules.INDICATORS):
            group = QButtonGroup(self)
            yes = QRadioButton(self.tr("Can"))
            yes.setObjectName(f"{code}Yes")
            no = QRadioButton(self.tr("Cannot"))
            no.setObjectName(f"{code}No")
            group.addButton(yes, 1)
            group.addButton(no, 0)
            if current is not None and code in current.indicators:
                (yes if current.indicators[code] else no).setChecked(True)
            group.idClicked.connect(lambda _id: self._update_level())
            self.indicators[code] = group
            grid.addWidget(QLabel(_t("CareDialog", INDICATOR_LABELS[code])), row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
        self.indicator_error = ErrorLabel()
        for code in rules.INDICATOR_CODES:
            self.errors.register(f"indicators.{code}", None, self.indicator_error)
        self.level = QLabel()
        self.level.setObjectName("levelLabel")
        self.level.setWordWrap(True)
        self.level.setStyleSheet("font-weight: bold;")
        indicators_box = QGroupBox(self.tr("Self-care (six indicators, 民发〔2021〕43号)"))
        box_layout = QVBoxLayout(indicators_box)
        box_layout.addLayout(grid)
        box_layout.addWidget(self.indicator_error)
        box_layout.addWidget(self.level)

        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for code, _label in rules.MODES:
            self.mode.addItem(_t("CareDialog", MODE_LABELS[code]), code)
        self.mode.setCurrentIndex(max(self.mode.findData(current.mode if current
                                                         else rules.DISPERSED), 0))
        self.institution = QLineEdit(current.institution if current else "")
        self.institution.setObjectName("institution")
        self.institution.setPlaceholderText(self.tr("e.g. the township's home for the elderly"))

        self.agreement = QGroupBox(self.tr("Entrusted care agreement (dispersed support)"))
        self.agreement.setObjectName("agreementBox")
        self.agreement.setCheckable(True)
        self.agreement.setChecked(True)
        self.caretaker_kind = QComboBox()
        self.caretaker_kind.setObjectName("caretakerKind")
        self.caretaker_kind.addItem(self.tr("— choose —"), "")
        for code, _label in rules.CARETAKER_KINDS:
            self.caretaker_kind.addItem(_t("CareDialog", CARETAKER_LABELS[code]), code)
        self.caretaker_name = QLineEdit(current.caretaker_name if current else "")
        self.caretaker_name.setObjectName("caretakerName")
        self.caretaker_relation = QLineEdit(current.caretaker_relation if current else "")
        self.caretaker_relation.setObjectName("caretakerRelation")
        self.caretaker_relation.setPlaceholderText(self.tr("e.g. nephew, neighbour"))
        self.caretaker_phone = QLineEdit(current.caretaker_phone if current else "")
        self.caretaker_phone.setObjectName("caretakerPhone")
        self.caretaker_address = QLineEdit(current.caretaker_address if current else "")
        self.caretaker_address.setObjectName("caretakerAddress")
        if current is not None and current.caretaker_kind:
            self.caretaker_kind.setCurrentIndex(
                max(self.caretaker_kind.findData(current.caretaker_kind), 0))
        self.services_boxes: dict[str, QCheckBox] = {}
        services_row = QGridLayout()
        chosen = set(current.services) if current else {"watch", "daily", "hospital"}
        for i, (code, _label) in enumerate(rules.SERVICES):
            box = QCheckBox(_t("CareDialog", SERVICE_LABELS[code]))
            box.setObjectName(f"service_{code}")
            box.setChecked(code in chosen)
            self.services_boxes[code] = box
            services_row.addWidget(box, i // 3, i % 3)
        services_widget = QWidget()
        services_widget.setLayout(services_row)
        start = f.today
        if current is not None and current.ends_on is not None and current.ended_on is None \
                and current.ends_on >= f.today:
            start = date.fromordinal(current.ends_on.toordinal() + 1)   # a renewal follows on
        self.starts_on = date_edit(start, "startsOn")
        self.ends_on = date_edit(rules.default_end(start, int(str(self.setting["term_months"]))),
                                 "endsOn")
        self.starts_on.dateChanged.connect(self._default_end)
        self.signed_on = date_edit(f.today, "signedOn")
        self.amount = QLabel()
        self.amount.setObjectName("amountLabel")
        agreement_form = QFormLayout(self.agreement)
        agreement_form.addRow(self.tr("Caretaker kind"), field(self.caretaker_kind, self.errors,
                                                               "caretaker_kind"))
        agreement_form.addRow(self.tr("Caretaker (name or organisation)"),
                              field(self.caretaker_name, self.errors, "caretaker_name"))
        agreement_form.addRow(self.tr("Relation to the person"),
                              field(self.caretaker_relation, self.errors, "caretaker_relation"))
        agreement_form.addRow(self.tr("Caretaker's phone"),
                              field(self.caretaker_phone, self.errors, "caretaker_phone"))
        agreement_form.addRow(self.tr("Caretaker's address"),
                              field(self.caretaker_address, self.errors, "caretaker_address"))
        agreement_form.addRow(self.tr("Services"), field(services_widget, self.errors, "services"))
        term = QHBoxLayout()
        term.addWidget(field(self.starts_on, self.errors, "starts_on"))
        term.addWidget(QLabel(self.tr("to")))
        term.addWidget(field(self.ends_on, self.errors, "ends_on"))
        term.addStretch(1)
        agreement_form.addRow(self.tr("Term"), term)
        agreement_form.addRow(self.tr("Signed on"), field(self.signed_on, self.errors,
                                                          "signed_on"))
        agreement_form.addRow(self.tr("Care standard"), self.amount)

        form = QFormLayout()
        form.addRow(self.tr("Person assessed"), field(self.person, self.errors, "member_position"))
        form.addRow(self.tr("Assessment date"), field(self.assessed_on, self.errors,
                                                      "assessed_on"))
        form.addRow(self.tr("Assessors"), field(self.assessors, self.errors, "assessors",
                                                "assessors.0", "assessors.1", "assessors.2"))
        mode_form = QFormLayout()
        mode_form.addRow(self.tr("Support"), field(self.mode, self.errors, "mode"))
        mode_form.addRow(self.tr("Institution"), field(self.institution, self.errors,
                                                       "institution"))
        self.errors.register("agreement", self.agreement, self.general)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(indicators_box)
        layout.addLayout(mode_form)
        layout.addWidget(self.agreement)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.general)
        outer.addWidget(self.buttons)
        self.ok.setText(self.tr("Save and print"))
        self.mode.currentIndexChanged.connect(lambda _i: self._update_mode())
        self._update_mode()
        self._update_level()
        self.resize(760, 700)

    # -- live parts -------------------------------------------------------------------------------
    def answers(self) -> dict[str, bool]:
        return {code: group.checkedId() == 1 for code, group in self.indicators.items()
                if group.checkedId() != -1}

    def _update_level(self) -> None:
        met = self.answers()
        if len(met) < len(rules.INDICATOR_CODES):
            self.level.setText(fmt(self.tr("Answer all six indicators (%1 of 6 answered)"),
                                   str(len(met))))
            self.amount.setText("—")
            return
        result = rules.assess(met, self.setting)
        self.level.setText(fmt(self.tr("%1 — %2 of 6 indicators not met"),
                               _t("CareDialog", LEVEL_LABELS[result.level]),
                               str(result.failed_count)))
        self.amount.setText(fmt(self.tr("%1 yuan a month (setting in force since %2)"),
                                format_yuan(rules.standard_fen(self.setting, result.level)),
                                str(self.setting["effective_from"])))

    def _update_mode(self) -> None:
        dispersed = self.mode.currentData() == rules.DISPERSED
        self.institution.setEnabled(not dispersed)
        self.agreement.setEnabled(dispersed)

    def _default_end(self, _qd: QDate) -> None:
        self.ends_on.setDate(_qdate(rules.default_end(
            _day(self.starts_on), int(str(self.setting["term_months"])))))

    # -- saving -----------------------------------------------------------------------------------
    def read(self):
        from ...core.services.care import CareInput

        dispersed = self.mode.currentData() == rules.DISPERSED
        with_agreement = dispersed and self.agreement.isChecked()
        names = [n for n in self.assessors.text().replace("、", " ").replace("，", " ")
                 .replace(",", " ").split() if n]
        return CareInput(
            assessed_on=_day(self.assessed_on), assessors=names, indicators=self.answers(),
            mode=self.mode.currentData() or "", member_position=self.person.currentData(),
            institution="" if dispersed else self.institution.text(),
            agreement=with_agreement,
            caretaker_kind=self.caretaker_kind.currentData() if with_agreement else "",
            caretaker_name=self.caretaker_name.text() if with_agreement else "",
            caretaker_relation=self.caretaker_relation.text() if with_agreement else "",
            caretaker_phone=self.caretaker_phone.text() if with_agreement else "",
            caretaker_address=self.caretaker_address.text() if with_agreement else "",
            services=[c for c, b in self.services_boxes.items() if b.isChecked()]
            if with_agreement else [],
            starts_on=_day(self.starts_on) if with_agreement else "",
            ends_on=_day(self.ends_on) if with_agreement else "",
            signed_on=_day(self.signed_on) if with_agreement else "")

    def submit(self) -> None:
        data, care, task_id = self.read(), self.services.care, self.task_id
        self._run(lambda actor: care.record(task_id, data, actor))

    def _done(self, result) -> None:
        super()._done(result)
        docs = [d for d in self.services.documents.for_application(self.form_data.application_id)
                if d.id in result.document_ids]
        first = next((d for d in docs if d.kind == "care_agreement"), docs[0] if docs else None)
        if first is not None:
            self.opener(Path(first.path))


class EndDialog(ServiceDialog):
    """终止协议: the agreement's last day and why."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 plan_id: int, line: str, parent: QWidget | None = None, *,
                 on_done: Callable[[Any], object] | None = None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("careEndDialog")
        self.setWindowTitle(self.tr("End the entrusted care agreement"))
        self.plan_id = plan_id
        self.ended_on = date_edit(services.ctx.today(), "endedOn")
        self.reason = QLineEdit()
        self.reason.setObjectName("endReason")
        self.reason.setPlaceholderText(self.tr("e.g. moved to centralised support; caretaker "
                                               "unable to continue"))
        heading = QLabel(line)
        heading.setObjectName("taskLine")
        heading.setStyleSheet("font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Last day"), field(self.ended_on, self.errors, "ended_on"))
        form.addRow(self.tr("Reason"), field(self.reason, self.errors, "end_reason"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 220)

    def submit(self) -> None:
        care, plan_id = self.services.care, self.plan_id
        day, reason = _day(self.ended_on), self.reason.text()
        self._run(lambda actor: care.end(plan_id, day, reason, actor))


# -- the tab --------------------------------------------------------------------------------------

(COL_NUMBER, COL_PERSON, COL_VILLAGE, COL_PROBLEM, COL_LEVEL, COL_MODE, COL_CARETAKER,
 COL_ENDS, COL_LEFT) = range(9)
LATE_FG = QColor("#b71c1c")


class CareModel(ListTableModel):
    """Rows of :class:`~desktop_app.core.services.care.CareRow`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Application"), self.tr("Person"), self.tr("Village"),
                         self.tr("Situation"), self.tr("Self-care"), self.tr("Support"),
                         self.tr("Caretaker"), self.tr("Agreement ends"), self.tr("Days left")]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                COL_NUMBER: r.number, COL_PERSON: r.person, COL_VILLAGE: r.village,
                COL_PROBLEM: _t("CareTab", PROBLEM_LABELS.get(r.problem, r.problem)),
                COL_LEVEL: _t("CareDialog", LEVEL_LABELS[r.level]) if r.level else "",
                COL_MODE: _t("CareDialog", MODE_LABELS[r.mode]) if r.mode else "",
                COL_CARETAKER: r.caretaker,
                COL_ENDS: r.ends_on.isoformat() if r.ends_on else "",
                COL_LEFT: "" if r.days_left is None else str(r.days_left),
            }.get(col, "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_PROBLEM, COL_LEFT) \
                and r.problem in ("expired", "ended", "no_agreement"):
            return QBrush(LATE_FG)
        return None


class CareTab(QWidget):
    """特困照料: agreements ending soon and persons without an agreement."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any],
                 *, opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careTab")
        self.services, self.tasks, self.actor = services, tasks, current_actor
        self.opener = opener or open_file
        # How dialogs are shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec
        self.intro = QLabel()
        self.intro.setObjectName("careIntro")
        self.intro.setWordWrap(True)
        self.ending_model = CareModel(self)
        self.ending_view = row_table(self.ending_model, "careEndingView", alternating=True)
        self.missing_model = CareModel(self)
        self.missing_view = row_table(self.missing_model, "careMissingView", alternating=True)
        self.ending_box = QGroupBox()
        QVBoxLayout(self.ending_box).addWidget(self.ending_view)
        self.missing_box = QGroupBox()
        QVBoxLayout(self.missing_box).addWidget(self.missing_view)
        for view in (self.ending_view, self.missing_view):
            view.doubleClicked.connect(lambda _i, v=view: self.open_application(v))
            view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
            view.clicked.connect(lambda _i, v=view: self._focus(v))

        self.assess_button = QPushButton(self.tr("Assess / sign an agreement…"))
        self.assess_button.setObjectName("careAssess")
        self.assess_button.clicked.connect(self.assess)
        self.end_button = QPushButton(self.tr("End the agreement…"))
        self.end_button.setObjectName("careEnd")
        self.end_button.clicked.connect(self.end_agreement)
        self.open_button = QPushButton(self.tr("Open the application"))
        self.open_button.setObjectName("careOpen")
        self.open_button.clicked.connect(lambda: self.open_application(self.active))
        buttons = QHBoxLayout()
        for b in (self.assess_button, self.end_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("careMessage")
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("careError")
        self.active: QTableView = self.ending_view
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.ending_box, 1)
        layout.addWidget(self.missing_box, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        tasks.bus.changed.connect(self._on_changes)
        self.refresh()

    # -- content ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read both lists on the read lane (they grow with the number of 特困 persons)."""
        care = self.services.care
        self.tasks.run(lambda: (care.setting_on(), care.ending_soon(), care.without_agreement()),
                       self._show, self._failed, owner=self, lane=READ, publish=False)

    def _failed(self, exc: BaseException) -> None:
        present(self, exc, label=self.error)   # never an empty list for a failed read

    def _show(self, result) -> None:
        setting, ending, missing = result
        self.intro.setText(fmt(self.tr(
            "Every person in extreme poverty supported at home who has lost self-care needs an "
            "entrusted care agreement. Agreements ending within %1 days are listed first; "
            "default term %2 months (setting since %3)."),
            str(setting["remind_days"]), str(setting["term_months"]),
            str(setting["effective_from"])))
        self.ending_box.setTitle(fmt(self.tr("Agreements ending soon (%1)"), str(len(ending))))
        self.missing_box.setTitle(fmt(self.tr("Without an agreement in force (%1)"),
                                      str(len(missing))))
        self.ending_model.set_rows(ending)
        self.missing_model.set_rows(missing)
        for view in (self.ending_view, self.missing_view):
            view.resizeColumnsToContents()
        self.error.show_messages([])
        self._update_buttons()

    def _on_changes(self, changes, origin) -> None:
        if changes.everything or changes.settings or changes.applications:
            self.refresh()

    def _focus(self, view) -> None:
        self.active = view
        other = self.missing_view if view is self.ending_view else self.ending_view
        other.clearSelection()
        self._update_buttons()

    def selected(self, view=None):
        view = view or self.active
        rows = view.selectionModel().selectedRows()
        return view.model().row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        r = self.selected()
        self.assess_button.setEnabled(r is not None)
        self.open_button.setEnabled(r is not None)
        self.end_button.setEnabled(r is not None and r.plan_id is not None
                                   and r.problem == "ending_soon")

    # -- actions ----------------------------------------------------------------------------------
    def open_application(self, view) -> None:
        r = self.selected(view)
        if r is not None:
            self.openApplication.emit(r.application_id)

    def assess(self) -> QDialog | None:
        r = self.selected()
        if r is None:
            return None
        try:
            dialog = CareDialog(self.services, self.tasks, self.actor, r.task_id, self,
                                opener=self.opener, on_done=lambda _res: self._recorded(r))
        except Exception as exc:
            present(self, exc, label=self.error)
            return None
        self.run_dialog(dialog)
        return dialog

    def end_agreement(self) -> QDialog | None:
        r = self.selected()
        if r is None or r.plan_id is None:
            return None
        dialog = EndDialog(self.services, self.tasks, self.actor, r.plan_id,
                           f"{r.number}　{r.person}　{r.caretaker}", self,
                           on_done=lambda _res: self.message.setText(fmt(
                               self.tr("The agreement of %1 (%2) was ended."), r.person,
                               r.number)))
        self.run_dialog(dialog)
        return dialog

    def _recorded(self, r) -> None:
        self.message.setText(fmt(self.tr("Recorded for %1 (%2); the forms were printed."),
                                 r.person, r.number))


# -- the detail window's button -------------------------------------------------------------------

class CareButton(QPushButton):
    """特困照料… in the application detail: the assessment / agreement dialog of the
    application's TEKUN task (hidden when it has none that can be cared for)."""

    CARED = ("in_progress", "done", "to_refer", "referred", "signed")

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] = open_file,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careButton")
        self.setText(self.tr("Care (extreme poverty)…"))
        self.setToolTip(self.tr("Self-care assessment, centralised or dispersed support and the "
                                "entrusted care agreement"))
        self.services, self.tasks, self.actor, self.opener = services, tasks, actor, opener
        self.run_dialog: Callable[[QDialog], object] = _exec
        self.task_id: int | None = None
        self.clicked.connect(self.open_dialog)
        self.setVisible(False)

    def update_for(self, rows) -> None:
        task = next((r for r in rows if r.item_code == TEKUN and r.status in self.CARED), None)
        self.task_id = task.task_id if task is not None else None
        self.setVisible(task is not None)

    def open_dialog(self) -> QDialog | None:
        if self.task_id is None:
            return None
        try:
            dialog = CareDialog(self.services, self.tasks, self.actor, self.task_id,
                                self.window(), opener=self.opener)
        except Exception as exc:
            present(self, exc)
            return None
        self.run_dialog(dialog)
        return dialog
