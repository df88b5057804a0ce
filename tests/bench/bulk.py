"""Bulk synthetic data at benchmark scale (500,000 applications ≈ ten years of a
large township) — straight SQL in large transactions instead of the ORM.

:func:`fill_demo` (the ORM path through ``IntakeService.record_batch``) costs ~20 ms
per application. Here one producer process draws the same demo applications
(:class:`desktop_app.core.services.demo._Maker`) and turns each into the rows the services would have
written — ``application``, ``household_member``, ``income``, ``requested_item``,
``material``, ``search_key``, ``id_fts``, ``document`` (metadata + data snapshot,
unrendered, like ``record_batch``) and the hash-chained ``event`` log, with tasks
moved on like :func:`desktop_app.core.services.demo.advance_demo_tasks` — while the parent process writes the
previous chunk with ``executemany``.

Invariants kept (``desktop-app check`` must say ok afterwards):

* ids continue from the current maxima; ``uuid`` is a fresh UUID4, ``version`` ≥ 1
  and ``change_seq`` is dense, taken from ``change_counter`` (which is advanced);
* numbers are continuous per day (``number_series`` continued, never reused);
* document snapshots come from :meth:`DocumentService.build_data` (same code);
* the audit log continues the existing chain (seq without gaps, each row's hash over
  the previous one) and ``audit_head`` is kept by the migration's own trigger.

Documents are not rendered (empty hash): ``check`` skips them and the first open
renders them, exactly as for ``record_batch``.
"""

from __future__ import annotations

import heapq
import itertools
import json
import multiprocessing as mp
import random
import sqlite3
import time
import uuid as _uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from types import SimpleNamespace

from sqlalchemy import select

from desktop_app.core.models import Setting, Staff, Township, Village
from desktop_app.core.rules import handling as task_rules
from desktop_app.core.rules import numbering, pinyin, routing, values
from desktop_app.core.services.demo import SIGNERS, _Maker, create_demo_township, demo_times, draw_result
from desktop_app.core.services.events import GENESIS, event_hash
from desktop_app.core.services.intake import material_status, referral_departments

CHUNK = 2_000
TEN_YEARS = 3652

_TABLES = {
    "application": (
        "id", "uuid", "version", "change_seq", "number", "status", "decision", "decided_by_id",
        "decided_at", "intake_date", "village_id", "source", "urgent", "hardship_reason",
        "reject_reasons", "void_reason", "housing_area_m2", "house_rating", "vehicles",
        "deposits_fen", "business", "medical_spending_fen", "education_spending_fen",
        "monthly_income_fen", "per_capita_income_fen", "supporters_able", "hardship_cause",
        "staff_relative", "staff_relative_note", "closed_on", "created_by_id", "created_at",
        "updated_at"),
    "household_member": (
        "id", "application_id", "position", "relation", "name", "id_type", "id_number",
        "no_id_reason", "sex", "birth_date", "phone", "hukou_type", "hukou_address", "education",
        "marital", "health", "disability_category", "disability_grade", "employment",
        "self_care", "uuid", "version", "change_seq"),
    "income": ("application_id", "category", "monthly_fen"),
    "requested_item": (
        "id", "application_id", "position", "item_code", "handler_code", "decider_code",
        "limit_days", "due_date", "due_provisional", "status", "task_status", "referred_on",
        "signed_on", "signed_by", "result_on", "result_text", "amount_fen", "period_from",
        "period_to", "result_by_id", "review_class", "next_review_on", "uuid", "version",
        "change_seq"),
    "material": ("item_id", "position", "code", "name", "status"),
    "search_key": ("key", "application_id"),
    "id_fts": ("rowid", "id_number"),
    "document": (
        "id", "application_id", "kind", "number", "template_version", "data", "sha256",
        "created_by_id", "created_at", "print_count", "voided", "void_reason", "uuid",
        "version", "change_seq"),
    "event": (
        "id", "at", "actor_id", "action", "application_id", "detail", "prev_hash", "hash",
        "seq", "uuid", "version", "change_seq"),
}
_SQL = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
        for t, c in _TABLES.items()}


@dataclass
class BulkReport:
    applications: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    waited: float = 0.0  # the writer waiting for the producer
    written: float = 0.0  # the writer inserting


@dataclass
class _Start:
    """Where the new rows continue: next ids, change_seq, audit head, numbers per day."""

    app_id: int
    member_id: int
    item_id: int
    doc_id: int
    event_id: int
    change_seq: int
    event_seq: int
    event_hash: str
    day_seq: dict[str, int]


def _ts(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S.%f")


def _utc(local: datetime) -> datetime:
    return local.astimezone(timezone.utc).replace(tzinfo=None)


@lru_cache(maxsize=200_000)
def _keys(name: str) -> tuple[str, ...]:
    keys = {name, *pinyin.search_keys(name)}
    full = pinyin.full(name)
    if full:
        keys.add(full)
    return tuple(k for k in keys if k)


class _FakeSession:
    """What :meth:`DocumentService.build_data` reads, from memory (no database in the
    producer process)."""

    def __init__(self, township, villages: dict, settings: dict, calendar) -> None:
        self._township = township
        self._villages = villages
        self._settings = settings
        self.info = {"calendar": calendar}

    def scalars(self, _stmt):
        return SimpleNamespace(one=lambda: self._township)

    def get(self, model, key):
        if model is Village:
            return self._villages.get(key)
        if model is Setting:
            return self._settings.get(key)
        raise KeyError(model)


class _Producer:
    """Turns demo drafts into rows; runs in the forked producer process."""

    def __init__(self, services, seed: int, start: _Start, clerks: list[int]) -> None:
        ctx = services.ctx
        self.services = services
        self.catalog = ctx.catalog
        self.today = ctx.today()
        self.rng = random.Random(seed)
        self.maker = _Maker(services, self.rng)
        self.clerks = clerks
        with ctx.db.read() as s:
            town = s.scalars(select(Township)).one()
            self.township = SimpleNamespace(
                name=town.name, code=town.code, office_name=town.office_name,
                window_phone=town.window_phone, supervision_phone=town.supervision_phone)
            villages = {v.id: SimpleNamespace(id=v.id, name=v.name)
                        for v in s.scalars(select(Village))}
            settings = {r.key: SimpleNamespace(value=r.value) for r in s.scalars(select(Setting))}
            self.cal = ctx.calendar(s)
            self.fake = _FakeSession(self.township, villages, settings, self.cal)
            self.confirms = bool(ctx.get_setting(self.fake, "township_confirms"))
            self.months = ctx.get_setting(self.fake, "review_months")
            self.staff = {p.id: SimpleNamespace(id=p.id, name=p.name)
                          for p in s.scalars(select(Staff))}
        from desktop_app import printing

        self.template_version = {}
        for kind in ("receipt", "commitment", "notice_missing", "notice_reject", "referral"):
            self.template_version[kind] = str(printing.load_template(kind).version)
        self.documents = services.documents
        self.s = start
        self._workdays: dict[tuple[date, int], object] = {}
        self.pending: list[tuple] = []  # events not yet chained, by time (``flush``)
        self._tie = itertools.count()
        self.now = _utc(ctx.clock().replace(tzinfo=None)) - timedelta(minutes=1)

    # -- helpers -----------------------------------------------------------------------
    def add_workdays(self, day: date, n: int):
        key = (day, n)
        hit = self._workdays.get(key)
        if hit is None:
            hit = self._workdays[key] = self.cal.add_workdays(day, n)
        return hit

    def _seq(self) -> int:
        self.s.change_seq += 1
        return self.s.change_seq

    def _event(self, _out: list, at: datetime, actor: int | None, action: str,
               app_id: int | None, **detail) -> None:
        """Queue an event at ``at`` (never after now): the trail is written in time order
        (:meth:`flush`), as a township's clock would have stamped it — follow-ups (a
        referral, a feedback) come days after later applications."""
        body = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        heapq.heappush(self.pending, (min(at, self.now), next(self._tie), actor, action,
                                      app_id, body))

    def flush(self, out: list, until: datetime | None) -> None:
        """Chain the queued events up to ``until`` (all with ``None``) into ``out``."""
        st = self.s
        while self.pending and (until is None or self.pending[0][0] <= until):
            at, _, actor, action, app_id, body = heapq.heappop(self.pending)
            seq, prev = st.event_seq + 1, st.event_hash
            h = event_hash(prev, seq, at, actor, action, app_id, body)
            out.append((st.event_id, _ts(at), actor, action, app_id, body, prev, h, seq,
                        str(_uuid.uuid4()), 1, self._seq()))
            st.event_id += 1
            st.event_seq, st.event_hash = seq, h

    # -- one chunk ------------------------------------------------------------------------
    def chunk(self, entries: list[tuple[datetime, int]]) -> dict[str, list[tuple]]:
        rows: dict[str, list[tuple]] = {t: [] for t in _TABLES}
        for when, day_seq in entries:
            # Applications come in time order and none was created more than 15 minutes
            # before its decision: every queued event before that is final.
            self.flush(rows["event"], _utc(when) - timedelta(minutes=15))
            self.one(rows, when, day_seq)
        return rows

    def one(self, rows: dict[str, list[tuple]], when: datetime, day_seq: int) -> None:  # noqa: C901 - benchmark generator, one branch per record kind
        rng, st, cat = self.rng, self.s, self.catalog
        draft, decision, reasons = self.maker.draft(when)
        clerk = rng.choice(self.clerks)
        clerk_obj = self.staff[clerk]
        app_id = st.app_id
        st.app_id += 1
        day = when.date()
        number = numbering.format_number(self.township.code, day, day_seq)
        created = _utc(when) - timedelta(minutes=rng.randrange(3, 15))
        decided_utc = _utc(when)

        # household (the applicant first), as IntakeService._member writes it
        members = []
        for pos, m in enumerate([draft.applicant, *draft.members]):
            idn = m.id_number.upper()
            birth = date(int(idn[6:10]), int(idn[10:12]), int(idn[12:14]))
            sex = "男" if int(idn[16]) % 2 else "女"
            mid = st.member_id
            st.member_id += 1
            members.append(SimpleNamespace(
                id=mid, position=pos, relation="本人" if pos == 0 else m.relation,
                guardian=False, counted=True,  # (issue 12: recorded guardian, counted)
                name=m.name.strip(), id_type=m.id_type, id_number=idn, no_id_reason="",
                sex=sex, birth_date=birth, phone=m.phone.strip(), hukou_address=m.hukou_address))
            rows["household_member"].append((
                mid, app_id, pos, "本人" if pos == 0 else m.relation, m.name.strip(), m.id_type,
                idn, "", sex, birth.isoformat(), m.phone.strip(), m.hukou_type,
                m.hukou_address.strip(), m.education, m.marital, m.health, m.disability_category,
                m.disability_grade if m.disability_category else None, m.employment,
                m.self_care, str(_uuid.uuid4()), 1, self._seq()))
            rows["id_fts"].append((mid, idn))
        keys: set[str] = set()
        for m in members:
            keys.update(_keys(m.name))
        rows["search_key"].extend((k, app_id) for k in keys)

        incomes = {}
        for code, raw in draft.incomes.items():
            fen = _fen(raw)
            if fen:
                incomes[code] = fen
                rows["income"].append((app_id, code, fen))
        total = sum(incomes.values())

        # requested items, decided as IntakeService._apply_decision does
        items = []
        for pos, it in enumerate(draft.items):
            item = cat.item(it.item_code)
            req = SimpleNamespace(
                id=st.item_id, position=pos, item_code=item.code, handler_code=item.handler,
                decider_code=None, limit_days=item.limit_days, due_date=None,
                due_provisional=False, status="requested", task_status=None, referred_on=None,
                signed_on=None, signed_by="", result_on=None, result_text="", amount_fen=None,
                period_from=None, period_to=None, result_by_id=None, review_class="",
                next_review_on=None, version=1,
                # issue 13's columns: no procedure step (rows fast-written like tasks
                # accepted before it; the inserts leave them to the migration defaults)
                stage=None, stage_due=None, stage_due_provisional=False, extended_days=0,
                first_aid_due_at=None, notice_due=None, waiting_for="", waiting_refused_on=None,
                provider_id=None,  # issue 15: a department's task (no social-force provider)
                materials=[SimpleNamespace(position=mp_, code=mat.code, name=mat.name,
                                           status=material_status(it, mat))
                           for mp_, mat in enumerate(item.materials)])
            st.item_id += 1
            items.append(req)
        status = {"accept": "accepted", "notice": "pending_materials",
                  "reject": "rejected"}[decision]
        if decision == "accept":
            for req in items:
                due = self.add_workdays(day, req.limit_days)
                req.due_date, req.due_provisional, req.status = due.date, due.provisional, "accepted"
                r = routing.route(cat, req.item_code, self.confirms)
                req.handler_code, req.decider_code = r.handler_code, r.decider_code
                req.task_status = "to_refer" if r.referred else "in_progress"
                req.version = 2
        elif decision == "reject":
            for req in items:
                req.status, req.version = "rejected", 2
        app = SimpleNamespace(
            id=app_id, number=number, village_id=draft.village_id, members=members,
            applicant=members[0], items=items, related=[],  # no supporters in bulk data
            reject_reasons=json.dumps(reasons, ensure_ascii=False) if decision == "reject" else "")

        events: list[tuple] = []
        extra = {"staff_relative": True} if draft.staff_relative else {}
        self._event(events, created, clerk, "application.create", app_id,
                    items=[i.item_code for i in items], urgent=draft.urgent, **extra)
        self._event(events, decided_utc, clerk, f"application.{decision}", app_id, number=number)
        kinds = {"accept": ["receipt", "commitment"], "notice": ["notice_missing", "commitment"],
                 "reject": ["notice_reject"]}[decision]
        docs = [(k, number, None) for k in kinds]
        if decision == "accept":
            docs += [("referral", numbering.suffixed_number(number, numbering.REFERRAL, n), dept)
                     for n, dept in enumerate(referral_departments(app), 1)]
        for kind, doc_number, dept in docs:
            data = self.documents.build_data(self.fake, app, kind, doc_number, clerk_obj, day,
                                             department=dept)
            doc_id = st.doc_id
            st.doc_id += 1
            rows["document"].append((
                doc_id, app_id, kind, doc_number, self.template_version[kind],
                json.dumps(data, ensure_ascii=False, sort_keys=True), "", clerk,
                _ts(decided_utc), 0, 0, "", str(_uuid.uuid4()), 1, self._seq()))
            self._event(events, decided_utc, clerk, "document.issue", app_id,
                        document_id=doc_id, kind=kind, number=doc_number, sha256="",
                        **({"department": dept} if dept else {}))

        closed_on = None
        app_version = 2
        updated = decided_utc
        if decision == "accept":
            closed_on, last = self._advance(events, app_id, clerk, day, items)
            if closed_on is not None:
                app_version = 3
            if last is not None:
                updated = max(updated, last)
        for req in items:
            rows["requested_item"].append((
                req.id, app_id, req.position, req.item_code, req.handler_code, req.decider_code,
                req.limit_days, req.due_date.isoformat() if req.due_date else None,
                int(req.due_provisional), req.status, req.task_status,
                _d(req.referred_on), _d(req.signed_on), req.signed_by, _d(req.result_on),
                req.result_text, req.amount_fen, _d(req.period_from), _d(req.period_to),
                req.result_by_id, req.review_class, _d(req.next_review_on),
                str(_uuid.uuid4()), req.version, self._seq()))
            rows["material"].extend((req.id, m.position, m.code, m.name, m.status)
                                    for m in req.materials)
        n_members = len(members)
        rows["application"].append((
            app_id, str(_uuid.uuid4()), app_version, self._seq(), number, status, decision,
            clerk, _ts(when), day.isoformat(), draft.village_id, draft.source, int(draft.urgent),
            draft.hardship_reason.strip(), app.reject_reasons, "",
            int(draft.housing_area or 0), draft.house_rating, int(draft.vehicles or 0),
            _fen(draft.deposits), draft.business.strip(),
            _fen(draft.medical_spending), _fen(draft.education_spending),
            total, values.per_capita_monthly(total, n_members),
            None if draft.supporters_able is None else int(draft.supporters_able),
            draft.hardship_cause, int(draft.staff_relative),
            draft.staff_relative_note.strip() if draft.staff_relative else "",
            _d(closed_on), clerk, _ts(created), _ts(updated)))
        rows["event"].extend(events)

    def _advance(self, events: list, app_id: int, actor: int, start: date, items: list):
        """:func:`desktop_app.core.services.demo.advance_demo_tasks` on plain objects (same statuses and events)."""
        rng, today = self.rng, self.today
        last: datetime | None = None

        def at(day: date) -> datetime:
            nonlocal last
            t = _utc(datetime.combine(day, datetime.min.time()) + timedelta(
                hours=8, minutes=30 + rng.randrange(0, 480)))
            last = t if last is None or t > last else last
            return t

        for req in items:
            if req.status != "accepted":
                continue
            if req.task_status == "to_refer":
                referred = self.add_workdays(start, 1).date
                if referred > today:
                    continue
                req.task_status = task_rules.next_status(req.task_status, "refer")
                req.referred_on = referred
                req.version = 3
                self._event(events, at(referred), actor, "task.refer", app_id, task_id=req.id,
                            item=req.item_code, department=req.handler_code, list="", slip="")
                signed = self.add_workdays(referred, rng.randrange(0, 3)).date
                if signed > today:
                    continue
                req.task_status = task_rules.next_status(req.task_status, "sign")
                req.signed_on, req.signed_by = signed, rng.choice(SIGNERS)
                self._event(events, at(signed), actor, "task.sign", app_id, task_id=req.id,
                            item=req.item_code, signed_by=req.signed_by,
                            signed_on=signed.isoformat())
            span = max(1, req.limit_days)
            late = rng.random() < 0.1
            answer = self.add_workdays(start, rng.randrange(span // 3, span + 1)
                                       + (rng.randrange(2, 12) if late else 0)).date
            recent = (today - answer).days < 45
            if answer > today or (recent and rng.random() < 0.15):
                continue
            result = draw_result(req, answer, recent, rng, self.months)
            req.result_by_id = actor
            req.version = 3
            self._event(events, at(answer), actor, "task.feedback", app_id, task_id=req.id,
                        item=req.item_code, result=result, result_on=answer.isoformat(),
                        text=req.result_text, amount_fen=req.amount_fen,
                        changes={"task_status": ["", req.task_status]})
        accepted = [r for r in items if r.status == "accepted"]
        if accepted and all(r.task_status in ("done", "refused") for r in accepted):
            closed = max(r.result_on for r in accepted)
            self._event(events, at(closed), actor, "application.close", app_id,
                        changes={"status": ["accepted", "closed"]},
                        results={r.item_code: r.task_status for r in accepted})
            return closed, last
        return None, last


def _fen(raw: str) -> int:
    """Whole yuan (what the demo drafts hold) to fen; anything else the service's way."""
    raw = raw.strip()
    if raw.isdigit():
        return int(raw) * 100
    return values.parse_amount(raw, "amount", allow_empty=True) or 0


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _start(conn: sqlite3.Connection) -> _Start:
    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    head = conn.execute("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").fetchone()
    return _Start(
        app_id=one("SELECT max(id) FROM application") + 1,
        member_id=one("SELECT max(id) FROM household_member") + 1,
        item_id=one("SELECT max(id) FROM requested_item") + 1,
        doc_id=one("SELECT max(id) FROM document") + 1,
        event_id=one("SELECT max(id) FROM event") + 1,
        change_seq=one("SELECT value FROM change_counter WHERE id = 1"),
        event_seq=int(head[0]) if head else 0,
        event_hash=str(head[1]) if head else GENESIS,
        day_seq=dict(conn.execute("SELECT day, last_seq FROM number_series")),
    )


def _produce(producer: _Producer, chunks: list[list[tuple[datetime, int]]], queue) -> None:
    # This forked process only ever runs build_data over a _FakeSession, which ignores
    # the statement it is given: skip building ``select(Township)`` per document.
    from desktop_app.core.services import documents

    documents.select = lambda *_a, **_k: None  # type: ignore[assignment]
    try:
        for entries in chunks:
            queue.put(("rows", producer.chunk(entries), producer.s.change_seq))
        rest: dict[str, list[tuple]] = {t: [] for t in _TABLES}
        producer.flush(rest["event"], None)  # the follow-ups still queued
        queue.put(("rows", rest, producer.s.change_seq))
        queue.put(("done", None, producer.s.change_seq))
    except BaseException as exc:
        import traceback

        queue.put(("error", traceback.format_exc(), repr(exc)))


def generate(services, n: int, *, seed: int = 0, days: int = TEN_YEARS,
             progress: Callable[[int, int], None] | None = None) -> BulkReport:
    """Add ``n`` decided applications over the last ``days`` days (default ten years)
    to the folder behind ``services`` (setting up the demo township first if needed)."""
    t0 = time.perf_counter()
    rng = random.Random(seed)
    # A history, as a real township's would be: nothing after now (the clock check would
    # see the PC's clock behind the records) and the set-up before the first application
    # (``check`` would see the audit time running backwards).
    now = services.ctx.clock().replace(tzinfo=None)
    times = [min(t, now - timedelta(minutes=1))
             for t in demo_times(rng, n, services.ctx.today(), days)]
    clock = services.ctx.clock
    if times:
        first = times[0] - timedelta(days=1)
        services.ctx.clock = lambda: first
    try:
        admin = create_demo_township(services)
    finally:
        services.ctx.clock = clock
    clerks = [p.id for p in services.setup.staff() if p.role != "supervisor"] or [admin]
    raw = services.ctx.db.engine.raw_connection()
    conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB page cache while loading
    conn.execute("PRAGMA synchronous = OFF")       # (this connection only; a crash = redo)
    start = _start(conn)
    entries = []
    day_seq = dict(start.day_seq)
    for when in times:
        key = when.date().isoformat()
        day_seq[key] = day_seq.get(key, 0) + 1
        entries.append((when, day_seq[key]))
    chunks = [entries[i:i + CHUNK] for i in range(0, n, CHUNK)]
    producer = _Producer(services, seed + 1, start, clerks)
    ctx = mp.get_context("fork")
    queue = ctx.Queue(maxsize=3)
    proc = ctx.Process(target=_produce, args=(producer, chunks, queue), daemon=True)
    proc.start()
    report = BulkReport()
    done = 0
    try:
        while True:
            tw = time.perf_counter()
            kind, rows, last_seq = queue.get()
            tw2 = time.perf_counter()
            report.waited += tw2 - tw
            if kind == "error":
                raise RuntimeError(f"bulk producer failed: {last_seq}\n{rows}")
            if kind == "done":
                break
            conn.execute("BEGIN")
            try:
                for table in _TABLES:
                    if rows[table]:
                        conn.executemany(_SQL[table], rows[table])
                        report.rows[table] = report.rows.get(table, 0) + len(rows[table])
                conn.execute("UPDATE change_counter SET value = ? WHERE id = 1", (last_seq,))
                days_in = {}
                for app in rows["application"]:
                    days_in[app[9]] = max(days_in.get(app[9], 0), int(app[4].rsplit("-", 1)[1]))
                conn.executemany(
                    "INSERT INTO number_series (day, last_seq) VALUES (?, ?) ON CONFLICT (day) "
                    "DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
                    list(days_in.items()))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            report.written += time.perf_counter() - tw2
            done += len(rows["application"])
            if progress:
                progress(done, n)
    finally:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.terminate()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA synchronous = FULL")
        raw.close()
    report.applications = done
    report.seconds = time.perf_counter() - t0
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.bench.bulk DATA_DIR --applications N`` (from the repository root)"""
    import argparse
    from pathlib import Path

    from desktop_app.core.services import Services

    ap = argparse.ArgumentParser(prog="bulk", description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--applications", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--days", type=int, default=TEN_YEARS)
    args = ap.parse_args(argv)
    services = Services.open(args.data_dir)
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10 or done == total:
            last[0] = now
            print(f"  {done}/{total}", flush=True)

    try:
        rep = generate(services, args.applications, seed=args.seed, days=args.days,
                       progress=progress)
    finally:
        services.close()
    print(f"{rep.applications} applications in {rep.seconds:.1f} s (writer: {rep.written:.1f} s "
          f"inserting, {rep.waited:.1f} s waiting for the producer); rows: "
          + ", ".join(f"{t} {c}" for t, c in rep.rows.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
