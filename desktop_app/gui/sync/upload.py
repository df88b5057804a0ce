"""上传 / 下载返回包 / 上传设置 (issue 17, docs/upload.md): the sync screen's network way
beside 导出 to a USB stick. The work runs on the task runner (write lane, with progress
and 取消); a county that cannot be reached gives one line suggesting 导出 to a USB stick."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..kit.errors import is_cancelled, is_refusal, present
from ..kit.fmt import fmt
from ..kit.widgets import ERROR_STYLE
from .common import OK_STYLE, WARN_STYLE, ImportOutcome, _button, _label, stage_progress

if TYPE_CHECKING:
    from ..kit.tasks import Job
    from .common import SyncHost

    class _Base(SyncHost):
        """For the type checker only: what this section uses of the screen."""

        def _progress(self, fraction: float, message: tuple[str, int, int]) -> None: ...
        def _start(self, job: str) -> Job: ...
        def _finish_job(self) -> None: ...
        def _imported(self, outcome: ImportOutcome) -> None: ...
else:
    _Base = object


class SyncUploadSection(_Base):
    """Part of :class:`SyncScreen` (a mixin): the upload row of the export group."""

    def _build_upload(self) -> QVBoxLayout:
        from ...core.services.sync.upload import upload_service

        self.uploads = upload_service(self.services)
        self.upload_button = _button(self.tr("Upload"), "uploadButton")
        self.upload_button.setToolTip(self.tr(
            "When online: export what changed and send every package the county does not "
            "hold yet to the county's receiver (the same package as on a USB stick)"))
        self.download_button = _button(self.tr("Download return package"), "downloadReturnButton")
        self.download_button.setToolTip(self.tr(
            "When online: fetch the county's return packages and import them"))
        self.upload_settings_button = _button(self.tr("Upload settings…"), "uploadSettingsButton")
        self.upload_settings_button.setVisible(self.can_keys)
        self.upload_button.clicked.connect(self.upload)
        self.download_button.clicked.connect(self.download_return)
        self.upload_settings_button.clicked.connect(self.edit_upload_settings)
        self.upload_result = _label("uploadResult", selectable=True)
        row = QHBoxLayout()
        for b in (self.upload_button, self.download_button, self.upload_settings_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.upload_result)
        self._upload_hint()
        return layout

    def _upload_hint(self) -> None:
        st = self.uploads.settings()
        if not st.ready:
            self._set(self.upload_result, self.tr(
                "Upload is not set up (county receiver address and upload token); use the "
                "USB stick."), "")

    def _upload_buttons(self, idle: bool) -> None:
        for b in (self.upload_button, self.download_button, self.upload_settings_button):
            b.setEnabled(idle)

    # -- upload ---------------------------------------------------------------------------
    def upload(self) -> bool:
        if self.job is not None:
            return False
        uploads, actor = self.uploads, self.actor()
        self._set(self.upload_result, self.tr("Connecting to the county…"))

        def work(job):
            exporting = stage_progress(job)

            def progress(stage: str, done: int, total: int) -> None:
                if stage != "upload":
                    exporting(stage, done, total)
                else:
                    job.progress(min(done, total) / total if total else 0.0, (stage, done, total))
            return uploads.upload(actor, progress=progress, cancel=job.cancel)

        self.tasks.run_job(work, self._uploaded, self._upload_failed, owner=self,
                           on_progress=self._progress, job=self._start("export"))
        return True

    def _uploaded(self, report) -> None:
        self._finish_job()
        if not report.sent:
            self._set(self.upload_result, self.tr(
                "The county already holds every package: nothing to upload."), OK_STYLE)
        else:
            fresh = [str(n) for n, st in report.sent if st == "ingested"]
            again = [str(n) for n, st in report.sent if st != "ingested"]
            lines = []
            if fresh:
                lines.append(fmt(self.tr("Uploaded: package(s) %1, received by the county."),
                                 ", ".join(fresh)))
            if again:
                lines.append(fmt(self.tr("The county already held package(s) %1."),
                                 ", ".join(again)))
            self._set(self.upload_result, "\n".join(lines), OK_STYLE)
        self.refresh()

    def _upload_failed(self, error: BaseException) -> None:
        self._finish_job()
        if is_cancelled(error):
            self._set(self.upload_result, self.tr(
                "Upload cancelled: what the county did not receive completely is sent "
                "again next time."), WARN_STYLE)
        elif is_refusal(error):
            self._set(self.upload_result, str(getattr(error, "message", "") or error)
                      .split(" / ")[0], ERROR_STYLE)
        else:
            self._set(self.upload_result, "")
            present(self, error)
        self.refresh()

    # -- download -------------------------------------------------------------------------
    def download_return(self) -> bool:
        if self.job is not None:
            return False
        uploads, sync, actor = self.uploads, self.services.sync, self.actor()
        self._set(self.upload_result, self.tr("Fetching return packages from the county…"))
        self._busy("import")
        self.progress.setRange(0, 0)
        self.progress.show()

        def work() -> list[ImportOutcome]:
            before = {r.package_seq for r in sync.log() if r.acknowledged_at is None}
            results = uploads.download_returns(actor)
            after = {r.package_seq for r in sync.log() if r.acknowledged_at is None}
            acked = sorted(before - after)
            return [ImportOutcome(r, acked if i == len(results) - 1 else [])
                    for i, r in enumerate(results)]

        self.tasks.run(work, self._downloaded, self._download_failed, owner=self)
        return True

    def _downloaded(self, outcomes: list[ImportOutcome]) -> None:
        if not outcomes:
            self.progress.hide()
            self.progress.setRange(0, 100)
            self._busy(None)
            self._set(self.upload_result, self.tr("No new return package from the county."),
                      OK_STYLE)
            return
        self._set(self.upload_result, fmt(self.tr("Downloaded %1 return package(s)."),
                                          str(len(outcomes))), OK_STYLE)
        for outcome in outcomes:      # the import section shows what each one did
            self._imported(outcome)

    def _download_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.progress.setRange(0, 100)
        self._busy(None)
        if is_refusal(error):
            self._set(self.upload_result, str(getattr(error, "message", "") or error)
                      .split(" / ")[0], ERROR_STYLE)
        else:
            self._set(self.upload_result, "")
            present(self, error)
        self.refresh()

    # -- settings -------------------------------------------------------------------------
    def edit_upload_settings(self) -> UploadSettingsDialog | None:
        if self.job is not None or not self.can_keys:
            return None
        dialog = UploadSettingsDialog(self.uploads.settings().county_url, self)
        dialog.accepted.connect(lambda: self._save_upload_settings(dialog))
        dialog.open()
        return dialog

    def _save_upload_settings(self, dialog: UploadSettingsDialog) -> None:
        uploads, actor = self.uploads, self.actor()
        url, token = dialog.url.text(), dialog.token.text().strip() or None
        dialog.token.clear()

        def done(st) -> None:
            self._set(self.upload_result, fmt(self.tr("Upload to %1; token %2."), st.county_url,
                                              self.tr("set") if st.has_token else
                                              self.tr("not set")), OK_STYLE)

        def failed(error: BaseException) -> None:
            if is_refusal(error):
                self._set(self.upload_result, str(getattr(error, "message", "") or error)
                          .split(" / ")[0], ERROR_STYLE)
            else:
                present(self, error)

        self.tasks.run(lambda: uploads.configure(url, token, actor), done, failed, owner=self,
                       publish=False)


class UploadSettingsDialog(QDialog):
    """上传设置: the county receiver's address and the upload token (shown never again)."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadSettingsDialog")
        self.setWindowTitle(self.tr("Upload settings"))
        self.url = QLineEdit(url)
        self.url.setObjectName("uploadUrl")
        self.url.setPlaceholderText("https://county.example:8443")
        self.token = QLineEdit()
        self.token.setObjectName("uploadToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("leave empty to keep the current token"))
        note = QLabel(self.tr("The county gives the address and the token "
                              "(county-receiver token issue). The token is kept in the key "
                              "folder only."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("County receiver address"), self.url)
        form.addRow(self.tr("Upload token"), self.token)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 200)


__all__ = ["SyncUploadSection", "UploadSettingsDialog"]
