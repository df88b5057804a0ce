"""受理登记, what is asked for: the requested items (from the catalogue) and the
materials checklist of each chosen item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.rules import dependents as dependent_rules
from ..kit.fmt import fmt
from ..kit.widgets import ErrorLabel, FieldErrors

HINT_STYLE = "color: #757575;"


def catalog_items(catalog: Any) -> list[Any]:
    """The catalogue's items in display order, whatever container the catalogue uses."""
    items = catalog.items
    if callable(items):
        items = items()
    if isinstance(items, dict):
        items = list(items.values())
    return list(items)


def material_choices(material: Any, awaitable: bool = False) -> list[str]:
    """Statuses the clerk may pick for a material.

    告知承诺 only where a signed commitment may replace it, 信息共享免提交 only where
    a platform can look it up (DOMAIN §1: never demand such proof), 不适用 only for a
    conditional material (e.g. 残疾人证 when nobody is disabled), 待低保认定 only for a
    material proving a status requested now or pending (``awaitable``, issue 13).
    """
    out = ["received"]
    if getattr(material, "commitment_allowed", False):
        out.append("committed")
    if getattr(material, "data_shared", False):
        out.append("shared")
    if awaitable:
        out.append("awaiting")
    out.append("missing")
    if not getattr(material, "required", True):
        out.append("na")
    return out


STATUS_STYLE = {  # every status has its own rule: an emptied style sheet may not repolish
    "received": "QComboBox { color: #1b5e20; }",
    "committed": "QComboBox { color: #1b5e20; }",
    "shared": "QComboBox { color: #1b5e20; }",
    "missing": "QComboBox { color: #c62828; font-weight: bold; }",
    "na": "QComboBox { color: #757575; }",
    "awaiting": "QComboBox { color: #e65100; }",
    "later": "QComboBox { color: #757575; }",   # a material asked for at 审核确认, not yet
}


def status_label(material: Any, status: str, waiting_for: str | None = None,
                 catalog: Any = None) -> str:
    """The label of ``status`` for ``material``: 缺少 of a material asked for at 审核确认
    reads 审核确认时提供; 待认定 names the awaited item (待低保认定 / 待特困认定)."""
    if status == "missing" and dependent_rules.at_decision(material):
        return dependent_rules.AT_DECISION_LABEL
    if status == "awaiting" and waiting_for:
        short = None
        try:
            short = catalog.item(waiting_for).short_name if catalog is not None else None
        except KeyError:
            short = None
        return dependent_rules.awaiting_label(waiting_for, short)
    return vocab.MATERIAL_LABELS[status]


def status_style(material: Any, status: str) -> str:
    if status == "missing" and dependent_rules.at_decision(material):
        return STATUS_STYLE["later"]
    return STATUS_STYLE.get(status, "")


class ItemsPanel(QWidget):
    """A checkbox per catalogue item, in two columns."""

    selectionChanged = Signal()

    def __init__(self, catalog: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemsPanel")
        self.catalog = catalog
        self.boxes: dict[str, QCheckBox] = {}
        self.order: list[str] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        items = catalog_items(catalog)
        rows = (len(items) + 1) // 2
        for n, item in enumerate(items):
            box = QCheckBox(item.name if len(item.name) <= 14 else item.short_name)
            box.setObjectName(f"item.{item.code}")
            box.setToolTip(self._tooltip(item))
            box.toggled.connect(lambda _on, code=item.code: self._toggled(code))
            self.boxes[item.code] = box
            grid.addWidget(box, n % rows, n // rows)
        self._chosen: list[str] = []

    def _tooltip(self, item: Any) -> str:
        try:
            handler = self.catalog.department(item.handler).name
        except Exception:
            handler = str(getattr(item, "handler", ""))
        limit = getattr(item, "time_limit_workdays", getattr(item, "limit_days", ""))
        return item.name + "\n" + (fmt(self.tr("Handled by: %1; time limit: %2 working days"), handler, str(limit)))

    def _toggled(self, code: str) -> None:
        if self.boxes[code].isChecked():
            if code not in self._chosen:
                self._chosen.append(code)
        elif code in self._chosen:
            self._chosen.remove(code)
        self.selectionChanged.emit()

    def chosen(self) -> list[str]:
        """Item codes in the order the clerk ticked them (printed in that order)."""
        return list(self._chosen)

    def set_chosen(self, codes: list[str]) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
        for code in codes:
            self.boxes[code].setChecked(True)

    def focus_chain(self) -> list[QWidget]:
        return list(self.boxes.values())


class MaterialsPanel(QWidget):
    """Per chosen item: each material with 已收取 / 告知承诺 / 信息共享免提交 / 缺少 /
    不适用 (only the choices the catalogue allows for that material).

    Statuses are kept per item while the clerk ticks items on and off, so nothing
    set is lost.
    """

    changed = Signal()

    def __init__(self, catalog: Any, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsPanel")
        self.catalog = catalog
        self.field_errors = errors
        self.state: dict[str, dict[str, str]] = {}
        self.combos: dict[tuple[str, str], QComboBox] = {}
        self._focusables: list[QWidget] = []
        self._items: list[str] = []
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        self.hint = QLabel(self.tr("Tick the requested items above; their materials appear here."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.error = ErrorLabel()
        self.error.setObjectName("materials.error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(self.body)
        layout.addWidget(self.error)
        errors.register("materials", None, self.error)
        self._blocks: list[QWidget] = []
        self._syncing = False
        # items pending for the applicant in other open applications (issue 13)
        self.pending: list[str] = []
        self._materials: dict[tuple[str, str], Any] = {}
        # materials whose status the clerk picked (a default may follow the items)
        self._touched: set[tuple[str, str]] = set()
        # issue 14: statuses suggested by the household's facts (core.services.material_facts)
        self.suggestions: dict[tuple[str, str], Any] = {}
        self.hints: dict[tuple[str, str], QLabel] = {}

    def _default(self, material: Any, item_code: str = "") -> str:
        if not getattr(material, "required", True):
            found = self.suggestions.get((item_code, material.code))
            return found.status if found is not None else "na"
        if self._awaited(material):
            return "awaiting"   # the status is requested or pending: nothing to fake
        return "shared" if getattr(material, "data_shared", False) else "missing"

    def _awaited(self, material: Any, items: list[str] | None = None) -> str | None:
        """The item ``material`` may wait for (待低保认定), or None."""
        return dependent_rules.awaitable_for(material, self._items if items is None else items,
                                             self.pending)

    def _choices(self, material: Any) -> list[str]:
        return material_choices(material, self._awaited(material) is not None)

    def _inherited(self, code: str, material: Any) -> str:
        """A new item takes the status of the same material in an item already ticked."""
        for other in self._items:
            status = self.state.get(other, {}).get(material.code)
            if other != code and status and status in self._choices(material):
                return status
        return self._default(material, code)

    def set_pending(self, codes: list[str]) -> None:
        """Items pending for the applicant elsewhere (``IntakeService.pending_status_items``):
        where 待低保认定 is offered changes with them."""
        if list(codes) != self.pending:
            self.pending = list(codes)
            self._update_awaiting()

    def _update_awaiting(self) -> None:
        """Offer 待低保认定 exactly where it is allowed now; an untouched default follows
        (救助对象身份证明 starts 待低保认定 while 低保 is requested), a choice no longer
        allowed goes back to the default."""
        for (code, mat_code), box in self.combos.items():
            mat = self._materials[(code, mat_code)]
            if not getattr(mat, "depends_on", ()):
                continue
            target = self._awaited(mat)
            index = box.findData("awaiting")
            status = self.state.get(code, {}).get(mat_code)
            if target and index < 0:
                box.insertItem(box.findData("missing"), status_label(mat, "awaiting", target,
                                                                      self.catalog), "awaiting")
                index = box.findData("awaiting")
            if target:
                box.setItemText(index, status_label(mat, "awaiting", target, self.catalog))
                tip = fmt(self.tr("The household's %1 is not decided yet: after acceptance this item "
                                  "waits, and is passed on once the status is confirmed; its time "
                                  "limit counts from then."),
                          dependent_rules.awaiting_label(target, None)[1:-2])
                box.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
                box.setToolTip(tip)
                untouched = (code, mat_code) not in self._touched
                if untouched and status != "awaiting":
                    self.set_status(code, mat_code, "awaiting")
            else:
                box.setToolTip(self.tr("Awaiting the status is offered only while the household's "
                                       "minimum living allowance or extreme-poverty support is "
                                       "applied for now or still pending."))
                if status == "awaiting":   # no longer allowed: back to the default
                    self.set_status(code, mat_code, self._default(mat, code))
                if box.findData("awaiting") >= 0:
                    box.removeItem(box.findData("awaiting"))

    def set_items(self, codes: list[str]) -> None:
        for block in self._blocks:
            block.setParent(None)
            block.deleteLater()
        self._blocks.clear()
        self.combos.clear()
        self._focusables.clear()
        self.field_errors.unregister_prefix("materials")
        self.field_errors.register("materials", None, self.error)
        self.hint.setVisible(not codes)
        self._materials.clear()
        self.hints.clear()
        self._items = list(codes)   # what 待低保认定 depends on, while the blocks are built
        for code in codes:
            item = self.catalog.item(code)
            state = self.state.get(code)
            if state is None:
                state = self.state[code] = {m.code: self._inherited(code, m) for m in item.materials}
            block = self._block(item, state)
            self.body.addWidget(block)
            self._blocks.append(block)
        self._update_awaiting()
        self.changed.emit()

    def _block(self, item: Any, state: dict[str, str]) -> QWidget:
        block = QWidget()
        block.setObjectName(f"materials.{item.code}")
        grid = QGridLayout(block)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        title = QLabel(item.name)
        title.setStyleSheet("font-weight: bold;")
        all_button = QPushButton(self.tr("All received"))
        all_button.setObjectName(f"allReceived.{item.code}")
        all_button.setToolTip(self.tr("Mark every required material of this item as received"))
        all_button.clicked.connect(lambda _=False, c=item.code: self.mark_all(c, "received"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(all_button)
        grid.addLayout(head, 0, 0, 1, 2)
        self._focusables.append(all_button)
        item_error = ErrorLabel()
        self.field_errors.register(f"materials.{item.code}", None, item_error)
        row = 1
        for mat in item.materials:
            condition = getattr(mat, "condition", "")
            name = QLabel(f"{mat.name}（{condition}）" if condition else mat.name)
            name.setWordWrap(True)
            note = getattr(mat, "note", "")
            if note:
                name.setToolTip(note)
            box = QComboBox()
            box.setObjectName(f"material.{item.code}.{mat.code}")
            target = self._awaited(mat)
            for status in material_choices(mat, target is not None):
                box.addItem(status_label(mat, status, target, self.catalog), status)
            box.setCurrentIndex(max(box.findData(state.get(mat.code)), 0))
            box.setStyleSheet(status_style(mat, box.currentData()))
            self._materials[(item.code, mat.code)] = mat
            box.activated.connect(lambda _i, c=item.code, m=mat.code: self._touched.add((c, m)))
            box.currentIndexChanged.connect(
                lambda _i, b=box, c=item.code, m=mat.code: self._set(c, m, b.currentData()))
            name.setBuddy(box)
            grid.addWidget(name, row, 0)
            grid.addWidget(box, row, 1)
            self.combos[(item.code, mat.code)] = box
            self._focusables.append(box)
            hint = QLabel()
            hint.setObjectName(f"suggestion.{item.code}.{mat.code}")
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            hint.setVisible(False)
            grid.addWidget(hint, row + 1, 0, 1, 2)
            self.hints[(item.code, mat.code)] = hint
            self._show_hint(item.code, mat.code)
            mat_error = ErrorLabel()
            grid.addWidget(mat_error, row + 2, 0, 1, 2)
            self.field_errors.register(f"materials.{item.code}.{mat.code}", box, mat_error)
            row += 3
        grid.addWidget(item_error, row, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return block

    def _set(self, item: str, material: str, status: str) -> None:
        if status is None:   # (an entry removed while the combo is rebuilt)
            return
        self.state.setdefault(item, {})[material] = status
        box = self.combos.get((item, material))
        if box is not None:
            box.setStyleSheet(status_style(self._materials.get((item, material)), status))
        if not self._syncing:
            # The same paper serves every item that asks for it: enter it once.
            self._syncing = True
            try:
                for other in self._items:
                    if other == item:
                        continue
                    for mat in self.catalog.item(other).materials:
                        if mat.code == material and status in self._choices(mat):
                            self.set_status(other, material, status)
            finally:
                self._syncing = False
        self.changed.emit()

    def mark_all(self, item_code: str, status: str) -> None:
        """Every required material gets ``status``, and every conditional one the
        household needs (not 不适用); the others keep theirs."""
        item = self.catalog.item(item_code)
        for mat in item.materials:
            needed = getattr(mat, "required", True) or \
                self.state.get(item_code, {}).get(mat.code, "na") != "na"
            if needed and status in material_choices(mat):
                self._touched.add((item_code, mat.code))
                self.set_status(item_code, mat.code, status)

    def set_status(self, item_code: str, material_code: str, status: str) -> None:
        self.state.setdefault(item_code, {})[material_code] = status
        box = self.combos.get((item_code, material_code))
        if box is not None and box.findData(status) >= 0:
            box.setCurrentIndex(box.findData(status))
        self.changed.emit()

    # -- suggestions from the household's facts (issue 14) ----------------------------------
    def set_suggestions(self, suggestions: dict[tuple[str, str], Any]) -> None:
        """Statuses suggested by the household's facts (``material_facts``): a material
        the clerk has not picked follows them; one they picked (for any item) is never
        overwritten — its hint still tells what the facts suggest."""
        self.suggestions = dict(suggestions)
        picked = {m for _i, m in self._touched}
        for (code, mat_code), found in self.suggestions.items():
            if code not in self._items:
                continue
            current = self.state.get(code, {}).get(mat_code)
            mat = self._materials.get((code, mat_code))
            if mat_code not in picked and current != found.status and current != "awaiting" \
                    and mat is not None and found.status in self._choices(mat):
                self._syncing = True    # each item has its own suggestion: no copying
                try:
                    self.set_status(code, mat_code, found.status)
                finally:
                    self._syncing = False
            self._show_hint(code, mat_code)

    def _show_hint(self, code: str, mat_code: str) -> None:
        hint = self.hints.get((code, mat_code))
        found = self.suggestions.get((code, mat_code))
        if hint is None:
            return
        if found is None or not found.reason:
            hint.setVisible(False)
            return
        hint.setText(fmt(self.tr("Suggested from the household: %1 (may be changed)"),
                         found.reason))
        hint.setVisible(True)

    def restore_status(self, item_code: str, material_code: str, status: str) -> None:
        """A status from a saved draft: kept as the clerk left it."""
        self._touched.add((item_code, material_code))
        self._syncing = True
        try:
            self.set_status(item_code, material_code, status)
        finally:
            self._syncing = False

    def materials_for(self, code: str) -> dict[str, str]:
        return dict(self.state.get(code, {}))

    def missing(self) -> list[str]:
        """Names of the materials still missing (for the buttons' hints)."""
        out = []
        for code in self._items:
            for mat in self.catalog.item(code).materials:
                status = self.state.get(code, {}).get(mat.code, "")
                if dependent_rules.demanded_at_intake(mat, status):
                    out.append(mat.name)
        return out

    def reset(self) -> None:
        self.state.clear()
        self._touched.clear()
        self.suggestions = {}
        self.pending = []
        self.set_items([])

    def focus_chain(self) -> list[QWidget]:
        return list(self._focusables)
