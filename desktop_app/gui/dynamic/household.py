"""动态管理, the household as it is now: the applicant, the members, the monthly incomes,
property and residence of a recipient household, editable for a re-check (复核) or a
change report (变更申报), or shown read-only for an old snapshot (历次复核).

The people are the intake form's own widgets (:class:`~..intake.person.PersonFields`,
:class:`~..intake.person.MembersPanel`: the same live ID check, the same 计入 tick and
reasons, the same field names for the errors). The income and property grids follow the
intake form's (same vocabulary, same object and field names); they are built here because
the intake form builds them inside its screen. What the editor does not show (the
supporters outside the household, the items, how the need was found …) is kept from the
draft it was loaded with.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..intake.person import MembersPanel, NoWheelCombo, PersonFields, combo, field_box
from ..kit.widgets import ErrorLabel, FieldErrors

# The property fields of the draft, in the intake form's order (attribute names).
PROPERTY_FIELDS = ("housing_area", "house_rating", "vehicles", "houses", "deposits", "business",
                   "medical_spending", "medical_reimbursed", "education_spending")


def _pick(box: QComboBox, data: Any) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


class HouseholdEditor(QWidget):
    """The household parts of an :class:`ApplicationDraft`. ``changed`` after any edit
    by the clerk (not while :meth:`load` fills it)."""

    changed = Signal()

    def __init__(self, errors: FieldErrors, today: Callable[[], date],
                 villages: Iterable[tuple[str, int]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdEditor")
        self.errors = errors
        self.today = today
        self._original: Any = None
        self._loading = 0
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._applicant_box(list(villages)))
        members_box = QGroupBox(self.tr("Household members (besides the applicant)"))
        members_box.setObjectName("membersBox")
        self.members = MembersPanel(errors, today)
        self.members.countChanged.connect(self._edited)
        self.members.layoutChanged.connect(lambda: self._watch(self.members))
        QVBoxLayout(members_box).addWidget(self.members)
        layout.addWidget(members_box)
        layout.addWidget(self._income_box())
        layout.addWidget(self._property_box())
        layout.addStretch(1)
        self._watch(self)

    # -- layout ------------------------------------------------------------------------------
    def _applicant_box(self, villages: list[tuple[str, int]]) -> QGroupBox:
        box = QGroupBox(self.tr("Applicant"))
        box.setObjectName("applicantBox")
        p = self.applicant = PersonFields("applicant", self.today, applicant=True, parent=self)
        p.register(self.errors)
        self.village = NoWheelCombo()
        self.village.setObjectName("village")
        self.village.addItem(self.tr("Choose…"), None)
        for name, village_id in villages:
            self.village.addItem(name, village_id)
        village_error = ErrorLabel()
        self.errors.register("village", self.village, village_error)
        self.residence_kind = combo(tuple(code for code, _ in vocab.RESIDENCE_KINDS),
                                    name="residence_kind")
        for i, (_code, label) in enumerate(vocab.RESIDENCE_KINDS):
            self.residence_kind.setItemText(i, label)
        self.residence_address = QLineEdit()
        self.residence_address.setObjectName("residence_address")
        self.residence_address.setPlaceholderText(self.tr("Where the applicant lives now"))
        self.residence_permit = QLineEdit()
        self.residence_permit.setObjectName("residence_permit_no")
        self.residence_permit.setPlaceholderText(self.tr("Residence permit number"))
        kind_error, address_error, permit_error = ErrorLabel(), ErrorLabel(), ErrorLabel()
        self.errors.register("residence_kind", self.residence_kind, kind_error)
        self.errors.register("residence_address", self.residence_address, address_error)
        self.errors.register("residence_permit_no", self.residence_permit, permit_error)
        e = p.errors
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        rows = [
            (self.tr("Name"), field_box(p.name, e["name"]), self.tr("ID type"), p.id_type),
            (self.tr("ID number"), field_box(p.id_number, e["id_number"], p.derived),
             self.tr("Phone"), field_box(p.phone, e["phone"])),
            (self.tr("Hukou address"), field_box(p.hukou_address, e["hukou_address"]),
             self.tr("Lives in"), field_box(self.village, village_error)),
            (self.tr("Applies as"), field_box(self.residence_kind, kind_error),
             self.tr("Permit no."), field_box(self.residence_permit, permit_error)),
        ]
        for r, (l1, w1, l2, w2) in enumerate(rows):
            grid.addWidget(QLabel(l1), r, 0)
            grid.addWidget(w1, r, 1)
            grid.addWidget(QLabel(l2), r, 2)
            grid.addWidget(w2, r, 3)
        grid.addWidget(QLabel(self.tr("Lives at")), 4, 0)
        grid.addWidget(field_box(self.residence_address, address_error), 4, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("No-ID reason")), 5, 0)
        grid.addWidget(field_box(p.reason, e["no_id_reason"]), 5, 1, 1, 3)
        status = QHBoxLayout()
        for w in (p.hukou_type, p.health, p.disability, p.grade, p.employment, p.self_care):
            status.addWidget(w)
        status.addStretch(1)
        grid.addWidget(QLabel(self.tr("Situation")), 6, 0)
        grid.addLayout(status, 6, 1, 1, 3)
        grid.addWidget(e["disability"], 7, 1, 1, 3)
        grid.addWidget(e["status"], 8, 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        p.id_number.setMinimumWidth(170)
        # Always 本人, always counted (申请人本人), never their own guardian.
        for unused in (p.relation, p.counted, p.counted_reason, p.guardian):
            unused.setParent(box)
            unused.hide()
        self.residence_kind.currentIndexChanged.connect(self._residence_changed)
        self._residence_changed()
        return box

    def _residence_changed(self) -> None:
        kind = self.residence_kind.currentData()
        self.residence_address.setEnabled(kind != "hukou" and not self.read_only)
        self.residence_permit.setEnabled(kind == "permit" and not self.read_only)

    def _income_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Monthly household income (yuan)"))
        box.setObjectName("incomeBox")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.incomes: dict[str, QLineEdit] = {}
        for n, (code, label) in enumerate(vocab.INCOME_CATEGORIES):
            edit = QLineEdit()
            edit.setObjectName(f"income.{code}")
            edit.setPlaceholderText("0.00")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            error = ErrorLabel()
            self.errors.register(f"income.{code}", edit, error)
            self.incomes[code] = edit
            r, c = divmod(n, 3)
            grid.addWidget(QLabel(label), r, c * 2)
            grid.addWidget(field_box(edit, error), r, c * 2 + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        return box

    def _property_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Property and essential spending"))
        box.setObjectName("propertyBox")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        labels = {
            "housing_area": self.tr("Housing area (m²)"),
            "house_rating": self.tr("House safety rating"),
            "vehicles": self.tr("Vehicles"),
            "houses": self.tr("Houses or flats owned"),
            "deposits": self.tr("Savings and securities (yuan)"),
            "business": self.tr("Shops or businesses"),
            "medical_spending": self.tr("Medical spending, last 12 months (yuan)"),
            "medical_reimbursed": self.tr("of which reimbursed by insurance (yuan)"),
            "education_spending": self.tr("Education spending, last 12 months (yuan)"),
        }
        self.house_rating = combo(vocab.HOUSE_RATINGS, name="house_rating",
                                  blank=self.tr("Not rated"))
        self.property_fields: dict[str, QWidget] = {}
        for r, attr in enumerate(PROPERTY_FIELDS):
            widget: QWidget
            if attr == "house_rating":
                widget = self.house_rating
            else:
                widget = QLineEdit()
                widget.setObjectName(attr)
            error = ErrorLabel()
            self.errors.register(attr, widget, error)
            self.property_fields[attr] = widget
            row, col = divmod(r, 2)
            grid.addWidget(QLabel(labels[attr]), row, col * 2)
            grid.addWidget(field_box(widget, error), row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    # -- edits ----------------------------------------------------------------------------------
    def _watch(self, root: QWidget) -> None:
        """``changed`` after any edit of the fields under ``root`` (rows added later are
        watched when they appear)."""
        widgets = root.findChildren(QLineEdit) + root.findChildren(QComboBox) + \
            root.findChildren(QAbstractButton)
        for w in widgets:
            if w.property("householdWatched") or isinstance(w, QPushButton):
                continue
            w.setProperty("householdWatched", True)
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self._edited)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._edited)
            else:
                w.toggled.connect(self._edited)
        if self.read_only:
            self.set_read_only(True)

    def _edited(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()

    # -- data -------------------------------------------------------------------------------------
    def load(self, draft: Any) -> None:
        """Put the household parts of ``draft`` (an ``ApplicationDraft``) into the widgets."""
        self._original = draft
        self._loading += 1
        try:
            self.members.clear()
            self.applicant.load(draft.applicant)
            _pick(self.village, draft.village_id)
            _pick(self.residence_kind, draft.residence_kind)
            self.residence_address.setText(draft.residence_address)
            self.residence_permit.setText(draft.residence_permit_no)
            for member in draft.members:
                self.members.add_member().load(member)
            for code, edit in self.incomes.items():
                edit.setText(draft.incomes.get(code, ""))
            for attr, widget in self.property_fields.items():
                if isinstance(widget, QComboBox):
                    _pick(widget, getattr(draft, attr, ""))
                elif isinstance(widget, QLineEdit):
                    widget.setText(getattr(draft, attr, "") or "")
        finally:
            self._loading -= 1
        self._watch(self)

    def draft(self) -> Any:
        """The household as edited, over the draft it was loaded with (what is not shown
        here stays as it was)."""
        from ...core.services import ApplicationDraft, MemberInput

        base = self._original or ApplicationDraft(applicant=MemberInput())
        kind = self.residence_kind.currentData()
        text = {attr: w.text() for attr, w in self.property_fields.items()
                if isinstance(w, QLineEdit)}
        return dataclasses.replace(
            base, applicant=self.applicant.to_input(), members=self.members.inputs(),
            village_id=self.village.currentData(), residence_kind=kind,
            residence_address=self.residence_address.text() if kind != "hukou" else "",
            residence_permit_no=self.residence_permit.text() if kind == "permit" else "",
            incomes={code: e.text() for code, e in self.incomes.items() if e.text().strip()},
            house_rating=self.house_rating.currentData() or "", **text)

    def set_read_only(self, read_only: bool) -> None:
        """An old snapshot: readable (selectable text), nothing editable, no row buttons."""
        self.read_only = read_only
        for edit in self.findChildren(QLineEdit):
            edit.setReadOnly(read_only)
        for w in self.findChildren(QComboBox) + self.findChildren(QAbstractButton):
            if isinstance(w, QPushButton):
                w.setVisible(not read_only)
            else:
                w.setEnabled(not read_only)
        if not read_only:
            self._residence_changed()

    def focus_chain(self) -> list[QWidget]:
        p = self.applicant
        chain: list[QWidget] = [p.name, p.id_type, p.id_number, p.reason, p.phone,
                                p.hukou_address, self.village, self.residence_kind,
                                self.residence_permit, self.residence_address,
                                p.hukou_type, p.health, p.disability, p.grade, p.employment,
                                p.self_care]
        chain += self.members.focus_chain()
        chain += list(self.incomes.values()) + list(self.property_fields.values())
        return chain


__all__ = ["PROPERTY_FIELDS", "HouseholdEditor"]
