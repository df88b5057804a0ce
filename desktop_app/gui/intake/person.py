"""受理登记, the people: one person's fields (applicant or member) with a live
identity check, and the household-members panel (add / remove rows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.errors import ValidationError
from ...core.rules import identity
from ...core.rules.identity import IdType
from ..kit.fmt import fmt
from ..kit.glyphs import warn_missing_glyphs, warning_of
from ..kit.messages import text_of
from ..kit.widgets import ErrorLabel, FieldErrors

DERIVED_OK = "color: #2e7d32;"
DERIVED_HINT = "color: #757575;"


#: Adults (民法典 第十七条): a younger applicant has a guardian (监护人) who signs.
ADULT_AGE = 18


class NoWheelCombo(QComboBox):
    """A combo the mouse wheel changes only while it has the keyboard focus: scrolling
    the form over it scrolls the form (a material or a reason never changes by itself)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not take the focus

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the scroll area scrolls


def combo(values: tuple, *, name: str = "", blank: str = "") -> QComboBox:
    """A combo over stored vocabulary values (Chinese data, shown as it is)."""
    box = NoWheelCombo()
    if name:
        box.setObjectName(name)
    for value in values:
        box.addItem(str(value) if value != "" else blank, value)
    return box


def field_box(widget: QWidget, error: ErrorLabel, extra: QWidget | None = None) -> QWidget:
    """The widget with its error label underneath (and an optional note beside it)."""
    box = QWidget()
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(1)
    if extra is None:
        col.addWidget(widget)
    else:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(widget, 1)
        row.addWidget(extra)
        col.addLayout(row)
    col.addWidget(error)
    if (glyphs := warning_of(widget)) is not None:  # issue 14: characters no font has
        col.addWidget(glyphs)
    return box


def age_of(kind: IdType, number: str, today: date) -> int | None:
    """Age today from a valid ID number's birth date; None when it does not tell."""
    if kind in (IdType.NONE, IdType.OTHER):
        return None
    try:
        info = identity.validate_id(kind, identity.normalize_number(number), today)
    except ValidationError:
        return None
    born = info.birth_date
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def live_id_check(kind: IdType, text: str, today: date, error: ErrorLabel, derived: QLabel) -> None:
    """While typing an ID number: the derived sex and birth date, how many characters so
    far, or the problem (under the field)."""
    derived.setText("")
    if kind in (IdType.NONE, IdType.OTHER):
        error.clear_message()
        return
    number = identity.normalize_number(text)
    wanted = 18
    if not number or (len(number) < wanted and not (kind is IdType.FOREIGN_PR and len(number) == 15)):
        error.clear_message()
        if number:
            derived.setStyleSheet(DERIVED_HINT)
            derived.setText(fmt(QCoreApplication.translate("PersonFields", "%1/18"), str(len(number))))
        return
    try:
        info = identity.validate_id(kind, number, today)
    except ValidationError as exc:
        error.show_messages([text_of(exc)])
    else:
        error.clear_message()
        derived.setStyleSheet(DERIVED_OK)
        derived.setText(describe_id(info, today))


def describe_id(info: identity.IdInfo, today: date) -> str:
    if info.birth_date is None:
        return QCoreApplication.translate("PersonFields", "Valid")
    born = info.birth_date
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return fmt(QCoreApplication.translate("PersonFields", "%1, born %2, age %3"), info.sex or "",
               born.isoformat(), str(age))


class PersonFields(QObject):
    """The widgets of one person; :meth:`to_input` builds a ``MemberInput``.

    The same object serves the applicant (laid out as a form) and each household
    member (laid out as a two-line row); the layouts live with their owners.
    """

    changed = Signal()

    def __init__(self, prefix: str, today: Callable[[], date], *, applicant: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.today = today
        self.applicant = applicant
        self.relation = combo(tuple(r for r in vocab.RELATIONS if r != "本人"), name=f"{prefix}.relation")
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}.name")
        self.name.setPlaceholderText(self.tr("Name as on the ID card"))
        self.id_type = NoWheelCombo()
        self.id_type.setObjectName(f"{prefix}.id_type")
        for kind in IdType:
            self.id_type.addItem(kind.label, kind.name)
        self.id_number = QLineEdit()
        self.id_number.setObjectName(f"{prefix}.id_number")
        self.id_number.setPlaceholderText(self.tr("18 characters; the last may be X"))
        self.derived = QLabel()
        self.derived.setObjectName(f"{prefix}.derived")
        self.reason = QLineEdit()
        self.reason.setObjectName(f"{prefix}.no_id_reason")
        self.reason.setPlaceholderText(self.tr("Why there is no ID, e.g. 流浪乞讨人员"))
        self.phone = QLineEdit()
        self.phone.setObjectName(f"{prefix}.phone")
        self.phone.setPlaceholderText(self.tr("Mobile or landline with area code"))
        self.hukou_address = QLineEdit()
        self.hukou_address.setObjectName(f"{prefix}.hukou_address")
        self.hukou_address.setPlaceholderText(self.tr("Registered residence (户籍) address"))
        self.hukou_type = combo(vocab.HUKOU_TYPES, name=f"{prefix}.hukou_type")
        self.health = combo(vocab.HEALTH, name=f"{prefix}.health")
        self.disability = combo(vocab.DISABILITY_CATEGORIES, name=f"{prefix}.disability_category",
                                blank=self.tr("No disability"))
        self.grade = NoWheelCombo()
        self.grade.setObjectName(f"{prefix}.disability_grade")
        self.grade.addItem(self.tr("Grade"), None)
        for g in vocab.DISABILITY_GRADES:
            self.grade.addItem(fmt(self.tr("Grade %1"), str(g)), g)
        self.grade.setEnabled(False)
        self.employment = combo(vocab.EMPLOYMENT, name=f"{prefix}.employment", blank=self.tr("Employment"))
        self.self_care = combo(vocab.SELF_CARE, name=f"{prefix}.self_care", blank=self.tr("Self-care"))
        # 共同生活的家庭成员 (民发〔2021〕57号): counted or not, and why; the guardian tick.
        self.counted = QCheckBox(self.tr("Counted in the household"))
        self.counted.setObjectName(f"{prefix}.counted")
        self.counted.setChecked(True)
        self.counted.setToolTip(self.tr("Counted among the household members whose income and "
                                        "number count (spouse, minor children, …)"))
        self.counted_reason = NoWheelCombo()
        self.counted_reason.setObjectName(f"{prefix}.counted_reason")
        self.counted_reason.setToolTip(self.tr("Why the member is (or is not) counted"))
        self.guardian = QCheckBox(self.tr("Guardian"))
        self.guardian.setObjectName(f"{prefix}.guardian")
        self._fill_reasons()
        self.counted.toggled.connect(self._fill_reasons)
        self.relation.currentIndexChanged.connect(self._relation_changed)
        if not applicant:
            self._relation_changed()  # the first relation offered is 配偶
        self.set_guardian_allowed(False)

        for box, tip in ((self.relation, self.tr("Relation to the applicant")),
                         (self.hukou_type, self.tr("Hukou type")), (self.health, self.tr("Health")),
                         (self.disability, self.tr("Disability category")),
                         (self.grade, self.tr("Disability grade")),
                         (self.employment, self.tr("Employment")),
                         (self.self_care, self.tr("Self-care ability"))):
            box.setToolTip(tip)

        self.errors: dict[str, ErrorLabel] = {}
        for attr in ("relation", "name", "id_number", "no_id_reason", "phone", "hukou_address",
                     "disability", "status", "counted"):
            label = ErrorLabel()
            label.setObjectName(f"{prefix}.{attr}.error")
            self.errors[attr] = label
        self.errors["glyphs"] = warn_missing_glyphs(self.name)  # issue 14: no font has it

        self.id_type.currentIndexChanged.connect(self._id_type_changed)
        self.id_number.textChanged.connect(self.check_id)
        self.disability.currentIndexChanged.connect(self._disability_changed)
        self._id_type_changed()

    # -- error registration -----------------------------------------------------------------
    def register(self, errors: FieldErrors) -> None:
        p, e = self.prefix, self.errors
        errors.register(f"{p}.relation", self.relation, e["relation"])
        errors.register(f"{p}.name", self.name, e["name"])
        errors.register(f"{p}.id_type", self.id_type, e["id_number"])
        errors.register(f"{p}.id_number", self.id_number, e["id_number"])
        reason_widget = self.reason if self.applicant else self.id_number
        errors.register(f"{p}.no_id_reason", reason_widget, e["no_id_reason"] if self.applicant
                        else e["id_number"])
        errors.register(f"{p}.phone", self.phone, e["phone"])
        errors.register(f"{p}.hukou_address", self.hukou_address, e["hukou_address"])
        for attr, widget in (("hukou_type", self.hukou_type), ("health", self.health),
                             ("education", None), ("marital", None),
                             ("employment", self.employment), ("self_care", self.self_care)):
            errors.register(f"{p}.{attr}", widget, e["status"])
        errors.register(f"{p}.disability_category", self.disability, e["disability"])
        errors.register(f"{p}.disability_grade", self.grade, e["disability"])
        # The applicant's ticks are hidden (always counted, never a guardian): any
        # message about them shows under the situation line.
        counted = e["status"] if self.applicant else e["counted"]
        ticks: tuple[tuple[str, QWidget], ...] = (
            ("counted", self.counted), ("counted_reason", self.counted_reason),
            ("guardian", self.guardian))
        for attr, tick in ticks:
            errors.register(f"{p}.{attr}", None if self.applicant else tick, counted)

    def focus_chain(self) -> list[QWidget]:
        head = [] if self.applicant else [self.relation]
        ids = [self.name, self.id_type, self.id_number, self.reason]
        tail = [self.hukou_type, self.health, self.disability, self.grade, self.employment,
                self.self_care]
        if self.applicant:
            return ids + [self.phone, self.hukou_address] + tail
        return head + ids + tail + [self.counted, self.counted_reason, self.guardian]

    # -- behaviour -------------------------------------------------------------------------
    def id_kind(self) -> IdType:
        return IdType[self.id_type.currentData()]

    def _id_type_changed(self) -> None:
        none = self.id_kind() is IdType.NONE
        if self.applicant:
            self.id_number.setEnabled(not none)
            self.reason.setVisible(none)
        else:
            # A member's "number" field takes the reason when there is no ID.
            self.reason.setVisible(False)
            self.id_number.setPlaceholderText(
                self.tr("Why there is no ID") if none else self.tr("18 characters; the last may be X"))
        self.check_id()

    def _disability_changed(self) -> None:
        has = bool(self.disability.currentData())
        self.grade.setEnabled(has)
        if not has:
            self.grade.setCurrentIndex(0)

    def check_id(self) -> None:
        """Live check while typing: derived sex and birth date, or the problem."""
        live_id_check(self.id_kind(), self.id_number.text(), self.today(), self.errors["id_number"],
                      self.derived)
        self.changed.emit()

    def age(self) -> int | None:
        """The person's age today from the ID number (None when it does not tell)."""
        return age_of(self.id_kind(), self.id_number.text(), self.today())

    def describe(self, info: identity.IdInfo, today: date) -> str:
        return describe_id(info, today)

    # -- counted in the household, guardian --------------------------------------------------
    def _fill_reasons(self) -> None:
        """The reasons that go with the 计入 tick: the counted ones when ticked, the
        excluded ones when not (the applicant's own reason is not offered)."""
        box, counted = self.counted_reason, self.counted.isChecked()
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Why…") if counted else self.tr("Why not counted…"), "")
        for code, label, counts in vocab.COUNTED_REASONS:
            if counts == counted and code != "applicant":
                box.addItem(label, code)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)
        box.currentIndexChanged.emit(box.currentIndex())

    def _relation_changed(self) -> None:
        """A spouse is counted as 配偶 unless the clerk chose otherwise; 配偶 as the reason
        goes when the relation is no longer 配偶."""
        spouse, reason = self.relation.currentData() == "配偶", self.counted_reason.currentData()
        if spouse and self.counted.isChecked() and not reason:
            self.counted_reason.setCurrentIndex(max(self.counted_reason.findData("spouse"), 0))
        elif not spouse and reason == "spouse":
            self.counted_reason.setCurrentIndex(0)

    def set_guardian_allowed(self, allowed: bool) -> None:
        """监护人 only for an adult member of a minor applicant's household."""
        self.guardian.setEnabled(allowed)
        if not allowed and self.guardian.isChecked():
            self.guardian.setChecked(False)
        self.guardian.setToolTip(self.tr("This member is the minor applicant's guardian and signs "
                                         "for them") if allowed else
                                 self.tr("Only an adult member of a minor applicant's household "
                                         "can be the guardian"))

    # -- data ----------------------------------------------------------------------------------
    def to_input(self):
        from ...core.services import MemberInput

        none = self.id_kind() is IdType.NONE
        if self.applicant:
            number, reason = self.id_number.text(), self.reason.text()
            if none:
                number = ""
        else:
            number, reason = ("", self.id_number.text()) if none else (self.id_number.text(), "")
        return MemberInput(
            name=self.name.text(), relation="本人" if self.applicant else self.relation.currentData(),
            id_type=self.id_type.currentData(), id_number=number, no_id_reason=reason,
            phone=self.phone.text() if self.applicant else "",
            hukou_type=self.hukou_type.currentData(),
            hukou_address=self.hukou_address.text() if self.applicant else "",
            health=self.health.currentData(), disability_category=self.disability.currentData(),
            disability_grade=self.grade.currentData(), employment=self.employment.currentData(),
            self_care=self.self_care.currentData(),
            counted=True if self.applicant else self.counted.isChecked(),
            counted_reason="applicant" if self.applicant else self.counted_reason.currentData(),
            guardian=(not self.applicant and self.guardian.isEnabled()
                      and self.guardian.isChecked()),
        )

    def load(self, value) -> None:
        """Put a ``MemberInput`` back into the widgets (used when rows are renumbered)."""
        def pick(box: QComboBox, data) -> None:
            i = box.findData(data)
            if i >= 0:
                box.setCurrentIndex(i)

        pick(self.relation, value.relation)
        self.name.setText(value.name)
        pick(self.id_type, value.id_type)
        none = value.id_type == IdType.NONE.name
        if self.applicant:
            self.id_number.setText(value.id_number)
            self.reason.setText(value.no_id_reason)
        else:
            self.id_number.setText(value.no_id_reason if none else value.id_number)
        self.phone.setText(value.phone)
        self.hukou_address.setText(value.hukou_address)
        pick(self.hukou_type, value.hukou_type)
        pick(self.health, value.health)
        pick(self.disability, value.disability_category)
        pick(self.grade, value.disability_grade)
        pick(self.employment, value.employment)
        pick(self.self_care, value.self_care)
        self.counted.setChecked(value.counted)
        pick(self.counted_reason, value.counted_reason)
        self.guardian.setChecked(value.guardian)

    def widgets(self) -> list[QWidget]:
        return [self.relation, self.name, self.id_type, self.id_number, self.derived, self.reason,
                self.phone, self.hukou_address, self.hukou_type, self.health, self.disability,
                self.grade, self.employment, self.self_care, self.counted, self.counted_reason,
                self.guardian, *self.errors.values()]


class CardRows:
    """Rows of person cards (the household members, the supporters outside it): removing
    one keeps what was typed in the others, renumbered; clearing unregisters their field
    errors. A panel provides ``rows``, ``field_errors``, ``add_button``, the signals
    ``countChanged`` / ``layoutChanged`` and :meth:`_add_card`."""

    rows: list[tuple[Any, QWidget]]
    field_errors: FieldErrors
    add_button: QPushButton
    countChanged: Any
    layoutChanged: Any

    def _add_card(self) -> Any:  # pragma: no cover - provided by the panel
        raise NotImplementedError

    def _rows_changed(self) -> None:
        """After rows were removed or cleared (a panel may say more)."""

    def remove_card(self, card: QWidget) -> None:
        kept = [(p, c) for p, c in self.rows if c is not card]
        # Keep what was typed: rebuild the remaining rows' values under new numbers.
        values = [p.to_input() for p, _ in kept]
        self.clear()
        for value in values:
            self._add_card().load(value)
        self.countChanged.emit(len(self.rows))
        self.layoutChanged.emit()
        self._rows_changed()
        self.add_button.setFocus()

    def clear(self) -> None:
        for person, card in self.rows:
            self.field_errors.unregister_prefix(person.prefix)
            card.setParent(None)
            card.deleteLater()
            person.deleteLater()
        self.rows.clear()
        self._cleared()
        self.countChanged.emit(0)
        self._rows_changed()

    def _cleared(self) -> None:
        """Right after the rows are gone, before ``countChanged(0)``."""


class MembersPanel(CardRows, QWidget):
    """Household members other than the applicant: one two-line row each."""

    countChanged = Signal(int)
    layoutChanged = Signal()

    def __init__(self, errors: FieldErrors, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPanel")
        self.field_errors = errors
        self.today = today
        self.rows: list[tuple[PersonFields, QWidget]] = []
        self.applicant_minor = False  # the 监护人 tick is offered only then
        self.grid_box = QVBoxLayout()
        self.grid_box.setSpacing(4)
        self.empty = QLabel(self.tr("Only the applicant so far. Add everyone who lives in the "
                                    "household and shares its income."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(DERIVED_HINT)
        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.setObjectName("addMember")
        self.add_button.setToolTip(self.tr("Add a household member (Alt+M)"))
        self.add_button.clicked.connect(lambda: self.add_member())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid_box)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_member(self) -> PersonFields:
        index = len(self.rows) + 1
        person = PersonFields(f"members.{index}", self.today, applicant=False, parent=self)
        card = QWidget()
        card.setObjectName(f"memberRow{index}")
        grid = QGridLayout(card)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        number_label = QLabel(str(index))
        number_label.setStyleSheet("font-weight: bold;")
        grid.addWidget(number_label, 0, 0)
        grid.addWidget(person.relation, 0, 1)
        grid.addWidget(person.name, 0, 2)
        grid.addWidget(person.id_type, 0, 3)
        grid.addWidget(person.id_number, 0, 4)
        grid.addWidget(person.derived, 0, 5, 1, 2)
        person.derived.setMinimumWidth(130)
        # Long labels (外国人永久居留身份证) may elide in the narrow row; the popup shows them whole.
        person.id_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        person.id_type.setMinimumContentsLength(6)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"removeMember{index}")
        remove.setToolTip(self.tr("Remove this member"))
        second = QHBoxLayout()  # its own row: not tied to the columns above
        second.setSpacing(6)
        for widget in (person.hukou_type, person.health, person.disability, person.grade,
                       person.employment, person.self_care):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(remove)
        grid.addLayout(second, 1, 1, 1, 6)
        third = QHBoxLayout()  # counted in the household (and why), guardian
        third.setSpacing(6)
        third.addWidget(person.counted)
        third.addWidget(person.counted_reason)
        third.addSpacing(12)
        third.addWidget(person.guardian)
        third.addStretch(1)
        grid.addLayout(third, 2, 1, 1, 6)
        errors = QVBoxLayout()
        for label in person.errors.values():
            errors.addWidget(label)
        grid.addLayout(errors, 3, 1, 1, 6)
        for unused in (person.reason, person.phone, person.hukou_address):
            unused.setParent(card)  # owned by the row (a parentless widget outlives Qt)
            unused.hide()
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 2)
        person.name.setMinimumWidth(90)
        person.id_number.setMinimumWidth(170)
        self.grid_box.addWidget(card)
        self.rows.append((person, card))
        person.register(self.field_errors)
        person.changed.connect(lambda p=person: self._update_guardian(p))
        self._update_guardian(person)
        remove.clicked.connect(lambda _=False, c=card: self.remove_card(c))
        self.empty.setVisible(False)
        self.countChanged.emit(len(self.rows))
        self.layoutChanged.emit()
        person.relation.setFocus()
        return person

    def set_applicant_minor(self, minor: bool) -> None:
        """The applicant's age changed: offer (or withdraw) the 监护人 tick."""
        self.applicant_minor = minor
        for person, _card in self.rows:
            self._update_guardian(person)

    def _update_guardian(self, person: PersonFields) -> None:
        age = person.age()
        person.set_guardian_allowed(self.applicant_minor and (age is None or age >= ADULT_AGE))

    def _add_card(self) -> PersonFields:
        return self.add_member()

    def _cleared(self) -> None:
        self.empty.setVisible(True)

    def inputs(self) -> list:
        return [p.to_input() for p, _ in self.rows]

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for person, card in self.rows:
            chain += [w for w in person.focus_chain() if w is not person.reason]
            chain += card.findChildren(QPushButton)
        return chain + [self.add_button]
