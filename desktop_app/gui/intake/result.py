"""受理登记, after the decision: the issued number, the documents (open, preview and
print each PDF), the promised due dates, and the way on to the next applicant.

"…并打印" (issue 14): :meth:`ResultPage.print_primary` sends the applicant's document
to the remembered printer (the first time: the print dialog, whose choice is
remembered), says "已发送到打印机 <printer>：<document> <number>" and records the print
(``record``); a failure is explained with 另存为…, the document stays saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..kit.fmt import fmt
from ..kit.labels import due_text


class ResultPage(QWidget):
    newApplication = Signal()
    openApplication = Signal(int)

    def __init__(self, opener: Callable[[Path], object], parent: QWidget | None = None, *,
                 resolve: Callable[[Any], Path] | None = None,
                 record: Callable[[Any, Any], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeResult")
        self.opener = opener
        #: The saved PDF of a DocumentInfo (rendered on demand if it is still pending).
        self.resolve: Callable[[Any], Path] = resolve or (lambda d: Path(d.path))
        #: Prints one saved PDF -> its PrintReport or None (print dialog, or with
        #: ``remembered=True`` the remembered printer); tests replace it.
        self.print_pdf: Callable[..., Any] = _print_document
        #: Shows the built-in preview of one saved PDF; tests replace it.
        self.preview_pdf: Callable[..., Any] = _preview_document
        #: Records a job the printer accepted: ``record(document, report)``.
        self.record: Callable[[Any, Any], object] = record or (lambda doc, report: None)
        self.application_id: int | None = None
        self.documents: list = []

        self.title = QLabel()
        self.title.setObjectName("resultTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #2e7d32;")
        self.number = QLabel()
        self.number.setObjectName("resultNumber")
        self.number.setStyleSheet("font-size: 14pt;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        #: "已发送到打印机 …" — or why nothing went to paper.
        self.sent = QLabel()
        self.sent.setObjectName("resultSent")
        self.sent.setWordWrap(True)
        self.sent.setStyleSheet("font-size: 12pt;")

        self.docs_box = QGroupBox(self.tr("Documents issued"))
        self.docs_grid = QGridLayout(self.docs_box)
        self.items_box = QGroupBox(self.tr("Requested items"))
        self.items_grid = QGridLayout(self.items_box)

        self.new_button = QPushButton(self.tr("N&ew application"))  # Alt+N: the form's 告知
        self.new_button.setObjectName("resultNew")
        self.new_button.setDefault(True)
        self.detail_button = QPushButton(self.tr("View application"))
        self.detail_button.setObjectName("resultDetail")
        self.new_button.clicked.connect(self.newApplication)
        self.detail_button.clicked.connect(
            lambda: self.application_id is not None and self.openApplication.emit(self.application_id))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.detail_button)
        buttons.addWidget(self.new_button)

        inner = QVBoxLayout()
        inner.addWidget(self.title)
        inner.addWidget(self.number)
        inner.addWidget(self.summary)
        inner.addWidget(self.sent)
        inner.addWidget(self.docs_box)
        inner.addWidget(self.items_box)
        inner.addLayout(buttons)
        inner.addStretch(1)
        frame = QFrame()
        frame.setMaximumWidth(900)
        frame.setLayout(inner)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(frame, 4)
        layout.addStretch(1)

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            assert item is not None  # the layout still has items
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from findChild at once
                widget.deleteLater()

    def show_result(self, result, detail=None) -> None:
        self.application_id = result.application_id
        self.documents = list(result.documents)
        titles = {
            "accepted": self.tr("Accepted"),
            "pending_materials": self.tr("One-time notice issued"),
            "rejected": self.tr("Not accepted; notice issued"),
        }
        self.title.setText(titles.get(result.status, vocab.STATUS_LABELS.get(result.status, "")))
        self.number.setText(fmt(self.tr("Number: %1"), result.number))
        if detail is not None:
            self.summary.setText(fmt(self.tr("Applicant: %1    Lives in: %2"), detail.row.name, detail.row.village))
        else:
            self.summary.setText("")

        self.sent.setText("")
        self._clear(self.docs_grid)
        for r, doc in enumerate(self.documents):
            self.docs_grid.addWidget(QLabel(doc.title), r, 0)
            self.docs_grid.addWidget(QLabel(doc.number), r, 1)
            for column, (text, name, slot) in enumerate((
                    (self.tr("Open PDF"), "openDocument", self.open_document),
                    (self.tr("Preview"), "previewDocument", self.preview_document),
                    (self.tr("Print…"), "printDocument", self.print_document)), 2):
                button = QPushButton(text)
                button.setObjectName(f"{name}{r}")
                button.clicked.connect(lambda _=False, d=doc, s=slot: s(d))
                self.docs_grid.addWidget(button, r, column)
        self.docs_grid.setColumnStretch(0, 1)

        self._clear(self.items_grid)
        items = detail.items if detail is not None else []
        self.items_box.setVisible(bool(items))
        for r, item in enumerate(items):
            self.items_grid.addWidget(QLabel(item.name), r, 0)
            self.items_grid.addWidget(QLabel(item.handler), r, 1)
            if result.status == "accepted":
                due = QLabel(fmt(self.tr("Due %1"), due_text(item.due_date, item.provisional)))
                due.setObjectName(f"resultDue{r}")
                self.items_grid.addWidget(due, r, 2)
        self.items_grid.setColumnStretch(0, 1)
        self.new_button.setFocus()


    # -- the documents ------------------------------------------------------------------------
    def open_document(self, doc) -> None:
        self.opener(self.resolve(doc))

    def preview_document(self, doc) -> object:
        return self.preview_pdf(self, self.resolve(doc), doc.number,
                                on_printed=lambda report, d=doc: self._sent(d, report))

    def print_document(self, doc, *, remembered: bool = False) -> object:
        """Print one issued document (the print dialog; ``remembered``: straight to the
        remembered printer); the job's report, or None when nothing was printed."""
        report = self.print_pdf(self, self.resolve(doc), doc.number, opener=self.opener,
                                remembered=remembered)
        if report:
            self._sent(doc, report)
        return report

    def print_primary(self, doc) -> object:
        """"…并打印": the applicant's document to the remembered printer."""
        report = self.print_document(doc, remembered=True)
        if not report:
            self.sent.setStyleSheet("font-size: 12pt; color: #c62828;")
            self.sent.setText(fmt(self.tr("Not printed: %1 %2 is saved; print it with the "
                                          "buttons below."), doc.title, doc.number))
        return report

    def _sent(self, doc, report) -> None:
        from ..kit.print_actions import sent_text

        self.record(doc, report)
        self.sent.setStyleSheet("font-size: 12pt; color: #2e7d32;")
        self.sent.setText(sent_text(report, doc.title, doc.number))


def _print_document(*args, **kw) -> object:
    """QtPrintSupport and PDFium load on the first print, not with the window."""
    from ..kit.print_pdf import print_document

    return print_document(*args, **kw)


def _preview_document(parent, path, title, **kw) -> object:
    from ..kit.print_actions import show_preview

    return show_preview(parent, path, title, **kw)
