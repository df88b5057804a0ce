"""服务机构名录 (issue 15 item 5): the providers of service-type items — 社工站,
charities, volunteer teams, other social organisations — an administration tab.

泰安 (seed 003): "引导社会组织、专业社工、志愿者等社会力量参与社会救助"; 汉中 (seed 001):
镇级社工站. The window chooses one of them for a service task on the tracking screen
(gui/tracking/providers.py); the 转办单 and 转办清单 name it. A provider is never
deleted (its slips name it): it is deactivated or given an end date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, RowsModel, row_table
from ..tracking.dialogs import ServiceDialog, field

if TYPE_CHECKING:
    from ...core.services import Services


def _date_text(d: date | None) -> str:
    return d.isoformat() if d else ""


class ProviderDialog(ServiceDialog):
    """Add or change one provider; the service's messages next to the fields."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 row: Any = None, parent: QWidget | None = None, *,
                 on_done: Callable[[Any], object] | None = None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("providerDialog")
        self.row = row
        self.setWindowTitle(self.tr("Change provider") if row else self.tr("New provider"))
        self.name = QLineEdit(row.name if row else "")
        self.name.setObjectName("providerName")
        self.name.setPlaceholderText(self.tr("e.g. the township's social work station"))
        self.kind = QComboBox()
        self.kind.setObjectName("providerKind")
        for code, label in vocab.PROVIDER_KINDS:
            self.kind.addItem(label, code)
        if row:
            self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        services_box = QWidget()
        grid = QGridLayout(services_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.service_boxes: dict[str, QCheckBox] = {}
        for n, (code, name) in enumerate(services.providers.service_items()):
            box = QCheckBox(name)
            box.setObjectName(f"service_{code}")
            box.setChecked(bool(row) and code in row.services)
            self.service_boxes[code] = box
            grid.addWidget(box, n // 3, n % 3)
        self.contact = QLineEdit(row.contact if row else "")
        self.contact.setObjectName("providerContact")
        self.phone = QLineEdit(row.phone if row else "")
        self.phone.setObjectName("providerPhone")
        self.address = QLineEdit(row.address if row else "")
        self.address.setObjectName("providerAddress")
        self.note = QLineEdit(row.note if row else "")
        self.note.setObjectName("providerNote")
        self.note.setPlaceholderText(self.tr("e.g. service area, opening hours, agreement"))
        self.active = QCheckBox(self.tr("In use"))
        self.active.setObjectName("providerActive")
        self.active.setChecked(row.active if row else True)
        self.valid_from = QLineEdit(_date_text(row.valid_from) if row else "")
        self.valid_from.setObjectName("providerFrom")
        self.valid_to = QLineEdit(_date_text(row.valid_to) if row else "")
        self.valid_to.setObjectName("providerTo")
        for edit in (self.valid_from, self.valid_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD, empty = open"))
            edit.setMaximumWidth(180)
        dates = QWidget()
        line = QHBoxLayout(dates)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(field(self.valid_from, self.errors, "valid_from"))
        line.addWidget(QLabel(self.tr("to")))
        line.addWidget(field(self.valid_to, self.errors, "valid_to"))
        line.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), field(self.name, self.errors, "name"))
        form.addRow(self.tr("Kind"), field(self.kind, self.errors, "kind"))
        form.addRow(self.tr("Services offered"), field(services_box, self.errors, "services"))
        form.addRow(self.tr("Contact person"), field(self.contact, self.errors, "contact"))
        form.addRow(self.tr("Phone"), field(self.phone, self.errors, "phone"))
        form.addRow(self.tr("Address"), field(self.address, self.errors, "address"))
        form.addRow(self.tr("Note"), field(self.note, self.errors, "note"))
        form.addRow(self.tr("Service period"), dates)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.resize(560, 460)

    def value(self) -> Any:
        from ...core.services.providers import ProviderInput

        return ProviderInput(
            name=self.name.text(), kind=self.kind.currentData(),
            services=tuple(c for c, b in self.service_boxes.items() if b.isChecked()),
            contact=self.contact.text(), phone=self.phone.text(), address=self.address.text(),
            note=self.note.text(), active=self.active.isChecked(),
            valid_from=self.valid_from.text(), valid_to=self.valid_to.text())

    def submit(self) -> None:
        providers, pid, value = self.services.providers, self.row.id if self.row else None, \
            self.value()
        self._run(lambda actor: providers.save(pid, value, actor))


class ProvidersPage(QWidget):
    """服务机构名录: the list, add, change, deactivate/activate. Refreshes on the bus."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 run: Callable[[Any], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providersPage")
        self.services, self.tasks, self.actor = services, tasks, actor
        self.run = run or (lambda dialog: dialog.exec())
        self.rows: list[Any] = []
        intro = QLabel(self.tr(
            "Social work stations, charities, volunteer teams and other organisations that "
            "provide service items (visits, care, counselling, social integration, resource "
            "linking). The window chooses one for a service item on the tracking screen; the "
            "referral slip and the handover list name it, and its receipt slip is recorded "
            "like a department's."))
        intro.setWordWrap(True)
        intro.setObjectName("providersIntro")
        self.model = RowsModel([self.tr("Name"), self.tr("Kind"), self.tr("Services"),
                                self.tr("Contact"), self.tr("Phone"), self.tr("State"),
                                self.tr("Items referred")], parent=self)
        self.view = row_table(self.model, "providersView")
        header = self.view.horizontalHeader()
        for col, width in ((0, 230), (1, 110), (2, 260), (3, 90), (4, 130), (5, 110)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.view.doubleClicked.connect(lambda *_: self.change())
        self.add_button = QPushButton(self.tr("New provider…"))
        self.add_button.setObjectName("addProvider")
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.setObjectName("changeProvider")
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setObjectName("toggleProvider")
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.change_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("providersCount")
        buttons.addWidget(self.count)
        self.error = ErrorLabel()
        self.error.setObjectName("providersError")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        tasks.bus.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Any, origin: Any) -> None:
        if origin is self:
            return
        if getattr(changes, "providers", False) or getattr(changes, "everything", False) \
                or getattr(changes, "applications", None):
            self.refresh()

    def _state(self, r: Any) -> str:
        if not r.active:
            return self.tr("inactive")
        if not r.in_force:
            return self.tr("outside its period")
        return self.tr("in use")

    def refresh(self) -> None:
        current = self.selected()
        try:
            self.rows = self.services.providers.providers()
        except Exception as exc:   # a failed query is said, not shown as an empty list
            self.rows = []
            present(self, exc, label=self.error)
        self.model.set_rows([(r.name, r.kind_label, r.service_names, r.contact, r.phone,
                              self._state(r), str(r.tasks)) for r in self.rows])
        self.count.setText(fmt(self.tr("%1 provider(s), %2 in use"), str(len(self.rows)),
                               str(sum(1 for r in self.rows if r.in_force))))
        if current is not None:
            self.select(current.id)
        self._selection()

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, provider_id: int) -> None:
        for n, r in enumerate(self.rows):
            if r.id == provider_id:
                self.view.selectRow(n)
                return

    def _selection(self) -> None:
        r = self.selected()
        self.change_button.setEnabled(r is not None)
        self.active_button.setEnabled(r is not None)
        self.active_button.setText(self.tr("Activate") if r is not None and not r.active
                                   else self.tr("Deactivate"))

    def _saved(self, outcome: Any) -> None:
        self.error.clear_message()
        self.refresh()
        self.select(outcome.value)

    def add(self) -> ProviderDialog:
        dialog = ProviderDialog(self.services, self.tasks, self.actor, None, self,
                                on_done=self._saved)
        self.run(dialog)
        return dialog

    def change(self) -> ProviderDialog | None:
        r = self.selected()
        if r is None:
            return None
        dialog = ProviderDialog(self.services, self.tasks, self.actor, r, self,
                                on_done=self._saved)
        self.run(dialog)
        return dialog

    def toggle_active(self) -> None:
        from ...core.services.providers import ProviderInput

        r = self.selected()
        actor = self.actor()
        if r is None or actor is None:
            return
        value = ProviderInput(name=r.name, kind=r.kind, services=r.services, contact=r.contact,
                              phone=r.phone, address=r.address, note=r.note,
                              active=not r.active, valid_from=r.valid_from, valid_to=r.valid_to)
        providers, pid = self.services.providers, r.id
        self.tasks.run(lambda: providers.save(pid, value, actor), self._saved,
                       lambda exc: present(self, exc, label=self.error), owner=self)
