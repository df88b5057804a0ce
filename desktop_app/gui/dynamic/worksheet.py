"""动态管理: the 复核核查表 / 变更申报 worksheet of one recipient household's benefit.

The household comes prefilled from its current snapshot (``services.rechecks.household``);
as the clerk edits it, the figures are recomputed with the standards in force on the
re-check date (``services.rechecks.worksheet``, pure and quick: on the GUI thread, a
short while after the last edit), with the A/B/C class derived from the facts and the
suggested outcome with its reason. The clerk decides: 继续享受, 调整金额 from a month,
渐退 (months from the setting), 停止 (with the reason); 保存 records the re-check on the
write lane (``services.rechecks.record``) and the dialog then offers the printed
复核核查表 and notice (打印… / 预览 / 打开PDF / 另存为…, gui/kit/print_actions).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.errors import ValidationErrors
from ...core.rules.assessment import yuan
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.geometry import size_for_screen
from ..kit.labels import QT_TRANSLATE_NOOP
from ..kit.messages import text_of
from ..kit.print_actions import DocumentActions, print_recorder
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, FieldErrors, open_file
from .household import HouseholdEditor

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)

# The figures follow the form this long after the last edit.
REFRESH_MS = 300
HINT_STYLE = "color: #757575;"
WARN_STYLE = "color: #8d4f00;"
SUGGESTION_STYLE = ("QFrame#suggestionFrame { background: #e8f5e9; border: 1px solid #66bb6a;"
                    " border-radius: 3px; }")

# The outcomes of a re-check (``ReviewInput.outcome``), in the order offered.
OUTCOMES = (
    ("continue", QT_TRANSLATE_NOOP("Worksheet", "Continues unchanged")),
    ("adjust", QT_TRANSLATE_NOOP("Worksheet", "Adjust the amount")),
    ("taper", QT_TRANSLATE_NOOP("Worksheet", "Taper off (渐退)")),
    ("stop", QT_TRANSLATE_NOOP("Worksheet", "Stop")),
)
# What changed, for a change report (``ReviewInput.change_kinds``).
CHANGE_KINDS = (
    ("household", QT_TRANSLATE_NOOP("Worksheet", "Household members")),
    ("income", QT_TRANSLATE_NOOP("Worksheet", "Income")),
    ("property", QT_TRANSLATE_NOOP("Worksheet", "Property")),
    ("residence", QT_TRANSLATE_NOOP("Worksheet", "Residence")),
)
# The review kinds (``ReviewInput.kind``).
KINDS = {"recheck": QT_TRANSLATE_NOOP("Worksheet", "Re-check"),
         "change": QT_TRANSLATE_NOOP("Worksheet", "Change report")}
STATUSES = {"active": QT_TRANSLATE_NOOP("Worksheet", "receiving"),
            "taper": QT_TRANSLATE_NOOP("Worksheet", "tapering off"),
            "stopped": QT_TRANSLATE_NOOP("Worksheet", "stopped")}


def _t(text: str) -> str:
    return QCoreApplication.translate("Worksheet", text)


def outcome_label(code: str) -> str:
    text = dict(OUTCOMES).get(code)
    return _t(text) if text else code


def kind_label(code: str) -> str:
    text = KINDS.get(code)
    return _t(text) if text else code


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    return cast(date, edit.date().toPython())


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _field(widget: QWidget, errors: FieldErrors, *paths: str) -> QWidget:
    """``widget`` with its error label underneath, registered for ``paths``."""
    label = ErrorLabel()
    label.setObjectName(f"{paths[0]}.error")
    for path in paths:
        errors.register(path, widget, label)
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    column.addWidget(widget)
    column.addWidget(label)
    return box


def amount_text(fen: int) -> str:
    """An amount as the clerk types it: ``52000`` → ``"520.00"`` (no thousands comma)."""
    return f"{Decimal(fen) / 100:.2f}"


class FiguresPanel(QGroupBox):
    """The figures of a ``Worksheet``: the standard, who counts, gross and net income,
    the 补差, the property test, the class and the next re-check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worksheetFigures")
        self.setTitle(self.tr("Figures with the standards in force"))
        self.hint = QLabel()
        self.hint.setObjectName("figuresHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(WARN_STYLE)
        self.hint.setVisible(False)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.values: dict[str, QLabel] = {}
        titles = [("standard", self.tr("Standard")), ("members", self.tr("Members counted")),
                  ("gross", self.tr("Gross income")), ("net", self.tr("Net income (compared)")),
                  ("topup", self.tr("Subsistence top-up")), ("property", self.tr("Property")),
                  ("class", self.tr("Re-check class")), ("next", self.tr("Next re-check"))]
        for n, (key, title) in enumerate(titles):
            name = QLabel(title)
            name.setStyleSheet(HINT_STYLE)
            value = QLabel()
            value.setObjectName(f"figure.{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, n, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(grid)

    def show_worksheet(self, ws: Any) -> None:
        f, prop = ws.figures, ws.property
        classes = dict(vocab.REVIEW_CLASSES)
        texts = {
            "standard": fmt(self.tr("%1 %2 yuan a person a month (%3)"), f.hukou_label,
                            yuan(f.standard_fen), f.basis.why),
            "members": fmt(self.tr("%1 of %2 people counted"), f.members,
                           getattr(f, "all_members", f.members) or f.members),
            "gross": fmt(self.tr("%1 yuan a month in total, %2 yuan per person"),
                         yuan(f.gross_fen), yuan(f.gross_per_capita_fen)),
            "net": fmt(self.tr("%1 yuan a month in total, %2 yuan per person"),
                       yuan(f.net_fen), yuan(f.per_capita_fen)),
            "topup": (fmt(self.tr("%1 × %2 people − %3 = %4 yuan a month"), yuan(f.standard_fen),
                          f.members, yuan(f.net_fen), yuan(f.topup_fen)) if f.topup_fen
                      else self.tr("None (net income not below the standard)")),
            "property": prop.text(),
            "class": (fmt(self.tr("%1: %2"), classes.get(ws.review_class, ws.review_class),
                          ws.class_reason) if ws.review_class else self.tr("—")),
            "next": ws.next_review_on.isoformat() if ws.next_review_on else self.tr("—"),
        }
        for key, label in self.values.items():
            label.setText(texts[key])
        self.values["property"].setStyleSheet("" if prop.ok else WARN_STYLE)
        self.hint.setVisible(False)

    def show_problem(self, text: str) -> None:
        """The household as entered cannot be assessed (yet): why, the old figures greyed."""
        self.hint.setText(text)
        self.hint.setVisible(True)
        for label in self.values.values():
            label.setStyleSheet(HINT_STYLE)

    def texts(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.values.items()}


class WorksheetDialog(QDialog):
    """复核核查表 (``kind="recheck"``) or 变更申报 (``kind="change"``) of the benefit task
    ``item_id``. ``recorded(result)`` once the re-check is saved (the runner publishes
    its changes on the bus)."""

    recorded = Signal(object)

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 item_id: int, *, kind: str = "recheck",
                 opener: Callable[[Path], object] = open_file,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worksheetDialog")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.item_id = item_id
        self.kind = kind
        self.opener = opener
        self.today = services.ctx.today
        self.result: Any = None
        self.worksheet: Any = None
        self._outcome_chosen = False   # the clerk chose; the suggestion no longer follows
        self._amount_typed = False
        self.household = services.rechecks.household(item_id)
        self.general = ErrorLabel()
        self.general.setObjectName("worksheetError")
        self.errors = FieldErrors(self.general)
        self.setWindowTitle(self._title())

        self.stack = QStackedWidget()
        self.form = QWidget()
        self.done_page = QWidget()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.done_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.stack)
        self._build_form()
        self._build_done_page()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.editor.load(self.household.draft)
        self.editor.changed.connect(self.schedule_refresh)
        self.on.dateChanged.connect(self.schedule_refresh)
        size_for_screen(self, QSize(1280, 720))   # shrunk to fit a 1366×768 screen
        self.refresh()

    # -- layout ---------------------------------------------------------------------------------
    def _title(self) -> str:
        name = self.household.draft.applicant.name
        return fmt(self.tr("%1 — %2"), kind_label(self.kind), name)

    def _heading_text(self) -> str:
        h = self.household
        amount = (fmt(self.tr("%1 yuan a month"), yuan(h.amount_fen))
                  if h.amount_fen is not None else self.tr("no amount recorded"))
        status = STATUSES.get(h.status)
        since = h.since.isoformat() if h.since else "—"
        facts = (fmt(self.tr("household facts no. %1 since %2"), str(h.snapshot_no), since)
                 if h.snapshot_no else fmt(self.tr("household facts of the application (%1)"),
                                           since))
        text = fmt(self.tr("%1 · %2 · %3 · %4"), h.draft.applicant.name, self._item_name(),
                   _t(status) if status else h.status, facts)
        text += "　" + amount
        if h.taper_ends_on:
            text += fmt(self.tr(" · tapering off until %1"), h.taper_ends_on.isoformat())
        return text

    def _item_name(self) -> str:
        return str(self.household.item_name)

    def _build_form(self) -> None:
        heading = QLabel(self._heading_text())
        heading.setObjectName("worksheetHeading")
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)
        villages = [(v.name, v.id) for v in self.services.setup.villages()]
        self.editor = HouseholdEditor(self.errors, self.today, villages)
        left_scroll = QScrollArea()
        left_scroll.setObjectName("worksheetHouseholdScroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(self.editor)

        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addWidget(self._review_box())
        self.figures = FiguresPanel()
        right_col.addWidget(self.figures)
        right_col.addWidget(self._suggestion_box())
        right_col.addWidget(self._outcome_box())
        right_col.addStretch(1)
        right_scroll = QScrollArea()
        right_scroll.setObjectName("worksheetDecisionScroll")
        right_scroll.setWidgetResizable(True)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setWidget(right)

        right_scroll.setFixedWidth(500)
        columns = QHBoxLayout()
        columns.addWidget(left_scroll, 1)
        columns.addWidget(right_scroll)
        self.save_button = QPushButton(self.tr("&Record"))
        self.save_button.setObjectName("saveReview")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Record the re-check and issue the worksheet and "
                                            "the notice"))
        self.save_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cancelReview")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general, 1)
        buttons.addStretch(0)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.tasks.busyChanged.connect(self._busy)

    def _review_box(self) -> QGroupBox:
        box = QGroupBox(kind_label(self.kind))
        box.setObjectName("reviewBox")
        form = QFormLayout(box)
        self.on = QDateEdit(_qdate(self.today()))
        self.on.setObjectName("reviewOn")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Date"), _field(self.on, self.errors, "on"))
        self.change_boxes: dict[str, QCheckBox] = {}
        changes = QWidget()
        row = QGridLayout(changes)
        row.setContentsMargins(0, 0, 0, 0)
        for n, (code, label) in enumerate(CHANGE_KINDS):
            check = QCheckBox(_t(label))
            check.setObjectName(f"change.{code}")
            self.change_boxes[code] = check
            row.addWidget(check, n // 2, n % 2)
        if self.kind == "change":
            form.addRow(self.tr("What changed"), _field(changes, self.errors, "change_kinds"))
        else:
            changes.setParent(box)
            changes.hide()
            self.errors.register("change_kinds", None, self.general)
        self.investigators = QLineEdit()
        self.investigators.setObjectName("investigators")
        self.investigators.setPlaceholderText(self.tr("Names, separated by 、"))
        form.addRow(self.tr("Checked by"), _field(self.investigators, self.errors,
                                                  "investigators"))
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("findings")
        self.findings.setPlaceholderText(self.tr("What the home visit and the checks found"))
        self.findings.setFixedHeight(54)
        form.addRow(self.tr("Findings"), _field(self.findings, self.errors, "findings"))
        return box

    def _suggestion_box(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("suggestionFrame")
        frame.setStyleSheet(SUGGESTION_STYLE)
        row = QHBoxLayout(frame)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_suggestion = QPushButton(self.tr("&Use suggestion"))
        self.use_suggestion.setObjectName("useSuggestion")
        self.use_suggestion.setToolTip(self.tr("Take the suggested outcome and amount"))
        self.use_suggestion.clicked.connect(lambda: self.apply_suggestion(force=True))
        row.addWidget(self.suggestion, 1)
        row.addWidget(self.use_suggestion, 0, Qt.AlignmentFlag.AlignTop)
        return frame

    def _outcome_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decision"))
        box.setObjectName("outcomeBox")
        form = QFormLayout(box)
        self.outcome_group = QButtonGroup(box)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        choices = QWidget()
        grid = QGridLayout(choices)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, (code, label) in enumerate(OUTCOMES):
            button = QRadioButton(_t(label))
            button.setObjectName(f"outcome.{code}")
            # as wide as its text: the whole button is where a click chooses it
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            self.outcome_group.addButton(button)
            self.outcome_buttons[code] = button
            grid.addWidget(button, n // 2, n % 2)
            button.clicked.connect(self._outcome_clicked)
        form.addRow(self.tr("Outcome"), _field(choices, self.errors, "outcome"))
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText("0.00")
        self.amount.textEdited.connect(self._amount_edited)
        self.amount_label = QLabel(self.tr("Amount a month (yuan)"))
        form.addRow(self.amount_label, _field(self.amount, self.errors, "amount"))
        self.effective = QDateEdit(_qdate(_next_month(self.today())))
        self.effective.setObjectName("effectiveMonth")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM")
        self.effective_label = QLabel(self.tr("From the month"))
        form.addRow(self.effective_label, _field(self.effective, self.errors, "effective_month"))
        self.taper_months = QSpinBox()
        self.taper_months.setObjectName("taperMonths")
        self.taper_months.setRange(1, 24)
        self.taper_months.setSuffix(self.tr(" months"))
        self.taper_label = QLabel(self.tr("Taper period"))
        form.addRow(self.taper_label, _field(self.taper_months, self.errors, "taper_months"))
        self.stop_reason = QLineEdit()
        self.stop_reason.setObjectName("stopReason")
        self.stop_reason.setPlaceholderText(self.tr("e.g. 家庭人均收入超过低保标准"))
        self.stop_label = QLabel(self.tr("Reason for stopping"))
        form.addRow(self.stop_label, _field(self.stop_reason, self.errors, "stop_reason"))
        self.review_class = QComboBox()
        self.review_class.setObjectName("reviewClass")
        self.review_class.addItem(self.tr("As derived"), "")
        for code, label in vocab.REVIEW_CLASSES:
            self.review_class.addItem(label, code)
        self.review_class.setToolTip(self.tr("The class decides how often the household is "
                                             "re-checked; derived from the facts unless chosen"))
        class_field = _field(self.review_class, self.errors, "review_class")
        form.addRow(self.tr("Re-check class"), class_field)
        if self.household.item_code != "DIBAO":   # A/B/C is for 低保 only
            form.setRowVisible(class_field, False)
        self.errors.register("household", None, self.general)
        self._outcome_fields()
        return box

    def _build_done_page(self) -> None:
        self.done_heading = QLabel()
        self.done_heading.setObjectName("reviewRecorded")
        self.done_heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #2e7d32;")
        self.done_heading.setWordWrap(True)
        self.docs_box = QGroupBox(self.tr("Documents"))
        self.docs_layout = QGridLayout(self.docs_box)
        self.docs_layout.setColumnStretch(2, 1)
        self.sent_label = QLabel()
        self.sent_label.setObjectName("worksheetSent")
        self.sent_label.setStyleSheet("color: #2e7d32;")
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeWorksheet")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self.done_page)
        layout.addWidget(self.done_heading)
        layout.addWidget(self.docs_box)
        layout.addWidget(self.sent_label)
        layout.addStretch(1)
        layout.addLayout(row)
        self.document_actions: list[DocumentActions] = []

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    # -- the decision's fields ----------------------------------------------------------------------
    def outcome(self) -> str:
        return next((code for code, b in self.outcome_buttons.items() if b.isChecked()), "")

    def _outcome_clicked(self) -> None:
        self._outcome_chosen = True
        self._outcome_fields()

    def _amount_edited(self, _text: str) -> None:
        self._amount_typed = True

    def _outcome_fields(self) -> None:
        """Each outcome asks for its own fields: an amount for 调整 (and 渐退, the amount
        paid while tapering), the month it starts, the taper period, the stop reason."""
        outcome = self.outcome()
        for widget, wanted in ((self.amount, outcome in ("adjust", "taper")),
                               (self.amount_label, outcome in ("adjust", "taper")),
                               (self.effective, outcome in ("adjust", "taper", "stop")),
                               (self.effective_label, outcome in ("adjust", "taper", "stop")),
                               (self.taper_months, outcome == "taper"),
                               (self.taper_label, outcome == "taper"),
                               (self.stop_reason, outcome == "stop"),
                               (self.stop_label, outcome == "stop")):
            widget.setEnabled(wanted)

    # -- live figures ----------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        self.refresh_timer.start()

    def refresh(self) -> None:
        """Recompute the figures and the suggestion for the household as it stands."""
        self.refresh_timer.stop()
        try:
            ws = self.services.rechecks.worksheet(self.item_id, self.editor.draft(),
                                                  on=_day(self.on))
        except ValidationErrors as exc:
            self.figures.show_problem("\n".join(text_of(e) for e in exc.errors))
            self.suggestion.setText(self.tr("No suggestion until the household is complete."))
            self.use_suggestion.setEnabled(False)
            return
        except Exception as exc:
            log.exception("the worksheet could not be computed")
            self.figures.show_problem(fmt(self.tr("The figures could not be computed: %1"),
                                          type(exc).__name__))
            self.use_suggestion.setEnabled(False)
            return
        self.worksheet = ws
        self.figures.show_worksheet(ws)
        s = ws.suggestion
        amount = getattr(s, "amount_fen", None)
        text = fmt(self.tr("Suggested: %1"), outcome_label(s.outcome))
        if amount is not None and s.outcome in ("adjust", "taper", "continue"):
            text += fmt(self.tr(", %1 yuan a month"), yuan(amount))
        text += "\n" + s.reason
        if ws.previous_amount_fen is not None:
            text += "\n" + fmt(self.tr("Amount now: %1 yuan a month"), yuan(ws.previous_amount_fen))
        self.suggestion.setText(text)
        self.use_suggestion.setEnabled(True)
        if not self._outcome_chosen:
            self.apply_suggestion()

    def apply_suggestion(self, *, force: bool = False) -> None:
        """Take the suggestion into the decision (until the clerk chose, or when asked)."""
        ws = self.worksheet
        if ws is None:
            return
        s = ws.suggestion
        button = self.outcome_buttons.get(s.outcome)
        if button is not None:
            button.setChecked(True)
        amount = getattr(s, "amount_fen", None)
        if (force or not self._amount_typed) and amount is not None:
            self.amount.setText(amount_text(amount))
        if s.outcome == "stop" and (force or not self.stop_reason.text().strip()):
            self.stop_reason.setText(s.reason.splitlines()[0] if s.reason else "")
        if force or self.taper_months.value() == self.taper_months.minimum():
            self.taper_months.setValue(int(ws.taper_months or 6))
        if force:
            self._outcome_chosen = True
            self._amount_typed = False
        self._outcome_fields()

    # -- recording -----------------------------------------------------------------------------------
    def review_input(self) -> Any:
        from ...core.services.dynamic.reviews import ReviewInput

        outcome = self.outcome()
        month = cast(date, self.effective.date().toPython())
        names = [n.strip() for n in self.investigators.text().replace(",", "、")
                 .replace("，", "、").split("、") if n.strip()]
        return ReviewInput(
            kind=self.kind, on=_day(self.on), household=self.editor.draft(),
            change_kinds=[c for c, b in self.change_boxes.items() if b.isChecked()]
            if self.kind == "change" else [],
            outcome=outcome,
            amount=self.amount.text() if outcome in ("adjust", "taper") else "",
            effective_month=f"{month.year:04d}-{month.month:02d}",
            taper_months=self.taper_months.value() if outcome == "taper" else None,
            stop_reason=self.stop_reason.text() if outcome == "stop" else "",
            investigators=names, findings=self.findings.toPlainText(),
            review_class=self.review_class.currentData() or "")

    def submit(self) -> None:
        if self.tasks.busy:
            return
        actor = self.actor()
        if actor is None:
            self.general.show_messages([self.tr("Log in first.")])
            return
        self.errors.clear()
        inp = self._sent_input = self.review_input()
        rechecks, item_id = self.services.rechecks, self.item_id
        self.tasks.run(lambda: rechecks.record(item_id, inp, actor), self._recorded,
                       self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        present(self, error, fields=self.errors)

    def _recorded(self, result: Any) -> None:
        self.result = result
        inp = self._sent_input
        text = fmt(self.tr("%1 recorded: %2."), kind_label(self.kind), outcome_label(inp.outcome))
        if inp.outcome in ("adjust", "taper") and inp.amount.strip():
            text += fmt(self.tr(" %1 yuan a month from %2."), inp.amount.strip(),
                        str(inp.effective_month))
        elif inp.outcome == "stop":
            text += fmt(self.tr(" Stops from %1."), str(inp.effective_month))
        self.done_heading.setText(text)
        self._show_documents(list(getattr(result, "document_ids", []) or []))
        self.stack.setCurrentWidget(self.done_page)
        size_for_screen(self, QSize(900, 380))
        self.recorded.emit(result)

    def _show_documents(self, ids: list[int]) -> None:
        docs: list[Any] = []
        application_id = getattr(self.household, "application_id", None)
        if ids and application_id is not None:
            try:
                docs = [d for d in self.services.documents.for_application(application_id)
                        if d.id in ids]
            except Exception:
                log.exception("the re-check's documents could not be listed")
        for n, doc in enumerate(docs):
            actions = DocumentActions(opener=self.opener)
            actions.setObjectName(f"documentActions.{doc.kind}")
            actions.set_document(doc.path, doc.number,
                                 record=print_recorder(self.services, self.tasks, self.actor,
                                                       owner=self, documents=[doc.id]))
            actions.sent.connect(lambda report, d=doc: self._sent(report, d))
            self.docs_layout.addWidget(QLabel(doc.title), n, 0)
            self.docs_layout.addWidget(QLabel(doc.number), n, 1)
            self.docs_layout.addWidget(actions, n, 2)
            self.document_actions.append(actions)
        if not docs:
            self.docs_layout.addWidget(QLabel(self.tr("No document was issued.")), 0, 0)

    def _sent(self, report: Any, doc: Any) -> None:
        from ..kit.print_actions import sent_text

        self.sent_label.setText(sent_text(report, doc.title, doc.number))


__all__ = ["CHANGE_KINDS", "OUTCOMES", "FiguresPanel", "WorksheetDialog", "kind_label",
           "outcome_label"]
