"""设置 (administrators): every setting ``SettingsService.editable()`` offers.

Each changed value goes to ``SettingsService.update`` (validated and audited there,
with the old and new value); a message appears next to the field it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError, ValidationErrors
from ...core.rules.clock import LIMITS_RANGE as CLOCK_RANGE
from ...core.rules.values import parse_amount
from ...core.services.context import Changes
from ..auth.login import HINT_STYLE
from ..kit.dialogs import ask_yes_no
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, FieldErrors, yuan
from .eligibility_editor import EligibilityEditor
from .standards_editor import StandardsEditor
from .temporary_editor import TemporaryEditor

if TYPE_CHECKING:
    from ...core.services import Services

KEEP = (("recent", 1, 50), ("daily", 0, 60), ("weekly", 0, 52), ("monthly", 0, 120))
APPEAL = (("review_days", 1, 365), ("reconsideration_days", 1, 365), ("litigation_months", 1, 24))
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def _spin(lo: int, hi: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(lo, hi)
    return box


@dataclass
class SavedSettings:
    """What 保存 wrote: the settings' changes (for the change bus) and the values the
    services refused."""

    changes: Changes
    errors: list[ValidationError]


class SettingsPage(QWidget):
    """系统设置; a save's changes go out on the change bus (the idle lock, the backups
    page and the banners follow them)."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 choose: Callable[[QWidget, str, str], str] = choose_folder) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.choose = choose
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("settingsError")
        self.errors = FieldErrors(self.general_error)
        self.values: dict[str, Any] = {}

        lock_box = QGroupBox(self.tr("Screen lock"))
        lock_form = QFormLayout(lock_box)
        self.idle = _spin(1, 120, "idleMinutes")
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setMaximumWidth(140)
        self._row(lock_form, "idle_lock_minutes", self.tr("Lock after no input for"), self.idle)

        backup_box = QGroupBox(self.tr("Backups"))
        backup_form = QFormLayout(backup_box)
        self.mirror = QLineEdit()
        self.mirror.setObjectName("mirrorDir")
        self.mirror.setPlaceholderText(self.tr("None: backups stay on this disk only"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("chooseMirror")
        browse.clicked.connect(self.choose_mirror)
        clear = QPushButton(self.tr("None"))
        clear.setObjectName("clearMirror")
        clear.clicked.connect(self.mirror.clear)
        mirror_row = QWidget()
        row = QHBoxLayout(mirror_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mirror, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        self._row(backup_form, "backup_mirror_dir", self.tr("Mirror folder (another disk, USB stick)"),
                  mirror_row, self.mirror)
        self.keep = {key: _spin(lo, hi, f"keep.{key}") for key, lo, hi in KEEP}
        keep_row = QWidget()
        row = QHBoxLayout(keep_row)
        row.setContentsMargins(0, 0, 0, 0)
        for key, label in (("recent", self.tr("newest")), ("daily", self.tr("days")),
                           ("weekly", self.tr("weeks")), ("monthly", self.tr("months"))):
            row.addWidget(QLabel(label))
            row.addWidget(self.keep[key])
        row.addStretch(1)
        self._row(backup_form, "backup_keep", self.tr("Keep"), keep_row, self.keep["recent"])
        keep_hint = QLabel(self.tr("The newest backups, then the newest of each of the last days, "
                                   "weeks and months. Copies made before a restore or an upgrade "
                                   "are always kept."))
        keep_hint.setWordWrap(True)
        keep_hint.setStyleSheet(HINT_STYLE)
        backup_form.addRow("", keep_hint)

        rules_box = QGroupBox(self.tr("Documents and deadlines"))
        rules_form = QFormLayout(rules_box)
        self.appeal = {key: _spin(lo, hi, f"appeal.{key}") for key, lo, hi in APPEAL}
        appeal_row = QWidget()
        row = QHBoxLayout(appeal_row)
        row.setContentsMargins(0, 0, 0, 0)
        for key, label, unit in (
                ("review_days", self.tr("review"), self.tr("days")),
                ("reconsideration_days", self.tr("administrative reconsideration"), self.tr("days")),
                ("litigation_months", self.tr("administrative litigation"), self.tr("months"))):
            row.addWidget(QLabel(label))
            row.addWidget(self.appeal[key])
            row.addWidget(QLabel(unit))
        row.addStretch(1)
        self._row(rules_form, "appeal", self.tr("Appeal periods printed on refusals"), appeal_row,
                  self.appeal["review_days"])
        self.confirms = QCheckBox(self.tr("This township confirms subsistence allowance and "
                                          "extreme-poverty support itself (delegated authority)"))
        self.confirms.setObjectName("townshipConfirms")
        self._row(rules_form, "township_confirms", self.tr("Confirmation"), self.confirms)
        self.overrides = QPlainTextEdit()
        self.overrides.setObjectName("workdayOverrides")
        self.overrides.setPlaceholderText(self.tr("One per line, e.g.\n2026-12-31 off\n2027-02-07 work"))
        self.overrides.setFixedHeight(80)
        self._row(rules_form, "workday_overrides", self.tr("Local working-day changes"),
                  self.overrides)
        self.holidays = QPlainTextEdit()
        self.holidays.setObjectName("holidayYears")
        self.holidays.setPlaceholderText(self.tr(
            "For years the built-in calendar does not know, one line per year and kind, e.g.\n"
            "2027 holidays 2027-01-01 2027-02-16 2027-02-17\n2027 workdays 2027-02-07"))
        self.holidays.setFixedHeight(100)
        self._row(rules_form, "holiday_years", self.tr("Public holidays"), self.holidays)

        handling_box = QGroupBox(self.tr("Handling and follow-up"))
        handling_box.setObjectName("handlingBox")
        handling_form = QFormLayout(handling_box)
        self.ceiling = QLineEdit()
        self.ceiling.setObjectName("emergencyCeiling")
        self.ceiling.setMaximumWidth(140)
        ceiling_row = QWidget()
        row = QHBoxLayout(ceiling_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ceiling)
        row.addWidget(QLabel(self.tr("yuan; above it the county decides")))
        row.addStretch(1)
        self._row(handling_form, "emergency_ceiling_fen",
                  self.tr("Immediate emergency aid ceiling"), ceiling_row, self.ceiling)
        self.paperwork = _spin(1, 30, "emergencyPaperwork")
        self._row(handling_form, "emergency_paperwork_workdays",
                  self.tr("Paperwork after emergency aid (working days)"), self.paperwork)
        self.due_soon = _spin(0, 20, "dueSoon")
        self._row(handling_form, "due_soon_workdays",
                  self.tr("Mark items due soon (working days before the due date)"),
                  self.due_soon)
        self.review = {key: _spin(1, 36, f"review.{key}")
                       for key in ("TEKUN", "DIBAO_A", "DIBAO_B", "DIBAO_C")}
        review_row = QWidget()
        row = QHBoxLayout(review_row)
        row.setContentsMargins(0, 0, 0, 0)
        for key, label in (("TEKUN", self.tr("extreme poverty")),
                           ("DIBAO_A", self.tr("subsistence class A")),
                           ("DIBAO_B", self.tr("class B")), ("DIBAO_C", self.tr("class C"))):
            row.addWidget(QLabel(label))
            row.addWidget(self.review[key])
        row.addWidget(QLabel(self.tr("months")))
        row.addStretch(1)
        self._row(handling_form, "review_months", self.tr("Re-check every"), review_row,
                  self.review["TEKUN"])

        # issue 13 — temporary assistance under control (admin/temporary_editor.py)
        temporary_box = QGroupBox(self.tr("Temporary assistance under control"))
        temporary_box.setObjectName("temporaryBox")
        temporary_col = QVBoxLayout(temporary_box)
        urgent = (services.ctx.catalog.item("LINSHI_URGENT")
                  if services.ctx.catalog.has_item("LINSHI_URGENT") else None)
        self.temporary = TemporaryEditor(
            services.ctx.today, urgent.first_aid_hours if urgent else None,
            catalogue_ceiling=yuan(round(urgent.param("township_ceiling_yuan", 0) * 100),
                                   fen=True) if urgent else "")
        self.temporary_error = ErrorLabel()
        self.temporary_error.setObjectName("temporaryError")
        temporary_col.addWidget(self.temporary)
        temporary_col.addWidget(self.temporary_error)
        for key, widget in (("first_aid_hours", self.temporary.hours),
                            ("temporary_ceiling_scope", self.temporary.per_incident),
                            ("temporary_bands", self.temporary.bands)):
            self.errors.register(key, widget, self.temporary_error)

        clock_box = QGroupBox(self.tr("Computer clock"))
        clock_box.setObjectName("clockBox")
        clock_form = QFormLayout(clock_box)
        self.clock = {key: _spin(lo, hi, f"clock.{key}") for key, (lo, hi) in CLOCK_RANGE.items()}
        clock_row = QWidget()
        row = QHBoxLayout(clock_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("tolerance")))
        row.addWidget(self.clock["tolerance_minutes"])
        row.addWidget(QLabel(self.tr("minutes; warn when ahead of the newest record by")))
        row.addWidget(self.clock["ahead_days"])
        row.addWidget(QLabel(self.tr("days, then warn")))
        row.addStretch(1)
        self._row(clock_form, "clock_check", self.tr("Clock check"), clock_row,
                  self.clock["tolerance_minutes"])
        self.clock_state = QLabel()
        self.clock_state.setObjectName("clockState")
        self.clock_state.setWordWrap(True)
        self.confirm_clock_button = QPushButton(self.tr("Confirm the clock is right…"))
        self.confirm_clock_button.setObjectName("confirmClock")
        self.confirm_clock_button.clicked.connect(self.confirm_clock)
        state_row = QWidget()
        row = QHBoxLayout(state_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.clock_state, 1)
        row.addWidget(self.confirm_clock_button)
        clock_form.addRow(self.tr("Now"), state_row)

        standards_box = QGroupBox(self.tr("Assistance standards (by effective date)"))
        standards_box.setObjectName("standardsBox")
        standards_col = QVBoxLayout(standards_box)
        self.standards = StandardsEditor(services.ctx.today)
        self.standards_error = ErrorLabel()
        self.standards_error.setObjectName("standardsError")
        standards_col.addWidget(self.standards)
        standards_col.addWidget(self.standards_error)
        self.errors.register("standards", self.standards.table, self.standards_error)

        # issue 12 — local eligibility rules (admin/eligibility_editor.py)
        eligibility_box = QGroupBox(self.tr("Needs assessment rules (by effective date)"))
        eligibility_box.setObjectName("eligibilityBox")
        eligibility_col = QVBoxLayout(eligibility_box)
        self.eligibility = EligibilityEditor(services.ctx.today)
        self.eligibility_error = ErrorLabel()
        self.eligibility_error.setObjectName("eligibilityError")
        eligibility_col.addWidget(self.eligibility)
        eligibility_col.addWidget(self.eligibility_error)
        self.errors.register("eligibility", self.eligibility.basis, self.eligibility_error)

        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setObjectName("revertSettings")
        self.revert_button.clicked.connect(self.load)
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        body = QWidget()
        col = QVBoxLayout(body)
        for box in (lock_box, backup_box, rules_box, handling_box, temporary_box, clock_box,
                    standards_box,
                    eligibility_box):
            col.addWidget(box)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.load()

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget,
             focus: QWidget | None = None) -> None:
        error = ErrorLabel()
        error.setObjectName(f"{key}Error")
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        col.addWidget(error)
        form.addRow(label, box)
        self.errors.register(key, focus or widget, error)

    # -- values ----------------------------------------------------------------------------
    def load(self) -> None:
        self.values = self.services.settings.editable()
        v = self.values
        self.idle.setValue(int(v["idle_lock_minutes"]))
        self.mirror.setText(v["backup_mirror_dir"] or "")
        for key, box in self.keep.items():
            box.setValue(int(v["backup_keep"][key]))
        for key, box in self.appeal.items():
            box.setValue(int(v["appeal"][key]))
        self.confirms.setChecked(bool(v["township_confirms"]))
        self.overrides.setPlainText("\n".join(
            f"{day} {self.tr('work') if work else self.tr('off')}"
            for day, work in sorted((v["workday_overrides"] or {}).items())))
        lines = []
        for year, spec in sorted((v["holiday_years"] or {}).items()):
            for part, word in (("holidays", self.tr("holidays")), ("workdays", self.tr("workdays"))):
                if spec.get(part):
                    lines.append(f"{year} {word} " + " ".join(spec[part]))
        self.holidays.setPlainText("\n".join(lines))
        self.standards.set_entries(v["standards"])
        self.eligibility.set_entries(v["eligibility"])
        self.temporary.set_values(v)
        self.ceiling.setText(yuan(int(v["emergency_ceiling_fen"]), fen=True))
        self.paperwork.setValue(int(v["emergency_paperwork_workdays"]))
        self.due_soon.setValue(int(v["due_soon_workdays"]))
        for key, box in self.review.items():
            box.setValue(int(v["review_months"][key]))
        for key, box in self.clock.items():
            box.setValue(int(v["clock_check"][key]))
        self.show_clock()
        self.errors.clear()
        self.status.clear()

    def _parse_overrides(self) -> dict[str, bool]:
        out: dict[str, bool] = {}
        work = {"work", "workday", self.tr("work")}
        off = {"off", "holiday", self.tr("off")}
        for n, line in enumerate(self.overrides.toPlainText().splitlines(), 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 2 or not _DAY.fullmatch(parts[0]) or parts[1] not in work | off:
                raise ValidationError("workday_overrides", "format", fmt(self.tr(
                    "Line %1: write a date and “work” or “off”, e.g. 2026-12-31 off"), str(n)))
            out[parts[0]] = parts[1] in work
        return out

    def _parse_holidays(self) -> dict[str, dict[str, list[str]]]:
        out: dict[str, dict[str, list[str]]] = {}
        kinds = {"holidays": "holidays", self.tr("holidays"): "holidays",
                 "workdays": "workdays", self.tr("workdays"): "workdays"}
        for n, line in enumerate(self.holidays.toPlainText().replace("，", " ").replace(",", " ")
                                 .splitlines(), 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) < 3 or parts[1] not in kinds:
                raise ValidationError("holiday_years", "format", fmt(self.tr(
                    "Line %1: write the year, “holidays” or “workdays”, then the dates"), str(n)))
            spec = out.setdefault(parts[0], {"holidays": [], "workdays": []})
            spec[kinds[parts[1]]] += parts[2:]
        return out

    def form_values(self) -> dict[str, Any]:
        """The form as setting values; raises ``ValidationErrors`` for unreadable text."""
        errors: list[ValidationError] = []
        values: dict[str, Any] = {
            "idle_lock_minutes": self.idle.value(),
            "backup_mirror_dir": self.mirror.text().strip(),
            "backup_keep": {key: box.value() for key, box in self.keep.items()},
            "appeal": {key: box.value() for key, box in self.appeal.items()},
            "township_confirms": self.confirms.isChecked(),
            "emergency_paperwork_workdays": self.paperwork.value(),
            "due_soon_workdays": self.due_soon.value(),
            "review_months": {key: box.value() for key, box in self.review.items()},
            "clock_check": {key: box.value() for key, box in self.clock.items()},
            "eligibility": self.eligibility.entries(),
        }
        try:
            values["emergency_ceiling_fen"] = parse_amount(self.ceiling.text(),
                                                           "emergency_ceiling_fen")
        except ValidationError as exc:
            errors.append(exc)
        try:
            values.update(self.temporary.values())
        except ValidationError as exc:
            errors.append(exc)
        for key, parse in (("workday_overrides", self._parse_overrides),
                           ("holiday_years", self._parse_holidays),
                           ("standards", self.standards.entries)):
            try:
                values[key] = parse()
            except ValidationError as exc:
                errors.append(exc)
            except ValidationErrors as exc:
                errors += exc.errors
        if errors:
            raise ValidationErrors(errors)
        return values

    def save(self) -> bool:
        self.status.clear()
        try:
            values = self.form_values()
        except ValidationErrors as exc:
            self.errors.show(exc.errors)
            return False
        settings, actor = self.services.settings, self.actor()
        wanted = {k: v for k, v in values.items() if v != self.values.get(k)}

        def write() -> SavedSettings:
            errors: list[ValidationError] = []
            written: list[Changes] = []
            for key, value in wanted.items():
                try:
                    written.append(settings.update(key, value, actor))
                except ValidationErrors as exc:
                    errors += exc.errors
            return SavedSettings(Changes.combine(written), errors)

        done: list[bool] = []

        def saved(result: SavedSettings) -> None:
            if result.errors:
                self.errors.show(result.errors)
                self.values = self.services.settings.editable()
                done.append(False)
                return
            self.load()
            self.status.setText(self.tr("Settings saved.") if result.changes
                                else self.tr("Nothing changed."))
            done.append(True)

        def failed(exc: BaseException) -> None:
            done.append(False)
            present(self, exc)

        self.tasks.run(write, saved, failed, owner=self)
        return done[0] if done else True  # (a real runner: still saving)

    # -- the computer clock ------------------------------------------------------------------
    def show_clock(self) -> None:
        """What the clock says against the newest record (two indexed look-ups); the
        confirmation is offered only while the clock is behind."""
        st = self.services.clock.status()
        when = st.clock.strftime("%Y-%m-%d %H:%M")
        newest = st.newest.strftime("%Y-%m-%d %H:%M") if st.newest else "—"
        if st.behind:
            text = fmt(self.tr("The clock (%1) is earlier than the newest record (%2): no document "
                               "can be issued. Set the Windows clock to Beijing time; only if the "
                               "clock is right and the newer records were dated by a clock that "
                               "ran ahead, confirm it here."), when, newest)
        elif st.state == "ahead":
            text = fmt(self.tr("The clock (%1) is far ahead of the newest record (%2) and of this "
                               "program's date. Check the date."), when, newest)
        else:
            text = fmt(self.tr("The clock (%1) agrees with the newest record (%2)."), when, newest)
        self.clock_state.setText(text)
        self.confirm_clock_button.setEnabled(st.behind)

    def confirm_clock(self) -> None:
        if not ask_yes_no(self, self.tr("Confirm the computer clock"), self.tr(
                "Confirm only if the computer's date and time are right now and the newer "
                "records were dated while the clock ran ahead.\n\nDocuments will be issued "
                "with today's date again, earlier than those records. The confirmation is "
                "recorded in the audit trail with your name and both times, and goes to the "
                "county with the next package.")):
            return
        actor = self.actor()

        def done(_changes: Changes) -> None:
            self.show_clock()
            self.status.setText(self.tr("Clock confirmed; documents can be issued again."))

        self.tasks.run(lambda: self.services.clock.confirm(actor), done,
                       lambda exc: present(self, exc, label=self.general_error), owner=self)

    def choose_mirror(self) -> None:
        path = self.choose(self, self.tr("Choose the backup mirror folder"), self.mirror.text())
        if path:
            self.mirror.setText(path)
