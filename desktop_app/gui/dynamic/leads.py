"""主动发现 (issue 15 item 3): the lead register, a tab of 动态管理.

At the top a filter (open / overdue / closed / all) and the village for the printed
走访名单; the table of leads (overdue ones in red, the reason in the 逾期 column); under
it the selected lead — what was reported, the visits, the 12345 reply, how it ended —
and its actions: 分派 / 走访记录 / 12345回复 / 帮助申请 / 不符合条件 / 转介 / 打印登记单 /
打印回复单 / 查看申请. 帮助申请 opens the intake form with a draft prefilled from the
lead (``openDraft``: the main window restores it at the window); the lead closes with
the application linked when that draft is accepted. The dialogs are ServiceDialogs
(keyboard first, the service's Chinese refusal next to its field). Writes go through
the runner; the tab refreshes on the change bus (``changes.leads``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.rules import leads as lead_rules
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.print_actions import DocumentActions, print_recorder
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, ListTableModel, open_file, row_table
from ..tracking.dialogs import ServiceDialog, date_edit, field

if TYPE_CHECKING:
    from ...core.services import Services

(COL_NUMBER, COL_DATE, COL_SOURCE, COL_SUBJECT, COL_VILLAGE, COL_ASSIGNEE, COL_STATUS,
 COL_VISIT_DUE, COL_REPLY_DUE, COL_OVERDUE, COL_APPLICATION) = range(11)
LATE_FG = QColor("#b71c1c")
OPEN, OVERDUE, CLOSED, ALL = "open", "overdue", "closed", "all"


def _exec(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


class LeadModel(ListTableModel):
    """Rows of :class:`~desktop_app.core.services.leads.LeadRow`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Number"), self.tr("Reported"), self.tr("Source"),
                         self.tr("Person"), self.tr("Village"), self.tr("Visitor"),
                         self.tr("Status"), self.tr("Visit due"), self.tr("Reply due"),
                         self.tr("Overdue"), self.tr("Application")]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                COL_NUMBER: r.number, COL_DATE: _day(r.reported_on), COL_SOURCE: r.source_label,
                COL_SUBJECT: r.subject_name or "—", COL_VILLAGE: r.village,
                COL_ASSIGNEE: r.assignee, COL_STATUS: r.status_label,
                COL_VISIT_DUE: _day(r.visit_due) if not r.visits else "",
                COL_REPLY_DUE: _day(r.reply_due) if r.replied_on is None else "",
                COL_OVERDUE: r.overdue_text, COL_APPLICATION: r.application_number,
            }.get(index.column(), "")
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(LATE_FG)
        return None


# -- dialogs ------------------------------------------------------------------------------------
class _LeadDialog(ServiceDialog):
    def __init__(self, services: Services, tasks: TaskRunner, actor, parent: QWidget | None,
                 *, name: str, title: str, head: str = "", on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.head = QLabel(head)
        self.head.setObjectName("leadDialogHead")
        self.head.setWordWrap(True)
        self.head.setVisible(bool(head))
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok.setDefault(True)
        self.resize(560, 320)

    first_field: QWidget | None = None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.first_field is not None:
            self.first_field.setFocus()

    @staticmethod
    def line(name: str, placeholder: str = "", width: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        if width:
            edit.setMaximumWidth(width)
        return edit

    @staticmethod
    def text_box(name: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        return edit

    @staticmethod
    def day(edit) -> date:
        return cast(date, edit.date().toPython())


class NewLeadDialog(_LeadDialog):
    """登记线索: the source (12345: the ticket), who reported, who is in need, what."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="newLeadDialog",
                         title=self.tr("Register a lead"), on_done=on_done)
        today = services.ctx.today()
        self.source = QComboBox()
        self.source.setObjectName("leadSource")
        for code, label in services.leads.sources(today):
            self.source.addItem(label, code)
        self.reported_on = date_edit(today, "leadReportedOn")
        self.ticket = self.line("leadTicket", self.tr("12345 ticket number"), 240)
        self.origin = self.line("leadOrigin", self.tr("Department document / warning list number"))
        self.reporter = self.line("leadReporter", self.tr("Name of who reported"), 200)
        self.reporter_phone = self.line("leadReporterPhone", "", 200)
        self.subject = self.line("leadSubject", self.tr("Name of the person in need"), 200)
        self.id_number = self.line("leadIdNumber", self.tr("If known"), 240)
        self.phone = self.line("leadPhone", "", 200)
        self.village = QComboBox()
        self.village.setObjectName("leadVillage")
        self.village.addItem(self.tr("Choose…"), None)
        for v in services.setup.villages():
            self.village.addItem(v.name, v.id)
        self.address = self.line("leadAddress")
        self.situation = self.text_box("leadSituation", self.tr("What was reported"))
        self.assignee = self.line("leadAssignee", self.tr("Who goes to see (optional)"), 200)
        f, e = self.form, self.errors
        f.addRow(self.tr("Source"), field(self.source, e, "source"))
        f.addRow(self.tr("Reported on"), field(self.reported_on, e, "reported_on"))
        f.addRow(self.tr("12345 ticket"), field(self.ticket, e, "ticket_no"))
        f.addRow(self.tr("Reference"), field(self.origin, e, "origin_ref"))
        f.addRow(self.tr("Reported by"), field(self.reporter, e, "reporter_name"))
        f.addRow(self.tr("Reporter's phone"), field(self.reporter_phone, e, "reporter_phone"))
        f.addRow(self.tr("Person in need"), field(self.subject, e, "subject_name"))
        f.addRow(self.tr("ID number"), field(self.id_number, e, "subject_id_number"))
        f.addRow(self.tr("Phone"), field(self.phone, e, "subject_phone"))
        f.addRow(self.tr("Village"), field(self.village, e, "village_id"))
        f.addRow(self.tr("Address"), field(self.address, e, "address"))
        f.addRow(self.tr("Situation"), field(self.situation, e, "situation"))
        f.addRow(self.tr("Visitor"), field(self.assignee, e, "assignee"))
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()
        self.first_field = self.source
        self.resize(620, 580)

    def _source_changed(self) -> None:
        hotline = self.source.currentData() == lead_rules.HOTLINE
        self.ticket.setEnabled(hotline)
        self.origin.setEnabled(self.source.currentData() in (lead_rules.DEPARTMENT,
                                                             lead_rules.COUNTY_WARNING))

    def read(self) -> Any:
        from ...core.services.leads import LeadInput

        return LeadInput(
            source=self.source.currentData(), reported_on=self.day(self.reported_on),
            subject_name=self.subject.text(), subject_id_number=self.id_number.text(),
            subject_phone=self.phone.text(), village_id=self.village.currentData(),
            address=self.address.text(), situation=self.situation.toPlainText(),
            reporter_name=self.reporter.text(), reporter_phone=self.reporter_phone.text(),
            ticket_no=self.ticket.text() if self.ticket.isEnabled() else "",
            origin_ref=self.origin.text() if self.origin.isEnabled() else "",
            assignee=self.assignee.text())

    def submit(self) -> None:
        leads, data = self.services.leads, self.read()
        self._run(lambda actor: leads.create(actor, data))


class AssignDialog(_LeadDialog):
    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="assignLeadDialog",
                         title=self.tr("Assign a lead"), head=f"{row.number}　{row.subject_name}",
                         on_done=on_done)
        self.lead_id = row.id
        self.assignee = self.line("leadAssignee", self.tr("e.g. the village assistant"), 240)
        self.assignee.setText(row.assignee)
        self.form.addRow(self.tr("Who goes to see"), field(self.assignee, self.errors, "assignee"))
        self.first_field = self.assignee

    def submit(self) -> None:
        leads, lead_id, name = self.services.leads, self.lead_id, self.assignee.text()
        self._run(lambda actor: leads.assign(actor, lead_id, name))


class VisitDialog(_LeadDialog):
    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="leadVisitDialog",
                         title=self.tr("Record a visit"), head=f"{row.number}　{row.subject_name}",
                         on_done=on_done)
        self.lead_id = row.id
        self.visited_on = date_edit(services.ctx.today(), "leadVisitedOn")
        self.visitors = self.line("leadVisitors", self.tr("Names, separated by 、 or spaces"))
        self.visitors.setText(row.assignee)
        self.findings = self.text_box("leadFindings", self.tr("What was found"))
        f, e = self.form, self.errors
        f.addRow(self.tr("Visited on"), field(self.visited_on, e, "visited_on"))
        f.addRow(self.tr("Visitors"), field(self.visitors, e, "visitors"))
        f.addRow(self.tr("Findings"), field(self.findings, e, "findings"))
        self.first_field = self.findings

    def submit(self) -> None:
        from ...core.services.leads import VisitInput

        names = [n for n in self.visitors.text().replace("、", " ").replace("，", " ")
                 .replace(",", " ").split() if n]
        visit = VisitInput(self.day(self.visited_on), names, self.findings.toPlainText())
        leads, lead_id = self.services.leads, self.lead_id
        self._run(lambda actor: leads.record_visit(actor, lead_id, visit))


class ReplyDialog(_LeadDialog):
    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="leadReplyDialog",
                         title=self.tr("Reply to the 12345 ticket"),
                         head=fmt(self.tr("%1　reply due %2"), row.number, _day(row.reply_due)),
                         on_done=on_done)
        self.lead_id = row.id
        self.replied_on = date_edit(services.ctx.today(), "leadRepliedOn")
        self.text = self.text_box("leadReplyText", self.tr("What was done and the answer given"))
        self.form.addRow(self.tr("Replied on"), field(self.replied_on, self.errors, "replied_on"))
        self.form.addRow(self.tr("Reply"), field(self.text, self.errors, "reply_text"))
        self.first_field = self.text

    def submit(self) -> None:
        leads, lead_id, day, text = (self.services.leads, self.lead_id, self.day(self.replied_on),
                                     self.text.toPlainText())
        self._run(lambda actor: leads.record_reply(actor, lead_id, day, text))


class CloseDialog(_LeadDialog):
    """不符合条件 (the reason) or 转介 (where to)."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, outcome: str,
                 parent=None, *, on_done=None) -> None:
        title = (self.tr("Not eligible") if outcome == lead_rules.NOT_ELIGIBLE
                 else self.tr("Referred elsewhere"))
        super().__init__(services, tasks, actor, parent, name="closeLeadDialog", title=title,
                         head=f"{row.number}　{row.subject_name}", on_done=on_done)
        self.lead_id, self.outcome = row.id, outcome
        self.reason = self.line("leadOutcomeText", self.tr("Why not eligible")
                                if outcome == lead_rules.NOT_ELIGIBLE
                                else self.tr("Department or channel referred to"))
        label = self.tr("Reason") if outcome == lead_rules.NOT_ELIGIBLE else self.tr("Referred to")
        self.form.addRow(label, field(self.reason, self.errors, "outcome_text", "outcome"))
        self.first_field = self.reason

    def submit(self) -> None:
        leads, lead_id, outcome, reason = (self.services.leads, self.lead_id, self.outcome,
                                           self.reason.text())
        self._run(lambda actor: leads.close(actor, lead_id, outcome, reason))


# -- the tab ------------------------------------------------------------------------------------
class LeadsTab(QWidget):
    """主动发现: the lead register."""

    openApplication = Signal(int)
    #: an intake draft prefilled from a lead, to continue at the window (its id)
    openDraft = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadsTab")
        self.services, self.tasks, self.actor = services, tasks, current_actor
        self.opener = opener or open_file
        self.run_dialog: Callable[[QDialog], object] = _exec   # tests replace it
        self._selected: int | None = None

        self.filter = QComboBox()
        self.filter.setObjectName("leadFilter")
        for code, label in ((OPEN, self.tr("Open")), (OVERDUE, self.tr("Overdue")),
                            (CLOSED, self.tr("Closed")), (ALL, self.tr("All"))):
            self.filter.addItem(label, code)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.new_button = QPushButton(self.tr("Register lead…"))
        self.new_button.setObjectName("newLead")
        self.new_button.clicked.connect(self.new_lead)
        self.village = QComboBox()
        self.village.setObjectName("visitListVillage")
        self.list_button = QPushButton(self.tr("Print visit list"))
        self.list_button.setObjectName("printVisitList")
        self.list_button.setToolTip(self.tr("The open leads of the village chosen, to visit"))
        self.list_button.clicked.connect(self.print_visit_list)
        self.count = QLabel()
        self.count.setObjectName("leadCount")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.filter)
        bar.addWidget(self.new_button)
        bar.addSpacing(16)
        bar.addWidget(self.count, 1)
        bar.addWidget(QLabel(self.tr("Village")))
        bar.addWidget(self.village)
        bar.addWidget(self.list_button)

        self.model = LeadModel(self)
        self.view = row_table(self.model, "leadTable", alternating=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.view.doubleClicked.connect(lambda *_: self.open_application())

        self.detail = QLabel()
        self.detail.setObjectName("leadDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, label, slot in (
                ("assignLead", self.tr("Assign…"), self.assign),
                ("visitLead", self.tr("Record visit…"), self.record_visit),
                ("replyLead", self.tr("12345 reply…"), self.reply),
                ("applyLead", self.tr("Help to apply"), self.help_apply),
                ("notEligibleLead", self.tr("Not eligible…"),
                 lambda: self.close_lead(lead_rules.NOT_ELIGIBLE)),
                ("referLead", self.tr("Referred…"), lambda: self.close_lead(lead_rules.REFERRED)),
                ("printSlip", self.tr("Print slip"), self.print_slip),
                ("printReply", self.tr("Print reply"), self.print_reply),
                ("openLeadApplication", self.tr("Open application"), self.open_application)):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            self.buttons[name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = ErrorLabel()
        self.status.setObjectName("leadStatus")
        self.message = QLabel()
        self.message.setObjectName("leadMessage")
        self.document = DocumentActions(self, opener=self.opener)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(actions)
        doc_row = QHBoxLayout()
        doc_row.addWidget(self.message, 1)
        doc_row.addWidget(self.document)
        lower_layout.addLayout(doc_row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        tasks.bus.changed.connect(self._on_changes)
        self._load_villages()
        self.refresh()

    # -- data ----------------------------------------------------------------------------------
    def _load_villages(self) -> None:
        self.village.clear()
        for v in self.services.setup.villages():
            self.village.addItem(v.name, v.id)

    def _on_changes(self, changes, origin) -> None:
        if origin is self:
            return
        if getattr(changes, "leads", False) or changes.everything or changes.applications:
            self.refresh()

    def refresh(self) -> None:
        """Read the register (bounded: 500 newest) and keep the selection."""
        leads = self.services.leads
        choice = self.filter.currentData()
        try:
            if choice == OVERDUE:
                rows = leads.overdue()
            elif choice == CLOSED:
                rows = leads.find(status=lead_rules.CLOSED)
            elif choice == ALL:
                rows = leads.find()
            else:
                rows = leads.find(open_only=True)
        except Exception as exc:
            self.status.show_messages([self.tr("The lead register could not be read.")])
            present(self, exc, label=self.status)
            return
        self.status.clear()
        keep = self._selected
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.overdue)
        self.count.setText(fmt(self.tr("%1 lead(s), %2 overdue"), str(len(rows)), str(late)))
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if index >= 0:
            self.view.selectRow(index)
        self._show_selected()

    def current(self) -> Any:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_lead(self, lead_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == lead_id:
                self.view.selectRow(i)
                return

    def _show_selected(self) -> None:
        row = self.current()
        self._selected = row.id if row is not None else None
        closed = row is None or row.status == lead_rules.CLOSED
        enabled = {
            "assignLead": not closed, "visitLead": not closed,
            "replyLead": row is not None and row.source == lead_rules.HOTLINE,
            "applyLead": not closed and row is not None and row.application_id is None,
            "notEligibleLead": not closed, "referLead": not closed,
            "printSlip": row is not None,
            "printReply": row is not None and row.source == lead_rules.HOTLINE,
            "openLeadApplication": row is not None and row.application_id is not None,
        }
        for name, on in enabled.items():
            self.buttons[name].setEnabled(on)
        if row is None:
            self.detail.setText(self.tr("No lead selected."))
            return
        try:
            d = self.services.leads.detail(row.id)
        except Exception as exc:
            present(self, exc, label=self.status)
            return
        self.detail.setText(self._detail_html(d))

    def _detail_html(self, d) -> str:
        from html import escape

        r = d.row
        head = f"<b>{escape(r.number)}</b>　{escape(r.source_label)}"
        if d.ticket_no:
            head += "　" + escape(fmt(self.tr("ticket %1"), d.ticket_no))
        if d.origin_ref:
            head += "　" + escape(d.origin_ref)
        head += "　" + escape(fmt(self.tr("reported %1"), _day(r.reported_on)))
        if d.reporter_name:
            head += "　" + escape(fmt(self.tr("by %1 %2"), d.reporter_name, d.reporter_phone))
        lines = [head,
                 f"<b>{escape(r.subject_name or '—')}</b>　{escape(r.village)}　"
                 f"{escape(d.address)}　{escape(d.subject_phone)}",
                 escape(d.situation)]
        for v in d.visits:
            lines.append(fmt(escape(self.tr("Visit %1 by %2: %3")), _day(v.visited_on),
                             escape("、".join(v.visitors)), escape(v.findings)))
        if r.source == lead_rules.HOTLINE:
            lines.append(fmt(escape(self.tr("12345 reply due %1; replied %2 %3")),
                             _day(r.reply_due), _day(d.row.replied_on) or "—",
                             escape(d.reply_text)))
        if r.outcome:
            lines.append(f"<b>{escape(lead_rules.OUTCOME_LABELS.get(r.outcome, ''))}</b>"
                         + (f"：{escape(d.outcome_text)}" if d.outcome_text else "")
                         + ("　" + escape(fmt(self.tr("application %1"), r.application_number))
                            if r.application_number else ""))
        if r.overdue:
            lines.append(f"<span style='color:#b71c1c'>{escape(r.overdue_text)}</span>")
        return "<br>".join(lines)

    # -- actions -------------------------------------------------------------------------------
    def _after(self, result: Any, lead_id: int | None = None) -> None:
        if lead_id is None:
            lead_id = getattr(result, "value", None) if isinstance(getattr(result, "value", None), int) \
                else self._selected
        self._selected = lead_id
        self.refresh()

    def _dialog(self, dialog: QDialog) -> None:
        self.run_dialog(dialog)

    def new_lead(self) -> None:
        if self.filter.currentData() in (CLOSED,):
            self.filter.setCurrentIndex(0)
        self._dialog(NewLeadDialog(self.services, self.tasks, self.actor, self,
                                   on_done=self._after))

    def assign(self) -> None:
        row = self.current()
        if row is not None:
            self._dialog(AssignDialog(self.services, self.tasks, self.actor, row, self,
                                      on_done=lambda r: self._after(r, row.id)))

    def record_visit(self) -> None:
        row = self.current()
        if row is not None:
            self._dialog(VisitDialog(self.services, self.tasks, self.actor, row, self,
                                     on_done=lambda r: self._after(r, row.id)))

    def reply(self) -> None:
        row = self.current()
        if row is not None:
            self._dialog(ReplyDialog(self.services, self.tasks, self.actor, row, self,
                                     on_done=lambda r: self._after(r, row.id)))

    def close_lead(self, outcome: str) -> None:
        row = self.current()
        if row is not None:
            self._dialog(CloseDialog(self.services, self.tasks, self.actor, row, outcome, self,
                                     on_done=lambda r: self._after(r, row.id)))

    def help_apply(self) -> None:
        """帮助申请: a draft prefilled from the lead, opened at the window."""
        row, actor = self.current(), self.actor()
        if row is None or actor is None:
            return
        leads, lead_id = self.services.leads, row.id

        def done(outcome: Any) -> None:
            self._after(outcome, lead_id)
            self.openDraft.emit(outcome.value)

        self.tasks.run(lambda: leads.help_apply(actor, lead_id), done,
                       lambda exc: present(self, exc, label=self.status), owner=self)

    def open_application(self) -> None:
        row = self.current()
        if row is not None and row.application_id is not None:
            self.openApplication.emit(row.application_id)

    def _print(self, job: Callable[[Any], Any]) -> None:
        actor = self.actor()
        if actor is None:
            return

        def done(outcome: Any) -> None:
            info = outcome.value
            self.message.setText(fmt(self.tr("Printed %1"), info.number))
            self.document.set_document(info.path, info.number, record=print_recorder(
                self.services, self.tasks, self.actor, owner=self, lists=[info.id]))
            self.refresh()

        self.tasks.run(lambda: job(actor), done,
                       lambda exc: present(self, exc, label=self.status), owner=self)

    def print_slip(self) -> None:
        row = self.current()
        if row is not None:
            leads, lead_id = self.services.leads, row.id
            self._print(lambda actor: leads.print_slip(actor, lead_id))

    def print_reply(self) -> None:
        row = self.current()
        if row is not None:
            leads, lead_id = self.services.leads, row.id
            self._print(lambda actor: leads.print_reply(actor, lead_id))

    def print_visit_list(self) -> None:
        village_id = self.village.currentData()
        if village_id is not None:
            leads = self.services.leads
            self._print(lambda actor: leads.print_visit_list(actor, village_id))


__all__ = ["AssignDialog", "CloseDialog", "LeadsTab", "NewLeadDialog", "ReplyDialog",
           "VisitDialog"]
