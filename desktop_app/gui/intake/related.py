"""受理登记, 法定义务人和监护人: the legal supporters (赡养/抚养/扶养义务人, 民发〔2021〕57号
and 43号) and a minor applicant's guardian (监护人) living outside the household — one
card each (add / remove), printed on the 申报表 and the 核对授权书 where each signs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.rules.identity import IdType
from ..kit.glyphs import warn_missing_glyphs
from ..kit.widgets import ErrorLabel, FieldErrors
from .person import CardRows, NoWheelCombo, combo, live_id_check

#: The answers to "can this supporter support?" (data of the ability combo).
ABILITY_VALUES = (None, True, False)


class RelatedFields(QObject):
    """The widgets of one supporter / guardian; :meth:`to_input` builds a ``PersonInput``.
    Field errors are registered under ``related.N.<field>`` (N counts from 0, like the
    draft's list)."""

    changed = Signal()

    def __init__(self, prefix: str, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.today = today
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}.name")
        self.name.setPlaceholderText(self.tr("Name"))
        self.relation = combo(vocab.SUPPORTER_RELATIONS, name=f"{prefix}.relation")
        self.relation.insertItem(0, self.tr("Relation…"), "")
        self.relation.setCurrentIndex(0)
        self.relation.setToolTip(self.tr("Relation to the applicant"))
        self.id_type = NoWheelCombo()
        self.id_type.setObjectName(f"{prefix}.id_type")
        for kind in IdType:
            self.id_type.addItem(kind.label, kind.name)
        self.id_type.setMinimumContentsLength(6)
        self.id_type.setSizeAdjustPolicy(
            NoWheelCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.id_number = QLineEdit()
        self.id_number.setObjectName(f"{prefix}.id_number")
        self.derived = QLabel()
        self.derived.setObjectName(f"{prefix}.derived")
        self.derived.setMinimumWidth(130)
        self.phone = QLineEdit()
        self.phone.setObjectName(f"{prefix}.phone")
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.address = QLineEdit()
        self.address.setObjectName(f"{prefix}.address")
        self.address.setPlaceholderText(self.tr("Address"))
        self.supporter = QCheckBox(self.tr("Legal supporter"))
        self.supporter.setObjectName(f"{prefix}.supporter")
        self.supporter.setToolTip(self.tr("Legally bound to support the applicant (赡养、抚养或扶养义务人)"))
        self.supporter.setChecked(True)
        self.guardian = QCheckBox(self.tr("Guardian"))
        self.guardian.setObjectName(f"{prefix}.guardian")
        self.guardian.setToolTip(self.tr("The applicant's guardian (监护人), who signs for them"))
        self.household_size = QLineEdit()
        self.household_size.setObjectName(f"{prefix}.household_size")
        self.household_size.setPlaceholderText(self.tr("Persons"))
        self.household_size.setToolTip(self.tr("Persons in the supporter's own household"))
        self.household_size.setMaximumWidth(70)
        self.monthly_income = QLineEdit()
        self.monthly_income.setObjectName(f"{prefix}.monthly_income")
        self.monthly_income.setPlaceholderText("0.00")
        self.monthly_income.setToolTip(self.tr("The supporter's household income, yuan a month"))
        self.monthly_income.setMaximumWidth(110)
        self.able = NoWheelCombo()
        self.able.setObjectName(f"{prefix}.able")
        self.able.setToolTip(self.tr("Can this supporter support the applicant?"))
        for value, text in zip(ABILITY_VALUES, (self.tr("Not checked yet"), self.tr("Able to support"),
                                                self.tr("Unable to support")), strict=True):
            self.able.addItem(text, value)
        self.unable_reason = NoWheelCombo()
        self.unable_reason.setObjectName(f"{prefix}.unable_reason")
        for code, reason in vocab.UNABLE_REASONS:
            self.unable_reason.addItem(reason if code else self.tr("Why unable…"), code)
        self.unable_reason.setToolTip(self.tr("Why the supporter cannot support"))
        self.errors: dict[str, ErrorLabel] = {}
        for attr in ("name", "id_number", "phone", "roles", "economy"):
            label = ErrorLabel()
            label.setObjectName(f"{prefix}.{attr}.error")
            self.errors[attr] = label
        self.errors["glyphs"] = warn_missing_glyphs(self.name)  # issue 14: no font has it
        self.id_type.currentIndexChanged.connect(self._id_type_changed)
        self.id_number.textChanged.connect(self.check_id)
        self.able.currentIndexChanged.connect(self._able_changed)
        self.supporter.toggled.connect(self._supporter_changed)
        self.supporter.toggled.connect(lambda _on: self.changed.emit())
        self._id_type_changed()
        self._supporter_changed()

    # -- behaviour -------------------------------------------------------------------------
    def id_kind(self) -> IdType:
        return IdType[self.id_type.currentData()]

    def _id_type_changed(self) -> None:
        none = self.id_kind() is IdType.NONE
        # As for members: with no ID the number field takes the reason.
        self.id_number.setPlaceholderText(
            self.tr("Why there is no ID") if none else self.tr("ID number, 18 characters"))
        self.check_id()

    def check_id(self) -> None:
        live_id_check(self.id_kind(), self.id_number.text(), self.today(), self.errors["id_number"],
                      self.derived)
        self.changed.emit()

    def _able_changed(self) -> None:
        unable = self.able.currentData() is False
        self.unable_reason.setEnabled(unable)
        if not unable:
            self.unable_reason.setCurrentIndex(0)
        self.changed.emit()

    def _supporter_changed(self) -> None:
        """Household size, income and ability are asked of a supporter only."""
        on = self.supporter.isChecked()
        for w in (self.household_size, self.monthly_income, self.able):
            w.setEnabled(on)
        self.unable_reason.setEnabled(on and self.able.currentData() is False)

    # -- errors and focus ----------------------------------------------------------------------
    def register(self, errors: FieldErrors) -> None:
        p, e = self.prefix, self.errors
        errors.register(f"{p}.relation", self.relation, e["name"])
        errors.register(f"{p}.name", self.name, e["name"])
        errors.register(f"{p}.id_type", self.id_type, e["id_number"])
        errors.register(f"{p}.id_number", self.id_number, e["id_number"])
        errors.register(f"{p}.no_id_reason", self.id_number, e["id_number"])
        errors.register(f"{p}.phone", self.phone, e["phone"])
        errors.register(f"{p}.address", self.address, e["phone"])
        errors.register(f"{p}.note", None, e["phone"])
        errors.register(f"{p}.supporter", self.supporter, e["roles"])
        errors.register(f"{p}.guardian", self.guardian, e["roles"])
        errors.register(f"{p}.household_size", self.household_size, e["economy"])
        errors.register(f"{p}.monthly_income", self.monthly_income, e["economy"])
        errors.register(f"{p}.able", self.able, e["economy"])
        errors.register(f"{p}.unable_reason", self.unable_reason, e["economy"])

    def focus_chain(self) -> list[QWidget]:
        return [self.relation, self.name, self.id_type, self.id_number, self.phone, self.address,
                self.supporter, self.guardian, self.household_size, self.monthly_income, self.able,
                self.unable_reason]

    # -- data ----------------------------------------------------------------------------------
    def to_input(self):
        from ...core.services.drafts import PersonInput

        none = self.id_kind() is IdType.NONE
        number, reason = ("", self.id_number.text()) if none else (self.id_number.text(), "")
        supporter = self.supporter.isChecked()
        able = self.able.currentData() if supporter else None
        return PersonInput(
            name=self.name.text(), relation=self.relation.currentData(),
            id_type=self.id_type.currentData(), id_number=number, no_id_reason=reason,
            phone=self.phone.text(), address=self.address.text(), supporter=supporter,
            guardian=self.guardian.isChecked(),
            household_size=self.household_size.text() if supporter else "",
            monthly_income=self.monthly_income.text() if supporter else "",
            able=able, unable_reason=self.unable_reason.currentData() if able is False else "",
        )

    def load(self, value) -> None:
        """Put a ``PersonInput`` back into the widgets (rows renumbered)."""
        def pick(box, data) -> None:
            i = box.findData(data)
            if i >= 0:
                box.setCurrentIndex(i)

        pick(self.relation, value.relation)
        self.name.setText(value.name)
        pick(self.id_type, value.id_type)
        none = value.id_type == IdType.NONE.name
        self.id_number.setText(value.no_id_reason if none else value.id_number)
        self.phone.setText(value.phone)
        self.address.setText(value.address)
        self.supporter.setChecked(value.supporter)
        self.guardian.setChecked(value.guardian)
        self.household_size.setText(value.household_size)
        self.monthly_income.setText(value.monthly_income)
        pick(self.able, value.able)
        pick(self.unable_reason, value.unable_reason)


class RelatedPanel(CardRows, QWidget):
    """The supporters and guardian outside the household: one three-line card each."""

    countChanged = Signal(int)
    layoutChanged = Signal()
    changed = Signal()

    def __init__(self, errors: FieldErrors, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self.field_errors = errors
        self.today = today
        self.rows: list[tuple[RelatedFields, QWidget]] = []
        self.cards = QVBoxLayout()
        self.cards.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add supporter or guardian"))
        self.add_button.setObjectName("addRelated")
        self.add_button.setToolTip(self.tr("Add a legal supporter or guardian living outside the "
                                           "household (Alt+G)"))
        self.add_button.clicked.connect(lambda: self.add_person())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.cards)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_person(self) -> RelatedFields:
        index = len(self.rows)
        person = RelatedFields(f"related.{index}", self.today, parent=self)
        card = QWidget()
        card.setObjectName(f"relatedRow{index}")
        grid = QGridLayout(card)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        number = QLabel(chr(ord("A") + index) if index < 26 else str(index + 1))
        number.setStyleSheet("font-weight: bold;")
        grid.addWidget(number, 0, 0)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addWidget(person.relation)
        first.addWidget(person.name, 1)
        first.addWidget(person.id_type)
        first.addWidget(person.id_number, 2)
        first.addWidget(person.derived)
        grid.addLayout(first, 0, 1)
        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(person.phone, 1)
        second.addWidget(person.address, 2)
        second.addWidget(person.supporter)
        second.addWidget(person.guardian)
        grid.addLayout(second, 1, 1)
        third = QHBoxLayout()
        third.setSpacing(6)
        size_label = QLabel(self.tr("Own household"))
        size_label.setBuddy(person.household_size)
        income_label = QLabel(self.tr("Income a month"))
        income_label.setBuddy(person.monthly_income)
        third.addWidget(size_label)
        third.addWidget(person.household_size)
        third.addWidget(income_label)
        third.addWidget(person.monthly_income)
        third.addWidget(person.able)
        third.addWidget(person.unable_reason, 1)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"removeRelated{index}")
        remove.setToolTip(self.tr("Remove this person"))
        third.addWidget(remove)
        grid.addLayout(third, 2, 1)
        errors = QVBoxLayout()
        for label in person.errors.values():
            errors.addWidget(label)
        grid.addLayout(errors, 3, 1)
        grid.setColumnStretch(1, 1)
        person.name.setMinimumWidth(80)
        person.id_number.setMinimumWidth(160)
        self.cards.addWidget(card)
        self.rows.append((person, card))
        person.register(self.field_errors)
        person.changed.connect(self.changed)
        remove.clicked.connect(lambda _=False, c=card: self.remove_card(c))
        self.countChanged.emit(len(self.rows))
        self.layoutChanged.emit()
        self.changed.emit()
        person.relation.setFocus()
        return person

    def _add_card(self) -> RelatedFields:
        return self.add_person()

    def _rows_changed(self) -> None:
        self.changed.emit()

    def inputs(self) -> list:
        return [p.to_input() for p, _ in self.rows]

    def supporters(self) -> list[RelatedFields]:
        return [p for p, _ in self.rows if p.supporter.isChecked()]

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for person, card in self.rows:
            chain += person.focus_chain()
            chain += card.findChildren(QPushButton)
        return chain + [self.add_button]


__all__ = ["RelatedFields", "RelatedPanel"]
