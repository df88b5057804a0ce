"""操作日志: the supervisor's view of the audit trail (supervisors and administrators).

Filters by person, application number, action group and date range over
``AuditService.query``; the model holds what was loaded and "load more" pages
backwards with ``before_seq``. 校验 runs ``AuditService.check`` (quick_check, the
hash chain, the triggers, every document's hash) off the GUI thread.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from ...core import vocab
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.labels import QT_TRANSLATE_NOOP, action_label, role_label
from ..kit.tasks import READ, TaskRunner
from ..kit.widgets import date_range_edits, row_table

if TYPE_CHECKING:
    from sync_contract.catalog import Catalog

    from ...core.services import Services


log = logging.getLogger(__name__)

PAGE = 200
COL_TIME, COL_ACTOR, COL_ACTION, COL_NUMBER, COL_DETAIL = range(5)
RowRole = Qt.ItemDataRole.UserRole + 1

#: (label, action codes or "prefix." prefixes) for the action filter.
ACTION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("AuditScreen", "All actions"), ()),
    (QT_TRANSLATE_NOOP("AuditScreen", "Applications and decisions"), ("application.", "setup")),
    (QT_TRANSLATE_NOOP("AuditScreen", "Documents"), ("document.",)),
    (QT_TRANSLATE_NOOP("AuditScreen", "Logins and screen locks"),
     ("auth.login", "auth.login_failed", "auth.logout", "auth.unlock", "auth.unlock_failed")),
    (QT_TRANSLATE_NOOP("AuditScreen", "Supervisor confirmations"),
     ("auth.confirm", "auth.confirm_failed")),
    (QT_TRANSLATE_NOOP("AuditScreen", "Passwords"),
     ("auth.password_set", "auth.password_change", "auth.password_change_failed",
      "auth.password_reset", "auth.recovery_code_issued", "auth.recovery_used",
      "auth.recovery_failed")),
    (QT_TRANSLATE_NOOP("AuditScreen", "Accounts"), ("staff.",)),
    (QT_TRANSLATE_NOOP("AuditScreen", "Full ID numbers viewed"), ("pii.",)),
    (QT_TRANSLATE_NOOP("AuditScreen", "Settings"), ("settings.",)),
    (QT_TRANSLATE_NOOP("AuditScreen", "Backups and restores"), ("backup.", "system.", "exports.")),
    (QT_TRANSLATE_NOOP("AuditScreen", "Export and import"), ("export", "import")),
    (QT_TRANSLATE_NOOP("AuditScreen", "Reserve fund"), ("reserve.",)),  # issue 13
)

_REASONS = {
    "unknown_user": QT_TRANSLATE_NOOP("AuditDetail", "unknown username"),
    "inactive": QT_TRANSLATE_NOOP("AuditDetail", "account deactivated"),
    "no_password": QT_TRANSLATE_NOOP("AuditDetail", "no password set"),
    "password": QT_TRANSLATE_NOOP("AuditDetail", "wrong password"),
    "locked": QT_TRANSLATE_NOOP("AuditDetail", "account locked"),
    "role": QT_TRANSLATE_NOOP("AuditDetail", "role not allowed"),
    "startup_check": QT_TRANSLATE_NOOP("AuditDetail", "start-up check"),
}
_SETTINGS = {
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditDetail", "Idle lock (minutes)"),
    "backup_mirror_dir": QT_TRANSLATE_NOOP("AuditDetail", "Backup mirror folder"),
    "backup_keep": QT_TRANSLATE_NOOP("AuditDetail", "Backups kept"),
    "appeal": QT_TRANSLATE_NOOP("AuditDetail", "Appeal periods"),
    "township_confirms": QT_TRANSLATE_NOOP("AuditDetail", "Township confirms"),
    "workday_overrides": QT_TRANSLATE_NOOP("AuditDetail", "Working-day changes"),
    "holiday_years": QT_TRANSLATE_NOOP("AuditDetail", "Holiday calendars"),
}
_CHANGE_KEYS = {
    "role": QT_TRANSLATE_NOOP("AuditDetail", "role"),
    "active": QT_TRANSLATE_NOOP("AuditDetail", "active"),
    "name": QT_TRANSLATE_NOOP("AuditDetail", "name"),
    "status": QT_TRANSLATE_NOOP("AuditDetail", "status"),
}


translate = QCoreApplication.translate


def _t(text: str) -> str:
    return translate("AuditDetail", text)


def _value(value: Any) -> str:
    """A stored value in words: roles, statuses, yes/no; dicts and lists compactly."""
    if isinstance(value, bool):
        return translate("AuditDetail", "yes") if value else translate("AuditDetail", "no")
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        if value in ("clerk", "supervisor", "admin"):
            return role_label(value)
        return vocab.STATUS_LABELS.get(value, value)
    if isinstance(value, dict):
        return fmt(translate("AuditDetail", "%1 entries"), str(len(value)))
    if isinstance(value, list):
        return "、".join(_value(v) for v in value)
    return str(value)


def _setting_value(key: str, value: Any) -> str:
    if key == "backup_keep" and isinstance(value, dict):
        return (fmt(translate("AuditDetail", "%1 recent, %2 days, %3 weeks, %4 months"), str(value.get("recent")),
                    str(value.get("daily")), str(value.get("weekly")), str(value.get("monthly"))))
    if key == "appeal" and isinstance(value, dict):
        return (fmt(translate("AuditDetail", "review %1 days, reconsideration %2 days, litigation %3 months"),
                    str(value.get("review_days")), str(value.get("reconsideration_days")),
                    str(value.get("litigation_months"))))
    return _value(value)


def describe(detail: dict, names: dict[int, str], catalog=None) -> str:  # noqa: C901 - one branch per audit detail key
    """An audit row's ``detail`` in a line of words (the raw JSON is shown below the
    table for the selected row)."""
    from ...printing import DOCUMENT_KINDS

    parts: list[str] = []
    d = detail or {}
    if "kind" in d:
        parts.append(DOCUMENT_KINDS.get(d["kind"], str(d["kind"])))
    if "number" in d:
        parts.append(str(d["number"]))
    if "items" in d and isinstance(d["items"], list):
        labels = []
        for code in d["items"]:
            try:
                labels.append(catalog.item(code).short_name if catalog else str(code))
            except Exception:
                labels.append(str(code))
        parts.append("、".join(labels))
    if d.get("urgent"):
        parts.append(translate("AuditDetail", "emergency"))
    if "staff_id" in d:
        who = names.get(d["staff_id"], f"#{d['staff_id']}")
        parts.append(fmt(translate("AuditDetail", "account: %1"), who))
    if "name" in d and "username" in d:
        parts.append(f"{d['name']}（{d['username']}）")
    if "role" in d:
        parts.append(role_label(str(d["role"])))
    if "reason" in d:
        reason = str(d["reason"])
        parts.append(fmt(translate("AuditDetail", "reason: %1"), _t(_REASONS[reason]) if reason in _REASONS
                                               else reason))
    if d.get("failures"):
        parts.append(fmt(translate("AuditDetail", "failure no. %1"), str(d["failures"])))
    if d.get("locked_until"):
        until = str(d["locked_until"]).replace("T", " ")[:16]
        parts.append(fmt(translate("AuditDetail", "locked until %1"), until))
    if "typed_length" in d:
        parts.append(fmt(translate("AuditDetail", "%1 characters typed as username"), str(d["typed_length"])))
    if d.get("permission"):
        parts.append(translate("AuditDetail", "to void") if d["permission"] == "document.void"
                     else translate("AuditDetail", "permission"))
    if d.get("confirmed_by") is not None:
        parts.append(fmt(translate("AuditDetail", "confirmed by %1"), names.get(d["confirmed_by"],
                                                                  f"#{d['confirmed_by']}")))
    if isinstance(d.get("changes"), dict):
        for key, change in d["changes"].items():
            if isinstance(change, list) and len(change) == 2:
                label = _t(_CHANGE_KEYS[key]) if key in _CHANGE_KEYS else key
                parts.append(f"{label}：{_value(change[0])} → {_value(change[1])}")
    if "key" in d:
        key = str(d["key"])
        label = _t(_SETTINGS[key]) if key in _SETTINGS else key
        parts.append(f"{label}：{_setting_value(key, d.get('old'))} → "
                     f"{_setting_value(key, d.get('new'))}")
    if "count" in d:
        parts.append(fmt(translate("AuditDetail", "print no. %1"), str(d["count"])))
    if "members" in d:
        parts.append(fmt(translate("AuditDetail", "%1 people"), str(d["members"])))
    if "backup" in d:
        parts.append(fmt(translate("AuditDetail", "backup %1"), str(d["backup"])))
    if d.get("file"):
        parts.append(str(d["file"]))
    if isinstance(d.get("applications"), int):
        parts.append(fmt(translate("AuditDetail", "%1 applications"), str(d["applications"])))
    if isinstance(d.get("documents"), list) and d["documents"]:
        parts.append("、".join(str(n) for n in d["documents"]))
    if d.get("mirror_error"):
        parts.append(fmt(translate("AuditDetail", "mirror failed: %1"), str(d["mirror_error"])))
    if isinstance(d.get("paused"), dict):
        parts.append(fmt(translate("AuditDetail", "restored from %1"), str(d["paused"].get("backup", ""))))
    if "villages" in d:
        parts.append(fmt(translate("AuditDetail", "%1 villages"), str(d["villages"])))
    if d.get("via") == "cli":
        parts.append(translate("AuditDetail", "command line"))
    if d.get("demo"):
        parts.append(translate("AuditDetail", "demo data"))
    return "  ".join(p for p in parts if p)


class AuditModel(QAbstractTableModel):
    """Loaded audit rows, newest first; ``data()`` never raises into Qt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.texts: list[str] = []
        self.names: dict[int, str] = {}
        self.catalog: Catalog | None = None
        self._headers = [self.tr("Time"), self.tr("By"), self.tr("Action"),
                         self.tr("Application"), self.tr("Details")]

    def set_rows(self, rows: list[Any], *, append: bool = False) -> None:
        texts = [self._describe(r) for r in rows]
        if append:
            if not rows:
                return
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows += rows
            self.texts += texts
            self.endInsertRows()
            return
        self.beginResetModel()
        self.rows, self.texts = list(rows), texts
        self.endResetModel()

    def _describe(self, row) -> str:
        try:
            return describe(row.detail, self.names, self.catalog)
        except Exception:
            log.exception("audit detail of seq %s", row.seq)
            return ""

    def oldest_seq(self) -> int | None:
        return self.rows[-1].seq if self.rows else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        try:
            row = self.rows[index.row()]
            if role == RowRole:
                return row
            if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
            column = index.column()
            if column == COL_TIME:
                return row.at.strftime("%Y-%m-%d %H:%M:%S")
            if column == COL_ACTOR:
                return row.actor or (self.tr("command line") if row.detail.get("via") == "cli"
                                     else "—")
            if column == COL_ACTION:
                return action_label(row.action)
            if column == COL_NUMBER:
                return row.application_number
            if column == COL_DETAIL:
                return self.texts[index.row()]
        except Exception:
            log.exception("audit model: row %s column %s", index.row(), index.column())
        return None


class AuditScreen(QWidget):
    """操作日志 with filters, paging and the integrity check."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditScreen")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.more = False

        self.person = QComboBox()
        self.person.setObjectName("auditPerson")
        self.person.addItem(self.tr("Everyone"), None)
        for p in services.setup.staff():
            self.person.addItem(f"{p.name}（{role_label(p.role)}）", p.id)
        self.number = QLineEdit()
        self.number.setObjectName("auditNumber")
        self.number.setPlaceholderText(self.tr("Application number"))
        self.number.setClearButtonEnabled(True)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        for label, codes in ACTION_GROUPS:
            self.action.addItem(QCoreApplication.translate("AuditScreen", label), codes)
        self.by_date = QCheckBox(self.tr("Date"))
        self.by_date.setObjectName("auditByDate")
        today = QDate(cast(Any, services.ctx.today()))  # PySide6 takes a date (the stubs do not say)
        self.date_from, self.date_to = date_range_edits(today.addDays(-7), today,
                                                        ("auditFrom", "auditTo"))
        self.by_date.toggled.connect(self.date_from.setEnabled)
        self.by_date.toggled.connect(self.date_to.setEnabled)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("auditSearch")
        self.search_button.clicked.connect(self.run_query)
        self.number.returnPressed.connect(self.run_query)
        self.person.currentIndexChanged.connect(self.run_query)
        self.action.currentIndexChanged.connect(self.run_query)

        self.model = AuditModel(self)
        self.model.catalog = services.ctx.catalog
        self.view = row_table(self.model, "auditView", alternating=True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for col, width in ((COL_TIME, 160), (COL_ACTOR, 90), (COL_ACTION, 150), (COL_NUMBER, 220)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._show_raw)
        self.raw = QPlainTextEdit()
        self.raw.setObjectName("auditRaw")
        self.raw.setReadOnly(True)
        self.raw.setPlaceholderText(self.tr("Select a row to see everything recorded with it."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.raw)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        self.count = QLabel()
        self.count.setObjectName("auditCount")
        self.more_button = QPushButton(self.tr("Load older entries"))
        self.more_button.setObjectName("auditMore")
        self.more_button.clicked.connect(self.load_more)
        self.check_button = QPushButton(self.tr("Verify integrity"))
        self.check_button.setObjectName("auditCheck")
        self.check_button.setToolTip(self.tr(
            "Checks the database, the chained audit trail and every issued document's file"))
        self.check_button.clicked.connect(self.run_check)
        self.check_result = QLabel()
        self.check_result.setObjectName("auditCheckResult")
        self.check_result.setWordWrap(True)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Person")))
        filters.addWidget(self.person)
        filters.addWidget(self.number, 1)
        filters.addWidget(self.action)
        filters.addWidget(self.by_date)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.search_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.more_button)
        bottom.addStretch(1)
        bottom.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.check_result)
        self.check_result.hide()
        self.run_query()

    # -- querying ------------------------------------------------------------------------------
    def audit_filter(self, before_seq: int | None = None):
        from ...core.services import AuditFilter

        on = self.by_date.isChecked()
        return AuditFilter(
            staff_id=self.person.currentData(), application_number=self.number.text().strip(),
            actions=tuple(self.action.currentData() or ()),
            date_from=cast(date, self.date_from.date().toPython()) if on else None,
            date_to=cast(date, self.date_to.date().toPython()) if on else None, before_seq=before_seq)

    def _query(self, before_seq: int | None):
        try:
            return self.services.audit.query(self.actor(), self.audit_filter(before_seq), PAGE)
        except Exception as exc:
            present(self, exc)
        return None

    def run_query(self) -> None:
        self.names = {p.id: p.name for p in self.services.setup.staff()}
        self.model.names = self.names
        rows = self._query(None)
        self.model.set_rows(rows or [])
        self.more = rows is not None and len(rows) == PAGE
        self.raw.clear()
        self._update_count()

    def load_more(self) -> None:
        oldest = self.model.oldest_seq()
        if oldest is None:
            return
        rows = self._query(oldest)
        if rows is None:
            return
        self.model.set_rows(rows, append=True)
        self.more = len(rows) == PAGE
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(fmt(self.tr("%1 entries shown"), str(self.model.rowCount())))
        self.more_button.setEnabled(self.more)

    def _show_raw(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.data(current, RowRole) if current.isValid() else None
        if row is None:
            self.raw.clear()
            return
        self.raw.setPlainText(f"#{row.seq}  {row.action}\n"
                              + json.dumps(row.detail, ensure_ascii=False, indent=2))

    # -- integrity check ----------------------------------------------------------------------
    def run_check(self) -> None:
        self.check_button.setEnabled(False)
        self.check_result.setText(self.tr("Verifying…"))
        self.check_result.setStyleSheet("")
        self.check_result.show()
        audit = self.services.audit
        # A long read (the whole chain): the read lane, so saves do not wait behind it.
        self.tasks.run(audit.check, self._checked, self._check_failed, owner=self, lane=READ)

    def _checked(self, report) -> None:
        self.check_button.setEnabled(True)
        if report.ok:
            text = (fmt(self.tr("Everything checks out: the database, %1 audit entries in an unbroken "
                            "chain, and %2 document files."), str(report.events), str(report.documents_checked)))
            self.check_result.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            text = self.tr("Problems found:") + "\n" + "\n".join(report.problems)
            self.check_result.setStyleSheet("color: #c62828; font-weight: bold;")
        if report.notes:  # the clock was set back, warned and recorded at start-up (issue 11)
            text += "\n" + self.tr("Noted:") + "\n" + "\n".join(report.notes)
        self.check_result.setText(text)
        self.report = report

    def _check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_result.hide()
        present(self, error)
