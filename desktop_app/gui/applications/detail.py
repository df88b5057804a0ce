"""办件详情: one application — applicant and household, income, requested items with
due dates and materials, the handling progress of each accepted item (办理进度), its
documents (打开 / 补打 / 作废, 出具办理结果告知书) and one timeline (办理时间线) that folds
the handling steps into the application's event history."""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.rules.identity import IdType
from ...core.services.auth import FULL_ID_ANY, FULL_ID_OWN
from ..dynamic.care import CareButton  # issue 15 — care
from ..kit.dialogs import ask_void_reason
from ..kit.fmt import fmt
from ..kit.geometry import RememberedGeometry
from ..kit.labels import QT_TRANSLATE_NOOP, action_label, due_text, item_status_label
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, RowsModel, open_file, yuan
from ..tracking.model import waiting_due, waiting_status
from ..tracking.temporary_dialogs import TemporaryMenu
from .detail_actions import DetailDocumentActions
from .detail_stages import StageBar
from .detail_tables import (
    DUE_SOON_COLOR,
    OVERDUE_COLOR,
    TaskModel,
    _fit_height,
    _fit_wrapped,
    _table,
    local_time,
)

if TYPE_CHECKING:
    from ...core.services import Services


log = logging.getLogger(__name__)

#: Handling steps (协同办理) and their names in the timeline's action column; the
#: core's timeline text starts with the same words ("转办：医疗救助 → 县医保局 …").
STEP_ACTIONS: dict[str, str] = {
    "application.close": QT_TRANSLATE_NOOP("DetailView", "Closed"),
    "task.refer": QT_TRANSLATE_NOOP("DetailView", "Referred"),
    "task.sign": QT_TRANSLATE_NOOP("DetailView", "Signed for by the department"),
    "task.feedback": QT_TRANSLATE_NOOP("DetailView", "Result reported"),
    "task.re_refer": QT_TRANSLATE_NOOP("DetailView", "Referred again"),
    "task.review": QT_TRANSLATE_NOOP("DetailView", "Re-check"),
    "review.recheck": QT_TRANSLATE_NOOP("DetailView", "Re-check"),  # issue 15
    "review.change": QT_TRANSLATE_NOOP("DetailView", "Change report"),  # issue 15
    "emergency.pay": QT_TRANSLATE_NOOP("DetailView", "Emergency aid paid first"),
    "emergency.escalate": QT_TRANSLATE_NOOP("DetailView", "Above the ceiling: sent to the county"),
    "task.provider": QT_TRANSLATE_NOOP("DetailView", "Provider chosen"),   # issue 15
}


class DetailView(DetailDocumentActions, QWidget):
    """Everything about one application. Reloads itself after its own operations and
    when a change notice on the bus touches the application."""

    #: issue 16 — householdgui: 一户一档 of this application's household (the main window
    #: opens 统计与档案 on that tab)
    openHousehold = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, application_id: int,
                 actor: Callable[[], object], parent: QWidget | None = None, *,
                 opener: Callable[[Path], object] = open_file,
                 ask_reason: Callable[[QWidget], str | None] = ask_void_reason,
                 ask_confirmation: Callable[..., object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self.services = services
        self.tasks = tasks
        self.application_id = application_id
        self.actor = actor
        self.opener = opener
        #: Prints one saved PDF -> its PrintReport or None (print dialog; ``remembered``:
        #: the remembered printer); tests replace it.
        self.print_pdf: Callable[..., Any] = _print_document
        #: Shows the built-in preview of one saved PDF; tests replace it.
        self.preview_pdf: Callable[..., Any] = _preview_document
        self.ask_reason = ask_reason
        self.ask_confirmation = ask_confirmation or self._ask_confirmation
        #: How the stage dialogs are shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec_dialog
        self.stage_bars: list[StageBar] = []
        self.full_ids: dict[int, str] | None = None  # position -> number, once unmasked
        self.full_related: dict[int, str] | None = None  # supporters / guardian, likewise
        tasks.bus.changed.connect(self._on_changes)

        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()
        self.error.setObjectName("detailError")
        #: "已发送到打印机 …" after a print (issue 14)
        self.sent_label = QLabel()
        self.sent_label.setObjectName("detailSent")
        self.sent_label.setStyleSheet("color: #2e7d32;")
        self.sent_label.setWordWrap(True)
        self.relative_flag = QLabel()
        self.relative_flag.setObjectName("staffRelativeFlag")
        self.relative_flag.setWordWrap(True)
        self.relative_flag.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.relative_flag.setStyleSheet(
            f"color: {OVERDUE_COLOR}; background: #fff3e0; border: 1px solid {DUE_SOON_COLOR};"
            " padding: 4px 8px; font-weight: bold;")
        self.relative_flag.setVisible(False)

        self.progress_box = QGroupBox(self.tr("Handling progress"))
        self.progress_box.setObjectName("progressBox")
        self.task_model = TaskModel([
            self.tr("Item"), self.tr("Handled by"), self.tr("Status"), self.tr("Due"),
            self.tr("Referred on"), self.tr("Signed for"), self.tr("Result")])
        self.task_view = _table(self.task_model, 1)
        self.task_view.setObjectName("taskView")
        self.result_notice_button = QPushButton(self.tr("Issue the notice of results"))
        self.result_notice_button.setObjectName("resultNoticeButton")
        self.result_notice_button.setToolTip(self.tr(
            "Print the notice of handling results for the applicant: every item's result so far"))
        self.result_notice_button.clicked.connect(self.issue_result_notice)
        self.progress_note = QLabel()
        self.progress_note.setObjectName("progressNote")
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.addWidget(self.task_view)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_note, 1)
        # issue 13: a waiting task whose awaited 低保/特困 was not confirmed — the clerk decides
        self.waiting_button = QPushButton(self.tr("Decide on the waiting item…"))
        self.waiting_button.setObjectName("waitingDecideButton")
        self.waiting_button.setVisible(False)
        self.waiting_button.clicked.connect(self.decide_waiting)
        progress_row.addWidget(self.waiting_button)
        progress_row.addWidget(self.result_notice_button)
        progress_layout.addLayout(progress_row)
        self.progress_box.setVisible(False)

        # 审核确认程序: a stage bar per township-handled task with steps.
        self.stages_box = QGroupBox(self.tr("Procedure"))
        self.stages_box.setObjectName("stagesBox")
        self.stages_layout = QVBoxLayout(self.stages_box)
        self.stages_box.setVisible(False)
        next_step = QShortcut(QKeySequence("Ctrl+Return"), self)
        next_step.activated.connect(self.next_action)

        self.basic_box = QGroupBox(self.tr("Applicant"))
        self.basic = QFormLayout(self.basic_box)
        self.members_model = RowsModel([
            self.tr("Relation"), self.tr("Name"), self.tr("ID number"), self.tr("Sex, birth date"),
            self.tr("Counted"), self.tr("Hukou"), self.tr("Health"), self.tr("Disability"),
            self.tr("Employment")])
        self.members_view = _table(self.members_model)
        self.members_view.setObjectName("membersView")
        members_box = QGroupBox(self.tr("Household"))
        QVBoxLayout(members_box).addWidget(self.members_view)
        self.related_model = RowsModel([
            self.tr("Relation"), self.tr("Name"), self.tr("ID number"), self.tr("Role"),
            self.tr("Can support"), self.tr("Own household"), self.tr("Phone"), self.tr("Address")])
        self.related_view = _table(self.related_model, 1)
        self.related_view.setObjectName("relatedView")
        self.related_note = QLabel()
        self.related_note.setObjectName("relatedNote")
        self.related_note.setWordWrap(True)
        self.related_box = QGroupBox(self.tr("Legal supporters and guardian"))
        self.related_box.setObjectName("relatedBox")
        related_layout = QVBoxLayout(self.related_box)
        related_layout.addWidget(self.related_note)
        related_layout.addWidget(self.related_view)
        self.income_box = QGroupBox(self.tr("Monthly income"))
        self.income = QFormLayout(self.income_box)

        self.items_box = QGroupBox(self.tr("Requested items"))
        self.items_layout = QVBoxLayout(self.items_box)
        self.docs_box = QGroupBox(self.tr("Documents"))
        self.docs_grid = QGridLayout(self.docs_box)
        self.events_model = RowsModel([self.tr("Time"), self.tr("By"), self.tr("Action"),
                                       self.tr("Details")])
        self.events_view = _table(self.events_model, 4)
        self.events_view.setObjectName("eventsView")
        # The details column takes the rest of the width and wraps; no text is cut off.
        self.events_view.setWordWrap(True)
        self.events_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        # Row heights follow the column's width once the resize is over (during it
        # the rows still measure the old width).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(lambda: _fit_wrapped(self.events_view))
        self.events_view.horizontalHeader().sectionResized.connect(
            lambda index, _old, _new: index == 3 and self._refit.start())
        events_box = QGroupBox(self.tr("Handling timeline"))
        events_box.setObjectName("timelineBox")
        QVBoxLayout(events_box).addWidget(self.events_view)

        left = QVBoxLayout()
        for w in (self.basic_box, self.income_box, self.items_box):
            left.addWidget(w)
        left.addStretch(1)
        # issue 15 — 复核 / 变更申报 of the benefits in force and the 历次复核 list
        from ..dynamic.history import ReviewsBox

        self.reviews_box = ReviewsBox(services, tasks, actor, opener=opener, parent=self)
        self.reviews_box.run_dialog = lambda dialog: self.run_dialog(dialog)
        right = QVBoxLayout()
        for w in (members_box, self.related_box, self.reviews_box, self.docs_box, events_box):
            right.addWidget(w)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 4)
        columns.addLayout(right, 5)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        self.supplement_button = QPushButton(self.tr("Supply missing materials…"))
        self.supplement_button.setObjectName("supplementButton")
        self.supplement_button.setToolTip(self.tr(
            "The applicant brought what the one-time notice asked for: record it and decide again"))
        self.supplement_button.clicked.connect(self.open_supplement)
        self.supplement_button.setVisible(False)
        head.addWidget(self.supplement_button)
        # issue 13 — 补齐手续 / 个案会商 / 跟进救助 of the temporary (or urgent) task
        self.temporary_menu = TemporaryMenu(
            services, tasks, actor, self.temporary_task, lambda _text: None,
            opener=lambda path: self.opener(path), parent=self)
        self.task_rows: list[Any] = []
        head.addWidget(self.temporary_menu)
        # issue 15 — 特困照料: self-care assessment and 委托照料协议 of the TEKUN task
        self.care_button = CareButton(services, tasks, actor,
                                      opener=lambda path: self.opener(path), parent=self)
        head.addWidget(self.care_button)
        self.full_id_button = QPushButton(self.tr("Show full ID numbers"))
        self.full_id_button.setObjectName("fullIdButton")
        self.full_id_button.setToolTip(self.tr(
            "Show the household's complete ID numbers; every viewing is recorded"))
        self.full_id_button.clicked.connect(self.toggle_full_ids)
        actor_now: Any = actor()
        self.full_id_button.setVisible(actor_now is not None and (
            actor_now.can(FULL_ID_ANY) or actor_now.can(FULL_ID_OWN)))
        head.addWidget(self.full_id_button)
        # issue 16 — householdgui: the household's whole file across its applications
        self.household_button = QPushButton(self.tr("Household file"))
        self.household_button.setObjectName("householdFileButton")
        self.household_button.setToolTip(self.tr(
            "一户一档: every application, member, result, re-check and document of this "
            "household"))
        self.household_button.clicked.connect(lambda: self.openHousehold.emit(self.application_id))
        head.addWidget(self.household_button)
        body_layout.addLayout(head)
        body_layout.addWidget(self.error)
        body_layout.addWidget(self.sent_label)
        body_layout.addWidget(self.relative_flag)
        body_layout.addWidget(self.progress_box)
        body_layout.addWidget(self.stages_box)
        body_layout.addLayout(columns, 1)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.reload()

    # -- filling ---------------------------------------------------------------------------------
    @staticmethod
    def _clear(layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from findChild at once
                widget.deleteLater()
            elif item.layout() is not None:
                DetailView._clear(item.layout())

    def reload(self) -> None:
        try:
            d = self.services.queries.detail(self.application_id)
            docs = self.services.documents.for_application(self.application_id)
            tasks = self.services.handling.tasks_for_application(self.application_id)
        except Exception as exc:
            log.exception("cannot load application %s", self.application_id)
            self.error.show_messages([fmt(self.tr("Cannot load this application: %1"), str(exc))])
            return
        self.detail = d
        r = d.row
        urgent = self.tr(" · emergency") if r.urgent else ""
        closed = (fmt(self.tr("  closed on %1"), d.closed_on.isoformat())
                  if r.status == "closed" and d.closed_on else "")
        self.heading.setText(f"{r.number}  {r.name}  【{r.status_label}】{closed}{urgent}")
        self.relative_flag.setText(
            fmt(self.tr("Near relative of a staff member or village (residents') committee cadre "
                    "(registered separately): %1"), d.staff_relative_note))
        self.relative_flag.setVisible(bool(d.staff_relative_note))
        self.supplement_button.setVisible(r.status == "pending_materials")
        self.setWindowTitle(fmt(self.tr("Application %1"), r.number))

        self._clear(self.basic)
        # Members come in position order (0 = the applicant), like the unmasked list.
        shown = ([self.full_ids[k] for k in sorted(self.full_ids)]
                 if self.full_ids and len(self.full_ids) == len(d.members) else None)
        rows: list[Any] = [  # (label, value); reused below for the timeline rows
            (self.tr("Name"), r.name),
            (self.tr("ID number"), (shown[0] if shown else "") or r.id_masked),
            (self.tr("Phone"), d.phone), (self.tr("Hukou address"), d.hukou_address),
            (self.tr("Lives in"), r.village), (self.tr("Intake date"), r.intake_date.isoformat()),
            (self.tr("How the need was found"), d.source),
            (self.tr("Reason for seeking help"), d.hardship_cause),
            (self.tr("Cause of hardship"), d.hardship_reason),
        ]
        rows.append((self.tr("Applies as"), d.residence_kind))
        if d.residence_address:
            rows.append((self.tr("Lives at"), d.residence_address))
        if d.residence_permit_no:
            rows.append((self.tr("Residence permit no."), d.residence_permit_no))
        if d.publicity_note:   # never publicised (minor applicant, 孤儿 items, minor names)
            rows.append((self.tr("Public notice"), d.publicity_note))
        if d.reject_reasons:
            rows.append((self.tr("Reasons for not accepting"), "；".join(d.reject_reasons)))
        if d.void_reason:
            rows.append((self.tr("Void reason"), d.void_reason))
        for label, value in rows:
            text = QLabel(value or "—")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.basic.addRow(label, text)

        self._fill_members(d, shown)
        self._fill_related(d)
        self._fill_income(d)

        self.task_rows = list(tasks)
        self._fill_items(d)
        self._fill_tasks(self.task_rows)
        self.temporary_menu.update_for(self.temporary_task())
        self.temporary_menu.setVisible(self.temporary_task() is not None)
        self.care_button.update_for(self.task_rows)  # issue 15 — care
        self._fill_stages(self.task_rows)
        self.reviews_box.set_tasks(self.task_rows)
        self._fill_documents(docs)
        rows = self._timeline(d)
        self.events_model.set_rows(rows)
        for column in range(3):
            self.events_view.resizeColumnToContents(column)
        _fit_wrapped(self.events_view)

    def _fill_members(self, d, shown: list[str] | None) -> None:
        """The household, counted or not (and why); the guardian marked."""
        resident = IdType.RESIDENT_ID.label
        rows = []
        for n, m in enumerate(d.members):
            number = (shown[n] if shown else "") or m.id_masked
            counted = self.tr("Counted") if m.counted else self.tr("Not counted")
            if m.counted_reason:
                counted = fmt(self.tr("%1 (%2)"), counted, m.counted_reason)
            relation = fmt(self.tr("%1 (guardian)"), m.relation) if m.guardian else m.relation
            rows.append((relation, m.name, number if m.id_type == resident else f"{m.id_type} {number}",
                         " ".join(x for x in (m.sex, m.birth_date.isoformat() if m.birth_date else "")
                                  if x),
                         counted, m.hukou_type, m.health, m.disability, m.employment))
        self.members_model.set_rows(rows)
        self.members_view.resizeColumnsToContents()
        _fit_height(self.members_view, len(d.members))

    def _fill_related(self, d) -> None:
        """法定义务人和监护人 outside the household; IDs masked like the members'."""
        full = self.full_related or {}
        resident = IdType.RESIDENT_ID.label
        rows = []
        for n, p in enumerate(d.related):
            number = full.get(n) or p.id_masked
            roles = [r for r, on in ((self.tr("Legal supporter"), p.supporter),
                                     (self.tr("Guardian"), p.guardian)) if on]
            if not p.supporter:
                able = "—"
            elif p.able is None:
                able = self.tr("Not checked yet")
            elif p.able:
                able = self.tr("Able")
            else:
                able = fmt(self.tr("Unable: %1"), p.unable_reason) if p.unable_reason else self.tr("Unable")
            household = [fmt(self.tr("%1 people"), str(p.household_size))
                         if p.household_size is not None else "",
                         fmt(self.tr("%1 yuan a month"), yuan(p.monthly_income_fen, fen=True))
                         if p.monthly_income_fen is not None else ""]
            rows.append((p.relation, p.name, number if p.id_type == resident else f"{p.id_type} {number}",
                         self.tr("、").join(roles), able,
                         self.tr("; ").join(x for x in household if x) or "—",
                         p.phone or "—", p.address or "—"))
        self.related_model.set_rows(rows)
        self.related_view.resizeColumnsToContents()
        self.related_view.setVisible(bool(rows))
        _fit_height(self.related_view, len(rows))
        answer = {None: self.tr("Not asked"), True: self.tr("Able to support"),
                  False: self.tr("Unable to support, or none")}[d.supporters_able]
        self.related_note.setText(fmt(self.tr("Legal supporters: %1"), answer) if not rows
                                  else fmt(self.tr("Legal supporters, all told: %1"), answer))

    def _fill_income(self, d) -> None:
        """Gross and net, labelled: the stored calculation, never recomputed; an
        application recorded before it was stored says so."""
        self._clear(self.income)
        for label, fen, counted in d.income_lines:
            text = fmt(self.tr("%1 yuan"), yuan(fen, fen=True))
            if counted is False:
                text = fmt(self.tr("%1 (not counted)"), text)
            self.income.addRow(label, QLabel(text))
        if d.counted_members is None:   # recorded before issue 12: everyone was counted
            gross_text = fmt(self.tr("%1 yuan a month; %2 yuan per person (all %3 people)"),
                             yuan(d.monthly_income_fen, fen=True),
                             yuan(d.per_capita_income_fen, fen=True), str(len(d.members)))
        else:
            gross_text = fmt(self.tr("%1 yuan a month; %2 yuan per person (%3 people counted)"),
                             yuan(d.monthly_income_fen, fen=True),
                             yuan(d.per_capita_income_fen, fen=True), str(d.counted_members))
        gross = QLabel(gross_text)
        gross.setObjectName("detailGross")
        gross.setStyleSheet("font-weight: bold;")
        self.income.addRow(self.tr("Gross income"), gross)
        if d.net_income_fen is None:
            none = QLabel(self.tr("The calculation was not stored at intake"))
            none.setObjectName("detailNet")
            none.setStyleSheet("color: #757575;")
            self.income.addRow(self.tr("Net income"), none)
        else:
            adjust = fmt(self.tr("not counted %1 yuan; employment cost deducted %2 yuan"),
                         yuan(d.excluded_income_fen or 0, fen=True), yuan(d.deduction_fen or 0, fen=True))
            self.income.addRow(self.tr("Not counted / deducted"), QLabel(adjust))
            net = QLabel(fmt(self.tr("%1 yuan a month; %2 yuan per person (%3 people counted)"),
                             yuan(d.net_income_fen, fen=True), yuan(d.net_per_capita_fen or 0, fen=True),
                             str(d.counted_members)))
            net.setObjectName("detailNet")
            net.setStyleSheet("font-weight: bold;")
            self.income.addRow(self.tr("Net income"), net)
            topup = (fmt(self.tr("%1 yuan a month"), yuan(d.topup_fen, fen=True)) if d.topup_fen
                     else self.tr("None (net income not below the standard, or property "
                                  "over the local limits)"))
            self.income.addRow(self.tr("Proposed top-up"), QLabel(topup))
        if d.medical_spending_fen or d.medical_reimbursed_fen:
            medical = QLabel(fmt(self.tr("%1 yuan in 12 months, of which %2 yuan reimbursed"),
                                 yuan(d.medical_spending_fen, fen=True),
                                 yuan(d.medical_reimbursed_fen, fen=True)))
            medical.setObjectName("detailMedical")
            self.income.addRow(self.tr("Medical spending"), medical)

    def _fill_items(self, d) -> None:
        self._clear(self.items_layout)
        for n, item in enumerate(d.items):
            head = QLabel(f"{item.name}（{item.handler}）")
            head.setStyleSheet("font-weight: bold;")
            self.items_layout.addWidget(head)
            task = next((t for t in self.task_rows if t.item_code == item.code), None)
            status = waiting_status(task) if task is not None else item_status_label(item.status)
            due = (fmt(self.tr("Status: %1    Time limit: %2 working days    Due: %3"), status, str(item.limit_days),
                       (waiting_due(task) if task is not None else None)
                       or due_text(item.due_date, item.provisional)))
            due_label = QLabel(due)
            due_label.setObjectName(f"itemDue{n}")
            self.items_layout.addWidget(due_label)
            # Materials grouped by status, one wrapped line each: compact and scannable.
            groups: dict[str, list[str]] = {}
            for name, status in item.materials:
                groups.setdefault(status, []).append(name)
            for status, names in groups.items():
                line = QLabel(f"{status}：{'、'.join(names)}")
                line.setWordWrap(True)
                line.setContentsMargins(16, 0, 0, 0)
                if status == vocab.MATERIAL_LABELS["missing"]:
                    line.setStyleSheet("color: #c62828; font-weight: bold;")
                elif status == vocab.MATERIAL_LABELS.get("na"):
                    line.setStyleSheet("color: #757575;")
                self.items_layout.addWidget(line)

    def _fill_tasks(self, tasks) -> None:
        """办理进度: one row per accepted item, from the handling service."""
        rows = []
        for t in tasks:
            status = waiting_status(t)
            if t.state == "overdue":
                status = (fmt(self.tr("%1 · overdue by %2 working day(s)"), status, str(-t.workdays_left)))
            elif t.state == "due_soon":
                status = (fmt(self.tr("%1 · due today"), status) if t.workdays_left <= 0
                          else fmt(self.tr("%1 · due in %2 working day(s)"), status, str(t.workdays_left)))
            signed = " ".join(x for x in (t.signed_by, t.signed_on.isoformat()
                                          if t.signed_on else "") if x)
            result = "；".join(x for x in (t.result_text, t.amount, t.period,
                                          t.result_on.isoformat() if t.result_on else "") if x)
            rows.append((t.item_name, t.handler_name, status,
                         waiting_due(t) or due_text(t.due_date, t.due_provisional),
                         t.referred_on.isoformat() if t.referred_on else "—",
                         signed or "—", result or "—"))
        self.task_model.set_tasks(rows, [t.state for t in tasks], [t.status for t in tasks])
        self.task_view.resizeColumnsToContents()
        _fit_height(self.task_view, len(rows))
        final = [t for t in tasks if t.status in vocab.FINAL_TASK_STATUSES]
        late = sum(t.state == "overdue" for t in tasks)
        note = (fmt(self.tr("%1 of %2 items have their final result"), str(len(final)), str(len(tasks))))
        if late:
            note += fmt(self.tr("; %1 overdue"), str(late))
        self.progress_note.setText(note)
        self.progress_note.setStyleSheet(f"color: {OVERDUE_COLOR}; font-weight: bold;" if late
                                         else "")
        self.result_notice_button.setEnabled(bool(final))
        self.waiting_button.setVisible(self.flagged_task() is not None)
        self.progress_box.setVisible(bool(tasks))

    def _fill_stages(self, tasks) -> None:
        """The stage bars: the plan of each township-handled task that has steps."""
        from ...core.catalog import TOWNSHIP

        self._clear(self.stages_layout)
        self.stage_bars = []
        today = self.services.ctx.today()
        stage_plan = getattr(self.services.handling, "stage_plan", None)
        for t in tasks:
            if t.handler_code != TOWNSHIP or stage_plan is None:
                continue
            try:
                plan = stage_plan(t.task_id, today=today)
            except Exception:
                log.exception("stage plan of task %s", t.task_id)
                continue
            if not plan.steps:
                continue
            bar = StageBar(t, plan, today, self.open_stage, len(self.stage_bars))
            self.stage_bars.append(bar)
            self.stages_layout.addWidget(bar)
        self.stages_box.setVisible(bool(self.stage_bars))

    def flagged_task(self):
        """The first open task flagged "未获认定，请决定" (its awaited status refused)."""
        return next((t for t in self.task_rows if getattr(t, "waiting_refused_on", None)
                     and t.status not in vocab.FINAL_TASK_STATUSES), None)

    def decide_waiting(self):
        """The dialog recording how the flagged task's materials are provided now."""
        from ..tracking.stage_dialogs import WaitingDecisionDialog

        task = self.flagged_task()
        if task is None:
            return None
        dialog = WaitingDecisionDialog(self.services, self.tasks, self.actor, task, self)
        self.run_dialog(dialog)
        return dialog

    def open_stage(self, task, plan, stage: str):
        """The dialog of one step of ``task`` (its changes reach this view on the bus)."""
        from ..tracking.stage_dialogs import dialog_for

        dialog = dialog_for(self.services, self.tasks, self.actor, task, plan, self,
                            stage=stage or None, opener=self.opener)
        if dialog is not None:
            self.run_dialog(dialog)
        return dialog

    def next_action(self):
        """Ctrl+Enter: the first stage bar's next action."""
        for bar in self.stage_bars:
            if bar.next_button.isVisibleTo(bar):
                return self.open_stage(bar.task, bar.plan, bar.plan.current or "")
        return None

    def _timeline(self, d) -> list[tuple[str, str, str, str]]:
        """One history: every event of the application, the handling steps worded by
        the handling service's timeline (转办、签收、反馈、办结 …)."""
        try:
            steps = list(self.services.handling.timeline(self.application_id))
        except Exception:
            log.exception("timeline of application %s", self.application_id)
            steps = []
        # issue 15: the dynamic-management steps of the household's other applications,
        # put in among this application's events by time
        household = [st for st in steps if st.other_application(self.application_id)]
        steps = [st for st in steps if not st.other_application(self.application_id)]
        rows = []
        pending = 0
        for e in d.events:
            while household and household[0].at <= e.at:
                rows.append(self._household_row(household.pop(0)))
            step = None
            # The timeline is the events it can word, in the same order.
            if pending < len(steps) and (steps[pending].action, steps[pending].at) == (e.action, e.at):
                step = steps[pending]
                pending += 1
            # Handling steps in the words their timeline text starts with.
            label = (self.tr(STEP_ACTIONS[e.action]) if e.action in STEP_ACTIONS
                     else action_label(e.action))
            text = step.text if step is not None else ""
            if text.startswith(label + "："):
                text = text[len(label) + 1:]
            elif text == label:
                text = ""
            if not text:
                text = self._event_text(e.detail)
            rows.append((local_time(e.at), (step.actor if step is not None else e.actor) or "—",
                         label, text))
        rows.extend(self._household_row(st) for st in household)
        return rows

    def _household_row(self, step) -> tuple[str, str, str, str]:
        """A step of another application of the same household (issue 15)."""
        return (local_time(step.at), step.actor or "—",
                fmt(self.tr("Same household, %1"), step.application_number or "—"), step.text)

    def _fill_documents(self, docs) -> None:
        self._clear(self.docs_grid)
        self.documents = list(docs)
        for r, doc in enumerate(self.documents):
            if doc.voided:
                state = fmt(self.tr("Voided: %1"), doc.void_reason)
            elif doc.print_count:
                state = fmt(self.tr("Printed %1 time(s)"), str(doc.print_count))
            else:
                state = self.tr("Not printed yet")
            label = QLabel(f"<b>{escape(doc.title)}</b><br>{escape(doc.number)} · {escape(state)}")
            label.setWordWrap(True)
            label.setObjectName(f"document{r}")
            if doc.voided:
                label.setStyleSheet("color: #9e9e9e;")
            self.docs_grid.addWidget(label, r, 0)
            buttons = QHBoxLayout()
            for text, name, slot, enabled in (
                (self.tr("Open"), "open", self.open_document, True),
                (self.tr("Preview"), "preview", self.preview_document, True),
                (self.tr("Print…"), "print", self.print_document, not doc.voided),
                (self.tr("Reprint"), "reprint", self.reprint, not doc.voided),
                (self.tr("Void…"), "void", self.void, not doc.voided),
            ):
                b = QPushButton(text)
                b.setObjectName(f"{name}Document{r}")
                b.setEnabled(enabled)
                b.clicked.connect(lambda _=False, d=doc, s=slot: s(d))
                buttons.addWidget(b)
            self.docs_grid.addLayout(buttons, r, 1)
        self.docs_grid.setColumnStretch(0, 1)

    def _event_text(self, detail: dict) -> str:
        from ...printing import DOCUMENT_KINDS

        parts = []
        if "kind" in detail:
            parts.append(DOCUMENT_KINDS.get(detail["kind"], detail["kind"]))
        if "number" in detail:
            parts.append(str(detail["number"]))
        if "items" in detail:
            names = []
            for code in detail["items"]:
                try:
                    names.append(self.services.ctx.catalog.item(code).short_name)
                except Exception:
                    names.append(str(code))
            parts.append("、".join(names))
        if detail.get("urgent"):
            parts.append(self.tr("emergency"))
        if "count" in detail:
            parts.append(fmt(self.tr("print no. %1"), str(detail["count"])))
        if "reason" in detail:
            parts.append(fmt(self.tr("reason: %1"), str(detail["reason"])))
        if isinstance(detail.get("results"), dict):  # application.close: each item's result
            names = []
            for code, status in detail["results"].items():
                try:
                    name = self.services.ctx.catalog.item(code).short_name
                except Exception:
                    name = str(code)
                names.append(f"{name} {vocab.TASK_STATUS_LABELS.get(status, status)}")
            parts.append("、".join(names))
        return "  ".join(parts)

    def temporary_task(self):
        """The task the 临时救助 menu acts on: the application's 临时救助 item, else (an
        urgent acceptance) its first item."""
        rows = self.task_rows
        temporary = [t for t in rows if t.item_code in ("LINSHI_URGENT", "LINSHI_EXPENSE")]
        if temporary:
            return temporary[0]
        return rows[0] if rows and rows[0].urgent else None

    # -- 补正 ----------------------------------------------------------------------------------------
    def open_supplement(self):
        from ..intake.supplement import SupplementDialog

        dialog = SupplementDialog(self.services, self.tasks, self.detail, self.actor, self,
                                  opener=self.opener)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # its decision reaches this view on the change bus
        return dialog

    def _on_changes(self, changes, origin) -> None:
        """The change bus: reload once when someone else changed this application."""
        if origin is not self and changes.touches(self.application_id):
            self.reload()


class DetailDialog(QDialog):
    """A window around :class:`DetailView` (several may be open to compare)."""

    def __init__(self, view: DetailView, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailDialog")
        self.view = view
        self.setWindowTitle(view.windowTitle())
        # issue 14: sized to the screen, geometry and maximised state remembered per screen
        self.geometry_memory = RememberedGeometry(self, "detail", QSize(1280, 800), settings)
        self.geometry_memory.restore()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(view)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def done(self, result: int) -> None:
        self.geometry_memory.save()
        super().done(result)

    def closeEvent(self, event) -> None:
        self.geometry_memory.save()
        super().closeEvent(event)


def _exec_dialog(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


def _preview_document(parent, path, title, **kw) -> object:
    from ..kit.print_actions import show_preview

    return show_preview(parent, path, title, **kw)


def _print_document(*args, **kw) -> object:
    """QtPrintSupport and PDFium load on the first print, not with the window."""
    from ..kit.print_pdf import print_document

    return print_document(*args, **kw)
