"""受理登记, 救助需求综合评估: the items the household likely qualifies for.

Suggest, never decide: each suggestion shows the item, the service's plain-Chinese
reason and two buttons. 采纳 ticks the item in the requested items (the clerk's
click, nothing else ever ticks it); 不采纳 greys the suggestion out and is
remembered for this draft. Items already requested show as adopted.

Above the suggestions, the figures behind them, labelled: the standard and why it
applies, gross and net household income per person (lines not counted, the
employment-cost deduction), the 低保 补差 and the property test — the numbers of
``rules.assessment.evaluate``, never recomputed here.

Also the intake warnings (possible duplicates, conflicts of interest): amber,
never blocking; a warning naming an application offers to open it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.rules.assessment import yuan
from ...core.vocab import INCOME_LABELS
from ..kit.fmt import fmt

HINT_STYLE = "color: #757575;"
NAME_STYLE = "font-weight: bold;"
DISMISSED_STYLE = "color: #9e9e9e;"
ADOPTED_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_FRAME_STYLE = ("QFrame#intakeWarnings { background: #fff8e1; border: 1px solid #ffb300;"
                       " border-radius: 3px; }")
WARNING_TEXT_STYLE = "color: #8d4f00;"

PENDING, ADOPTED, DISMISSED = "pending", "adopted", "dismissed"


class _Row:
    """The widgets of one suggested item."""

    def __init__(self, code: str, name: str, frame: QFrame, name_label: QLabel, reason: QLabel,
                 state: QLabel, adopt: QPushButton, dismiss: QPushButton) -> None:
        self.code = code
        self.name = name
        self.frame = frame
        self.name_label = name_label
        self.reason = reason
        self.state = state
        self.adopt = adopt
        self.dismiss = dismiss


class AssessmentPanel(QGroupBox):
    """``adoptRequested(code)`` when the clerk adopts a suggestion (the screen ticks the
    item); ``layoutChanged`` after rows were added or removed (tab order)."""

    adoptRequested = Signal(str)
    layoutChanged = Signal()

    def __init__(self, catalog: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPanel")
        self.setTitle(self.tr("Needs assessment (suggestions only)"))
        self.catalog = catalog
        self.rows: dict[str, _Row] = {}
        self.dismissed: set[str] = set()
        self.requested: set[str] = set()
        self._reasons: dict[str, list[str]] = {}
        self.hint = QLabel()
        self.hint.setObjectName("assessmentHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.figures = QFrame()
        self.figures.setObjectName("assessmentFigures")
        self.figures_grid = QGridLayout(self.figures)
        self.figures_grid.setContentsMargins(0, 0, 0, 4)
        self.figures_grid.setHorizontalSpacing(8)
        self.figures_grid.setVerticalSpacing(1)
        self.figure_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for n, (key, title) in enumerate(self._figure_titles()):
            name = QLabel(title)
            name.setObjectName(f"figure.{key}.name")
            name.setStyleSheet(HINT_STYLE)
            value = QLabel()
            value.setObjectName(f"figure.{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures_grid.addWidget(name, n, 0, Qt.AlignmentFlag.AlignTop)
            self.figures_grid.addWidget(value, n, 1)
            self.figure_labels[key] = (name, value)
        self.figures_grid.setColumnStretch(1, 1)
        self.figures.setVisible(False)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        self.footer = QLabel(self.tr("Suggestions from the entered household data; whether an "
                                     "item is requested is for the applicant and the clerk."))
        self.footer.setObjectName("assessmentFooter")
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.figures)
        layout.addLayout(self.body)
        layout.addWidget(self.footer)
        self.show_empty()

    # -- content -------------------------------------------------------------------------------
    def _item_name(self, code: str) -> str:
        try:
            return self.catalog.item(code).name
        except KeyError:
            return code

    def show_empty(self) -> None:
        """Nothing entered yet."""
        self.show_hint(self.tr("Enter the household, its incomes and circumstances: the items "
                               "it may qualify for appear here."))

    def _figure_titles(self) -> list[tuple[str, str]]:
        return [("standard", self.tr("Standard")),
                ("members", self.tr("Members counted")),
                ("gross", self.tr("Gross income")),
                ("adjustments", self.tr("Not counted / deducted")),
                ("net", self.tr("Net income (compared)")),
                ("topup", self.tr("Subsistence top-up")),
                ("property", self.tr("Property"))]

    def _topup(self, f: Any, prop: Any) -> str:
        """The 补差 as the rules compute it — proposed only when property passes too
        (the 核算表 and the stored figure say the same)."""
        if not f.topup_fen:
            return self.tr("None (net income not below the standard)")
        if not prop.ok:
            return self.tr("None: property exceeds the local limits (not eligible for 低保)")
        return fmt(self.tr("%1 × %2 people − %3 = %4 yuan a month"), yuan(f.standard_fen),
                   f.members, yuan(f.net_fen), yuan(f.topup_fen))

    def set_assessment(self, assessment: Any) -> None:
        """Show an ``Assessment`` (rules.assessment): its figures, then its suggestions."""
        f, prop = assessment.figures, assessment.property
        values = {
            "standard": fmt(self.tr("%1 %2 yuan a person a month (%3); edge %4 yuan"),
                            f.hukou_label, yuan(f.standard_fen), f.basis.why,
                            yuan(assessment.edge_standard_fen)),
            "members": self._members(f),
            "gross": fmt(self.tr("%1 yuan a month in total, %2 yuan per person (%3 people)"),
                         yuan(f.gross_fen), yuan(f.gross_per_capita_fen), f.members),
            "adjustments": self._adjustments(f),
            "net": fmt(self.tr("%1 yuan a month in total, %2 yuan per person"),
                       yuan(f.net_fen), yuan(f.per_capita_fen)),
            "topup": self._topup(f, prop),
            "property": prop.text(),
        }
        for key, (_name, value) in self.figure_labels.items():
            value.setText(values[key])
            value.setStyleSheet("" if key != "property" or prop.ok else WARNING_TEXT_STYLE)
        self.figures.setVisible(True)
        self.set_suggestions(assessment.suggestions)

    def _members(self, f: Any) -> str:
        """Who the per-capita figures count (民发〔2021〕57号 共同生活的家庭成员): counted of
        all, and each member left out with the reason — the rules' own lists."""
        everyone = getattr(f, "all_members", f.members)
        text = fmt(self.tr("%1 of %2 people counted"), f.members, everyone)
        left_out = getattr(f, "excluded_members", ())
        if left_out:
            names = self.tr("、").join(fmt(self.tr("%1 (%2)"), name, reason) for name, reason in left_out)
            text += fmt(self.tr("; not counted: %1"), names)
        return text

    def _adjustments(self, f: Any) -> str:
        parts = [fmt(self.tr("not counted: %1 %2 yuan"), INCOME_LABELS.get(code, code), yuan(fen))
                 for code, fen in f.excluded]
        if f.deduction_fen:
            parts.append(fmt(self.tr("employment cost deducted: %1 yuan"), yuan(f.deduction_fen)))
        return self.tr("; ").join(parts) if parts else self.tr("None")

    def figure_texts(self) -> dict[str, str]:
        """The figures as shown (tests)."""
        return {key: value.text() for key, (_n, value) in self.figure_labels.items()}

    def show_hint(self, text: str) -> None:
        """No suggestions to show (nothing entered yet, or the assessment failed)."""
        self.figures.setVisible(False)
        self._set_rows({})
        self.hint.setText(text)
        self.hint.setVisible(True)
        self.footer.setVisible(False)

    def set_suggestions(self, suggestions: list[Any]) -> None:
        """Show ``suggestions`` (``Suggestion`` objects), one row per item."""
        reasons: dict[str, list[str]] = {}
        for s in suggestions:
            reasons.setdefault(s.item_code, [])
            if s.reason not in reasons[s.item_code]:
                reasons[s.item_code].append(s.reason)
        self._set_rows(reasons)
        if reasons:
            self.hint.setVisible(False)
        else:
            self.hint.setText(self.tr("No item suggested for the household as entered."))
            self.hint.setVisible(True)
        self.footer.setVisible(bool(reasons))

    def _set_rows(self, reasons: dict[str, list[str]]) -> None:
        if list(reasons) != list(self.rows):
            for row in self.rows.values():
                row.frame.setParent(None)
                row.frame.deleteLater()
            self.rows = {code: self._row(code) for code in reasons}
            for row in self.rows.values():
                self.body.addWidget(row.frame)
            self.layoutChanged.emit()
        self._reasons = reasons
        for index, (code, row) in enumerate(self.rows.items()):
            row.reason.setText("\n".join(reasons[code]))
            # One Alt+letter per screen (issue 14): only the first row's buttons have one.
            row.adopt.setText(self.tr("Ado&pt") if index == 0 else self.tr("Adopt"))
            row.dismiss.setText(self.tr("&Dismiss") if index == 0 else self.tr("Dismiss"))
        self._refresh()

    def _row(self, code: str) -> _Row:
        name = self._item_name(code)
        frame = QFrame()
        frame.setObjectName(f"suggestion.{code}")
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        name_label = QLabel(name)
        name_label.setObjectName(f"suggestion.{code}.name")
        name_label.setWordWrap(True)
        reason = QLabel()
        reason.setObjectName(f"suggestion.{code}.reason")
        reason.setWordWrap(True)
        reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        state = QLabel()
        state.setObjectName(f"suggestion.{code}.state")
        adopt = QPushButton(self.tr("Ado&pt"))
        adopt.setObjectName(f"suggestion.{code}.adopt")
        adopt.setToolTip(fmt(self.tr("Tick “%1” in the requested items"), name))
        dismiss = QPushButton(self.tr("&Dismiss"))
        dismiss.setObjectName(f"suggestion.{code}.dismiss")
        dismiss.setToolTip(self.tr("Not requested this time (remembered for this application)"))
        adopt.clicked.connect(lambda _=False, c=code: self.adopt(c))
        dismiss.clicked.connect(lambda _=False, c=code: self.dismiss(c))
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(state)
        buttons.addWidget(adopt)
        buttons.addWidget(dismiss)
        grid.addWidget(name_label, 0, 0)
        grid.addLayout(buttons, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(reason, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return _Row(code, name, frame, name_label, reason, state, adopt, dismiss)

    # -- states ----------------------------------------------------------------------------------
    def state(self, code: str) -> str | None:
        """``adopted`` / ``dismissed`` / ``pending`` for a suggested item, else ``None``."""
        if code not in self.rows:
            return None
        if code in self.requested:
            return ADOPTED
        return DISMISSED if code in self.dismissed else PENDING

    def set_requested(self, codes) -> None:
        """The items currently ticked (shown as adopted)."""
        self.requested = set(codes)
        self._refresh()

    def adopt(self, code: str) -> None:
        self.dismissed.discard(code)
        self.adoptRequested.emit(code)
        self._refresh()

    def dismiss(self, code: str) -> None:
        if code in self.requested:
            return
        self.dismissed.add(code)
        self._refresh()
        row = self.rows.get(code)
        if row is not None and row.adopt.isEnabled():
            row.adopt.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        """A new application: forget dismissals."""
        self.dismissed.clear()
        self.requested.clear()
        self.show_empty()

    def _refresh(self) -> None:
        for code, row in self.rows.items():
            state = self.state(code)
            known = code in self._catalog_codes()
            row.adopt.setEnabled(state != ADOPTED and known)
            row.dismiss.setEnabled(state == PENDING)
            if state == ADOPTED:
                row.state.setText(self.tr("Adopted"))
                row.state.setStyleSheet(ADOPTED_STYLE)
            elif state == DISMISSED:
                row.state.setText(self.tr("Dismissed"))
                row.state.setStyleSheet(DISMISSED_STYLE)
            else:
                row.state.setText("")
                row.state.setStyleSheet("")
            grey = state == DISMISSED
            row.name_label.setStyleSheet(DISMISSED_STYLE if grey else NAME_STYLE)
            row.reason.setStyleSheet(DISMISSED_STYLE if grey else "")
            if state == ADOPTED:
                row.dismiss.setToolTip(self.tr("Requested: untick the item to withdraw it"))
            else:
                row.dismiss.setToolTip(self.tr("Not requested this time (remembered for this "
                                               "application)"))

    def _catalog_codes(self) -> set[str]:
        codes = getattr(self, "_codes", None)
        if codes is None:
            from .items import catalog_items

            codes = self._codes = {item.code for item in catalog_items(self.catalog)}
        return codes

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self.rows.values():
            chain += [row.adopt, row.dismiss]
        return chain


class WarningsPanel(QFrame):
    """Amber, non-blocking intake warnings; ``openApplication(warning)`` when the clerk
    opens the application a warning names."""

    openApplication = Signal(object)
    layoutChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeWarnings")
        self.setStyleSheet(WARNING_FRAME_STYLE)
        self.title = QLabel(self.tr("Please check before deciding:"))
        self.title.setObjectName("intakeWarningsTitle")
        self.title.setStyleSheet(WARNING_TEXT_STYLE + " font-weight: bold; border: none;")
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addLayout(self.body)
        self.items: list[tuple[Any, QLabel, QPushButton | None]] = []
        self.lines: list[QWidget] = []
        self._shown: list[tuple[str, str, str]] = []
        self.setVisible(False)

    def set_warnings(self, warnings: list[Any]) -> None:
        key = [(w.code, w.message, getattr(w, "application_number", "") or "") for w in warnings]
        if key == self._shown:
            return
        self._shown = key
        for line in self.lines:
            line.setParent(None)  # gone from findChild at once
            line.deleteLater()
        self.items = []
        self.lines = []
        for n, w in enumerate(warnings):
            line = QWidget()
            line.setObjectName(f"intakeWarning{n}")
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(w.message)
            label.setObjectName(f"intakeWarning{n}.text")
            label.setWordWrap(True)
            label.setStyleSheet(WARNING_TEXT_STYLE + " border: none;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(label, 1)
            button = None
            number = getattr(w, "application_number", "") or ""
            if number:
                button = QPushButton(fmt(self.tr("Open %1"), number))
                button.setObjectName(f"intakeWarning{n}.open")
                button.setToolTip(fmt(self.tr("Open application %1"), number))
                button.clicked.connect(lambda _=False, x=w: self.openApplication.emit(x))
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.body.addWidget(line)
            self.lines.append(line)
            self.items.append((w, label, button))
        self.setVisible(bool(warnings))
        self.layoutChanged.emit()

    def texts(self) -> list[str]:
        return [label.text() for _w, label, _b in self.items]

    def focus_chain(self) -> list[QWidget]:
        return [b for _w, _l, b in self.items if b is not None]
