"""首次设置: the township's identity, its villages and the first administrator; once saved,
the administrator recovery code is shown (once) to be printed or saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError, ValidationErrors
from ...core.rules import division
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner, call_on_writer
from ..kit.widgets import ErrorLabel, FieldErrors
from .recovery_code import CodeShower, show_recovery_code

if TYPE_CHECKING:
    from ...core.services import Services


# ``(parent, title, filter) -> path or ""``; replaced in tests.
FileChooser = Callable[[QWidget, str, str], str]


def _choose_file(parent: QWidget, title: str, pattern: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return path


class SetupDialog(QDialog):
    """Collects :class:`SetupInput`; ``initialize`` runs only when everything is valid."""

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 choose_file: FileChooser = _choose_file,
                 tasks: TaskRunner | None = None,
                 show_code: CodeShower = show_recovery_code) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.choose_file = choose_file
        self.show_code = show_code
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("First-run setup"))
        self.resize(860, 720)

        intro = QLabel(self.tr(
            "Enter this township's details once. The statistical division code and the "
            "village list come from the National Bureau of Statistics' yearly code table."))
        intro.setWordWrap(True)

        self.general_error = ErrorLabel()
        self.general_error.setObjectName("generalError")
        self.errors = FieldErrors(self.general_error)

        form_box = QGroupBox(self.tr("Township"))
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.township_name = self._line(form, "township_name", self.tr("Township name"),
                                        self.tr("e.g. 城关镇"))
        self.township_code = self._line(form, "township_code", self.tr("Statistical division code"),
                                        self.tr("12 digits, e.g. 522201100000"))
        self.township_code.setMaxLength(12)
        self.office_name = self._line(form, "office_name", self.tr("Office name (optional)"),
                                      self.tr("Printed on documents; defaults to the township's window"))
        self.window_phone = self._line(form, "window_phone", self.tr("Window phone"),
                                       self.tr("e.g. 0856-5221234"))
        self.supervision_phone = self._line(form, "supervision_phone", self.tr("Supervision phone"),
                                            self.tr("Complaints and supervision line"))
        self.admin_name = self._line(form, "admin_name", self.tr("First administrator"),
                                     self.tr("Full name of the person setting up this computer"))

        villages_box = QGroupBox(self.tr("Villages and communities"))
        vbox = QVBoxLayout(villages_box)
        self.villages = QTableWidget(0, 2)
        self.villages.setObjectName("villagesTable")
        self.villages.setHorizontalHeaderLabels([self.tr("Code (12 digits)"), self.tr("Name")])
        self.villages.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.villages.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.villages.horizontalHeader().setMinimumSectionSize(160)
        self.villages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.villages.setTabKeyNavigation(False)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add row"))
        self.add_button.setObjectName("addVillage")
        self.remove_button = QPushButton(self.tr("Remove selected rows"))
        self.remove_button.setObjectName("removeVillage")
        self.import_button = QPushButton(self.tr("Import from CSV…"))
        self.import_button.setObjectName("importCsv")
        self.import_button.setToolTip(self.tr(
            "A CSV file with two columns, code and name; UTF-8 or GBK; a header row is allowed."))
        for b in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.villages_error = ErrorLabel()
        self.villages_error.setObjectName("villagesError")
        vbox.addWidget(self.villages, 1)
        vbox.addLayout(buttons)
        vbox.addWidget(self.villages_error)
        for path in ("villages", "village_code", "villages_csv"):
            self.errors.register(path, self.villages, self.villages_error)

        self.button_box = QDialogButtonBox()
        self.save_button = self.button_box.addButton(self.tr("Save and start"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveSetup")
        self.save_button.setDefault(True)
        cancel = self.button_box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelSetup")
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(form_box)
        layout.addWidget(villages_box, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)

        self.add_button.clicked.connect(lambda: self.add_village())
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_csv)
        self.add_village()

    def _line(self, form: QFormLayout, path: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(path)
        edit.setPlaceholderText(placeholder)
        error = ErrorLabel()
        error.setObjectName(f"{path}Error")
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(edit)
        col.addWidget(error)
        form.addRow(label, box)
        self.errors.register(path, edit, error)
        return edit

    # -- villages table ----------------------------------------------------------------------
    def add_village(self, code: str = "", name: str = "") -> None:
        row = self.villages.rowCount()
        self.villages.insertRow(row)
        self.villages.setItem(row, 0, QTableWidgetItem(code))
        self.villages.setItem(row, 1, QTableWidgetItem(name))
        if not code:
            self.villages.setCurrentCell(row, 0)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.villages.selectedIndexes()}, reverse=True)
        for row in rows:
            self.villages.removeRow(row)

    def village_rows(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.villages.rowCount()):
            code = (self.villages.item(row, 0) or QTableWidgetItem()).text().strip()
            name = (self.villages.item(row, 1) or QTableWidgetItem()).text().strip()
            if code or name:
                out.append((code, name))
        return out

    def set_villages(self, rows: list[tuple[str, str]]) -> None:
        self.villages.setRowCount(0)
        for code, name in rows:
            self.add_village(code, name)

    def import_csv(self) -> None:
        path = self.choose_file(self, self.tr("Import villages"), self.tr("CSV files (*.csv *.txt)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.villages_error.show_messages([fmt(self.tr("Cannot read the file: %1"), str(exc))])
            return
        try:
            rows = division.parse_villages_csv(data, self.township_code.text().strip())
        except ValidationErrors as exc:
            self.errors.show([e.with_field("villages_csv") for e in exc.errors])
            return
        except ValidationError as exc:  # the township code itself is wrong
            self.errors.show([exc])
            return
        self.set_villages(rows)
        self.errors.clear()

    def _mark_bad_rows(self) -> None:
        """Tint the cells the messages talk about: bad or repeated codes, repeated names."""
        township = self.township_code.text().strip()
        red = QBrush(QColor("#ffcdd2"))
        cells = [[(self.villages.item(r, c) or QTableWidgetItem()).text().strip() for c in (0, 1)]
                 for r in range(self.villages.rowCount())]
        codes = [code for code, _ in cells]
        names = [name for _, name in cells]
        for row, (code, name) in enumerate(cells):
            bad_code = bool(code or name) and codes.count(code) > 1
            if not bad_code and (code or name):
                try:
                    division.validate_village_code(code, township)
                except (ValidationError, ValidationErrors):
                    bad_code = True
            bad_name = bool(code) and (not name or names.count(name) > 1)
            for col, bad in ((0, bad_code), (1, bad_name)):
                item = self.villages.item(row, col)
                if item is not None:
                    item.setBackground(red if bad else QBrush())

    # -- saving ------------------------------------------------------------------------------
    def setup_input(self):
        from ...core.services import SetupInput

        return SetupInput(
            township_name=self.township_name.text(), township_code=self.township_code.text(),
            window_phone=self.window_phone.text(), supervision_phone=self.supervision_phone.text(),
            admin_name=self.admin_name.text(), villages=self.village_rows(),
            office_name=self.office_name.text(),
        )

    def save(self) -> None:
        inp = self.setup_input()
        errors = self.services.setup.validate(inp)
        result = None
        if not errors:
            setup = self.services.setup
            try:
                result = call_on_writer(self.tasks, lambda: setup.initialize(inp))
            except ValidationErrors as exc:
                errors = exc.errors
        if errors or result is None:
            self.errors.show(errors)
            self._mark_bad_rows()
            return
        self.errors.clear()
        self.show_code(self, result.recovery_code, inp.township_name.strip())
        self.accept()

    def keyPressEvent(self, event) -> None:
        # Enter inside the villages table edits cells; it must not submit the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.villages.hasFocus():
            return
        super().keyPressEvent(event)
