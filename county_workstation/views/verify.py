"""验证: is this document genuine? A scan, a photo, the PDF or the QR's text.

The county holds every registered township's signing key and knows the documents the
townships voided, so it can tell a department whether a 转办单 (or any issued document)
is real before it acts on it. The tab takes

* a file — a scan or photo (PNG, JPEG, …) or the PDF itself — chosen with 选择文件… or
  dropped on the tab, or
* the text a scanner read from the QR (``TW1:…``), pasted, then 验证;

and says one verdict in large letters (genuine / altered / unknown signer / voided /
not one of ours / unreadable) with what the QR says (kind, number, date, township,
masked name, signing key). The check (``county_receiver.verify``) runs on the read lane;
nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner

from . import data
from .common import ViewTab

GOOD = "#1b5e20"
BAD = "#b00020"
UNSURE = "#8a5a00"
#: verdict code -> colour of the verdict line
#: what the file dialog offers (any file may be chosen)
SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pdf")
COLOURS = {"genuine": GOOD, "altered": BAD, "voided": BAD, "unknown_signer": BAD,
           "not_ours": UNSURE, "malformed": UNSURE, "unreadable": UNSURE}


class VerifyTab(ViewTab):
    """验证: a file or a QR's text in, one verdict and what the QR says out."""

    def __init__(self, context: Any, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, tasks, current_actor, parent=parent)
        self.setObjectName("verifyTab")
        self.error.setObjectName("verifyError")
        self.setAcceptDrops(True)
        # How the file dialog asks; tests replace it.
        self.ask_file: Callable[[], str] = self._ask_file
        self.verdicts = {
            "genuine": self.tr("Genuine: signed by the township and unchanged"),
            "altered": self.tr("ALTERED: the document does not match its signed QR"),
            "voided": self.tr("VOIDED: the township voided this document"),
            "unknown_signer": self.tr("UNKNOWN SIGNER: not signed by a registered township"),
            "not_ours": self.tr("Not one of our documents' QR codes"),
            "malformed": self.tr("The QR code is damaged or incomplete"),
            "unreadable": self.tr("No QR code could be read from the file"),
        }

        intro = QLabel(self.tr("Check a document before acting on it: choose or drop a scan, "
                               "a photo or the PDF, or paste the text a scanner read from "
                               "its QR code."))
        intro.setObjectName("verifyIntro")
        intro.setWordWrap(True)
        self.file_button = QPushButton(self.tr("Choose file…"))
        self.file_button.setObjectName("verifyFile")
        self.text = QLineEdit()
        self.text.setObjectName("verifyText")
        self.text.setPlaceholderText(self.tr("Paste the QR code's text here"))
        self.text.setClearButtonEnabled(True)
        self.check_button = QPushButton(self.tr("Verify"))
        self.check_button.setObjectName("verifyCheck")
        row = QHBoxLayout()
        row.addWidget(self.file_button)
        row.addWidget(QLabel(self.tr("or")))
        row.addWidget(self.text, 1)
        row.addWidget(self.check_button)

        self.source = QLabel()
        self.source.setObjectName("verifySource")
        self.source.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.reason.setObjectName("verifyReason")
        self.reason.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        details = QFormLayout()
        for key, label in (("kind", self.tr("Document")), ("number", self.tr("Number")),
                           ("date", self.tr("Issued on")), ("township", self.tr("Township")),
                           ("name", self.tr("Name (masked)")),
                           ("signer", self.tr("Signing key"))):
            value = QLabel("—")
            value.setObjectName(f"verify_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            details.addRow(label, value)
        self.result_box = QFrame()
        self.result_box.setObjectName("verifyResult")
        self.result_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.result_box)
        box.addWidget(self.source)
        box.addWidget(self.verdict)
        box.addWidget(self.reason)
        box.addLayout(details)
        box.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.result_box, 1)

        self.file_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check_text)
        self.text.returnPressed.connect(self.check_text)
        self._clear()

    def refresh(self) -> None:
        """Nothing to read until a document is given."""

    # -- input ---------------------------------------------------------------------------
    def _ask_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the document to verify"), "",
            self.tr("Scans, photos and PDFs") + " (" + " ".join(f"*{x}" for x in SUFFIXES)
            + ");;" + self.tr("All files") + " (*)")
        return path

    def choose_file(self) -> None:
        path = self.ask_file()
        if path:
            self.check_file(Path(path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.check_file(Path(urls[0].toLocalFile()))

    def check_text(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.error.show_messages([self.tr("Paste the QR code's text, or choose a file.")])
            return
        self._start(self.tr("The pasted QR text"), lambda county: data.verify_text(county, text))

    def check_file(self, path: Path) -> None:
        self._start(fmt(self.tr("File: %1"), path.name),
                    lambda county: data.verify_file(county, path))

    def _start(self, source: str, fn: Callable[[Any], data.VerifyResult]) -> None:
        self._clear()
        self.source.setText(source)
        self.verdict.setText(self.tr("Checking…"))
        county = self.county
        self.read(lambda: fn(county), self._show)

    # -- output --------------------------------------------------------------------------
    def _clear(self) -> None:
        self.error.clear_message()
        self.source.setText("")
        self.verdict.setText(self.tr("No document checked yet."))
        self.verdict.setStyleSheet("font-size: 15pt; color: #555555;")
        self.reason.setText("")
        for value in self.fields.values():
            value.setText("—")

    def _show(self, result: data.VerifyResult) -> None:
        self.verdict.setText(self.verdicts.get(result.code, result.code))
        self.verdict.setStyleSheet(
            f"font-size: 15pt; font-weight: bold; color: {COLOURS.get(result.code, UNSURE)};")
        self.reason.setText(result.detail)
        for key, value in result.fields.items():
            if key in self.fields:
                self.fields[key].setText(value or "—")

    def failed(self, error: BaseException) -> None:
        self.verdict.setText(self.tr("The check failed."))
        self.verdict.setStyleSheet(f"font-size: 15pt; color: {UNSURE};")


__all__ = ["VerifyTab"]
