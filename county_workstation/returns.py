"""返回包: make the return package (acknowledgements, department feedback, county
confirmations, queued updates and warning lists) for the chosen townships — or all of
them — into a folder, usually the USB stick going back (``County.make_return``, checked
and audited as the logged-in user). A township with nothing to send gets no file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from county_receiver import ops
from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import Job, TaskRunner

from .common import MarkedRowsModel, Notice, error_text, last_folder, remember_folder, table
from .context import CountyContext

#: The Chinese name of each record type a return package carries.
CONTENT_NAMES = {
    "ack": "收包确认", "feedback": "部门回执", "confirmation": "审核确认",
    "warning": "预警名单", "holiday_year": "节假日", "standards": "救助标准",
    "village": "村（居）", "catalogue": "事项目录", "eligibility": "认定条件",
    "signer": "签发密钥", "voided_document": "作废文书",
}


@dataclass(frozen=True)
class ReturnLine:
    code: str
    name: str
    package_seq: int | None       # None: nothing to send, or refused
    file: str
    text: str                     # Chinese
    refused: bool = False


def contents_text(counts: dict[str, int]) -> str:
    parts = [f"{CONTENT_NAMES.get(k, k)} {v}" for k, v in counts.items() if v]
    return "，".join(parts) or "无内容"


def make_returns(county: Any, codes: Sequence[tuple[str, str]], folder: Path, job: Job
                 ) -> list[ReturnLine]:
    """One return package per township of ``codes`` into ``folder`` (cancel between
    townships); a refusal is a line of the result, the others go on."""
    out: list[ReturnLine] = []
    for i, (code, name) in enumerate(codes):
        if job.cancelled:
            out.append(ReturnLine(code, name, None, "", "已取消，未生成", refused=True))
            continue
        job.progress(i / len(codes), f"{code} {name}")
        try:
            res = county.make_return(code, folder)
        except Exception as exc:
            out.append(ReturnLine(code, name, None, "", error_text(exc), refused=True))
            continue
        if res is None:
            out.append(ReturnLine(code, name, None, "", "没有需要发送的内容，未生成文件"))
        else:
            out.append(ReturnLine(code, name, res.package_seq, res.path.name,
                                  f"格式版本 {res.format_version}：{contents_text(res.counts)}"))
    job.progress(1.0, "")
    return out


class ReturnsTab(QWidget):
    ROLES = frozenset({"admin", "officer"})

    def __init__(self, context: CountyContext, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnsTab")
        self.context, self.tasks, self.current_actor = context, tasks, current_actor
        self.job: Job | None = None
        self.lines: list[ReturnLine] = []
        intro = QLabel(self.tr("Return packages carry the acknowledgements of the packages "
                               "received, the departments' feedback, the county's confirmations "
                               "and the updates queued for a township. Choose townships (or "
                               "none for all) and the folder on the USB stick."))
        intro.setWordWrap(True)
        self.status_model = MarkedRowsModel([
            self.tr("Code"), self.tr("Township"), self.tr("Not acknowledged"),
            self.tr("Feedback to send"), self.tr("Confirmations to send"),
            self.tr("Last return package")], parent=self)
        self.townships = table("returnsTownships", self.status_model)
        self.townships.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.make_button = QPushButton(self.tr("Make return packages…"))
        self.make_button.setObjectName("returnsMake")
        self.make_button.clicked.connect(self.choose_and_make)
        self.message = Notice("returnsMessage")
        self.result_model = MarkedRowsModel([self.tr("Code"), self.tr("Township"),
                                             self.tr("Return package"), self.tr("File"),
                                             self.tr("Contents")], parent=self)
        self.results = table("returnsResults", self.result_model)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.townships, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self.statuses: list[ops.TownshipStatus] = []

    def refresh(self) -> None:
        county, today = self.context.county, self.context.today()
        self.tasks.run(lambda: ops.township_status(county, today), self._show_status,
                       lambda e: self.message.error(error_text(e)), owner=self, lane="read")

    def _show_status(self, statuses: list[ops.TownshipStatus]) -> None:
        self.statuses = statuses
        self.status_model.set_marked_rows(
            [(s.code, s.name, s.unacknowledged, s.feedback_to_send, s.confirmations_to_send,
              s.last_return_seq or "—") for s in statuses], set())
        self.make_button.setEnabled(bool(statuses) and self.job is None)

    def chosen(self) -> list[tuple[str, str]]:
        rows = sorted({i.row() for i in self.townships.selectionModel().selectedRows()})
        picked = [self.statuses[r] for r in rows] if rows else self.statuses
        return [(s.code, s.name) for s in picked]

    def choose_and_make(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The folder for the return packages"), last_folder(self.context))
        if folder:
            self.make(Path(folder))

    def make(self, folder: Path, codes: list[tuple[str, str]] | None = None) -> Job | None:
        if self.job is not None:
            return None
        remember_folder(self.context, str(folder))
        codes = codes if codes is not None else self.chosen()
        county = self.context.county
        self.make_button.setEnabled(False)
        self.message.clear_message()
        job = Job()
        self.job = job
        self.tasks.run_job(lambda j: make_returns(county, codes, folder, j), self._done,
                           self._failed, owner=self, lane="write",
                           title=self.tr("Making return packages"), job=job)
        return job

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.request_cancel()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.make_button.setEnabled(True)
        self.message.error(error_text(error))

    def _done(self, lines: list[ReturnLine]) -> None:
        self.job = None
        self.make_button.setEnabled(True)
        self.lines = lines
        self.result_model.set_marked_rows(
            [(ln.code, ln.name, ln.package_seq or "—", ln.file or "—", ln.text) for ln in lines],
            {i for i, ln in enumerate(lines) if ln.refused})
        made = [ln for ln in lines if ln.package_seq]
        text = fmt(self.tr("%1 return packages made in %2."), len(made),
                   self.context.extra.get("last_folder", ""))
        if any(ln.refused for ln in lines):
            self.message.error(text + " " + self.tr("Some townships were refused: see the table."))
        else:
            self.message.ok(text)
        if made:
            self.tasks.bus.publish({"returns": [ln.code for ln in made]}, self)
        self.refresh()
