"""导入 (issue 16 item 3): a township's old Excel ledgers and the county's lists, a tab
of 统计与档案.

The way through the tab, top to bottom:

1. **选择文件…** — an .xlsx / .xls / .csv file, read on the read lane
   (``ledger_import.read``: headers, row count, the layout key) with the mapping
   suggested for it (``suggest``: the mapping saved for that layout first, else the
   header words).
2. **The mapping** — one row per source column (its header, sample values) and a combo
   of targets (``TARGETS``; 不导入 leaves the column out); **保存对应关系** keeps it for
   the file layout (``save_mapping``, a write).
3. **检查** — every row checked with the intake screen's rules (``preview``, a long job
   with progress and 取消): counts by status, the rows with problems highlighted and
   their Chinese reasons in a column, **仅看有问题的** to filter to them.
4. **导入 N 行** — after a confirmation, ``commit`` in one transaction on the write lane
   (progress and 取消: nothing is written when cancelled); the result line says what
   came in. Only users with the ``ledger.import`` right (负责人, 管理员) may; others see
   the button disabled and why.
5. **保存问题行…** — the rejected rows as an .xlsx with a 问题 column (``write_rejects``).

The second mode, **县级名单比对**, reads a county list (ID number + name), maps it the same
way and matches it to the households on record (``match_list``): 一致 / 姓名不同 / 未找到;
a double-click (or Enter) on a matched row opens its newest application.

Nothing here reads or writes on the GUI thread but the small, bounded lookups the
architecture allows (resolving one 办件编号 to its application).
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.services.auth import FULL_ID_ANY
from ...core.services.auth import IMPORT as IMPORT_RIGHT
from ..kit.dialogs import ask_yes_no
from ..kit.errors import is_cancelled, present
from ..kit.fmt import fmt
from ..kit.tasks import READ, WRITE, Job, TaskRunner
from ..kit.widgets import ErrorLabel, ListTableModel, row_table

if TYPE_CHECKING:
    from ...core.services import Services

#: The modes of the tab.
LEDGER, COUNTY = "ledger", "county"
#: Row statuses of a preview (``RowCheck.status``).
OK, BAD, DUPLICATE, IMPORTED_BEFORE = "ok", "bad", "duplicate", "imported_before"
STATUS_ORDER = (OK, BAD, DUPLICATE, IMPORTED_BEFORE)
#: The rows the problem filter shows and the rejected-rows file lists.
PROBLEM_STATUSES = (BAD, DUPLICATE)
#: Results of a county-list match (``MatchRow.status``).
MATCHED, NAME_DIFFERS, NOT_FOUND = "matched", "name_differs", "not_found"
MATCH_ORDER = (MATCHED, NAME_DIFFERS, NOT_FOUND)

BAD_BG = QColor("#fde0dc")
DUPLICATE_BG = QColor("#fff3cd")
BEFORE_FG = QColor("#757575")
NOT_FOUND_BG = BAD_BG
DIFFERS_BG = DUPLICATE_BG
FILE_PATTERN = "*.xlsx *.xls *.csv"
#: A value that looks like an ID number (masked in the samples).
ID_LIKE = re.compile(r"\d{17}[\dXx]|\d{15}")
#: How many sample values of a column the mapping shows.
SAMPLE_ROWS = 3


# -- file dialogs (tests replace the tab's attributes) -------------------------------------------
def choose_open(parent: QWidget, title: str, start: str, pattern: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, pattern)[0]


def choose_save(parent: QWidget, title: str, start: str, pattern: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, start, pattern)[0]


def job_progress(job: Job) -> Callable[..., None]:
    """The service's ``progress(done, total)`` (worker thread) as the job's
    ``progress(fraction, (done, total))``; a total of ``None`` or 0 is an unknown one."""
    def report(done: float, total: float | None = None, *_rest: Any) -> None:
        if total:
            job.progress(min(max(done / total, 0.0), 1.0), (int(done), int(total)))
        elif total is None and isinstance(done, float) and 0.0 <= done <= 1.0:
            job.progress(done, None)
        else:
            job.progress(None, (int(done), None))
    return report


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_state: dict[str, bool] = {}


@contextmanager
def collections_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a long check or import runs on a
    worker thread. Checking 50,000 rows builds millions of small objects; each full
    collection then walks them all while holding the interpreter lock — the GUI thread
    froze for up to a second at a time (measured: longest gap 1,025 ms with the collector,
    216 ms without; the check also ran 24 s → 17 s). Reference counting still frees
    everything but cycles, which are collected when the last paused job ends."""
    global _gc_holders
    with _gc_lock:
        if _gc_holders == 0:
            was_enabled = gc.isenabled()
            gc.disable()
            _gc_state["enabled"] = was_enabled
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_state.get("enabled", True):
                gc.enable()


def _text(value: object) -> str:
    return "" if value is None else str(value)


# -- models ---------------------------------------------------------------------------------
class PreviewModel(ListTableModel):
    """Rows of a preview (``RowCheck``): row number, status, problems, then the mapped
    targets' values. Rows with problems are highlighted; the reasons are in Chinese."""

    FIXED = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self.codes: list[str] = []
        #: ID numbers shown masked (a user without ``pii.full_id.any``)
        self.mask_ids = True

    def set_columns(self, targets: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.codes = [code for code, _ in targets]
        self._headers = ([self.tr("Row"), self.tr("Result"), self.tr("Problems")]
                         + [label for _, label in targets])
        self.endResetModel()

    def status_label(self, status: str) -> str:
        return {OK: self.tr("Can be imported"), BAD: self.tr("Has problems"),
                DUPLICATE: self.tr("Duplicate"),
                IMPORTED_BEFORE: self.tr("Imported before")}.get(status, status)

    def problems_text(self, row: Any) -> str:
        parts = [str(p) for p in (getattr(row, "problems", None) or [])]
        duplicates = [str(n) for n in (getattr(row, "duplicate_of", None) or [])]
        if (getattr(row, "status", "") == DUPLICATE and duplicates
                and not any(n in p for p in parts for n in duplicates)):
            parts.append(fmt(self.tr("same ID number as %1"), "、".join(duplicates)))
        return "；".join(parts)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(r.row_no)
            if column == 1:
                return self.status_label(r.status)
            if column == 2:
                return self.problems_text(r)
            code = self.codes[column - self.FIXED] if column - self.FIXED < len(self.codes) else ""
            value = _text((r.values or {}).get(code))
            if code == "id_number" and self.mask_ids:
                from ...core.rules.identity import mask_id

                return mask_id(value)
            return value
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.status == BAD:
                return QBrush(BAD_BG)
            if r.status == DUPLICATE:
                return QBrush(DUPLICATE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and r.status == IMPORTED_BEFORE:
            return QBrush(BEFORE_FG)
        return None


class MatchModel(ListTableModel):
    """Rows of a county-list match (``MatchRow``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Row"), self.tr("ID number"), self.tr("Name"),
                         self.tr("Result"), self.tr("Applications"), self.tr("Note")]

    def status_label(self, status: str) -> str:
        return {MATCHED: self.tr("Matched"), NAME_DIFFERS: self.tr("Name differs"),
                NOT_FOUND: self.tr("Not found")}.get(status, status)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            numbers = getattr(r, "application_numbers", None) or getattr(r, "numbers", None) or []
            return {
                0: str(r.row_no),
                1: _text(getattr(r, "masked_id", "")),
                2: _text(getattr(r, "name", "")),
                3: self.status_label(r.status),
                4: "、".join(str(n) for n in numbers),
                5: _text(getattr(r, "problem", "")),
            }.get(index.column(), "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.status == NOT_FOUND:
                return QBrush(NOT_FOUND_BG)
            if r.status == NAME_DIFFERS:
                return QBrush(DIFFERS_BG)
        return None


class _EnterTable(QTableView):
    """A read-only row table on which Enter is a double-click (open the application)."""

    activatedRow = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedRow.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.activatedRow.emit(index.row())
            return
        super().mouseDoubleClickEvent(event)


def _row_table(model: ListTableModel, name: str, cls: type[QTableView] = QTableView) -> QTableView:
    view = row_table(model, name, cls=cls)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setResizeContentsPrecision(30)  # 50,000 rows: the first 30 suffice
    return view


# -- the tab ----------------------------------------------------------------------------------
class ImportTab(QWidget):
    """导入: legacy ledgers in, county lists compared."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importTab")
        self.services, self.tasks, self.actor = services, tasks, current_actor
        self.opener = opener
        # Replaceable in tests (no modal loop).
        self.choose_open = choose_open
        self.choose_save = choose_save
        self.ask = ask_yes_no
        # State: the file read, the mapping's targets, the last preview / match.
        self.path: Path | None = None
        self.table: Any = None
        self.preview: Any = None
        self.preview_mapping: dict[int, str] | None = None
        self.matches: list[Any] | None = None
        self.imported = False
        self.job: Job | None = None
        self._targets: list[Any] = []

        # -- the file bar
        self.mode = QComboBox()
        self.mode.setObjectName("importMode")
        self.mode.addItem(self.tr("Import an old ledger"), LEDGER)
        self.mode.addItem(self.tr("Compare a county list"), COUNTY)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("An Excel file (.xlsx, .xls) or .csv"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseImportFile")
        self.choose_button.clicked.connect(self.choose_file)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Mode")))
        bar.addWidget(self.mode)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("File")))
        bar.addWidget(self.file_edit, 1)
        bar.addWidget(self.choose_button)
        self.file_info = QLabel()
        self.file_info.setObjectName("importFileInfo")
        self.file_info.setWordWrap(True)

        # -- the mapping
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("importMapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Sample"), self.tr("Import as")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        self.save_mapping_button = QPushButton(self.tr("Save mapping"))
        self.save_mapping_button.setObjectName("saveImportMapping")
        self.save_mapping_button.setToolTip(self.tr("Suggest this mapping for files with the "
                                                    "same columns"))
        self.save_mapping_button.clicked.connect(self.save_mapping)
        self.check_button = QPushButton(self.tr("Check rows"))
        self.check_button.setObjectName("checkImport")
        self.check_button.clicked.connect(self.check)
        self.mapping_note = QLabel()
        self.mapping_note.setObjectName("importMappingNote")
        self.mapping_note.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Columns</b>")))
        left_layout.addWidget(self.mapping_table, 1)
        left_layout.addWidget(self.mapping_note)
        map_buttons = QHBoxLayout()
        map_buttons.addWidget(self.save_mapping_button)
        map_buttons.addStretch(1)
        map_buttons.addWidget(self.check_button)
        left_layout.addLayout(map_buttons)

        # -- the preview / the match
        self.preview_model = PreviewModel(self)
        self.preview_view = _row_table(self.preview_model, "importPreview")
        self.match_model = MatchModel(self)
        self.match_view = _row_table(self.match_model, "importMatches", _EnterTable)
        assert isinstance(self.match_view, _EnterTable)
        self.match_view.activatedRow.connect(self.open_match)
        self.match_view.horizontalHeader().setStretchLastSection(True)
        self.results = QStackedWidget()
        self.results.addWidget(self.preview_view)
        self.results.addWidget(self.match_view)
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.problems_only = QCheckBox(self.tr("Only rows with problems"))
        self.problems_only.setObjectName("importProblemsOnly")
        self.problems_only.toggled.connect(self._show_rows)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.results_title = QLabel(self.tr("<b>Check</b>"))
        head.addWidget(self.results_title)
        head.addWidget(self.counts, 1)
        head.addWidget(self.problems_only)
        right_layout.addLayout(head)
        right_layout.addWidget(self.results, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("importSplit")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([470, 860])

        # -- actions, progress, result
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("runImport")
        self.import_button.clicked.connect(self.commit)
        self.rejects_button = QPushButton(self.tr("Save problem rows…"))
        self.rejects_button.setObjectName("saveRejects")
        self.rejects_button.clicked.connect(self.save_rejects)
        self.right_note = QLabel()
        self.right_note.setObjectName("importRightNote")
        self.right_note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.rejects_button)
        actions.addWidget(self.right_note, 1)
        actions.addWidget(self.progress)
        actions.addWidget(self.cancel_button)
        self.result = QLabel()
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()
        self.error.setObjectName("importError")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.file_info)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        tasks.bus.changed.connect(self._on_changes)
        self._mode_changed()

    # -- state -------------------------------------------------------------------------------
    @property
    def importer(self) -> Any:
        return self.services.ledger_import

    def targets(self) -> list[Any]:
        """The targets a column may be imported as (``TARGETS``)."""
        if not self._targets:
            from ...core.services import ledger_import

            self._targets = list(ledger_import.TARGETS)
        return self._targets

    def target_label(self, code: str) -> str:
        return next((t.label for t in self.targets() if t.code == code), code)

    def county_mode(self) -> bool:
        return self.mode.currentData() == COUNTY

    def may_import(self) -> bool:
        actor = self.actor()
        return actor is not None and actor.can(IMPORT_RIGHT)

    def refusal(self) -> str:
        """Why the import button is disabled for this user (the service's own words)."""
        from ...core.services import auth

        return auth.MESSAGES.get(IMPORT_RIGHT, "")

    def refresh(self) -> None:
        """Nothing to re-read: the tab works on the file chosen. The buttons follow the
        user's rights (a user switch rebuilds the screen anyway)."""
        self._update_buttons()

    def _on_changes(self, changes: Any, origin: Any) -> None:
        """A restore, or an import from elsewhere: the check no longer says what an import
        would do — it is dropped (the file and the mapping stay)."""
        if origin is self or (self.preview is None and self.matches is None):
            return
        if changes.everything or getattr(changes, "imports", False):
            self._clear_results()
            self.result.setText(self.tr("The records changed since the check: check again."))

    def _mode_changed(self) -> None:
        county = self.county_mode()
        self.check_button.setText(self.tr("Compare") if county else self.tr("Check rows"))
        self.results_title.setText(self.tr("<b>Comparison</b>") if county
                                   else self.tr("<b>Check</b>"))
        self.results.setCurrentWidget(self.match_view if county else self.preview_view)
        self.problems_only.setVisible(not county)
        self._clear_results()

    def _clear_results(self) -> None:
        self.preview = None
        self.preview_mapping = None
        self.matches = None
        self.imported = False
        self.preview_model.set_columns([])
        self.preview_model.set_rows([])
        self.match_model.set_rows([])
        self.counts.setText("")
        self.result.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.job is not None
        county = self.county_mode()
        has_file = self.table is not None
        self.choose_button.setEnabled(not running)
        self.mode.setEnabled(not running)
        self.check_button.setEnabled(has_file and not running)
        self.save_mapping_button.setEnabled(has_file and not running)
        self.mapping_table.setEnabled(not running)
        allowed = self.may_import()
        good = self.importable()
        self.import_button.setVisible(not county)
        self.rejects_button.setVisible(not county)
        self.import_button.setText(fmt(self.tr("Import %1 rows"), good) if self.preview is not None
                                   and not self.imported else self.tr("Import"))
        self.import_button.setEnabled(allowed and not running and good > 0 and not self.imported
                                      and self.preview_mapping == self.mapping())
        self.import_button.setToolTip("" if allowed else self.refusal())
        self.right_note.setText("" if allowed or county else self.refusal())
        self.rejects_button.setEnabled(not running and self.preview is not None
                                       and self.problem_count() > 0)

    def importable(self) -> int:
        if self.preview is None:
            return 0
        counts = getattr(self.preview, "counts", None) or {}
        return int(counts.get(OK, 0))

    def problem_count(self) -> int:
        if self.preview is None:
            return 0
        return sum(1 for r in self.preview.rows if r.status in PROBLEM_STATUSES)

    # -- 1. the file ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path is not None else ""
        chosen = self.choose_open(self, self.tr("Choose the file to read"), start,
                                  fmt(self.tr("Excel or CSV (%1)"), FILE_PATTERN))
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read the file's columns and the suggested mapping (read lane)."""
        importer = self.importer
        self.error.clear_message()
        self.path, self.table = None, None  # nothing to check until this file is read
        self._update_buttons()
        self.file_edit.setText(str(path))
        self.file_info.setText(self.tr("Reading the file…"))

        def read() -> tuple[Any, dict[int, str]]:
            with collections_paused():
                table = importer.read(path)
                return table, importer.suggest(table)

        def done(result: tuple[Any, dict[int, str]]) -> None:
            table, suggestion = result
            self.path, self.table = path, table
            self._fill_mapping(table, suggestion)
            self._clear_results()
            self.file_info.setText(fmt(self.tr("%1: %2 rows, %3 columns."), path.name,
                                       table.row_count, len(table.headers)))

        def failed(error: BaseException) -> None:
            self.path, self.table = None, None
            self._fill_mapping(None, {})
            self._clear_results()
            self.file_info.setText("")
            self._failed(error)

        self.tasks.run(read, done, failed, owner=self, lane=READ)

    def _fill_mapping(self, table: Any, suggestion: dict[int, str]) -> None:
        self.mapping_table.setRowCount(0)
        self.combos = []
        if table is None:
            self.mapping_note.setText("")
            return
        headers = list(table.headers)
        samples: list[Sequence[Any]] = list(table.sample(SAMPLE_ROWS))
        self.mapping_table.setRowCount(len(headers))
        for i, header in enumerate(headers):
            name = QTableWidgetItem(_text(header) or fmt(self.tr("(column %1)"), i + 1))
            self.mapping_table.setItem(i, 0, name)
            values = [self._sample_text(row[i]) for row in samples
                      if i < len(row) and _text(row[i]).strip()]
            sample = QTableWidgetItem("｜".join(values))
            sample.setToolTip("\n".join(values))
            self.mapping_table.setItem(i, 1, sample)
            combo = QComboBox()
            combo.setObjectName(f"mapping.{i}")
            combo.addItem(self.tr("(not imported)"), None)
            for target in self.targets():
                combo.addItem(target.label + (" *" if target.required else ""), target.code)
            chosen = suggestion.get(i)
            if chosen is not None:
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        self._mapping_changed()

    def _sample_text(self, value: object) -> str:
        """A sample value as the lists show it: an ID number masked unless the user may
        see full ID numbers (``pii.full_id.any``)."""
        text = _text(value).strip()
        if ID_LIKE.fullmatch(text) and not self.full_ids():
            from ...core.rules.identity import mask_id

            return mask_id(text)
        return text

    def full_ids(self) -> bool:
        """Whether the user may see full ID numbers (the file's own, on screen)."""
        actor = self.actor()
        return actor is not None and actor.can(FULL_ID_ANY)

    # -- 2. the mapping --------------------------------------------------------------------------
    def mapping(self) -> dict[int, str]:
        """Column index → target code, for the columns that are imported."""
        return {i: combo.currentData() for i, combo in enumerate(self.combos)
                if combo.currentData() is not None}

    def set_target(self, column: int, code: str | None) -> None:
        """Choose the target of a source column (what the clerk does with the combo)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(code), 0) if code is not None else 0)

    def mapping_problems(self) -> list[str]:
        """What is wrong with the mapping before anything is read: a target chosen for two
        columns, a required target missing (in the county mode: ID number and name)."""
        chosen = list(self.mapping().values())
        problems = [fmt(self.tr("%1 is chosen for more than one column."), self.target_label(c))
                    for c in dict.fromkeys(chosen) if chosen.count(c) > 1]
        if self.county_mode():
            needed = [t for t in self.targets() if t.code in ("id_number", "name")]
        else:
            needed = [t for t in self.targets() if t.required]
        problems += [fmt(self.tr("Choose the column for %1."), t.label)
                     for t in needed if t.code not in chosen]
        return problems

    def _mapping_changed(self) -> None:
        if self.table is None:
            return
        if self.preview is not None or self.matches is not None:
            self._clear_results()  # checked with another mapping: check again
        problems = self.mapping_problems()
        self.mapping_note.setStyleSheet("color: #c62828;" if problems else "")
        self.mapping_note.setText("\n".join(problems) if problems else fmt(
            self.tr("%1 of %2 columns are imported; * marks what a row must have."),
            len(self.mapping()), len(self.combos)))
        self._update_buttons()

    def save_mapping(self) -> None:
        if self.table is None:
            return
        problems = self.mapping_problems()
        if problems:
            self.error.show_messages(problems)
            return
        importer, key, mapping, actor = (self.importer, self.table.layout_key, self.mapping(),
                                         self.actor())
        headers = list(self.table.headers)
        self.error.clear_message()

        def done(_result: Any) -> None:
            self.result.setText(self.tr("Mapping saved: files with the same columns get it "
                                        "suggested."))

        self.tasks.run(lambda: importer.save_mapping(key, mapping, actor, headers), done,
                       self._failed,
                       owner=self, lane=WRITE)

    # -- 3. the check --------------------------------------------------------------------------
    def check(self) -> None:
        """检查 (or 比对 in the county mode): every row, off the GUI thread."""
        if self.table is None or self.path is None or self.job is not None:
            return
        problems = self.mapping_problems()
        if problems:
            self.error.show_messages(problems)
            return
        self.error.clear_message()
        self.result.setText("")
        importer, path, mapping = self.importer, self.path, self.mapping()
        if self.county_mode():
            self.tasks.run_job(lambda job: self._match(importer, path, mapping, job),
                               lambda rows: self._matched(rows, mapping), self._job_failed,
                               owner=self, lane=READ, on_progress=self._progressed,
                               job=self._start(self.tr("Comparing with the households on "
                                                       "record…")))
            return
        def preview(job: Job) -> Any:
            with collections_paused():
                return importer.preview(path, mapping, progress=job_progress(job),
                                        cancelled=job.cancel.is_set)

        self.tasks.run_job(
            preview,
            lambda preview: self._previewed(preview, mapping), self._job_failed,
            owner=self, lane=READ, on_progress=self._progressed,
            job=self._start(self.tr("Checking the rows…")))

    @staticmethod
    def _match(importer: Any, path: Path, mapping: dict[int, str], job: Job) -> list[Any]:
        import inspect

        if "progress" in inspect.signature(importer.match_list).parameters:
            return list(importer.match_list(path, mapping, progress=job_progress(job),
                                            cancelled=job.cancel.is_set))
        return list(importer.match_list(path, mapping))

    def _previewed(self, preview: Any, mapping: dict[int, str]) -> None:
        self._stop()
        self.result.setText("")
        self.preview, self.preview_mapping, self.imported = preview, mapping, False
        codes = [code for _, code in sorted(mapping.items())]
        self.preview_model.mask_ids = not self.full_ids()
        self.preview_model.set_columns([(c, self.target_label(c)) for c in codes])
        self._show_rows()
        self._fit_columns()
        counts = getattr(preview, "counts", None) or {}
        total = len(preview.rows)
        self.counts.setText(fmt(
            self.tr("%1 rows: %2 can be imported, %3 have problems, %4 duplicates, "
                    "%5 imported before."),
            total, counts.get(OK, 0), counts.get(BAD, 0), counts.get(DUPLICATE, 0),
            counts.get(IMPORTED_BEFORE, 0)))
        self._update_buttons()

    def _show_rows(self) -> None:
        if self.preview is None:
            return
        rows = self.preview.rows
        if self.problems_only.isChecked():
            rows = [r for r in rows if r.status in PROBLEM_STATUSES]
        self.preview_model.set_rows(rows)

    def _fit_columns(self) -> None:
        """Column widths from the first rows (once per check: 50,000 rows stay cheap)."""
        view = self.preview_view
        view.resizeColumnsToContents()
        view.setColumnWidth(2, min(max(view.columnWidth(2), 160), 420))

    def shown_rows(self) -> list[Any]:
        return [self.preview_model.row_at(i) for i in range(self.preview_model.rowCount())]

    def _matched(self, rows: list[Any], mapping: dict[int, str]) -> None:
        self._stop()
        self.result.setText("")
        self.matches = rows
        self.match_model.set_rows(rows)
        self.match_view.resizeColumnsToContents()
        by = {s: sum(1 for r in rows if r.status == s) for s in MATCH_ORDER}
        self.counts.setText(fmt(self.tr("%1 people: %2 matched, %3 with another name on record, "
                                        "%4 not found. Double-click a row to open its "
                                        "application."),
                                len(rows), by[MATCHED], by[NAME_DIFFERS], by[NOT_FOUND]))
        self._update_buttons()

    def open_match(self, row: int) -> None:
        """Open the newest application of a matched person's household."""
        match = self.match_model.row_at(row)
        if match is None:
            return
        ids = list(getattr(match, "application_ids", None) or [])
        if not ids:
            numbers = list(getattr(match, "application_numbers", None) or [])
            for number in reversed(numbers):
                found = self.services.queries.search_ids(str(number), limit=1)
                if found:
                    ids = found
                    break
        if ids:
            self.openApplication.emit(ids[0])  # newest first
        else:
            self.result.setText(self.tr("No application on record for this row."))

    # -- 4. the import ---------------------------------------------------------------------------
    def commit(self) -> None:
        """导入 N 行: confirmed, then one transaction on the write lane."""
        if (self.preview is None or self.path is None or self.job is not None
                or not self.may_import() or self.preview_mapping != self.mapping()):
            return
        good, left = self.importable(), self.problem_count()
        question = fmt(self.tr("Import %1 rows of %2 as past applications marked 导入?\n\n"
                               "%3 rows with problems or duplicates are left out, and so are "
                               "rows imported before. The import is one step: if it is "
                               "cancelled or fails, nothing is written."),
                       good, self.path.name, left)
        if not self.ask(self, self.tr("Import the ledger"), question):
            return
        importer, path, mapping, actor = self.importer, self.path, self.mapping(), self.actor()
        def commit(job: Job) -> Any:
            with collections_paused():
                return importer.commit(path, mapping, actor, progress=job_progress(job),
                                       cancelled=job.cancel.is_set)

        self.tasks.run_job(
            commit,
            self._committed, self._job_failed, owner=self, lane=WRITE,
            on_progress=self._progressed, job=self._start(self.tr("Importing…")))

    def _committed(self, outcome: Any) -> None:
        self._stop()
        result = getattr(outcome, "value", outcome)
        self.imported = True
        self.result.setText(fmt(
            self.tr("Imported %1 rows as past applications (batch %2). Not imported: %3 with "
                    "problems, %4 duplicates, %5 imported before."),
            result.imported, result.batch_id, result.rejected, result.duplicates,
            result.imported_before))
        self._update_buttons()

    # -- 5. the rejected rows ------------------------------------------------------------------
    def save_rejects(self) -> None:
        if self.preview is None or self.path is None or self.job is not None:
            return
        start = str(self.path.with_name(fmt(self.tr("%1 problem rows"), self.path.stem) + ".xlsx"))
        chosen = self.choose_save(self, self.tr("Save the problem rows as"), start, "*.xlsx")
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        importer, preview = self.importer, self.preview
        def done(count: int) -> None:
            self._stop()
            self.result.setText(fmt(self.tr("Saved %1 problem rows to %2."), count, str(out)))

        self.tasks.run_job(lambda job: importer.write_rejects(preview, out,
                                                              progress=job_progress(job),
                                                              cancelled=job.cancel.is_set),
                           done,
                           self._job_failed, owner=self, lane=READ,
                           on_progress=self._progressed,
                           job=self._start(self.tr("Saving the problem rows…")))

    # -- progress, cancel, errors ----------------------------------------------------------------
    def _start(self, what: str) -> Job:
        self.job = Job()
        self.error.clear_message()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.result.setText(what)
        self._update_buttons()
        return self.job

    def _stop(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _progressed(self, fraction: Any, message: Any) -> None:
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(100 * float(fraction)))
        if isinstance(message, tuple) and len(message) == 2 and message[1]:
            self.progress.setFormat(fmt(self.tr("%1 of %2 rows"), message[0], message[1]))
        else:
            self.progress.setFormat("%p%")

    def cancel(self) -> None:
        """取消: the service stops at its next check; nothing is written."""
        if self.job is not None:
            self.job.request_cancel()
            self.cancel_button.setEnabled(False)
            self.result.setText(self.tr("Cancelling…"))

    def _job_failed(self, error: BaseException) -> None:
        self._stop()
        if is_cancelled(error):
            self.result.setText(self.tr("Cancelled: nothing was written."))
            return
        self.result.setText("")
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        present(self, error, label=self.error)


__all__ = ["ImportTab", "MatchModel", "PreviewModel"]
