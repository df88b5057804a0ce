"""The layout of the intake form (受理登记): applicant, household, income, property,
other circumstances, the decision buttons and the tab order."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..kit.widgets import ErrorLabel, FieldErrors
from .assessment import AssessmentPanel, WarningsPanel
from .items import ItemsPanel, MaterialsPanel
from .person import ADULT_AGE, MembersPanel, NoWheelCombo, PersonFields, combo, field_box
from .related import RelatedPanel

if TYPE_CHECKING:
    from ...core.services import Services

    class _IntakeHost(QWidget):
        """For the type checker only: what the mixin uses of :class:`IntakeScreen`."""

        services: Services
        errors: FieldErrors
        today: Callable[[], date]
        form: QWidget
        general_error: ErrorLabel
        refusal_line: QLabel

        def _adopt(self, code: str) -> None: ...
        def _open_warning(self, warning: Any) -> None: ...
        def _items_changed(self) -> None: ...
        def _materials_changed(self) -> None: ...
        def _watch(self, root: QWidget) -> None: ...
        def _update_totals(self) -> None: ...
        def schedule_refresh(self) -> None: ...
        def submit(self, decision: str) -> None: ...
        def confirm_clear(self) -> None: ...

    _Base = _IntakeHost
else:
    _Base = object


class IntakeFormLayout(_Base):
    """Part of :class:`IntakeScreen` (a mixin: it uses the screen's widgets and services)."""

    # -- layout ------------------------------------------------------------------------------
    def _build_form(self) -> None:
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.addWidget(self._applicant_box())
        members_box = QGroupBox(self.tr("Household members (besides the applicant)"))
        members_col = QVBoxLayout(members_box)
        members_col.addWidget(self._members_panel())
        left_col.addWidget(members_box)
        left_col.addWidget(self._supporters_box())
        left_col.addWidget(self._income_box())
        left_col.addWidget(self._property_box())
        left_col.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setObjectName("intakeLeftScroll")
        left_scroll.setWidgetResizable(True)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        self._left = left

        right = QWidget()
        right_col = QVBoxLayout(right)
        items_box = QGroupBox(self.tr("Requested items"))
        items_layout = QVBoxLayout(items_box)
        self.items = ItemsPanel(self.services.ctx.catalog)
        self.items_error = ErrorLabel()
        self.items_error.setObjectName("items.error")
        self.errors.register("items", next(iter(self.items.boxes.values()), None), self.items_error)
        items_layout.addWidget(self.items)
        items_layout.addWidget(self.items_error)
        right_col.addWidget(items_box)
        self.assessment = AssessmentPanel(self.services.ctx.catalog)
        self.assessment.adoptRequested.connect(self._adopt)
        self.assessment.layoutChanged.connect(self._fix_tab_order)
        right_col.addWidget(self.assessment)
        right_col.addWidget(self._other_box())
        materials_box = QGroupBox(self.tr("Materials"))
        self.materials = MaterialsPanel(self.services.ctx.catalog, self.errors)
        QVBoxLayout(materials_box).addWidget(self.materials)
        right_col.addWidget(materials_box)
        right_col.addStretch(1)
        self.items.selectionChanged.connect(self._items_changed)
        self._watch(left)
        self.materials.changed.connect(self._materials_changed)
        right_scroll = QScrollArea()
        right_scroll.setObjectName("intakeRightScroll")
        right_scroll.setWidgetResizable(True)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setWidget(right)

        columns = QHBoxLayout()
        columns.addWidget(left_scroll, 3)
        columns.addWidget(right_scroll, 2)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.refusal_line)   # a refused action's reason, always in view
        layout.addLayout(columns, 1)
        self.warnings = WarningsPanel()
        self.warnings.openApplication.connect(self._open_warning)
        self.warnings.layoutChanged.connect(self._fix_tab_order)
        layout.addWidget(self.warnings)
        layout.addWidget(self.general_error)
        layout.addWidget(self._buttons())

    def _applicant_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Applicant"))
        p = self.applicant = PersonFields("applicant", self.today, applicant=True, parent=self)
        p.changed.connect(self._update_totals)
        p.register(self.errors)
        self.village = QComboBox()
        self.village.setObjectName("village")
        self.village.addItem(self.tr("Choose…"), None)
        for v in self.services.setup.villages():
            self.village.addItem(v.name, v.id)
        self.village_error = ErrorLabel()
        self.errors.register("village", self.village, self.village_error)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        e = p.errors
        rows = [
            (self.tr("Name"), field_box(p.name, e["name"]), self.tr("ID type"), p.id_type),
            (self.tr("ID number"), field_box(p.id_number, e["id_number"], p.derived),
             self.tr("Phone"), field_box(p.phone, e["phone"])),
        ]
        for r, (l1, w1, l2, w2) in enumerate(rows):
            grid.addWidget(QLabel(l1), r, 0)
            grid.addWidget(w1, r, 1)
            grid.addWidget(QLabel(l2), r, 2)
            grid.addWidget(w2, r, 3)
        self.reason_label = QLabel(self.tr("No-ID reason"))
        grid.addWidget(self.reason_label, 2, 0)
        grid.addWidget(field_box(p.reason, e["no_id_reason"]), 2, 1, 1, 3)
        p.id_type.currentIndexChanged.connect(
            lambda: self.reason_label.setVisible(p.reason.isVisibleTo(box)))
        self.reason_label.setVisible(False)
        grid.addWidget(QLabel(self.tr("Hukou address")), 3, 0)
        grid.addWidget(field_box(p.hukou_address, e["hukou_address"]), 3, 1)
        grid.addWidget(QLabel(self.tr("Lives in")), 3, 2)
        grid.addWidget(field_box(self.village, self.village_error), 3, 3)
        status = QHBoxLayout()
        for w in (p.hukou_type, p.health, p.disability, p.grade, p.employment, p.self_care):
            status.addWidget(w)
        status.addStretch(1)
        grid.addWidget(QLabel(self.tr("Situation")), 4, 0)
        grid.addLayout(status, 4, 1, 1, 3)
        grid.addWidget(e["disability"], 5, 1, 1, 3)
        grid.addWidget(e["status"], 6, 1, 1, 3)
        self._residence_rows(grid, 7)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        p.id_number.setMinimumWidth(190)
        # Always 本人, always counted (申请人本人), never their own guardian.
        for unused in (p.relation, p.counted, p.counted_reason, p.guardian):
            unused.setParent(box)
            unused.hide()
        return box

    def _residence_rows(self, grid: QGridLayout, row: int) -> None:
        """Where the applicant applies (户籍地 / 居住证 / 急难发生地), the current address
        and the 居住证 number, each enabled when the kind asks for it."""
        self.residence_kind = NoWheelCombo()
        self.residence_kind.setObjectName("residence_kind")
        for code, label in vocab.RESIDENCE_KINDS:
            self.residence_kind.addItem(label, code)
        self.residence_kind.setToolTip(self.tr("Where the applicant applies: where the hukou is, "
                                               "where they live with a residence permit, or (for "
                                               "emergency aid only) where the emergency happened"))
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
        kind_label = QLabel(self.tr("Applies as"))
        kind_label.setBuddy(self.residence_kind)
        grid.addWidget(kind_label, row, 0)
        grid.addWidget(field_box(self.residence_kind, kind_error), row, 1)
        self.residence_permit_label = QLabel(self.tr("Permit no."))
        self.residence_permit_label.setBuddy(self.residence_permit)
        grid.addWidget(self.residence_permit_label, row, 2)
        grid.addWidget(field_box(self.residence_permit, permit_error), row, 3)
        self.residence_address_label = QLabel(self.tr("Lives at"))
        self.residence_address_label.setBuddy(self.residence_address)
        grid.addWidget(self.residence_address_label, row + 1, 0)
        grid.addWidget(field_box(self.residence_address, address_error), row + 1, 1, 1, 3)
        self.residence_kind.currentIndexChanged.connect(self._residence_changed)
        self._residence_changed()

    def _residence_changed(self) -> None:
        kind = self.residence_kind.currentData()
        self.residence_address.setEnabled(kind != "hukou")
        self.residence_address_label.setEnabled(kind != "hukou")
        self.residence_permit.setEnabled(kind == "permit")
        self.residence_permit_label.setEnabled(kind == "permit")

    def _applicant_changed(self) -> None:
        age = self.applicant.age()
        self.members.set_applicant_minor(age is not None and age < ADULT_AGE)

    def _members_panel(self) -> MembersPanel:
        self.members = MembersPanel(self.errors, self.today)
        self.applicant.changed.connect(self._applicant_changed)
        self.members.countChanged.connect(self._update_totals)
        self.members.countChanged.connect(self.schedule_refresh)
        self.members.layoutChanged.connect(self._fix_tab_order)
        self.members.layoutChanged.connect(lambda: self._watch(self.members))
        return self.members

    def _supporters_box(self) -> QGroupBox:
        """法定义务人和监护人: whether there are legal supporters (赡养/抚养/扶养义务人) at
        all — not asked / none / yes, each recorded below with their own household and
        whether they can support — and a minor applicant's guardian from outside."""
        box = QGroupBox(self.tr("Legal supporters and guardian"))
        box.setObjectName("supporters")
        col = QVBoxLayout(box)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Legal supporters (赡养/抚养/扶养义务人):"))
        label.setToolTip(self.tr("People legally bound to support the applicant (children, parents, "
                                 "spouse…) who do not live in the household. Extreme-poverty "
                                 "support is only suggested when they cannot support, or there "
                                 "are none."))
        self.supporters_group = QButtonGroup(box)
        self.supporters: dict[object, QRadioButton] = {}
        for value, name, text in ((None, "supporters.unknown", self.tr("Not asked")),
                                  (False, "supporters.none", self.tr("None at all")),
                                  (True, "supporters.listed", self.tr("Yes, listed below"))):
            button = QRadioButton(text)
            button.setObjectName(name)
            self.supporters_group.addButton(button)
            self.supporters[value] = button
            line.addWidget(button)
        self.supporters[None].setChecked(True)
        self.supporters[True].setToolTip(self.tr("Record each supporter: their own household, "
                                                 "income and whether they can support"))
        label.setBuddy(self.supporters[None])
        line.insertWidget(0, label)
        line.addStretch(1)
        col.addLayout(line)
        hint = QLabel(self.tr("A guardian who lives in the household is ticked on the member's row; "
                              "list here only people living elsewhere."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #757575;")
        col.addWidget(hint)
        self.related = RelatedPanel(self.errors, self.today)
        self.related.changed.connect(self._related_changed)
        self.related.layoutChanged.connect(self._fix_tab_order)
        self.related.layoutChanged.connect(lambda: self._watch(self.related))
        self.supporters[True].clicked.connect(self._supporters_listed)
        col.addWidget(self.related)
        self.supporters_error = ErrorLabel()
        self.supporters_error.setObjectName("supporters.error")
        self.errors.register("supporters_able", self.supporters[None], self.supporters_error)
        self.errors.register("related", self.related.add_button, self.supporters_error)
        self.errors.register("guardian", self.related.add_button, self.supporters_error)
        col.addWidget(self.supporters_error)
        return box

    def _supporters_listed(self) -> None:
        """"Yes": the first supporter's card, ready to type."""
        if not self.related.supporters():
            self.related.add_person()

    def _related_changed(self) -> None:
        """While supporters are listed the answer is "yes" (their ability decides)."""
        listed = bool(self.related.supporters())
        if listed:
            self.supporters[True].setChecked(True)
        elif self.supporters[True].isChecked():
            self.supporters[None].setChecked(True)
        for value in (None, False):
            self.supporters[value].setEnabled(not listed)
        self.schedule_refresh()

    def supporters_able(self) -> bool | None:
        """The draft's answer: not asked (None), none at all (False), or from the listed
        supporters — able if one of them is, unable if every one is, else not known."""
        if self.supporters[None].isChecked():
            return None
        if self.supporters[False].isChecked():
            return False
        abilities = [p.able.currentData() for p in self.related.supporters()]
        if True in abilities:
            return True
        if abilities and all(a is False for a in abilities):
            return False
        return None

    def set_supporters_able(self, value: bool | None) -> None:
        self.supporters[value].setChecked(True)

    def _income_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Monthly household income (yuan)"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.incomes: dict[str, QLineEdit] = {}
        for n, (code, label) in enumerate(vocab.INCOME_CATEGORIES):
            edit = QLineEdit()
            edit.setObjectName(f"income.{code}")
            edit.setPlaceholderText("0.00")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.textChanged.connect(self._update_totals)
            error = ErrorLabel()
            error.setObjectName(f"income.{code}.error")
            self.errors.register(f"income.{code}", edit, error)
            getattr(self.errors, "names", {})[f"income.{code}"] = label
            self.incomes[code] = edit
            r, c = divmod(n, 3)
            grid.addWidget(QLabel(label), r, c * 2)
            grid.addWidget(field_box(edit, error), r, c * 2 + 1)
        self.totals = QLabel()
        self.totals.setObjectName("incomeTotals")
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("font-weight: bold;")
        grid.addWidget(self.totals, (len(vocab.INCOME_CATEGORIES) + 2) // 3, 0, 1, 6)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        return box

    def _property_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Property and essential spending"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.house_rating = combo(vocab.HOUSE_RATINGS, name="house_rating", blank=self.tr("Not rated"))
        self.property_fields: dict[str, QWidget] = {}
        specs = [
            ("housing_area", self.tr("Housing area (m²)")),
            ("house_rating", self.tr("House safety rating")),
            ("vehicles", self.tr("Vehicles")),
            ("houses", self.tr("Houses or flats owned")),
            ("deposits", self.tr("Savings and securities (yuan)")),
            ("business", self.tr("Shops or businesses")),
            ("medical_spending", self.tr("Medical spending, last 12 months (yuan)")),
            ("medical_reimbursed", self.tr("of which reimbursed by insurance (yuan)")),
            ("education_spending", self.tr("Education spending, last 12 months (yuan)")),
        ]
        for r, (attr, label) in enumerate(specs):
            if attr == "house_rating":
                widget: QWidget = self.house_rating
            else:
                widget = QLineEdit()
                widget.setObjectName(attr)
            error = ErrorLabel()
            self.errors.register(attr, widget, error)
            getattr(self.errors, "names", {})[attr] = label
            self.property_fields[attr] = widget
            row, col = divmod(r, 2)
            grid.addWidget(QLabel(label), row, col * 2)
            grid.addWidget(field_box(widget, error), row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _other_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Circumstances"))
        grid = QGridLayout(box)
        self.urgent = QCheckBox(self.tr("Emergency: help first, paperwork later"))
        self.urgent.setObjectName("urgent")
        self.urgent.setToolTip(self.tr(
            "An emergency case may be accepted before all materials are in (先行救助)."))
        self.source = QComboBox()
        self.source.setObjectName("source")
        for code, label in vocab.INTAKE_SOURCES:
            self.source.addItem(label, code)
        self.hardship_cause = QComboBox()
        self.hardship_cause.setObjectName("hardship_cause")
        self.hardship_cause.setToolTip(self.tr("Cause of hardship (category)"))
        self.hardship_cause.addItem(self.tr("Choose…"), "")
        self.hardship_cause.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code, label in vocab.HARDSHIP_CAUSES:
            self.hardship_cause.addItem(label, code)
        self.hardship = QLineEdit()
        self.hardship.setObjectName("hardship_reason")
        self.hardship.setPlaceholderText(self.tr("Details, e.g. 户主患尿毒症长期透析"))
        self.hardship.setToolTip(self.tr("Details of the hardship"))
        self.staff_relative = QCheckBox(self.tr("Relative of township staff or a village "
                                                "(community) cadre"))
        self.staff_relative.setObjectName("staff_relative")
        self.staff_relative.setToolTip(self.tr(
            "Close relatives of the staff handling the case or of village cadres are recorded "
            "(备案) and handled with extra care."))
        self.staff_note = QLineEdit()
        self.staff_note.setObjectName("staff_relative_note")
        self.staff_note.setPlaceholderText(self.tr("Which staff member or cadre, and the relation"))
        self.staff_note.setEnabled(False)
        self.staff_relative.toggled.connect(self.staff_note.setEnabled)
        source_error, hardship_error, staff_error = ErrorLabel(), ErrorLabel(), ErrorLabel()
        self.errors.register("source", self.source, source_error)
        self.errors.register("hardship_cause", self.hardship_cause, hardship_error)
        self.errors.register("hardship_reason", self.hardship, hardship_error)
        self.errors.register("staff_relative", self.staff_relative, staff_error)
        self.errors.register("staff_relative_note", self.staff_note, staff_error)
        cause = QWidget()
        cause_row = QHBoxLayout(cause)
        cause_row.setContentsMargins(0, 0, 0, 0)
        cause_row.addWidget(self.hardship_cause)
        cause_row.addWidget(self.hardship, 1)
        grid.addWidget(self.urgent, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("How the need was found")), 1, 0)
        grid.addWidget(field_box(self.source, source_error), 1, 1)
        cause_label = QLabel(self.tr("Cause of hardship"))
        cause_label.setBuddy(self.hardship_cause)
        grid.addWidget(cause_label, 2, 0)
        grid.addWidget(field_box(cause, hardship_error), 2, 1)
        grid.addWidget(self.staff_relative, 3, 0, 1, 2)
        grid.addWidget(field_box(self.staff_note, staff_error), 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.urgent.toggled.connect(self._materials_changed)
        self._watch(box)
        return box

    def _buttons(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setObjectName("intakeStatus")
        self.draft_label = QLabel()   # "草稿已保存 15:03:12" (issue 14)
        self.draft_label.setObjectName("draftStatus")
        self.draft_label.setStyleSheet("color: #757575;")
        self.accept_button = QPushButton(self.tr("&Accept and print receipt"))
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setDefault(True)
        self.notice_button = QPushButton(self.tr("Issue one-time &notice"))
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.setToolTip(self.tr("Lists every missing material once"))
        self.reject_button = QPushButton(self.tr("&Reject…"))
        self.reject_button.setObjectName("rejectButton")
        self.clear_button = QPushButton(self.tr("Clear form"))
        self.clear_button.setObjectName("clearButton")
        self.accept_button.clicked.connect(lambda: self.submit("accept"))
        self.notice_button.clicked.connect(lambda: self.submit("notice"))
        self.reject_button.clicked.connect(lambda: self.submit("reject"))
        self.clear_button.clicked.connect(self.confirm_clear)
        row.addWidget(self.status, 1)
        row.addWidget(self.draft_label)
        for b in (self.clear_button, self.reject_button, self.notice_button, self.accept_button):
            row.addWidget(b)
        return bar

    def _fix_tab_order(self) -> None:
        if not hasattr(self, "accept_button"):
            return
        p = self.applicant
        chain: list[QWidget] = [p.name, p.id_type, p.id_number, p.reason, p.phone, p.hukou_address, self.village,
                 p.hukou_type, p.health, p.disability, p.grade, p.employment, p.self_care]
        chain += [self.residence_kind, self.residence_permit, self.residence_address]
        chain += self.members.focus_chain() + list(self.supporters.values())
        chain += self.related.focus_chain()
        chain += list(self.incomes.values()) + list(self.property_fields.values())
        chain += self.items.focus_chain() + self.assessment.focus_chain()
        chain += self._other_chain()
        chain += self.materials.focus_chain() + self.warnings.focus_chain()
        chain += [self.accept_button, self.notice_button, self.reject_button, self.clear_button]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _other_chain(self) -> list[QWidget]:
        return [self.urgent, self.source, self.hardship_cause, self.hardship, self.staff_relative,
                self.staff_note]
