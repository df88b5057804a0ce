"""What the tracking screen records and prints: signatures, department results, emergency
aid, reviews, re-referrals, notices and handover lists."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton, QTableView, QWidget

from ...core import vocab
from ...core.services.context import Outcome
from ..applications.detail_stages import can_dispute
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.labels import due_text
from .dialogs import EmergencyDialog, FeedbackDialog, SignDialog
from .providers import ChooseProviderDialog, can_choose, provider_chosen_text
from .stage_dialogs import PublicityDialog, ReportDialog, dialog_for
from .temporary_dialogs import conference_text, extend_amount_dialog

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from ...core.services import Services
    from ..kit.tasks import TaskRunner
    from ..kit.widgets import ErrorLabel

    class _TrackingHost(QWidget):
        """For the type checker only: what the mixin uses of :class:`TrackingScreen`."""

        services: Services
        tasks: TaskRunner
        actor: Callable[[], Any]
        opener: Callable[[Path], object]
        run_dialog: Callable[[QDialog], object]
        print_batch: Callable[..., Any]
        preview_pdfs: Callable[..., Any]
        preview_list_button: QPushButton
        ask: Callable[[QWidget, str, str], bool]
        last_list: Any
        error: ErrorLabel
        message: QLabel
        handover_dept: QComboBox
        batch_button: QPushButton
        reviews: QTableView
        review_rows: list[Any]
        stage_action: QAction
        dispute_action: QAction
        extend_action: QAction
        publicity_action: QAction
        report_action: QAction

        def selected(self) -> Any: ...
        def selected_rows(self) -> list[Any]: ...
        def refresh(self) -> None: ...
        def refresh_reviews(self) -> None: ...

    _Base = _TrackingHost
else:
    _Base = object


def _exec(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


class TrackingActions(_Base):
    """Part of :class:`TrackingScreen` (a mixin: it uses the screen's widgets and services)."""

    def _dialog(self, dialog: QDialog) -> QDialog:
        """A recording dialog: its operation's changes reach this screen on the bus."""
        self.run_dialog(dialog)
        return dialog

    def record_signed(self) -> QDialog | None:
        r = self.selected()
        if r is None or r.status != "referred":
            return None
        return self._dialog(SignDialog(
            self.services, self.tasks, self.actor, r, self,
            on_done=lambda _changes, r=r: self._recorded(
                fmt(self.tr("Signature recorded: %1, %2."), r.applicant, r.item_name))))

    def record_feedback(self) -> QDialog | None:
        r = self.selected()
        if r is None or r.status not in ("referred", "signed", "in_progress"):
            return None
        dialog = FeedbackDialog(
            self.services, self.tasks, self.actor, r, self,
            on_done=lambda result, r=r: self._feedback_recorded(r, result),
            opener=self.opener,   # 报县审批 above the ceiling: the 转办单 opens
            on_escalated=partial(self._emergency_done, r))
        # issue 13: the band hint, 个案会商 above the ceiling
        extend_amount_dialog(dialog, cause=dialog.result_text, opener=self.opener,
                             on_conference=partial(self._conference_done, r))
        return self._dialog(dialog)

    def _conference_done(self, r, result) -> None:
        self._recorded(conference_text(self, r, result))

    def _feedback_recorded(self, r, result) -> None:
        label = vocab.TASK_STATUS_LABELS.get(result.task_status, result.task_status)
        text = (fmt(self.tr("Result recorded: %1, %2 — %3."), r.applicant, r.item_name, label))
        if result.closed:
            text += " " + fmt(self.tr("Every item of application %1 has its result: the application "
                                  "is closed."), r.number)
        self._recorded(text)
        if result.closed and self.ask(
                self, self.tr("Application closed"),
                fmt(self.tr("Every item of application %1 has its result and the application is "
                        "closed. Print the result notice for the applicant now?"), r.number)):
            self.issue_notice(r.application_id, keep_message=True)

    def _recorded(self, text: str, *, keep_message: bool = False) -> None:
        self.error.clear_message()
        self.message.setText(f"{self.message.text()} {text}" if keep_message else text)

    def choose_provider(self) -> QDialog | None:
        """选择服务机构 (issue 15): a service task goes to a provider of the directory."""
        r = self.selected()
        if not can_choose(r):
            return None
        holder: list[ChooseProviderDialog] = []

        def done(outcome: Any) -> None:
            self._recorded(provider_chosen_text(r, outcome, holder[0].chosen_name()))

        dialog = ChooseProviderDialog(self.services, self.tasks, self.actor, r, self,
                                      on_done=done)
        holder.append(dialog)
        return self._dialog(dialog)

    def record_emergency(self) -> QDialog | None:
        r = self.selected()
        if r is None or r.item_code != "LINSHI_URGENT" or r.status != "in_progress":
            return None
        dialog = EmergencyDialog(
            self.services, self.tasks, self.actor, r, self, opener=self.opener,
            on_done=lambda result, r=r: self._emergency_done(r, result))
        extend_amount_dialog(dialog, cause=dialog.cause, opener=self.opener,
                             on_conference=partial(self._conference_done, r))
        return self._dialog(dialog)

    def _emergency_done(self, r, result) -> None:
        """Paid within the ceiling (``EmergencyResult``), or reported to the county (the
        referral slip's ``Outcome``)."""
        if isinstance(result, Outcome):
            self._recorded(fmt(self.tr("Reported to the county for approval; referral slip %1 "
                                   "printed."), result.value.number))
            return
        self._recorded(fmt(self.tr(
            "Emergency aid recorded (%1); the paperwork is due by %2."), result.document.number,
                due_text(result.paperwork_due, result.provisional)))
        self.opener(Path(result.document.path))

    def record_review(self) -> QDialog | None:
        row = self.reviews.currentIndex().row()
        if not 0 <= row < len(self.review_rows):
            if not self.review_rows:
                return None
            row = 0
        r = self.review_rows[row]
        # issue 15: the 复核核查表 recomputes the household (was: continue / stop only)
        from ..dynamic.worksheet import WorksheetDialog

        try:
            dialog = WorksheetDialog(self.services, self.tasks, self.actor, r.task_id,
                                     kind="recheck", opener=self.opener, parent=self)
        except Exception as exc:   # no longer a recipient (stopped meanwhile)
            present(self, exc, label=self.error)
            return None
        dialog.recorded.connect(lambda _result: self.refresh_reviews())
        return self._dialog(dialog)

    def _run(self, fn, on_done) -> None:
        """This screen's own operation; when done it refreshes and then ``on_done``."""
        actor = self.actor()
        if actor is None:
            self.error.show_messages([self.tr("Log in first.")])
            return

        def done(result) -> None:
            self.refresh()
            on_done(result)

        self.tasks.run(lambda: fn(actor), done, self._failed, owner=self)

    def re_refer(self) -> None:
        r = self.selected()
        if r is None or r.status != "returned":
            return
        if not self.ask(self, self.tr("Refer again"),
                        fmt(self.tr("Refer %1 of %2 to %3 again with a new referral slip?"), r.item_name, r.applicant,
                            r.handler_name)):
            return
        handling, task_id = self.services.handling, r.task_id

        def done(outcome) -> None:
            info = outcome.value
            self._recorded(fmt(self.tr("Referral slip %1 printed; the item waits for the next "
                                   "handover list."), info.number))
            self.opener(Path(info.path))

        self._run(lambda actor: handling.re_refer(task_id, actor), done)

    def issue_notice(self, application_id: int | None = None, *,
                     keep_message: bool = False) -> None:
        if not application_id:
            r = self.selected()
            if r is None:
                return
            application_id = r.application_id
        handling = self.services.handling

        def done(outcome) -> None:
            info = outcome.value
            self._recorded(fmt(self.tr("Result notice %1 printed."), info.number),
                           keep_message=keep_message)
            self.opener(Path(info.path))

        self._run(lambda actor: handling.issue_result_notice(application_id, actor), done)

    def issue_handover_list(self) -> None:

        dept = self.handover_dept.currentData()
        if not dept:
            return
        handling = self.services.handling
        provider_id = None
        if dept.startswith("P:"):   # issue 15: a provider's list (its service tasks)
            dept, provider_id = vocab.SERVICE_HANDLER, int(dept[2:])

        def done(outcome) -> None:
            info = outcome.value
            self._recorded(fmt(self.tr(
                "Handover list %1 issued for %2: %3 referral slip(s), now referred."), info.number,
                    info.recipient or self.services.ctx.catalog.department(info.department).name,
                    str(info.count)))
            self.last_list = info
            self.batch_button.setEnabled(True)
            self.preview_list_button.setEnabled(True)
            # 打印转办清单 prints it (issue 14): the remembered printer, the first time
            # the print dialog; a failure is explained with 另存为…, the list is saved.
            report = self.print_batch(self, [info.path], info.number, opener=self.opener,
                                      remembered=True)
            if report:
                self._list_printed(info, [], report)

        self._run(lambda actor: handling.issue_handover_list(dept, actor,
                                                             provider_id=provider_id), done)

    def _last_list_files(self) -> tuple[list[Path], list[int]] | None:
        """The last handover list's PDF and its referral slips (ids), or None."""
        info = self.last_list
        if info is None:
            return None
        try:
            handling, list_id = self.services.handling, info.id
            slips = self.tasks.call(lambda: handling.list_slips(list_id))
            paths = [self.tasks.call(lambda: handling.list_pdf(list_id))]
        except Exception as exc:
            present(self, exc)
            return None
        return paths + [Path(d.path) for d in slips], [d.id for d in slips]

    def print_last_list(self) -> object:
        """The last handover list and its referral slips, printed as one job (each
        counted as a print); the job's report or None."""
        files = self._last_list_files()
        if files is None:
            return None
        paths, slip_ids = files
        report = self.print_batch(self, paths, self.last_list.number, opener=self.opener)
        if report:
            self._list_printed(self.last_list, slip_ids, report)
        return report

    def preview_last_list(self) -> object:
        """The built-in preview of the last list and its slips; its 打印 counts."""
        files = self._last_list_files()
        if files is None:
            return None
        paths, slip_ids = files
        info = self.last_list
        return self.preview_pdfs(self, paths, info.number, on_printed=lambda report: (
            self._list_printed(info, slip_ids, report)))

    def _list_printed(self, info, slip_ids: list[int], report) -> None:
        from ..kit.print_actions import print_recorder, sent_text

        print_recorder(self.services, self.tasks, self.actor, owner=self, lists=[info.id],
                       documents=slip_ids)(report)
        what = self.tr("Handover list") if not slip_ids else fmt(
            self.tr("Handover list and %1 referral slip(s)"), str(len(slip_ids)))
        self._recorded(sent_text(report, what, info.number), keep_message=True)

    # -- the 审核确认 procedure ----------------------------------------------------------------
    def _plan(self, r):
        """The selected township task's procedure, or ``None`` (no steps, not ours)."""
        from ...core.catalog import TOWNSHIP

        stage_plan = getattr(self.services.handling, "stage_plan", None)
        if r is None or stage_plan is None or r.handler_code != TOWNSHIP:
            return None
        try:
            plan = stage_plan(r.task_id)
        except Exception:
            log.exception("tracking: stage plan of task %s", r.task_id)
            return None
        return plan if plan.steps else None

    def _update_stage_actions(self, r) -> None:
        plan = self._plan(r) if r is not None and r.state != "final" else None
        self.stage_action.setEnabled(plan is not None and plan.current is not None)
        if plan is not None and plan.next_action:
            self.stage_action.setText(plan.next_action + "…")
        else:
            self.stage_action.setText(self.tr("Next step…"))
        self.dispute_action.setEnabled(plan is not None and can_dispute(plan))
        self.extend_action.setEnabled(plan is not None and plan.can_extend)
        rows = self.selected_rows()
        stages = {getattr(x, "stage", None) for x in rows}
        self.publicity_action.setEnabled(bool(rows) and stages == {"publicity"}
                                         and len({x.village for x in rows}) == 1)
        self.report_action.setEnabled(bool(rows) and stages == {"report"})

    def record_stage(self, stage: str | None = None) -> QDialog | None:
        """The dialog of the selected task's next step (or of ``stage``)."""
        r = self.selected()
        plan = self._plan(r)
        if plan is None:
            return None
        dialog = dialog_for(self.services, self.tasks, self.actor, r, plan, self,
                            stage=stage or None, opener=self.opener,
                            on_done=lambda result, r=r: self._stage_recorded(r, result))
        return self._dialog(dialog) if dialog is not None else None

    def record_dispute(self) -> QDialog | None:
        return self.record_stage("review")

    def extend(self) -> QDialog | None:
        return self.record_stage("extension")

    def _stage_recorded(self, r, result) -> None:
        info = getattr(result, "value", None)
        if info is not None and getattr(info, "count", None) is not None:   # a list
            self._recorded(fmt(self.tr("List %1 printed: %2 item(s)."), info.number,
                               str(info.count)))
        elif info is not None and getattr(info, "number", None):
            self._recorded(fmt(self.tr("Recorded: %1, %2; %3 printed."), r.applicant,
                               r.item_name, info.number))
        else:
            self._recorded(fmt(self.tr("Recorded: %1, %2."), r.applicant, r.item_name))

    def _list_recorded(self, result) -> None:
        info = result.value
        self._recorded(fmt(self.tr("List %1 printed: %2 item(s)."), info.number, str(info.count)))

    def publicity_list(self) -> QDialog | None:
        """公示名单 for the selected tasks (one village); the dialog lists the others
        of that village waiting for 公示, unticked."""
        rows = self.selected_rows()
        if not rows:
            return None
        return self._dialog(PublicityDialog(
            self.services, self.tasks, self.actor, rows, self,
            chosen=[r.task_id for r in rows], opener=self.opener, on_done=self._list_recorded))

    def report_list(self) -> QDialog | None:
        rows = self.selected_rows()
        if not rows:
            return None
        return self._dialog(ReportDialog(
            self.services, self.tasks, self.actor, rows, self,
            chosen=[r.task_id for r in rows], opener=self.opener, on_done=self._list_recorded))

    def _failed(self, error: BaseException) -> None:
        present(self, error, label=self.error)
        self.refresh()
