"""The supervisor's audit viewer and the integrity check behind ``desktop-app check``.

:meth:`AuditService.query` filters the audit trail by person, application, action
and date (local dates; stored times are UTC) and pages backwards by ``seq``.
:meth:`AuditService.check` verifies the database (``quick_check``), the audit chain
(the first broken link, exactly), the append-only triggers, and the hash of every
issued PDF against the hash the chained ``document.issue`` / ``document.render``
event recorded. Documents with an empty hash (bulk-loaded, rendered on first open)
are skipped; a missing PDF is not a problem (it is re-rendered identically from its
snapshot when opened) and is only counted.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from ..models import Application, Document, DocumentPrint, Event, Staff
from . import auth
from .auth import ActorRef
from .context import ServiceContext
from .events import ChainProblem, missing_triggers, verify_log

#: Chinese labels for the action filter and the viewer's column.
ACTION_LABELS = {
    "setup": "初始设置",
    "application.create": "登记",
    "application.accept": "受理",
    "application.notice": "一次性告知",
    "application.reject": "不予受理",
    "application.materials": "补正材料",
    "application.withdraw": "撤回申请",
    "application.void": "作废申请",
    "document.issue": "出具文书",
    "document.render": "首次生成文书",
    "document.reprint": "补打文书",
    "document.print": "打印文书",  # issue 14: sent to a printer
    "document.void": "作废文书",
    "pii.view_full_id": "查看完整证件号码",
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "auth.logout": "退出登录",
    "auth.unlock": "解锁屏幕",
    "auth.unlock_failed": "解锁失败",
    "auth.confirm": "负责人确认",
    "auth.confirm_failed": "负责人确认失败",
    "auth.password_set": "设置初始密码",
    "auth.password_change": "修改密码",
    "auth.password_change_failed": "修改密码失败",
    "auth.password_reset": "管理员重置密码",
    "auth.recovery_code_issued": "生成管理员恢复码",
    "auth.recovery_used": "用恢复码重设管理员密码",
    "auth.recovery_failed": "恢复码被拒绝",
    "staff.add": "新增账户",
    "staff.change": "修改账户",
    "settings.change": "修改设置",
    "backup.create": "手动备份",
    "system.restore": "恢复备份",
    "exports.resume": "确认恢复导出",
    "export": "导出",
    "export.settled": "同步包补救处理",
    "import": "导入",
    "system.clock_warning": "电脑时钟异常提醒",
    "system.clock_confirmed": "管理员确认电脑时钟",
    "draft.save": "保存受理草稿",
    "draft.restore": "恢复受理草稿",
    "draft.discard": "删除受理草稿",
    # issue 15 — providers
    "provider.add": "新增服务机构",
    "provider.change": "修改服务机构",
    "task.provider": "选择服务机构",
    # issue 15 — leads (services/leads.py)
    "lead.create": "登记主动发现线索",
    "lead.assign": "分派线索",
    "lead.visit": "线索走访记录",
    "lead.reply": "12345工单回复",
    "lead.apply": "线索帮助申请",
    "lead.close": "线索办结",
    "lead.link": "线索转为申请",
    "stats.report": "打印统计报表",  # issue 16 — statsgui
    "household.file": "导出一户一档",  # issue 16 — household
    "register.issue": "打印发文登记簿",  # issue 17 — qrcheck
}


@dataclass(frozen=True)
class AuditFilter:
    staff_id: int | None = None
    application_id: int | None = None
    application_number: str = ""       # 办件编号 (exact)
    actions: tuple[str, ...] = ()      # exact codes, or prefixes ending in "." ("auth.")
    date_from: date | None = None      # local dates, inclusive
    date_to: date | None = None
    before_seq: int | None = None      # paging: rows older than this


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime          # local time
    actor_id: int | None
    actor: str            # name, or "" for the system / an unknown username
    action: str
    action_label: str
    application_id: int | None
    application_number: str
    detail: dict[str, Any]


@dataclass
class CheckReport:
    quick_check: str
    chain: ChainProblem | None
    missing_triggers: list[str]
    document_mismatches: list[str]      # "<kind> <number>: …" per bad file
    documents_checked: int = 0
    documents_missing: int = 0           # files absent (re-rendered on open)
    documents_pending: int = 0           # bulk-loaded, never rendered: skipped
    events: int = 0
    problems: list[str] = field(default_factory=list)
    #: The audit trail's time ran backwards where the start-up clock warning was shown
    #: and recorded (the first event at the set-back time is ``system.clock_warning``):
    #: reported, not a problem.
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _utc(local: datetime) -> datetime:
    """Local naive time → naive UTC (as events store it)."""
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def _local(utc: datetime) -> datetime:
    return utc.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @staticmethod
    def action_labels() -> dict[str, str]:
        return dict(ACTION_LABELS)

    def query(self, by: ActorRef, flt: AuditFilter | None = None, limit: int = 500) -> list[AuditRow]:
        """Audit rows matching ``flt``, newest first (supervisors and administrators)."""
        flt = flt or AuditFilter()
        stmt: Select[Event] = select(Event).order_by(Event.seq.desc()).limit(max(1, min(limit, 5000)))
        if flt.staff_id is not None:
            stmt = stmt.where(Event.actor_id == flt.staff_id)
        if flt.application_id is not None:
            stmt = stmt.where(Event.application_id == flt.application_id)
        if flt.application_number:
            stmt = stmt.where(Event.application_id.in_(
                select(Application.id).where(Application.number == flt.application_number.strip())))
        if flt.actions:
            conds = [Event.action.startswith(a) if a.endswith(".") else Event.action == a
                     for a in flt.actions]
            stmt = stmt.where(or_(*conds))
        if flt.date_from:
            stmt = stmt.where(Event.at >= _utc(datetime.combine(flt.date_from, time.min)))
        if flt.date_to:
            stmt = stmt.where(Event.at < _utc(datetime.combine(flt.date_to + timedelta(days=1),
                                                                time.min)))
        if flt.before_seq is not None:
            stmt = stmt.where(Event.seq < flt.before_seq)
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.AUDIT_VIEW)
            events = list(s.scalars(stmt))
            staff = {p.id: p.name for p in s.scalars(select(Staff))}
            app_ids = {e.application_id for e in events if e.application_id}
            numbers = dict(s.execute(select(Application.id, Application.number)
                                     .where(Application.id.in_(app_ids))).all())
        return [AuditRow(e.seq, _local(e.at), e.actor_id, staff.get(e.actor_id or 0, ""),
                         e.action, ACTION_LABELS.get(e.action, e.action), e.application_id,
                         numbers.get(e.application_id or 0) or "", json.loads(e.detail))
                for e in events]

    # -- check ---------------------------------------------------------------------------
    def check(self) -> CheckReport:
        """Everything ``desktop-app check`` verifies. Needs no user: it only reads."""
        db = self.ctx.db
        qc = db.quick_check()
        with db.read() as s:
            chain = verify_log(s)
            triggers = missing_triggers(s)
            n_events = s.scalar(select(Event.seq).order_by(Event.seq.desc()).limit(1)) or 0
            report = CheckReport(qc, chain, triggers, [], events=n_events)
            self._check_documents(s, report)
        if qc != "ok":
            report.problems.append(f"quick_check: {qc.splitlines()[0]}")
        if chain is not None:
            report.problems.append(chain.message)
        for t in triggers:
            report.problems.append(f"append-only trigger missing: {t}（防篡改触发器缺失）")
        report.problems += report.document_mismatches
        self._check_times(report)
        return report

    def _check_times(self, report: CheckReport) -> None:
        """Audit time running backwards (the PC's clock was set back): each place, the
        first one not explained by a recorded start-up clock warning is a problem."""
        from ..rules.clock import all_backwards
        from .clock import CLOCK_EVENT, CONFIRM_EVENT, limits

        with self.ctx.db.read() as s:
            tolerance = limits(self.ctx, s).tolerance
            # Streamed (a Core cursor, not ORM rows): memory stays flat on a big trail.
            rows = s.connection().execute(select(Event.seq, Event.at, Event.action)
                                          .order_by(Event.seq))
            steps = all_backwards(((r[0], r[1], r[2]) for r in rows), tolerance)
        for step in steps:
            text = (f"audit time runs backwards at seq {step.seq}: 操作日志第 {step.seq} 条的时间"
                    f"（{_local(step.at):%Y-%m-%d %H:%M}）早于第 {step.after_seq} 条"
                    f"（{_local(step.after_at):%Y-%m-%d %H:%M}），电脑时钟曾被调回")
            if step.action == CLOCK_EVENT:
                report.notes.append(f"{text}（启动时已提示并记录）")
            elif step.action == CONFIRM_EVENT:
                report.notes.append(f"{text}（管理员已确认电脑时钟）")
            elif not any(p.startswith("audit time runs backwards") for p in report.problems):
                report.problems.append(text)

    def _check_documents(self, s: Session, report: CheckReport) -> None:
        from .documents import DocumentService

        recorded: dict[int, str] = {}
        for _action, detail in s.execute(select(Event.action, Event.detail).where(
                Event.action.in_(("document.issue", "document.render"))).order_by(Event.seq)):
            d = json.loads(detail)
            if d.get("sha256") and d.get("document_id") is not None:
                recorded[int(d["document_id"])] = d["sha256"]
        paths = DocumentService(self.ctx)
        for doc in s.scalars(select(Document).order_by(Document.id)):
            if not doc.sha256:
                report.documents_pending += 1
                continue
            label = f"document {doc.kind} {doc.number}"
            if recorded.get(doc.id) != doc.sha256:
                report.document_mismatches.append(
                    f"{label}: recorded hash differs from the audit log（文书哈希与操作日志不符）")
                continue
            path = paths._path(doc)
            if not path.exists():
                report.documents_missing += 1
                continue
            report.documents_checked += 1
            if _file_sha256(path) != doc.sha256:
                report.document_mismatches.append(
                    f"{label}: file {path.name} changed（文书文件已被修改）")
        for p in s.scalars(select(DocumentPrint).where(DocumentPrint.reprint)):
            doc = p.document
            n = sum(1 for q in doc.prints if q.reprint and q.id <= p.id)  # 1 = first reprint
            path = paths._path(doc, reprint=n)
            if path.exists():
                report.documents_checked += 1
                if _file_sha256(path) != p.sha256:
                    report.document_mismatches.append(
                        f"document {doc.kind} {doc.number}: file {path.name} changed（补打文件已被修改）")


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
