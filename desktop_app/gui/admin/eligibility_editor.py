"""救助评估规则 (the ``eligibility`` setting, core/rules/eligibility.py): the local rules
most often set — which standard, 特困 base, income lines not counted, property limits,
两项补贴 scope and the care subsidy's 需长期照护, 补差 rounding, 刚性支出 validity — as a
form showing the entry in force today.

Changing a value and saving adds an entry in force from the chosen day (tomorrow at the
earliest: applications already assessed keep the rules of their day; an entry for that
day not yet in force is replaced). The other fields of the entry (ages, grades …) are
carried over unchanged. docs/eligibility.md explains each rule and its source.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ...core import vocab
from ...core.rules.eligibility import DEFAULT_ENTRY, parse_entries

HINT_STYLE = "color: #757575;"


def _spin(lo: int, hi: int, name: str, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setObjectName(name)
    if special:
        box.setSpecialValueText(special)
    box.setMaximumWidth(110)
    return box


def _combo(name: str, choices: list[tuple[Any, str]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for value, label in choices:
        box.addItem(label, value)
    return box


class EligibilityEditor(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eligibilityEditor")
        self.today = today
        self.original: list[dict[str, Any]] = []
        self.current: dict[str, Any] = dict(DEFAULT_ENTRY)
        form = QFormLayout(self)
        self.in_force = QLabel()
        self.in_force.setObjectName("eligibilityInForce")
        self.in_force.setStyleSheet(HINT_STYLE)
        self.in_force.setWordWrap(True)
        form.addRow(self.in_force)
        self.basis = _combo("eligibility.standard_basis", [
            ("hukou", self.tr("the applicant's hukou")),
            ("village", self.tr("the village: residents' committee urban, villagers' committee rural"))])
        form.addRow(self.tr("Urban or rural standard by"), self.basis)
        self.tekun_base = _combo("eligibility.tekun_base", [
            ("household", self.tr("the household's own standard")),
            ("urban", self.tr("the urban standard"))])
        form.addRow(self.tr("Extreme-poverty support based on"), self.tekun_base)
        self.excluded: dict[str, QCheckBox] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, (code, label) in enumerate(vocab.INCOME_CATEGORIES):
            check = QCheckBox(label)
            check.setObjectName(f"eligibility.excluded.{code}")
            self.excluded[code] = check
            grid.addWidget(check, n // 3, n % 3)
        form.addRow(self.tr("Income not counted"), grid_box)
        none = self.tr("no limit")
        self.deposits = _spin(0, 240, "eligibility.deposit_months", none)
        self.vehicles = _spin(-1, 20, "eligibility.max_vehicles", none)
        self.houses = _spin(-1, 10, "eligibility.max_houses", none)
        self.housing = _spin(0, 1000, "eligibility.housing_m2", none)
        self.business = QCheckBox(self.tr("a shop or business is allowed"))
        self.business.setObjectName("eligibility.business_allowed")
        limits = QWidget()
        row = QHBoxLayout(limits)
        row.setContentsMargins(0, 0, 0, 0)
        for text, box in ((self.tr("deposits per person (months of the standard)"), self.deposits),
                          (self.tr("vehicles"), self.vehicles),
                          (self.tr("houses"), self.houses),
                          (self.tr("housing per person (m²)"), self.housing)):
            row.addWidget(QLabel(text))
            row.addWidget(box)
        row.addWidget(self.business)
        row.addStretch(1)
        form.addRow(self.tr("Property limits"), limits)
        self.care = _combo("eligibility.care_grade_mental", [
            (2, self.tr("grades 1–2 only")),
            (3, self.tr("grades 1–2, intellectual and mental grade 3")),
            (4, self.tr("grades 1–2, intellectual and mental grades 3–4"))])
        form.addRow(self.tr("Care subsidy for"), self.care)
        # 需长期照护 (国发〔2015〕52号): the self-care states (vocab.SELF_CARE) a member must
        # have; the data is the list joined with "|" ("" = no condition).
        self.care_need = _combo("eligibility.care_self_care", [
            ("", self.tr("any, by grade alone")),
            ("部分自理|完全不能自理",
             self.tr("only those needing long-term care: partly or not able to look after themselves")),
            ("完全不能自理", self.tr("only those not able to look after themselves at all"))])
        form.addRow(self.tr("Care subsidy, self-care"), self.care_need)
        self.living = _combo("eligibility.living_subsidy_scope", [
            ("dibao", self.tr("subsistence households")),
            ("dibao_edge", self.tr("subsistence and edge households")),
            ("low_income", self.tr("any low-income household"))])
        form.addRow(self.tr("Living subsidy for"), self.living)
        self.rounding = _combo("eligibility.topup_rounding", [
            ("fen", self.tr("to the fen")), ("yuan_up", self.tr("up to the yuan")),
            ("yuan_half_up", self.tr("to the nearest yuan"))])
        form.addRow(self.tr("Top-up rounded"), self.rounding)
        self.rigid_months = _spin(1, 36, "eligibility.rigid_validity_months")
        self.rigid_months.setSuffix(self.tr(" months"))
        form.addRow(self.tr("Hardship from essential spending valid for"), self.rigid_months)
        self.effective = QDateEdit()
        self.effective.setObjectName("eligibility.effective_from")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        effective_row = QWidget()
        row = QHBoxLayout(effective_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.effective)
        note = QLabel(self.tr("a change applies from this day; applications taken earlier keep "
                              "the rules of their day"))
        note.setStyleSheet(HINT_STYLE)
        note.setWordWrap(True)
        row.addWidget(note, 1)
        form.addRow(self.tr("Changes effective from"), effective_row)

    # -- values ----------------------------------------------------------------------------
    def set_entries(self, entries: list[dict[str, Any]] | None) -> None:
        self.original = [dict(e) for e in (entries or [DEFAULT_ENTRY])]
        today = self.today()
        in_force = [p for p in parse_entries(self.original) if p.effective_from <= today]
        policy = in_force[-1] if in_force else parse_entries(self.original)[0]
        self.current = policy.to_json()
        c = self.current
        self.in_force.setText(self.tr("Shown: the rules in force today (from %1).")
                              .replace("%1", c["effective_from"]))
        self.basis.setCurrentIndex(self.basis.findData(c["standard_basis"]))
        self.tekun_base.setCurrentIndex(self.tekun_base.findData(c["tekun_base"]))
        for code, check in self.excluded.items():
            check.setChecked(code in c["excluded_incomes"])
        self.deposits.setValue(c["deposit_months_per_person"])
        self.vehicles.setValue(c["max_vehicles"])
        self.houses.setValue(c["max_houses"])
        self.housing.setValue(c["max_housing_m2_per_person"])
        self.business.setChecked(c["business_allowed"])
        care = self.care.findData(c["care_grade_mental"])
        self.care.setCurrentIndex(care if care >= 0 else 0)
        self.living.setCurrentIndex(self.living.findData(c["living_subsidy_scope"]))
        need = "|".join(c["care_self_care"])
        while self.care_need.count() > 3:   # a county-sent choice shown last time
            self.care_need.removeItem(3)
        if self.care_need.findData(need) < 0:
            self.care_need.addItem("、".join(c["care_self_care"]), need)
        self.care_need.setCurrentIndex(self.care_need.findData(need))
        self.rounding.setCurrentIndex(self.rounding.findData(c["topup_rounding"]))
        self.rigid_months.setValue(c["rigid_validity_months"])
        tomorrow = today + timedelta(days=1)
        self.effective.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.effective.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))

    def form_entry(self) -> dict[str, Any]:
        """The entry in force today with the form's values."""
        out = dict(self.current)
        out.update({
            "standard_basis": self.basis.currentData(),
            "tekun_base": self.tekun_base.currentData(),
            "excluded_incomes": [c for c, check in self.excluded.items() if check.isChecked()],
            "deposit_months_per_person": self.deposits.value(),
            "max_vehicles": self.vehicles.value(),
            "max_houses": self.houses.value(),
            "max_housing_m2_per_person": self.housing.value(),
            "business_allowed": self.business.isChecked(),
            "care_grade_mental": self.care.currentData(),
            "living_subsidy_scope": self.living.currentData(),
            "care_self_care": [x for x in str(self.care_need.currentData()).split("|") if x],
            "topup_rounding": self.rounding.currentData(),
            "rigid_validity_months": self.rigid_months.value(),
        })
        return out

    def entries(self) -> list[dict[str, Any]]:
        """The setting to save: unchanged when the form shows the rules in force; else
        with an entry from the chosen day (replacing a future entry of that day)."""
        entry = self.form_entry()
        if entry == self.current:
            return self.original
        q = self.effective.date()
        day = date(q.year(), q.month(), q.day()).isoformat()
        entry["effective_from"] = day
        kept = [e for e in self.original if e["effective_from"] != day]
        return sorted(kept + [entry], key=lambda e: e["effective_from"])
