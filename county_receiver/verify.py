"""The county's side of document verification (issue 17; docs/verification.md,
"Surfaces"; docs/sync-format.md §14).

The county knows every township's document-signing key (the Ed25519 key that signs its
sync packages: the registered key, and every earlier key that signed a package it
received) and every document a township voided (its ``document`` records with
``voided``). From that it

* verifies a document's QR code itself (:func:`trust_list`: ``county-receiver
  verify TEXT|IMAGE|PDF``, the workstation's 验证 tab), and
* sends the lists to the townships in format-5 return packages (:func:`signer_records`,
  :func:`voided_records`; county-return types ``signer`` and ``voided_document``), so a
  township's verifier knows the other townships' keys and voids.

Qt-free; imports only ``sync_contract`` (the QR payload: :mod:`sync_contract.docqr`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from sync_contract.docverify import TrustedKey, TrustList

from .models import CountyRecord, ReceivedPackage, RegisteredTownship

#: China Standard Time: the townships' local day (a document's ``voided_at`` is UTC).
_CST = timezone(timedelta(hours=8))
#: The record types whose ``voided`` flag makes a void known.
DOCUMENT_TYPES = ("document", "list_document")


def _local_day(value: Any) -> date | None:
    """The local (CST) day of a UTC datetime or an ISO text (None: none / unreadable)."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str) and value:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(_CST).date()


@dataclass(frozen=True)
class Signer:
    township_code: str
    name: str
    public_key: str          # base64 of the raw 32 bytes
    fingerprint: str
    valid_from: date
    valid_to: date | None    # None: the key in use

    def record(self) -> dict[str, Any]:
        """The ``signer`` record (county-return, format 5)."""
        return {"township_code": self.township_code, "name": self.name,
                "public_key": self.public_key, "fingerprint": self.fingerprint,
                "valid_from": self.valid_from.isoformat(),
                "valid_to": self.valid_to.isoformat() if self.valid_to else None}


def signers(s: Session) -> list[Signer]:
    """Every township document-signing key the county knows, by township code then first
    use: the registered key of each township (in use, ``valid_to`` null) and each earlier
    key that signed a package the county received (``valid_to`` = the local day of the
    last package it signed — a replaced key: documents it signed up to then stay
    genuine)."""
    out: list[Signer] = []
    fp_expr = ReceivedPackage.manifest["signer_fingerprint"].as_string()
    key_expr = ReceivedPackage.manifest["signer_public_key"].as_string()
    used = s.execute(
        select(ReceivedPackage.township_id, fp_expr, key_expr,
               func.min(ReceivedPackage.received_at), func.max(ReceivedPackage.received_at))
        .group_by(ReceivedPackage.township_id, fp_expr, key_expr)).all()
    by_tw: dict[int, list[Any]] = {}
    for row in used:
        by_tw.setdefault(row[0], []).append(row)
    for tw in s.scalars(select(RegisteredTownship).order_by(RegisteredTownship.code)):
        first_day = _local_day(tw.registered_at) or date.today()
        rows = by_tw.get(tw.id, [])
        for _tw_id, fp, key, first, last in rows:
            if fp == tw.fingerprint or not fp or not key:
                if fp == tw.fingerprint:
                    first_day = min(first_day, _local_day(first) or first_day)
                continue
            out.append(Signer(tw.code, tw.name, key, fp, _local_day(first) or first_day,
                              _local_day(last) or first_day))
        out.append(Signer(tw.code, tw.name, tw.ed25519_public_key, tw.fingerprint,
                          first_day, None))
    out.sort(key=lambda x: (x.township_code, x.valid_to is None, x.valid_from, x.fingerprint))
    return out


def signer_records(s: Session) -> list[dict[str, Any]]:
    return [x.record() for x in signers(s)]


@dataclass(frozen=True)
class Void:
    township_code: str
    number: str
    kind: str
    voided_on: date

    def record(self) -> dict[str, Any]:
        """The ``voided_document`` record (county-return, format 5)."""
        return {"township_code": self.township_code, "number": self.number,
                "kind": self.kind, "voided_on": self.voided_on.isoformat()}


def voids(s: Session, *, township_id: int | None = None) -> list[Void]:
    """Every voided document of the county's townships (or of one), from the ``document``
    (and ``list_document``) records received — filtered in the database on
    ``data.voided`` (SQLite json_extract / PostgreSQL jsonb), ordered by township and
    number."""
    q = (select(RegisteredTownship.code, CountyRecord.data, CountyRecord.id)
         .join(RegisteredTownship, RegisteredTownship.id == CountyRecord.township_id)
         .where(CountyRecord.type.in_(DOCUMENT_TYPES),
                CountyRecord.data["voided"].as_boolean().is_(True)))
    if township_id is not None:
        q = q.where(CountyRecord.township_id == township_id)
    out: dict[tuple[str, str], Void] = {}
    for code, data, _id in s.execute(q):
        number = str(data.get("number") or "")
        if not number:
            continue
        day = (_local_day(data.get("voided_at")) or _local_day(data.get("created_at"))
               or date.today())
        out[(code, number)] = Void(code, number[:40], str(data.get("kind") or "")[:24], day)
    return [out[k] for k in sorted(out)]


def voided_records(s: Session) -> list[dict[str, Any]]:
    return [x.record() for x in voids(s)]


#: county_sent_update keys of the two lists (≤ 64 characters).
def sent_key(type_: str, rec: Mapping[str, Any]) -> str:
    if type_ == "signer":
        return str(rec["fingerprint"])
    return f"{rec['township_code']}|{rec['number']}"


# -- the verifier ------------------------------------------------------------------------
def trust_list(engine: Engine) -> TrustList:
    """The county's verifier (``county-receiver verify``, the workstation's 验证 tab):
    every township key it knows and every void it received — loaded once; its
    ``verify_*`` methods need no database."""
    with Session(engine) as s:
        out = TrustList()
        for x in signers(s):
            out.add_key(TrustedKey(x.township_code, x.public_key, x.fingerprint, x.valid_to))
        out.voided = {(x.township_code, x.number) for x in voids(s)}
    return out


def unsent_lists(s: Session, township_id: int, carried: Collection[str]
                 ) -> tuple[dict[str, list[dict[str, Any]]], list[tuple[str, str, str]]]:
    """The ``signer`` and ``voided_document`` records a township has not been sent yet
    with this content (``county_sent_update``, like the county's updates): the whole
    county's lists the first time, then only what changed. Returns (type -> records,
    (type, key, sha256) to record as sent with the return); nothing for a township whose
    format (``carried``: its return types) has no ``signer``."""
    import hashlib

    from sync_contract import envelope as env

    from .models import SentUpdate

    out: dict[str, list[dict[str, Any]]] = {}
    sent: list[tuple[str, str, str]] = []
    if "signer" not in carried:      # a township on format 4 or older
        return out, sent
    for type_, records in (("signer", signer_records(s)), ("voided_document", voided_records(s))):
        last = dict(s.execute(
            select(SentUpdate.key, SentUpdate.sha256)
            .where(SentUpdate.township_id == township_id, SentUpdate.type == type_)
            .order_by(SentUpdate.return_seq)).tuples().all())
        keep = []
        for rec in records:
            key = sent_key(type_, rec)
            h = hashlib.sha256(env.canonical_json(rec)).hexdigest()
            if last.get(key) != h:
                keep.append(rec)
                sent.append((type_, key, h))
        if keep:
            out[type_] = keep
    return out, sent


__all__ = ["DOCUMENT_TYPES", "Signer", "Void", "sent_key", "signer_records",
           "signers", "trust_list", "unsent_lists", "voided_records", "voids"]
