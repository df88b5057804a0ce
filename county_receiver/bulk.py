"""The county's record upsert in batches with SQLAlchemy Core (issue 17): flat memory.

One township package may carry 1.5 million records (100,000 applications). The ORM
path kept every row it touched in the session's identity map; here each batch of
:data:`BATCH` records is looked up, classified and written with Core statements on the
ingest's own connection (the package's one transaction), and then forgotten:

* ``new`` — no row for (township, type, uuid): inserted (PostgreSQL: ``COPY`` straight
  into ``county_record`` — the township row is locked ``FOR UPDATE`` by the ingest, so no
  other writer can add the same key meanwhile; SQLite: one ``executemany`` INSERT);
* ``updated`` — a higher ``version`` than the stored one: the row is replaced
  (``executemany`` UPDATE by id);
* ``older`` — a lower version: ignored;
* ``unchanged`` — the same version and the same content: ignored;
* ``conflict`` — the same version with other content: kept aside in ``county_conflict``.

A uuid that appears twice in one package is classified against what the earlier copy
left, as the ORM path did. ``on_rows(type_, records)`` (the derived tables, views) is
called with the new and updated records of every batch, on the same connection.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.engine import Connection

from .models import CountyRecord, RecordConflict, utcnow

#: Records per batch: big enough to amortise a round trip, small enough to stay flat.
BATCH = 2000
STATS = ("new", "updated", "unchanged", "older", "conflict")
#: PostgreSQL: rows written by one ingest before its first ``ANALYZE county_record`` (and
#: again each time the rows written since have doubled). Without statistics the planner
#: reads a batch's uuids through the (township, type) index and filters — a scan of the
#: type's rows per batch, quadratic over a large first package — instead of the unique
#: (township, type, uuid) index. ANALYZE in the transaction sees its own new rows.
ANALYZE_AFTER = 20_000
#: The columns written for one record (besides the key).
COLUMNS = ("township_id", "type", "uuid", "version", "change_seq", "application_uuid",
           "application_number", "event_seq", "task_uuid", "package_seq", "data")

OnRows = Callable[[Connection, str, list[dict[str, Any]]], None]

_record = cast(Table, CountyRecord.__table__)
_conflict = cast(Table, RecordConflict.__table__)


def chunks(it: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


class RecordWriter:
    """Upserts the records of one package of township ``township_id`` on ``conn``.

    ``columns(type_, rec)`` gives the derived columns (application_uuid,
    application_number, event_seq, task_uuid) of a record."""

    def __init__(self, conn: Connection, township_id: int, package_seq: int,
                 columns: Callable[[str, dict[str, Any]], dict[str, Any]], *,
                 on_rows: OnRows | None = None, batch: int | None = None) -> None:
        self.conn = conn
        self.township_id = township_id
        self.package_seq = package_seq
        self.columns = columns
        self.on_rows = on_rows
        self.batch = batch or BATCH
        self.pg = conn.dialect.name == "postgresql"
        self._written = 0               # rows inserted by this writer
        self._analyzed_at = 0           # … when ANALYZE last ran

    # -- public ------------------------------------------------------------------------
    def upsert(self, type_: str, records: Iterable[dict[str, Any]]) -> tuple[dict[str, int], int]:
        """Apply the records of one type; returns (the non-zero stats, conflicts)."""
        stats = dict.fromkeys(STATS, 0)
        for chunk in chunks(records, self.batch):
            self._chunk(type_, chunk, stats)
        return {k: v for k, v in stats.items() if v}, stats["conflict"]

    # -- one batch ---------------------------------------------------------------------
    def _existing(self, type_: str, uuids: list[str]) -> dict[str, tuple[int, int]]:
        """uuid -> (id, version) of the stored rows among ``uuids``."""
        rows = self.conn.execute(
            select(_record.c.uuid, _record.c.id, _record.c.version).where(
                _record.c.township_id == self.township_id, _record.c.type == type_,
                _record.c.uuid.in_(uuids)))
        return {u: (i, v) for u, i, v in rows}

    def _stored_data(self, ids: list[int]) -> dict[int, Any]:
        if not ids:
            return {}
        return dict(self.conn.execute(select(_record.c.id, _record.c.data).where(
            _record.c.id.in_(ids))).all())

    def _chunk(self, type_: str, chunk: list[dict[str, Any]], stats: dict[str, int]) -> None:
        have = self._existing(type_, list({r["uuid"] for r in chunk}))
        # the stored content is needed only where the versions are equal
        same = [have[r["uuid"]][0] for r in chunk
                if r["uuid"] in have and have[r["uuid"]][1] == r["version"]]
        stored = self._stored_data(same)
        new: dict[str, dict[str, Any]] = {}        # uuid -> record (insertion order kept)
        changed: dict[int, dict[str, Any]] = {}    # row id -> record
        conflicts: list[dict[str, Any]] = []
        for rec in chunk:
            u, version = rec["uuid"], rec["version"]
            pending = new.get(u)
            cur_data: Any
            if pending is not None:                # the same uuid earlier in this batch
                cur_version, cur_data, row_id = pending["version"], pending, None
            elif u in have:
                row_id, cur_version = have[u]
                cur_data = changed.get(row_id) or stored.get(row_id)
                if row_id in changed:
                    cur_version = changed[row_id]["version"]
            else:
                new[u] = rec
                stats["new"] += 1
                continue
            if version > cur_version:
                if row_id is None:
                    new[u] = rec
                else:
                    changed[row_id] = rec
                stats["updated"] += 1
            elif version < cur_version:
                stats["older"] += 1
            elif cur_data is None:                 # equal version, content not fetched yet
                cur_data = self._stored_data([row_id])[row_id] if row_id is not None else None
                self._same_or_conflict(rec, cur_data, conflicts, stats)
            else:
                self._same_or_conflict(rec, cur_data, conflicts, stats)
        if new:
            self._insert(type_, list(new.values()))
        if changed:
            self._update(type_, changed)
        if conflicts:
            now = utcnow()
            self.conn.execute(insert(_conflict), [
                {"township_id": self.township_id, "package_seq": self.package_seq,
                 "type": type_, "uuid": r["uuid"], "version": r["version"], "data": r,
                 "detected_at": now} for r in conflicts])
        if self.on_rows is not None and (new or changed):
            self.on_rows(self.conn, type_, [*new.values(), *changed.values()])

    @staticmethod
    def _same_or_conflict(rec: dict[str, Any], cur: Any, conflicts: list[dict[str, Any]],
                          stats: dict[str, int]) -> None:
        if cur == rec:
            stats["unchanged"] += 1
        else:
            conflicts.append(rec)
            stats["conflict"] += 1

    def _row(self, type_: str, rec: dict[str, Any]) -> dict[str, Any]:
        return {"township_id": self.township_id, "type": type_, "uuid": rec["uuid"],
                "version": rec["version"], "change_seq": rec["change_seq"],
                **self.columns(type_, rec), "package_seq": self.package_seq, "data": rec}

    def _insert(self, type_: str, records: list[dict[str, Any]]) -> None:
        if self.pg:
            self._copy(type_, records)
            self._written += len(records)
            if self._written - self._analyzed_at >= max(ANALYZE_AFTER, self._analyzed_at):
                self.conn.execute(text("ANALYZE county_record"))
                self._analyzed_at = self._written
            return
        self.conn.execute(insert(_record), [self._row(type_, r) for r in records])

    def _copy(self, type_: str, records: list[dict[str, Any]]) -> None:
        """PostgreSQL: ``COPY … FROM STDIN`` on the ingest's own connection (and
        transaction), the JSON written once by us."""
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        raw = self.conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(
                f"COPY county_record ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for rec in records:
                row = self._row(type_, rec)
                row["data"] = dumps(rec)
                copy.write_row(tuple(row[c] for c in COLUMNS))

    _SET = ("version", "change_seq", "application_uuid", "application_number", "event_seq",
            "task_uuid", "package_seq", "data")

    def _update(self, type_: str, changed: dict[int, dict[str, Any]]) -> None:
        params = []
        for row_id, rec in changed.items():
            row = self._row(type_, rec)
            params.append({"p_id": row_id, **{f"p_{k}": row[k] for k in self._SET}})
        self.conn.execute(
            update(_record).where(_record.c.id == bindparam("p_id")).values(
                {k: bindparam(f"p_{k}", type_=_record.c[k].type) for k in self._SET}),
            params)


__all__ = ["ANALYZE_AFTER", "BATCH", "COLUMNS", "STATS", "OnRows", "RecordWriter", "chunks"]
