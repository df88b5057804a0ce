"""Legacy ledger import (issue 16; docs/import.md): an .xlsx / .xls / .csv ledger mapped
column by column (the mapping suggested from the header words, saved per file layout),
previewed and checked row by row with the intake's rules, duplicates shown, then
committed in one transaction as historical applications marked 导入 — or nothing at all;
the rejected rows as an .xlsx with the problem of each; county lists (ID + name) matched
to existing households.

``services.ledger_import``: :meth:`LedgerImportService.read`, ``suggest``, ``preview``,
``commit``, ``write_rejects``, ``save_mapping`` / ``saved_mapping``, ``match_list``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_contract.errors import Cancelled
from sync_contract.faults import fault

from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import Application, HouseholdMember, ImportBatch, ImportMapping, ImportRow, RequestedItem, Village
from ...models.base import utcnow
from ...rules import identity, values
from ...vocab import ApplicationStatus
from .. import auth
from ..auth import ActorRef
from ..context import Changes, Outcome, ServiceContext
from ..events import record_event
from .checks import CleanRow, ItemMatcher, RowChecker, VillageMatcher, suggest_from_headers
from .reader import read as read_table
from .types import (
    BAD,
    DUPLICATE,
    IMPORTED_BEFORE,
    MATCH_LABELS,
    MATCHED,
    NAME_DIFFERS,
    NOT_FOUND,
    OK,
    REQUIRED,
    STATUS_LABELS,
    STATUSES,
    TARGET_LABELS,
    TARGETS,
    ImportResult,
    MatchRow,
    Preview,
    RowCheck,
    SourceTable,
    Target,
)

Progress = Callable[[int, int | None], None]
_IN = 500  # ids per IN (…) query (SQLite's variable limit is far above)


def _chunks(seq: list[str], n: int = _IN) -> Iterable[list[str]]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def check_mapping(mapping: dict[int, str], width: int, *, need: Iterable[str] = REQUIRED) -> None:
    """A mapping names known targets, each once, on existing columns, and every
    required target (else ValidationErrors, Chinese, naming the target)."""
    errors: list[ValidationError] = []
    seen: set[str] = set()
    for col, code in mapping.items():
        if code not in TARGET_LABELS:
            errors.append(ValidationError("mapping", "unknown", key="import.mapping.unknown",
                                          params={"column": col + 1}))
        elif not 0 <= col < width:
            errors.append(ValidationError("mapping", "column", key="import.mapping.column",
                                          params={"column": col + 1}))
        elif code in seen:
            errors.append(ValidationError("mapping", "twice", key="import.mapping.twice",
                                          params={"field": TARGET_LABELS[code]}))
        seen.add(code)
    for code in need:
        if code not in seen:
            errors.append(ValidationError("mapping", "missing", key="import.mapping.missing",
                                          params={"field": TARGET_LABELS[code]}))
    if errors:
        raise ValidationErrors(errors)


class LedgerImportService:
    """Read, map, check and commit legacy ledgers; match county lists."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        #: The last preview: (file and mapping key, table, row checks, rows that passed
        #: the rules) — what a commit of the same file and mapping starts from.
        self._last: tuple[tuple[object, ...], SourceTable, list[RowCheck],
                          list[tuple[RowCheck, CleanRow]]] | None = None

    # -- reading and mapping ---------------------------------------------------------
    @staticmethod
    def read(path: Path) -> SourceTable:
        """The file's first sheet as text under its header row (see :mod:`.reader`)."""
        return read_table(Path(path))

    def suggest(self, table: SourceTable) -> dict[int, str]:
        """Column index → target code: the mapping saved for this layout, else the
        header words (:func:`.checks.suggest_from_headers`)."""
        saved = self.saved_mapping(table.layout_key)
        if saved is not None:
            return saved
        return suggest_from_headers(table.headers)

    def saved_mapping(self, layout_key: str) -> dict[int, str] | None:
        with self.ctx.db.read() as s:
            row = s.get(ImportMapping, layout_key)
            if row is None:
                return None
            return {int(k): v for k, v in json.loads(row.mapping).items() if v in TARGET_LABELS}

    def save_mapping(self, layout_key: str, mapping: dict[int, str], by: ActorRef,
                     headers: list[str] | None = None) -> Changes:
        """Remember ``mapping`` for files of this layout (any user who may decide)."""
        with self.ctx.db.transaction() as s:
            _actor, staff = auth.require(s, by, auth.DECIDE)
            self._store_mapping(s, layout_key, mapping, staff.id if staff else None, headers)
        return Changes(imports=True)

    @staticmethod
    def _store_mapping(s: Session, layout_key: str, mapping: dict[int, str], staff_id: int | None,
                       headers: list[str] | None) -> None:
        body = json.dumps({str(k): v for k, v in sorted(mapping.items())}, ensure_ascii=False)
        row = s.get(ImportMapping, layout_key)
        if row is None:
            s.add(ImportMapping(layout_key=layout_key, headers=json.dumps(headers or [], ensure_ascii=False),
                                mapping=body, saved_by_id=staff_id, saved_at=utcnow()))
        else:
            row.mapping, row.saved_by_id, row.saved_at = body, staff_id, utcnow()
            if headers is not None:
                row.headers = json.dumps(headers, ensure_ascii=False)

    # -- checking ---------------------------------------------------------------------
    def _checker(self, s: Session) -> RowChecker:
        villages = {v.id: (v.code, v.name) for v in s.scalars(select(Village))}
        return RowChecker(self.ctx.today(), ItemMatcher(self.ctx.catalog), VillageMatcher(villages))

    @staticmethod
    def _existing(s: Session, id_numbers: list[str]) -> dict[tuple[str, str, object], list[str]]:
        """(applicant ID, item, intake day) → 办件编号 of the recorded applications."""
        found: dict[tuple[str, str, object], list[str]] = {}
        for chunk in _chunks(id_numbers):
            q = (select(HouseholdMember.id_number, RequestedItem.item_code, Application.intake_date,
                        Application.number)
                 .join(Application, Application.id == HouseholdMember.application_id)
                 .join(RequestedItem, RequestedItem.application_id == Application.id)
                 .where(HouseholdMember.position == 0, HouseholdMember.id_number.in_(chunk),
                        Application.status != ApplicationStatus.VOIDED))
            for idn, item, day, number in s.execute(q):
                found.setdefault((idn, item, day), []).append(number or "")
        return found

    @staticmethod
    def _imported(s: Session, fingerprints: list[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(fingerprints):
            out.update(s.scalars(select(ImportRow.fingerprint).where(ImportRow.fingerprint.in_(chunk))))
        return out

    def _rules(self, s: Session, table: SourceTable, mapping: dict[int, str],
               progress: Progress | None, cancelled: Callable[[], bool] | None,
               ) -> tuple[list[RowCheck], list[tuple[RowCheck, CleanRow]]]:
        """Every row against the rules and the rows above it (same ID, item and day)."""
        check_mapping(mapping, len(table.headers))
        checker = self._checker(s)
        cols = sorted(mapping.items())
        checks: list[RowCheck] = []
        good: list[tuple[RowCheck, CleanRow]] = []
        first_row: dict[tuple[str, str, object], int] = {}
        total = table.row_count
        for n, (row_no, cells) in enumerate(zip(table.row_numbers, table.rows, strict=True)):
            if n % 1000 == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(n, total)
            vals = {code: cells[col] for col, code in cols}
            clean, problems = checker.check(vals)
            rc = RowCheck(row_no, vals, problems, BAD if clean is None else OK)
            checks.append(rc)
            if clean is None:
                continue
            key = clean.duplicate_key()
            if key in first_row:
                rc.status = DUPLICATE
                rc.problems.append(str(Message("import.duplicate_row", {"row": first_row[key]})))
                continue
            first_row[key] = row_no
            good.append((rc, clean))
        return checks, good

    def _against_db(self, s: Session, good: list[tuple[RowCheck, CleanRow]]
                    ) -> list[tuple[RowCheck, CleanRow]]:
        """The rows that passed the rules against the database: imported before (their
        fingerprint), or the same application recorded (ID, item, day). Returns the rows
        to import; the others' status says why not."""
        before = self._imported(s, [c.fingerprint for _rc, c in good])
        existing = self._existing(s, sorted({c.id_number for _rc, c in good}))
        kept: list[tuple[RowCheck, CleanRow]] = []
        for rc, clean in good:
            rc.status, rc.duplicate_of, rc.problems = OK, [], []
            numbers = existing.get(clean.duplicate_key())
            if clean.fingerprint in before:
                rc.status = IMPORTED_BEFORE
                rc.duplicate_of = numbers or []
            elif numbers:
                rc.status = DUPLICATE
                rc.duplicate_of = numbers
                rc.problems.append(str(Message("import.duplicate_recorded",
                                               {"numbers": "、".join(numbers[:3])})))
            else:
                kept.append((rc, clean))
        return kept

    @staticmethod
    def _file_key(path: Path, mapping: dict[int, str]) -> tuple[object, ...]:
        try:
            st = Path(path).stat()
        except OSError as exc:
            raise fault(exc, Path(path).parent, "read_ledger") from exc
        return (str(Path(path).resolve()), st.st_mtime_ns, st.st_size, tuple(sorted(mapping.items())))

    @staticmethod
    def _counts(checks: list[RowCheck]) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for rc in checks:
            counts[rc.status] += 1
        return counts

    def preview(self, path: Path, mapping: dict[int, str], *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Preview:
        """Every row checked (rules, duplicates in the file and in the database, rows an
        earlier import brought in); nothing written."""
        key = self._file_key(path, mapping)
        table = self.read(path)
        with self.ctx.db.read() as s:
            checks, good = self._rules(s, table, mapping, progress, cancelled)
            self._against_db(s, good)
        # The commit that follows the preview of the same file and mapping re-checks only
        # against the database (inside its transaction), not every rule again.
        self._last = (key, table, checks, good)
        if progress is not None:
            progress(table.row_count, table.row_count)
        return Preview(Path(path), table.layout_key, table.headers, dict(mapping), checks,
                       self._counts(checks))

    # -- committing -------------------------------------------------------------------
    def commit(self, path: Path, mapping: dict[int, str], by: ActorRef, *,
               progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> Outcome[ImportResult]:
        """Import the good rows in ONE transaction (all of them or nothing: a fault, a
        cancel or a killed process leaves the database as it was). Checked again inside
        the transaction; the mapping is saved for the layout. Needs ``auth.IMPORT``."""
        from .writer import bulk_insert, write_rows

        key = self._file_key(path, mapping)
        last = self._last
        self._last = None
        with self.ctx.db.transaction() as s:
            _actor, staff = auth.require(s, by, auth.IMPORT)
            if last is not None and last[0] == key:
                _key, table, checks, good = last
            else:
                table = self.read(path)
                checks, good = self._rules(s, table, mapping, None, cancelled)
            good = self._against_db(s, good)
            counts = self._counts(checks)
            if not good:
                return Outcome(ImportResult(None, 0, counts[BAD], counts[DUPLICATE],
                                            counts[IMPORTED_BEFORE]), Changes())
            staff_id = staff.id if staff else None
            now = utcnow()

            def step(done: int, total: int) -> None:
                if progress is not None:
                    progress(done, total)

            ids = write_rows(s, self.ctx.catalog, [c for _rc, c in good], staff_id, now,
                             progress=step, cancelled=cancelled)
            batch = ImportBatch(file_name=Path(path).name[:200], layout_key=table.layout_key,
                                rows=len(checks), imported=len(ids), rejected=counts[BAD],
                                duplicates=counts[DUPLICATE], imported_before=counts[IMPORTED_BEFORE],
                                by_id=staff_id, at=now)
            s.add(batch)
            s.flush()
            bulk_insert(s, ImportRow.__table__, [  # type: ignore[arg-type]
                {"batch_id": batch.id, "fingerprint": clean.fingerprint, "row_no": rc.row_no,
                 "application_id": aid, "ledger_number": clean.ledger_number}
                for (rc, clean), aid in zip(good, ids, strict=True)])
            self._store_mapping(s, table.layout_key, mapping, staff_id, table.headers)
            record_event(s, "ledger.import", actor_id=staff_id, batch_id=batch.id,
                         rows=len(checks), imported=len(ids), rejected=counts[BAD],
                         duplicates=counts[DUPLICATE], imported_before=counts[IMPORTED_BEFORE],
                         **auth.event_actor(_actor))
            if cancelled is not None and cancelled():
                raise Cancelled()
            result = ImportResult(batch.id, len(ids), counts[BAD], counts[DUPLICATE],
                                  counts[IMPORTED_BEFORE], tuple(ids))
        return Outcome(result, Changes(applications=set(ids), imports=True))

    # -- the rejected rows -------------------------------------------------------------
    @staticmethod
    def write_rejects(preview: Preview, out: Path, *, progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
        """The refused and duplicate rows as an .xlsx (atomic): row number, the mapped
        values, the status and 问题 (every problem of the row). Returns the rows written."""
        from .rejects import write_rejects

        return write_rejects(preview, Path(out), progress=progress, cancelled=cancelled)

    # -- county lists --------------------------------------------------------------------
    def match_list(self, path: Path, mapping: dict[int, str]) -> list[MatchRow]:
        """A county list (ID number + name) matched to the households recorded: the
        applicant's (or a member's) ID → matched / name differs / not found, with the
        household key and its 办件编号. Reads only."""
        table = self.read(path)
        check_mapping(mapping, len(table.headers), need=("id_number", "name"))
        col_id = next(c for c, code in mapping.items() if code == "id_number")
        col_name = next(c for c, code in mapping.items() if code == "name")
        wanted: list[tuple[int, str, str, str]] = []   # row_no, normalised id, name, problem
        today = self.ctx.today()
        for row_no, cells in zip(table.row_numbers, table.rows, strict=True):
            raw = cells[col_id]
            number = identity.normalize_number(raw)
            problem = ""
            try:
                kind = identity.guess_id_type(raw) or identity.IdType.RESIDENT_ID
                number = identity.validate_id(kind, raw, today).normalized
            except ValidationError as exc:
                problem = str(Message("handling.labelled", {"label": TARGET_LABELS["id_number"],
                                                    "problem": exc.message}))
            name = cells[col_name].strip()
            try:
                name = values.validate_name(name, "name")
            except ValidationError:
                pass
            wanted.append((row_no, number, name, problem))
        found: dict[str, list[tuple[int, str, str]]] = {}   # id → (application, 办件编号, name)
        with self.ctx.db.read() as s:
            ids = sorted({w[1] for w in wanted if w[1]})
            for chunk in _chunks(ids):
                q = (select(HouseholdMember.id_number, HouseholdMember.name, Application.id,
                            Application.number, Application.intake_date)
                     .join(Application, Application.id == HouseholdMember.application_id)
                     .where(HouseholdMember.id_number.in_(chunk),
                            Application.status != ApplicationStatus.VOIDED)
                     .order_by(Application.intake_date.desc(), Application.id.desc()))
                for idn, member, aid, app_number, _day in s.execute(q):
                    found.setdefault(idn, []).append((aid, app_number or "", member))
            applicants = self._applicant_ids(s, sorted({e[0] for es in found.values() for e in es}))
        out = []
        for row_no, number, name, problem in wanted:
            entries = found.get(number, []) if number else []
            if not entries:
                out.append(MatchRow(row_no, identity.mask_id(number), name, NOT_FOUND, "", (), (),
                                    problem))
                continue
            names = {e[2] for e in entries}
            status = MATCHED if name in names else NAME_DIFFERS
            aid0 = entries[0][0]
            key = applicants.get(aid0) or f"app:{aid0}"
            out.append(MatchRow(row_no, identity.mask_id(number), name, status, key,
                                tuple(dict.fromkeys(e[1] for e in entries)),
                                tuple(dict.fromkeys(e[0] for e in entries)), problem))
        return out

    @staticmethod
    def _applicant_ids(s: Session, app_ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(0, len(app_ids), _IN):
            q = select(HouseholdMember.application_id, HouseholdMember.id_number).where(
                HouseholdMember.position == 0, HouseholdMember.application_id.in_(app_ids[i:i + _IN]))
            for aid, idn in s.execute(q):
                if idn:
                    out[aid] = idn
        return out


__all__ = [
    "BAD", "DUPLICATE", "IMPORTED_BEFORE", "MATCHED", "MATCH_LABELS", "NAME_DIFFERS", "NOT_FOUND",
    "OK", "STATUSES", "STATUS_LABELS", "TARGETS", "ImportResult", "LedgerImportService",
    "MatchRow", "Preview", "RowCheck", "SourceTable", "Target", "check_mapping",
]
