"""The county's operations as a logged-in actor (docs/county-accounts.md). Qt-free.

Everything the county workstation and the command line do that writes goes through
here: the actor's permission is checked first, the write is done by
:class:`~county_receiver.receiver.County`, and one event is appended to the county's
audit chain (:mod:`.audit`). Feedback is recorded and audited in ONE transaction; the
other writes own their transaction inside ``County``, so their event follows in a
transaction of its own right after (a crash between the two leaves the write without
its event — never an event without its write).

* :func:`ingest_folder` — a USB folder of ``.twpkg`` files: in order per township,
  progress and cancel between packages (never inside one), refusals and gaps explained
  in Chinese, later packages of a refused township skipped with the reason;
* :func:`township_status` — one row per registered township (last package, days since,
  unacknowledged packages, feedback to send, last return, overdue referrals);
* :func:`open_tasks` / :func:`record_feedback` — a department's open referred tasks
  (applicant masked) and its 回执, scoped to its own department;
* :func:`audit_county` — the same permission checks and audit events for the existing
  ``County`` methods the command line calls (bound on the instance).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_contract.errors import PackageError
from sync_contract.faults import FileFault, fault
from sync_contract.keys import short_fingerprint
from sync_contract.seqs import seq_range

from . import accounts as acc
from . import audit
from .accounts import CountyActor, CountyRefused
from .models import (
    CountyConfirmation,
    CountyRecord,
    DepartmentFeedback,
    ReceivedPackage,
    RegisteredTownship,
    ReturnPackage,
)

#: ``<12-digit township code>-<seq, ≥ 6 digits>.twpkg`` (sync_contract.envelope.package_name).
PACKAGE_NAME = re.compile(r"^([0-9]{12})-([0-9]{6,})\.twpkg$", re.IGNORECASE)
PACKAGE_SUFFIX = ".twpkg"
#: A township that has sent nothing for longer than this many days is shown as late.
LATE_AFTER_DAYS = 7
#: Task statuses a department can still answer (sync_contract.tasks.TRANSITIONS).
OPEN_TASK_STATUSES = ("referred", "signed", "in_progress")

INGESTED, ALREADY, REFUSED, SKIPPED, CANCELLED = (
    "ingested", "already_received", "refused", "skipped", "cancelled")
STATUS_LABELS = {INGESTED: "已接收", ALREADY: "以前已接收", REFUSED: "拒收",
                 SKIPPED: "未接收（前一个包被拒收）", CANCELLED: "未处理（已取消）"}

Progress = Callable[[int, int, str], None]


def _zh(exc: PackageError) -> str:
    return exc.message.split(" / ", 1)[0]


# -- folder ingest --------------------------------------------------------------------
@dataclass(frozen=True)
class PackageOutcome:
    """What happened to one file of the folder."""

    file: Path
    township_code: str          # "" when neither the name nor the package tells
    package_seq: int | None
    status: str                 # INGESTED / ALREADY / REFUSED / SKIPPED / CANCELLED
    reason: str = ""            # the refusal's reason code (docs/sync-format.md §9)
    message_zh: str = ""        # one line of Chinese for the result table
    records: int = 0            # new + updated records applied
    conflicts: int = 0

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class FolderIngestReport:
    folder: Path
    items: list[PackageOutcome]
    #: township code -> package numbers missing before the folder's packages.
    gaps: dict[str, list[int]] = field(default_factory=dict)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(i.status in (INGESTED, ALREADY) for i in self.items)

    @property
    def summary_zh(self) -> str:
        if not self.items:
            return f"文件夹 {self.folder} 中没有同步包（.twpkg）"
        parts = [f"共 {len(self.items)} 个包", f"接收 {self.count(INGESTED)} 个"]
        for status, label in ((ALREADY, "以前已接收"), (REFUSED, "拒收"), (SKIPPED, "未接收"),
                              (CANCELLED, "因取消未处理")):
            if self.count(status):
                parts.append(f"{label} {self.count(status)} 个")
        text = "，".join(parts)
        for code, missing in sorted(self.gaps.items()):
            text += f"；{code} 缺少 {_seqs_text(missing)}"
        return text


def _seqs_text(seqs: Sequence[int]) -> str:
    """``第 5 号包`` / ``第 5–7 号包`` / ``第 3、5 号包``."""
    runs: list[tuple[int, int]] = []
    for n in sorted(seqs):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return "第 " + "、".join(seq_range(a, b) for a, b in runs) + " 号包"


def find_packages(folder: Path) -> list[Path]:
    """The ``.twpkg`` files in ``folder`` and its sub-folders one level down (hidden files
    such as macOS ``._`` companions left out)."""
    found: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            found += sorted(p for p in entry.iterdir() if p.is_file()
                            and not p.name.startswith(".")
                            and p.name.lower().endswith(PACKAGE_SUFFIX))
        elif entry.is_file() and entry.name.lower().endswith(PACKAGE_SUFFIX):
            found.append(entry)
    return found


def _identify(county: Any, path: Path) -> tuple[str, int]:
    """(township code, package seq) from the file name, else from the package itself
    (decrypted and checked: raises PackageError when it cannot be read)."""
    m = PACKAGE_NAME.match(path.name)
    if m:
        return m.group(1), int(m.group(2))
    from sync_contract import envelope as env
    from sync_contract.keys import load_public_key_b64

    with Session(county.engine) as s:
        trusted = {tw.fingerprint: load_public_key_b64(tw.ed25519_public_key)
                   for tw in s.scalars(select(RegisteredTownship))}
    with env.open_package(path, [county._own_keys().age_identity], trusted,
                          kind=env.TOWNSHIP_EXPORT, limits=county.limits,
                          work_dir=county.work_dir) as pkg:
        return str(pkg.manifest["township_code"]), int(pkg.manifest["package_seq"])


def _last_received(county: Any, code: str) -> int:
    with Session(county.engine) as s:
        return s.scalar(select(func.max(ReceivedPackage.package_seq))
                        .join(RegisteredTownship,
                              RegisteredTownship.id == ReceivedPackage.township_id)
                        .where(RegisteredTownship.code == code)) or 0


def ingest_package(county: Any, actor: CountyActor, path: Path | str) -> Any:
    """One package (``County.ingest``) as ``actor``; audited (``ingest`` when applied,
    ``ingest.refused`` with the reason code when refused)."""
    actor.require(acc.INGEST)
    try:
        res = county.__class__.ingest(county, path)
    except PackageError as exc:
        m = PACKAGE_NAME.match(Path(path).name)
        audit.record_now(county.engine, "ingest.refused", actor, reason=exc.reason,
                         township=m.group(1) if m else None,
                         package_seq=int(m.group(2)) if m else None)
        raise
    if not res.already_received:
        audit.record_now(county.engine, "ingest", actor, township=res.township_code,
                         package_seq=res.package_seq, format_version=res.format_version,
                         records=_applied(res.applied), conflicts=res.conflicts)
    return res


def _applied(applied: Mapping[str, Mapping[str, int]]) -> int:
    return sum(st.get("new", 0) + st.get("updated", 0) for st in applied.values())


def ingest_folder(county: Any, folder: Path | str, actor: CountyActor, *,  # noqa: C901 - one branch per outcome
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> FolderIngestReport:
    """Ingest every package of ``folder`` (see :func:`find_packages`): per township in
    package order, townships by code. A township stops at its first refusal (its later
    packages would be gaps: reported as skipped with the reason); the others go on.
    ``cancelled()`` is asked before each package; ``progress(done, total, text)`` after
    each step. Never raises for a package; a folder that cannot be read raises
    :class:`~sync_contract.faults.FileFault` (nothing changed)."""
    actor.require(acc.INGEST)
    folder = Path(folder)
    try:
        files = find_packages(folder)
    except OSError as exc:
        raise fault(exc, folder, "ingest", outcome="nothing_changed") from None
    report = lambda done, text: progress(done, len(files), text) if progress else None  # noqa: E731
    items: list[PackageOutcome] = []
    by_township: dict[str, list[tuple[int, Path]]] = defaultdict(list)
    for path in files:
        try:
            code, seq = _identify(county, path)
        except (PackageError, FileFault) as exc:
            reason = exc.reason if isinstance(exc, PackageError) else "io_error"
            text = _zh(exc) if isinstance(exc, PackageError) else str(exc)
            items.append(PackageOutcome(path, "", None, REFUSED, reason,
                                        f"无法识别该包：{text}"))
            continue
        by_township[code].append((seq, path))
    gaps: dict[str, list[int]] = {}
    done = len(items)
    stopped = False
    for code in sorted(by_township):
        queue = sorted(by_township[code], key=lambda t: (t[0], t[1].name))
        last = _last_received(county, code)
        expected = last + 1
        missing: list[int] = []
        for seq, _ in queue:
            if seq > expected:
                missing += range(expected, seq)
            expected = max(expected, seq + 1)
        if missing:
            gaps[code] = missing
        refused_at: PackageOutcome | None = None
        for seq, path in queue:
            if stopped or (cancelled is not None and cancelled()):
                stopped = True
                items.append(PackageOutcome(path, code, seq, CANCELLED,
                                            message_zh="已取消，未处理"))
                continue
            if refused_at is not None:
                items.append(PackageOutcome(
                    path, code, seq, SKIPPED, refused_at.reason,
                    f"未接收：本乡镇第 {refused_at.package_seq} 号包被拒收，其后的包须在它之后接收"))
                done += 1
                report(done, f"{code} 第 {seq} 号包：未接收")
                continue
            report(done, f"正在接收 {code} 第 {seq} 号包")
            try:
                res = ingest_package(county, actor, path)
            except PackageError as exc:
                text = _zh(exc)
                if exc.reason == "sequence_gap":
                    before = [n for n in gaps.get(code, []) if n < seq] or [seq - 1]
                    text = f"缺少{_seqs_text(before)}，请先接收缺少的包"
                refused_at = PackageOutcome(path, code, seq, REFUSED, exc.reason, text)
                items.append(refused_at)
            except FileFault as exc:
                audit.record_now(county.engine, "ingest.refused", actor, reason="io_error",
                                 township=code, package_seq=seq)
                refused_at = PackageOutcome(path, code, seq, REFUSED, "io_error", str(exc))
                items.append(refused_at)
            else:
                if res.already_received:
                    items.append(PackageOutcome(path, res.township_code, res.package_seq, ALREADY,
                                                message_zh="以前已接收过，未作任何改动"))
                else:
                    n = _applied(res.applied)
                    text = f"已接收（格式版本 {res.format_version}），{n} 条记录"
                    if res.conflicts:
                        text += f"，{res.conflicts} 条冲突记录另存"
                    items.append(PackageOutcome(path, res.township_code, res.package_seq,
                                                INGESTED, records=n,
                                                conflicts=res.conflicts, message_zh=text))
            done += 1
            report(done, f"{code} 第 {seq} 号包：{STATUS_LABELS[items[-1].status]}")
    result = FolderIngestReport(folder, items, gaps, stopped)
    if files:
        audit.record_now(county.engine, "ingest.folder", actor, packages=len(items),
                         ingested=result.count(INGESTED), already=result.count(ALREADY),
                         refused=result.count(REFUSED), skipped=result.count(SKIPPED),
                         cancelled=result.count(CANCELLED))
    report(len(files), "已取消" if stopped else "完成")
    return result


# -- status ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TownshipStatus:
    code: str
    name: str
    fingerprint_short: str
    last_package_seq: int               # 0: none received
    last_received_at: datetime | None
    days_since: int | None              # None: none received
    unacknowledged: int                 # packages not acknowledged by a return yet
    feedback_to_send: int               # department feedback not sent yet
    confirmations_to_send: int
    last_return_seq: int                # 0: none made
    format_version: int | None
    overdue_referrals: int              # open referred tasks past their due date

    @property
    def late(self) -> bool:
        return self.days_since is None or self.days_since > LATE_AFTER_DAYS


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _pairs(rows: Any) -> dict[int, int]:
    return {int(k): int(v or 0) for k, v in rows}


def _json_text(key: str) -> Any:
    return CountyRecord.data[key].as_string()


def township_status(county: Any, today: date, actor: CountyActor | None = None
                    ) -> list[TownshipStatus]:
    """One row per registered township, by code (a few grouped queries, not one per
    township). A department actor sees the overdue referrals of its department only."""
    if actor is not None:
        actor.require(acc.VIEWS)
    dept = actor.department if actor is not None else None
    with Session(county.engine) as s:
        towns = list(s.scalars(select(RegisteredTownship).order_by(RegisteredTownship.code)))
        pk = {tid: (last, at, unacked) for tid, last, at, unacked in s.execute(
            select(ReceivedPackage.township_id, func.max(ReceivedPackage.package_seq),
                   func.max(ReceivedPackage.received_at),
                   func.count().filter(ReceivedPackage.ack_return_seq.is_(None)))
            .group_by(ReceivedPackage.township_id))}
        fb = _pairs(s.execute(select(DepartmentFeedback.township_id, func.count())
                            .where(DepartmentFeedback.return_seq.is_(None))
                            .group_by(DepartmentFeedback.township_id)))
        cf = _pairs(s.execute(select(CountyConfirmation.township_id, func.count())
                            .where(CountyConfirmation.return_seq.is_(None))
                            .group_by(CountyConfirmation.township_id)))
        ret = _pairs(s.execute(select(ReturnPackage.township_id, func.max(ReturnPackage.package_seq))
                             .group_by(ReturnPackage.township_id)))
        q = (select(CountyRecord.township_id, func.count())
             .where(CountyRecord.type == "requested_item",
                    _json_text("task_status").in_(OPEN_TASK_STATUSES),
                    _json_text("handler_code").notin_(("", "TOWNSHIP")),
                    _json_text("due_date") < today.isoformat())
             .group_by(CountyRecord.township_id))
        if dept is not None:
            q = q.where(_json_text("handler_code") == dept)
        overdue = _pairs(s.execute(q))
        out = []
        for tw in towns:
            last, at, unacked = pk.get(tw.id, (0, None, 0))
            at = _aware(at)
            version = None
            if last:
                man = s.scalar(select(ReceivedPackage.manifest).where(
                    ReceivedPackage.township_id == tw.id, ReceivedPackage.package_seq == last))
                version = int(man["format_version"]) if man else None
            days = (today - at.astimezone().date()).days if at is not None else None
            out.append(TownshipStatus(tw.code, tw.name, short_fingerprint(tw.fingerprint),
                                      int(last or 0), at, days, int(unacked or 0),
                                      int(fb.get(tw.id, 0)), int(cf.get(tw.id, 0)),
                                      int(ret.get(tw.id, 0) or 0), version,
                                      int(overdue.get(tw.id, 0))))
    return out


# -- department feedback --------------------------------------------------------------
@dataclass(frozen=True)
class OpenTask:
    """A referred task a department can still answer (applicant masked)."""

    township_code: str
    township_name: str
    task_uuid: str
    application_number: str
    item_code: str
    department: str
    task_status: str
    referred_on: str
    due_date: str
    applicant_masked: str
    days_overdue: int               # 0 when not overdue
    feedback_recorded: bool         # a 回执 waits at the county for the next return


def mask_name(name: str | None) -> str:
    """``张三`` -> ``张*``, ``欧阳小明`` -> ``欧***``."""
    name = (name or "").strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def open_tasks(county: Any, actor: CountyActor, today: date, *, department: str | None = None,
               township: str | None = None) -> list[OpenTask]:
    """The open referred tasks of ``department`` (a department actor: always its own;
    ``None`` for an officer: every department), by due date."""
    actor.require(acc.FEEDBACK)
    dept = _scope(actor, department)
    with Session(county.engine) as s:
        q = (select(CountyRecord.township_id, CountyRecord.uuid, CountyRecord.application_uuid,
                    CountyRecord.data)
             .where(CountyRecord.type == "requested_item",
                    _json_text("task_status").in_(OPEN_TASK_STATUSES)))
        if dept is not None:
            q = q.where(_json_text("handler_code") == dept)
        towns = {t.id: t for t in s.scalars(select(RegisteredTownship))}
        if township is not None:
            ids = [t.id for t in towns.values() if t.code == township]
            q = q.where(CountyRecord.township_id.in_(ids))
        rows = [r for r in s.execute(q)
                if (r.data.get("handler_code") or "") not in ("", "TOWNSHIP")]
        apps = {(r.township_id, r.application_uuid) for r in rows if r.application_uuid}
        numbers: dict[tuple[int, str], str] = {}
        names: dict[tuple[int, str], str] = {}
        by_town: dict[int, set[str]] = defaultdict(set)
        for tid, app in apps:
            by_town[tid].add(app)
        for tid, uuids in by_town.items():
            ul = sorted(uuids)
            for i in range(0, len(ul), 500):
                chunk = ul[i:i + 500]
                for app, num in s.execute(select(CountyRecord.uuid, CountyRecord.application_number)
                                          .where(CountyRecord.township_id == tid,
                                                 CountyRecord.type == "application",
                                                 CountyRecord.uuid.in_(chunk))):
                    numbers[(tid, app)] = num or ""
                for app, data in s.execute(select(CountyRecord.application_uuid, CountyRecord.data)
                                           .where(CountyRecord.township_id == tid,
                                                  CountyRecord.type == "household_member",
                                                  CountyRecord.application_uuid.in_(chunk))):
                    if data.get("relation") == "本人" or (
                            (tid, app) not in names and data.get("position") in (0, 1)):
                        names[(tid, app)] = mask_name(data.get("name"))
        pending = set(s.scalars(select(DepartmentFeedback.task_uuid).where(
            DepartmentFeedback.return_seq.is_(None),
            DepartmentFeedback.task_uuid.in_([r.uuid for r in rows]))) if rows else [])
    out = []
    for r in rows:
        d = r.data
        tw = towns[r.township_id]
        due = d.get("due_date") or ""
        late = (today - date.fromisoformat(due)).days if due and due < today.isoformat() else 0
        key = (r.township_id, r.application_uuid or "")
        out.append(OpenTask(tw.code, tw.name, r.uuid, numbers.get(key, ""),
                            d.get("item_code") or "", d.get("handler_code") or "",
                            d.get("task_status") or "", d.get("referred_on") or "", due,
                            names.get(key, ""), late, r.uuid in pending))
    out.sort(key=lambda t: (t.due_date or "9999", t.township_code, t.application_number))
    return out


def _scope(actor: CountyActor, department: str | None) -> str | None:
    own = actor.department
    if own is not None:
        if department not in (None, "", own):
            raise CountyRefused("forbidden", f"部门账户只能查看和登记本部门（{own}）的事项",
                                f"a department account sees only department {own}")
        return own
    return department or None


def record_feedback(county: Any, actor: CountyActor, task_uuid: str, result: str,
                    result_on: date | str, **kw: Any) -> Any:
    """A department 回执 (``County.record_feedback``'s arguments) as ``actor``: a
    department account only for tasks referred to its own department; recorded and
    audited in one transaction."""
    actor.require(acc.FEEDBACK)
    own = actor.department
    if own is not None:
        with Session(county.engine) as s:
            handler = s.scalar(select(_json_text("handler_code")).where(
                CountyRecord.type == "requested_item", CountyRecord.uuid == task_uuid))
        if handler is not None and handler != own:
            raise CountyRefused("forbidden", f"该事项未转办给本部门（{own}），不能登记回执",
                                f"task not referred to department {own}")
        if kw.get("department") not in (None, "", own):
            raise CountyRefused("forbidden", f"部门账户只能登记本部门（{own}）的回执",
                                f"a department account records only for {own}")
        kw["department"] = own
    item = dict(task_uuid=task_uuid, result=result, result_on=result_on,
                result_text=kw.pop("text", ""), **kw)
    with Session(county.engine, expire_on_commit=False) as s, s.begin():
        res = county._add_feedback(s, item)
        if res.already_sent is None:
            audit.record(s, "feedback", actor, township=res.township_code, task_uuid=task_uuid,
                         result=res.record["result"], replaced=res.replaced)
    return res


# -- the other writes, audited --------------------------------------------------------
def _sum(counts: Mapping[str, int] | None) -> int:
    return sum(int(v) for v in (counts or {}).values())


def audit_county(county: Any, actor: CountyActor) -> Any:  # noqa: C901 - one wrapper per write
    """Bind permission checks and audit events onto ``county``'s write methods (the
    command line's verbs call them as before). Returns ``county``."""
    cls = county.__class__
    engine = lambda: county.engine  # noqa: E731 - opened lazily

    def keygen(code: str | None = None, name: str | None = None):
        actor.require(acc.KEYS)
        pub, created = cls.keygen(county, code, name)
        if created:
            audit.record_now(engine(), "county.keygen", actor,
                             key=short_fingerprint(pub.fingerprint))
        return pub, created

    def register(code: str, verify_key: Any, **kw: Any):
        actor.require(acc.KEYS)
        tw = cls.register(county, code, verify_key, **kw)
        audit.record_now(engine(), "township.register", actor, township=tw.code,
                         key=short_fingerprint(tw.fingerprint), replace=bool(kw.get("replace")))
        return tw

    def ingest(path: Path | str):
        return ingest_package(county, actor, path)

    def feedback(task_uuid: str, result: str, result_on: date | str, **kw: Any):
        return record_feedback(county, actor, task_uuid, result, result_on, **kw)

    def load_feedback(items: Sequence[Mapping[str, Any]]):
        actor.require(acc.FEEDBACK)
        if actor.department is not None:
            raise CountyRefused("forbidden", "部门账户请逐条登记本部门的回执",
                                "a department account records its feedback one by one")
        out = cls.load_feedback(county, items)
        changed = [r for r in out if r.already_sent is None]
        if changed:
            audit.record_now(engine(), "feedback.load", actor, count=len(changed),
                             townships=sorted({r.township_code for r in changed}))
        return out

    def confirm(task_uuid: str, outcome: str, decided_on: date | str, **kw: Any):
        actor.require(acc.CONFIRM)
        res = cls.record_confirmation(county, task_uuid, outcome, decided_on, **kw)
        audit.record_now(engine(), "confirm", actor, township=res.township_code,
                         task_uuid=task_uuid, outcome=res.record["outcome"], replaced=res.replaced)
        return res

    def add_warnings(code: str, records: Sequence[Mapping[str, Any]]):
        actor.require(acc.WARNINGS)
        res = cls.add_warnings(county, code, records)
        audit.record_now(engine(), "warning.add", actor, township=res.township_code,
                         added=res.added, replaced=res.replaced)
        return res

    def queue_updates(code: str, updates: Mapping[str, Any]):
        actor.require(acc.UPDATES)
        queued = cls.queue_updates(county, code, updates)
        if _sum(queued):
            audit.record_now(engine(), "update.queue", actor, township=code,
                             counts=dict(queued))
        return queued

    def make_return(code: str, out: Path | str, **kw: Any):
        actor.require(acc.RETURNS)
        res = cls.make_return(county, code, out, **kw)
        if res is not None:
            audit.record_now(engine(), "return.make", actor, township=res.township_code,
                             package_seq=res.package_seq, format_version=res.format_version,
                             counts=dict(res.counts))
        return res

    def remake_return(code: str, seq: int, out: Path | str):
        actor.require(acc.RETURNS)
        res = cls.remake_return(county, code, seq, out)
        audit.record_now(engine(), "return.remake", actor, township=res.township_code,
                         package_seq=res.package_seq)
        return res

    county.keygen, county.register, county.ingest = keygen, register, ingest
    county.record_feedback, county.load_feedback = feedback, load_feedback
    county.record_confirmation, county.add_warnings = confirm, add_warnings
    county.queue_updates, county.make_return, county.remake_return = (
        queue_updates, make_return, remake_return)
    return county


__all__ = ["ALREADY", "CANCELLED", "FolderIngestReport", "INGESTED", "LATE_AFTER_DAYS",
           "OpenTask", "PackageOutcome", "REFUSED", "SKIPPED", "TownshipStatus", "audit_county",
           "find_packages", "ingest_folder", "ingest_package", "mask_name", "open_tasks",
           "record_feedback", "township_status"]

#: The name the split between helpers uses (interfaces-17.md).
feedback_for_department = open_tasks
__all__ += ["feedback_for_department"]
