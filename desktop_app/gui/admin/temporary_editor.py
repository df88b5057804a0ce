"""临时救助管控 in the settings screen (issue 13): the 先行救助 clock in hours, which sums
the township's ceiling adds up (per incident / per household per year), and the amount
bands (分档) — each a dated setting: the editor shows the entry in force on the chosen
day and, when it is changed, adds (or replaces) the entry of that day, keeping the
others (an entry is never rewritten for earlier days)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.rules import temporary
from ..kit.fmt import fmt

#: The type words of a band line (either language).
_TYPES = {"急难型": "urgent", "急难": "urgent", "urgent": "urgent",
          "支出型": "expense", "支出": "expense", "expense": "expense"}


class TemporaryEditor(QWidget):
    """The three settings ``first_aid_hours``, ``temporary_ceiling_scope`` and
    ``temporary_bands``; :meth:`set_values` / :meth:`values`."""

    KEYS = ("first_aid_hours", "temporary_ceiling_scope", "temporary_bands")

    def __init__(self, today: Callable[[], date], catalogue_hours: int | None,
                 parent: QWidget | None = None, *, catalogue_ceiling: str = "") -> None:
        super().__init__(parent)
        self.today, self.catalogue_hours = today, catalogue_hours
        self.catalogue_ceiling = catalogue_ceiling
        self.original: dict[str, Any] = {}
        self.effective = QDateEdit(QDate(cast(Any, today())))
        self.effective.setObjectName("temporaryEffective")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setToolTip(self.tr("A change applies from this day; earlier days keep "
                                          "the rules then in force"))
        self.hours = QSpinBox()
        self.hours.setObjectName("firstAidHours")
        self.hours.setRange(1, temporary.FIRST_AID_HOURS_MAX)
        self.hours.setSuffix(self.tr(" hours"))
        self.hours.setMaximumWidth(140)
        self.effective.setMaximumWidth(160)
        self.per_incident = QCheckBox(self.tr("per incident"))
        self.per_incident.setObjectName("perIncident")
        self.per_household = QCheckBox(self.tr("per household per calendar year"))
        self.per_household.setObjectName("perHouseholdYear")
        self.source = QLineEdit()
        self.source.setObjectName("bandsSource")
        self.bands = QPlainTextEdit()
        self.bands.setObjectName("temporaryBands")
        self.bands.setPlaceholderText(self.tr("One band per line: type, name, from, to (yuan), "
                                              "usual causes, e.g.\n急难型 一档 0 1000 生活无着、走失"))
        self.bands.setFixedHeight(130)
        self.note = QLabel()
        self.note.setObjectName("temporaryNote")
        self.note.setWordWrap(True)
        self.effective.dateChanged.connect(lambda _d: self._show())

        scope = QWidget()
        row = QHBoxLayout(scope)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.per_incident)
        row.addWidget(self.per_household)
        row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Applies from"), self.effective)
        form.addRow(self.tr("Emergency aid first within"), self.hours)
        form.addRow(self.tr("Township ceiling adds up"), scope)
        form.addRow(self.tr("Amount bands"), self.bands)
        form.addRow(self.tr("Source of the bands"), self.source)
        form.addRow("", self.note)

    # -- values ------------------------------------------------------------------------------
    def day(self) -> date:
        return cast(date, self.effective.date().toPython())

    def set_values(self, values: dict[str, Any]) -> None:
        self.original = {k: copy.deepcopy(values[k]) for k in self.KEYS}
        self._show()

    def _show(self) -> None:
        day = self.day()
        hours = temporary.first_aid_hours_on(self.original["first_aid_hours"], day,
                                             self.catalogue_hours)
        self.hours.setValue(hours or 24)
        scope = temporary.scope_on(self.original["temporary_ceiling_scope"], day)
        self.per_incident.setChecked(bool(scope[temporary.INCIDENT]))
        self.per_household.setChecked(bool(scope[temporary.HOUSEHOLD_YEAR]))
        bands = temporary.bands_on(self.original["temporary_bands"], day)
        self.source.setText(bands["source"])
        self.bands.setPlainText("\n".join(
            f"{temporary.BAND_TYPE_LABELS[b['type']]} {b['name']} {_num(b['from_yuan'])} "
            f"{_num(b['to_yuan'])} {'、'.join(b['causes'])}".rstrip() for b in bands["bands"]))
        self.note.setText(fmt(self.tr(
            "The catalogue gives %1 hours for emergency aid paid first (泰安: 急难对象24小时先行"
            "救助制度) and a township ceiling of %2 yuan, which the ceiling for aid paid first "
            "never exceeds. The bands only suggest an amount; the clerk decides."),
            str(self.catalogue_hours or "—"), self.catalogue_ceiling or "—"))

    def values(self) -> dict[str, Any]:
        """The three settings as they would be stored; an unchanged one is returned as it
        was. Raises ``ValidationError`` (field ``temporary_bands``) for an unreadable line."""
        day = self.day().isoformat()
        out = {k: copy.deepcopy(v) for k, v in self.original.items()}
        in_force = temporary.first_aid_hours_on(out["first_aid_hours"], self.day(),
                                                self.catalogue_hours)
        if self.hours.value() != in_force:
            out["first_aid_hours"] = _put(out["first_aid_hours"], {
                "effective_from": day, "hours": self.hours.value()})
        scope = {"effective_from": day, temporary.INCIDENT: self.per_incident.isChecked(),
                 temporary.HOUSEHOLD_YEAR: self.per_household.isChecked()}
        current = temporary.scope_on(out["temporary_ceiling_scope"], self.day())
        if any(scope[k] != current[k] for k in temporary.SCOPES):
            out["temporary_ceiling_scope"] = _put(out["temporary_ceiling_scope"], scope)
        bands = {"effective_from": day, "source": self.source.text().strip(),
                 "bands": self._parse_bands()}
        current_bands = temporary.bands_on(out["temporary_bands"], self.day())
        if (bands["source"], bands["bands"]) != (current_bands["source"],
                                                 current_bands["bands"]):
            out["temporary_bands"] = _put(out["temporary_bands"], bands)
        return out

    def _parse_bands(self) -> list[dict[str, Any]]:
        out = []
        for n, line in enumerate(self.bands.toPlainText().splitlines(), 1):
            parts = line.replace("，", " ").split()
            if not parts:
                continue
            try:
                if len(parts) < 4 or parts[0] not in _TYPES:
                    raise ValueError
                low, high = _number(parts[2]), _number(parts[3])
            except ValueError:
                raise ValidationError("temporary_bands", "format", fmt(self.tr(
                    "Line %1: write the type (急难型 or 支出型), the band's name, from and to "
                    "in yuan, then the usual causes"), str(n))) from None
            causes = [c for c in " ".join(parts[4:]).replace("、", " ").split() if c]
            out.append({"type": _TYPES[parts[0]], "name": parts[1], "from_yuan": low,
                        "to_yuan": high, "causes": causes})
        return out


def _number(text: str) -> int | float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def _num(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _put(entries: list[dict[str, Any]], entry: dict[str, Any]) -> list[dict[str, Any]]:
    """``entries`` with ``entry`` added, replacing the one of the same day."""
    kept = [e for e in entries if str(e["effective_from"]) != entry["effective_from"]]
    return sorted([*kept, entry], key=lambda e: str(e["effective_from"]))


__all__ = ["TemporaryEditor"]
