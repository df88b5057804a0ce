"""一户一档 (issue 16 item 4), a tab of 统计与档案: one household across all its
applications.

At the top a search field (a full ID number, an 办件编号 or a name) and the households
found (name, masked ID number, how many applications, first and last). The household
chosen is shown on the right: the applicant, its applications (double-click or Enter
opens one), and in tabs the members over time, the results, the payments, the
re-checks and the documents (打开 / 预览 a saved document). 导出一户一档PDF… asks where to
save, then the service assembles the file (index page, every document in order,
bookmarks) on the write lane — the export is audited — with a progress bar and 取消 on
the tab; the line under it names the file written, or says why not.

The search and the household view read on the read lane (they grow with the household
and check the saved files against their hashes). The detail window's 一户一档 opens this
tab on the household of its application (:meth:`HouseholdTab.show_application`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..kit.errors import describe, is_cancelled, present, validation_messages
from ..kit.fmt import fmt
from ..kit.tasks import READ, Job, TaskRunner
from ..kit.widgets import ErrorLabel, ListTableModel, RowsModel, open_file, row_table, yuan

if TYPE_CHECKING:
    from ...core.services import Services

BAD_FG = QColor("#b71c1c")
VOID_FG = QColor("#9e9e9e")
OK_STYLE = "color: #2e7d32;"
WARN_STYLE = "color: #8a5a00;"
ERROR_STYLE = "color: #b71c1c;"


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def _span(first: date | datetime | None, last: date | datetime | None) -> str:
    a, b = _day(first), _day(last)
    if a and b and a != b:
        return f"{a} — {b}"
    return a or b


def ask_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The save dialog (tests replace :attr:`HouseholdTab.ask_save_path`)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def _preview(parent: QWidget, path: Path, title: str) -> object:
    from ..kit.print_actions import show_preview

    return show_preview(parent, path, title)


class FoundModel(ListTableModel):
    """The households found (:class:`HouseholdRef`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Applicant"), self.tr("ID number"), self.tr("Applications")]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:   # when: first and last application
            return _span(r.first_on, r.last_on)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {0: r.name, 1: r.masked_id or "—", 2: str(r.applications)}.get(index.column(), "")


class DocumentsModel(ListTableModel):
    """The household's documents; a saved file that no longer matches its hash in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Document"), self.tr("Number"), self.tr("Issued"),
                         self.tr("Application"), self.tr("Saved file")]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        d = self.row_at(index.row()) if index.isValid() else None
        if d is None:
            return None
        info = d.info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 4:
                if role == Qt.ItemDataRole.ToolTipRole and d.hash_ok is None:
                    return self.tr("No saved file yet: it is made from the document's record "
                                   "when opened or exported")
                return self._state(d)
            return {0: info.title, 1: info.number, 2: _day(info.created_at),
                    3: d.application_number}.get(index.column(), "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if d.hash_ok is False:
                return QBrush(BAD_FG)
            if info.voided:
                return QBrush(VOID_FG)
        return None

    def _state(self, d: Any) -> str:
        if d.hash_ok is False:
            text = self.tr("does not match its record")
        elif d.hash_ok is None:
            text = self.tr("not made yet")
        else:
            text = self.tr("verified")
        if d.info.voided:
            text = fmt(self.tr("voided; %1"), text)
        return text


def _table(model, name: str, stretch: int | None = None) -> QTableView:
    view = row_table(model, name, alternating=True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(True)
    return view


class HouseholdTab(QWidget):
    """一户一档: find a household, see its whole file, export it as one PDF."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdTab")
        self.services, self.tasks, self.actor = services, tasks, current_actor
        self.opener = opener or open_file
        # the save dialog and the preview (tests replace them)
        self.ask_save_path: Callable[[QWidget, str, Path], Path | None] = ask_save_path
        self.preview_pdf: Callable[[QWidget, Path, str], object] = _preview
        self.key: str | None = None          # the household shown
        self.file: Any = None                # its HouseholdFile
        self.running: Job | None = None      # the export running
        self.last_export: Path | None = None
        self._last_text = ""

        # -- search ---------------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(self.tr("ID number, application number or name"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(self.tr("Find"))
        self.search_button.setObjectName("householdFind")
        self.search_button.clicked.connect(self.run_search)
        self.found_label = QLabel()
        self.found_label.setObjectName("householdFoundCount")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Household of")))
        bar.addWidget(self.search, 2)
        bar.addWidget(self.search_button)
        bar.addWidget(self.found_label, 1)

        self.found_model = FoundModel(self)
        self.found_view = _table(self.found_model, "householdFound", stretch=0)
        self.found_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._found_selected())

        # -- the household ---------------------------------------------------------------------
        self.heading = QLabel(self.tr("Find a household to see its file."))
        self.heading.setObjectName("householdHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export household file PDF…"))
        self.export_button.setObjectName("householdExport")
        self.export_button.setToolTip(self.tr(
            "One PDF: an index page, then every saved document of the household in date "
            "order, each checked against its record; the export is recorded"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("householdExportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("householdExportProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.progress)
        head.addWidget(self.cancel_button)
        head.addWidget(self.export_button)
        self.result_label = QLabel()
        self.result_label.setObjectName("householdExportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.open_export_button = QPushButton(self.tr("Open the file"))
        self.open_export_button.setObjectName("householdOpenExport")
        self.open_export_button.clicked.connect(self.open_export)
        self.open_export_button.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_export_button)

        self.apps_model = RowsModel([self.tr("Application"), self.tr("Received"),
                                     self.tr("Status"), self.tr("Items and results")])
        self.apps_view = _table(self.apps_model, "householdApplications", stretch=3)
        # double-click or Enter (activated) opens the application
        self.apps_view.activated.connect(lambda *_: self.open_application())
        self.apps_ids: list[int] = []

        self.members_model = RowsModel([self.tr("Name"), self.tr("Relation"),
                                        self.tr("ID number"), self.tr("First listed"),
                                        self.tr("Last listed"), self.tr("Times listed")])
        self.members_view = _table(self.members_model, "householdMembers")
        self.members_view.setToolTip(self.tr(
            "Who was in the household, from the applications and the re-checks: first and "
            "last time listed, with the application number"))
        self.results_model = RowsModel([self.tr("Item"), self.tr("Result"), self.tr("Decided on"),
                                        self.tr("Amount (yuan)"), self.tr("Period"),
                                        self.tr("Application")])
        self.results_view = _table(self.results_model, "householdResults", stretch=1)
        self.payments_model = RowsModel([self.tr("From"), self.tr("Kind"), self.tr("Item"),
                                         self.tr("Amount (yuan)"), self.tr("Period"),
                                         self.tr("Application"), self.tr("Reference")])
        self.payments_view = _table(self.payments_model, "householdPayments", stretch=1)
        self.reviews_model = RowsModel([self.tr("Date"), self.tr("Kind"), self.tr("Item"),
                                        self.tr("Outcome"), self.tr("Amount (yuan)"),
                                        self.tr("Next re-check"), self.tr("Application")])
        self.reviews_view = _table(self.reviews_model, "householdReviews", stretch=3)
        self.docs_model = DocumentsModel(self)
        self.docs_view = _table(self.docs_model, "householdDocuments", stretch=0)
        self.docs_view.activated.connect(lambda *_: self.open_document())
        self.docs_view.selectionModel().currentRowChanged.connect(lambda *_: self._doc_selected())
        self.open_doc_button = QPushButton(self.tr("Open"))
        self.open_doc_button.setObjectName("householdOpenDocument")
        self.open_doc_button.clicked.connect(self.open_document)
        self.preview_doc_button = QPushButton(self.tr("Preview"))
        self.preview_doc_button.setObjectName("householdPreviewDocument")
        self.preview_doc_button.clicked.connect(self.preview_document)
        docs_page = QWidget()
        docs_layout = QVBoxLayout(docs_page)
        docs_layout.setContentsMargins(0, 0, 0, 0)
        docs_layout.addWidget(self.docs_view, 1)
        doc_buttons = QHBoxLayout()
        self.docs_note = QLabel()
        self.docs_note.setObjectName("householdDocumentsNote")
        self.docs_note.setWordWrap(True)
        doc_buttons.addWidget(self.docs_note, 1)
        doc_buttons.addWidget(self.open_doc_button)
        doc_buttons.addWidget(self.preview_doc_button)
        docs_layout.addLayout(doc_buttons)

        self.sections = QTabWidget()
        self.sections.setObjectName("householdSections")
        self._section_titles = [
            (self.members_view, self.tr("Members over time")),
            (self.results_view, self.tr("Results")),
            (self.payments_view, self.tr("Payments")),
            (self.reviews_view, self.tr("Re-checks")),
            (docs_page, self.tr("Documents")),
        ]
        for page, title in self._section_titles:
            self.sections.addTab(page, title)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(head)
        right_layout.addLayout(result_row)
        apps_split = QSplitter(Qt.Orientation.Vertical)
        apps_split.addWidget(self.apps_view)
        apps_split.addWidget(self.sections)
        apps_split.setStretchFactor(0, 2)
        apps_split.setStretchFactor(1, 3)
        right_layout.addWidget(apps_split, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("householdSplit")
        split.addWidget(self.found_view)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 1030])
        self.status = ErrorLabel()
        self.status.setObjectName("householdStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.search)   # the screen's focus_current lands in the search
        tasks.bus.changed.connect(self._on_changes)
        self._doc_selected()

    # -- search -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """On every visit: the household shown is read again (documents may have been
        issued since)."""
        if self.key is not None:
            self._load(self.key)

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.found_label.setText(self.tr("Type an ID number, an application number or a name."))
            return
        households = self.services.households
        self.status.clear_message()
        self.found_label.setText(self.tr("Searching…"))
        self.tasks.run(lambda: households.find(text), self._found, self._search_failed,
                       owner=self, lane=READ, publish=False)

    def _found(self, refs: Sequence[Any]) -> None:
        self.found_model.set_rows(refs)
        if not refs:
            self.found_label.setText(self.tr("No household found."))
            self._clear_view()
            return
        self.found_label.setText(fmt(self.tr("%1 household(s) found"), str(len(refs))))
        if refs[0].key == self.key:
            self._load(refs[0].key)    # the same household again: read it afresh
        self.found_view.selectRow(0)   # shows the first (the only one, usually)
        self.found_view.setFocus()

    def _search_failed(self, error: BaseException) -> None:
        self.found_model.set_rows([])
        self.found_label.setText(self.tr("The search failed."))
        present(self, error, label=self.status)

    def _found_selected(self) -> None:
        index = self.found_view.currentIndex()
        ref = self.found_model.row_at(index.row()) if index.isValid() else None
        if ref is not None and ref.key != self.key:
            self._load(ref.key)

    def show_application(self, application_id: int) -> None:
        """The household of one application (the detail window's 一户一档)."""
        households = self.services.households
        self.status.clear_message()

        def done(key: str) -> None:
            self.found_model.set_rows([])
            self.found_label.setText("")
            self._load(key)

        self.tasks.run(lambda: households.key_for_application(application_id), done,
                       lambda e: present(self, e, label=self.status),
                       owner=self, lane=READ, publish=False)

    # -- the household ----------------------------------------------------------------------------
    def _clear_view(self) -> None:
        """Nothing shown (a search found nothing): no stale household to export."""
        if self.running is not None:
            return
        self.key, self.file, self.apps_ids = None, None, []
        self.heading.setText(self.tr("Find a household to see its file."))
        for model in (self.apps_model, self.members_model, self.results_model,
                      self.payments_model, self.reviews_model):
            model.set_rows([])
        self.docs_model.set_rows([])
        self.docs_note.setText("")
        for i, (_page, title) in enumerate(self._section_titles):
            self.sections.setTabText(i, title)
        self.export_button.setEnabled(False)
        self._set_result("", "")
        self._doc_selected()

    def _load(self, key: str) -> None:
        households, actor = self.services.households, self.actor()
        if actor is None:
            return
        self.tasks.run(lambda: households.view(key, actor), lambda f: self._show(key, f),
                       self._view_failed, owner=self, lane=READ, publish=False)

    def _view_failed(self, error: BaseException) -> None:
        self.heading.setText(self.tr("The household file could not be read."))
        present(self, error, label=self.status)

    def _show(self, key: str, f: Any) -> None:
        if key != self.key:
            self._set_result("", "")
        self.key, self.file = key, f
        apps = list(f.applications)
        dates = [x.intake_date for x in apps if x.intake_date is not None]
        head = (f"<b style='font-size:13pt'>{escape(f.applicant_name)}</b>　"
                f"{escape(f.applicant_id or '—')}"
                + "<br>" + escape(fmt(self.tr("%1 application(s), %2"), str(len(apps)),
                                      _span(min(dates), max(dates)) if dates else "—")))
        self.heading.setText(head)
        self.apps_ids = [x.id for x in apps]
        self.apps_model.set_rows([(x.number, _day(x.intake_date), x.status_label,
                                   self._items_text(x)) for x in apps])
        self.members_model.set_rows([(m.name, m.relation, m.masked_id or "—",
                                      _span_text(m.first_on, m.from_number),
                                      _span_text(m.last_on, m.to_number), str(m.snapshots))
                                     for m in f.members])
        self.results_model.set_rows([self._result_row(r) for r in f.results])
        self.payments_model.set_rows([self._payment_row(p) for p in f.payments])
        self.reviews_model.set_rows([self._review_row(r) for r in f.reviews])
        docs = list(f.documents)
        self.docs_model.set_rows(docs)
        bad = [d for d in docs if d.hash_ok is False]
        self.docs_note.setText(
            fmt(self.tr("%1 saved file(s) do not match their record: the export will be "
                        "refused until they are restored."), str(len(bad))) if bad else "")
        self.docs_note.setStyleSheet(ERROR_STYLE if bad else "")
        counts = [len(f.members), len(f.results), len(f.payments), len(f.reviews), len(docs)]
        for i, ((_page, title), n) in enumerate(zip(self._section_titles, counts, strict=True)):
            self.sections.setTabText(i, f"{title} ({n})")
        self.export_button.setEnabled(self.running is None)
        self._doc_selected()

    def _items_text(self, app: Any) -> str:
        parts = []
        for item in app.items:
            text = f"{item.name}：{item.status_label}"
            if item.amount_fen:
                text += " " + fmt(self.tr("%1 yuan"), yuan(item.amount_fen, fen=True))
            parts.append(text)
        return "；".join(parts)

    def _amount(self, fen: int | None, monthly: bool = False) -> str:
        if not fen:
            return ""
        return fmt(self.tr("%1 a month"), yuan(fen, fen=True)) if monthly else yuan(fen, fen=True)

    def _result_row(self, r: Any) -> tuple[str, ...]:
        result = r.status_label + (f"：{r.result_text}" if r.result_text else "")
        return (r.name, result, _day(r.result_on), self._amount(r.amount_fen),
                _span(r.period_from, r.period_to), r.application_number)

    def _payment_row(self, p: Any) -> tuple[str, ...]:
        return (_day(p.on), p.label, p.item_name, self._amount(p.amount_fen, p.monthly),
                _span(p.period_from, p.period_to), p.application_number, p.reference)

    def _review_row(self, r: Any) -> tuple[str, ...]:
        return (_day(r.on), r.kind_label, r.item_name, r.outcome_label, self._amount(r.amount_fen),
                _day(r.next_review_on), r.application_number)

    def current_application(self) -> int | None:
        index = self.apps_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.apps_ids):
            return None
        return self.apps_ids[index.row()]

    def open_application(self) -> None:
        app_id = self.current_application()
        if app_id is not None:
            self.openApplication.emit(app_id)

    # -- documents --------------------------------------------------------------------------------
    def current_document(self) -> Any:
        index = self.docs_view.currentIndex()
        return self.docs_model.row_at(index.row()) if index.isValid() else None

    def _doc_selected(self) -> None:
        on = self.current_document() is not None
        self.open_doc_button.setEnabled(on)
        self.preview_doc_button.setEnabled(on)

    def _original_pdf(self, doc: Any) -> Path:
        """The saved PDF; a missing file is rendered again on the write lane (as in the
        detail window). A document with the household's full IDs opens only with the
        right (the service refuses)."""
        documents, doc_id, actor = self.services.documents, doc.info.id, self.actor()
        return self.tasks.call(lambda: documents.original_pdf(doc_id, actor))

    def _current_pdf(self) -> tuple[Any, Path] | None:
        """The selected document and its saved PDF (a refusal is said on the status line)."""
        doc = self.current_document()
        if doc is None:
            return None
        try:
            return doc, self._original_pdf(doc)
        except Exception as exc:
            present(self, exc, label=self.status)
            return None

    def open_document(self) -> None:
        found = self._current_pdf()
        if found is not None:
            self.opener(found[1])

    def preview_document(self) -> None:
        found = self._current_pdf()
        if found is not None:
            doc, path = found
            self.preview_pdf(self, path, doc.info.number)

    # -- export -----------------------------------------------------------------------------------
    def _suggested_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(folder) if folder else Path.home()
        numbers = [row[0] for row in self.apps_model._rows if row and row[0]]
        stem = fmt(self.tr("Household file %1"), numbers[0]) if numbers else self.tr("Household file")
        return base / f"{stem}.pdf"

    def export(self) -> bool:
        """导出一户一档PDF…: where to, then the assembly off the GUI thread."""
        if self.key is None or self.running is not None:
            return False
        actor = self.actor()
        if actor is None:
            return False
        out = self.ask_save_path(self, self.tr("Save the household file as"),
                                 self._suggested_path())
        if out is None:
            return False
        households, key = self.services.households, self.key
        job = self.running = Job()
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        self._set_result(self.tr("Assembling the household file…"), "")

        def work(j: Job) -> Any:
            def progress(done: int, total: int | None) -> None:
                j.progress(done / total if total else None, (done, total))
            return households.export_pdf(key, out, actor, progress=progress,
                                         cancelled=j.cancel.is_set)

        self.tasks.run_job(work, self._exported, self._export_failed, owner=self,
                           on_progress=self._progress, job=job)
        return True

    def cancel(self) -> None:
        """取消: the service stops at its next check; nothing is left under the name."""
        if self.running is not None and not self.running.cancelled:
            self.running.request_cancel()
            self.cancel_button.setEnabled(False)
            self._set_result(self.tr("Cancelling…"), "")

    def shutdown(self) -> None:
        if self.running is not None:
            self.running.request_cancel()

    def _progress(self, fraction: float | None, message: Any) -> None:
        if self.running is None or self.running.cancelled:
            return
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(100 * min(max(fraction, 0.0), 1.0)))
        if isinstance(message, tuple) and len(message) == 2 and message[1]:
            self._set_result(fmt(self.tr("Assembling the household file… step %1 of %2"),
                                 str(message[0]), str(message[1])), "")

    def _finish(self) -> None:
        self.running = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(self.key is not None)

    def _exported(self, outcome: Any) -> None:
        self._finish()
        result = getattr(outcome, "value", outcome)
        self.last_export = Path(result.path)
        text = fmt(self.tr("Household file written: %1 (%2 pages, %3 documents)."),
                   str(result.path), str(result.pages), str(result.documents))
        withheld = getattr(result, "withheld", 0)
        if withheld:
            text += " " + fmt(self.tr("%1 document(s) with the household's full ID numbers are "
                                      "listed in the index but not included: that needs the "
                                      "full-ID right."), str(withheld))
        self._set_result(text, OK_STYLE)
        self.open_export_button.show()
        if self.key is not None:
            self._load(self.key)   # a document made for the file now has its saved file

    def _export_failed(self, error: BaseException) -> None:
        self._finish()
        if is_cancelled(error):
            self._set_result(self.tr("Export cancelled: no file was written."), WARN_STYLE)
            return
        messages = validation_messages(error)
        if messages is not None or type(error).__name__ in ("FileFault", "PermissionDenied"):
            self._set_result(fmt(self.tr("Not exported: %1"), "；".join(messages) if messages
                                 else describe(error)), ERROR_STYLE)
            if type(error).__name__ == "PermissionDenied":
                present(self, error)
            return
        self._set_result(self.tr("Not exported."), ERROR_STYLE)
        present(self, error)

    def _set_result(self, text: str, style: str) -> None:
        self._last_text = text
        self.result_label.setText(text)
        self.result_label.setStyleSheet(style)
        self.result_label.setVisible(bool(text))
        if not text or style != OK_STYLE:
            self.open_export_button.hide()

    def open_export(self) -> None:
        if self.last_export is not None:
            self.opener(self.last_export)

    # -- change bus -------------------------------------------------------------------------------
    def _on_changes(self, changes: Any, origin: Any) -> None:
        if origin is self or self.key is None or not self.isVisible():
            return
        if changes.everything or set(changes.applications or ()) & set(self.apps_ids) \
                or changes.documents:
            self._load(self.key)


def _span_text(day: date | datetime | None, number: str | None) -> str:
    """``2026-03-02（GZ…）``: when, and the application it was seen in."""
    text = _day(day)
    if number:
        text = f"{text}（{number}）" if text else number
    return text


__all__ = ["DocumentsModel", "FoundModel", "HouseholdTab"]
