"""A small county for the analysis tabs' tests: three registered townships and the
records the views read, stored as ingest stores them (``county_record`` rows for the
tasks, the derived tables through ``county_receiver.derived.derive``).

Today is 2026-11-24. What is planted (``PLANTED``):

* referrals to 县医保局 (HEALTHCARE) and 县教育局 (EDUCATION) in the three townships, some
  past their due day (overdue), one not yet due, one already done;
* ``DUP_ID``: the applicant of open 医疗救助 applications in 城关镇 and 龙泉镇 (the same
  item in two townships);
* ``MEMBER_ID``: a member of a household in 城关镇 and of one in 石阡镇.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session

from county_receiver.derived import derive
from county_receiver.models import CountyRecord, RegisteredTownship
from county_receiver.receiver import County

TODAY = date(2026, 11, 24)
TOWNSHIPS = (("522201001000", "城关镇"), ("522201002000", "龙泉镇"), ("522201003000", "石阡镇"))
DUP_ID = "52220119800101123X"
MEMBER_ID = "522201199505052345"


def _uid(n: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"cviews/{n}"))


def _id_number(n: int) -> str:
    return f"5222011970{n:04d}{n % 10}1{n % 7}"[:18]


class Seeder:
    def __init__(self, county: County) -> None:
        self.county = county
        self.tw: dict[str, int] = {}
        self.seq = 0
        self.apps: list[tuple[str, dict[str, Any]]] = []
        self.members: list[tuple[str, dict[str, Any]]] = []
        self.items: list[tuple[str, dict[str, Any]]] = []
        self.keys: dict[str, Any] = {}

    def township(self, code: str, name: str) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from sync_contract.keys import fingerprint, public_key_b64

        key = self.keys[code] = Ed25519PrivateKey.generate()
        with Session(self.county.engine) as s, s.begin():
            tw = RegisteredTownship(code=code, name=name, ed25519_public_key=public_key_b64(key),
                                    fingerprint=fingerprint(key.public_key()), age_recipients=[])
            s.add(tw)
            s.flush()
            self.tw[code] = tw.id

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def application(self, tw: str, number: str, *, status: str = "accepted",
                    intake: date = TODAY - timedelta(days=30),
                    people: tuple[str, ...] = (), items: tuple[dict[str, Any], ...] = ()
                    ) -> str:
        app = _uid(f"{tw}/{number}")
        self.apps.append((tw, {"uuid": app, "version": 1, "change_seq": self._next(),
                               "number": number, "status": status, "decision": "accept",
                               "intake_date": intake.isoformat(), "closed_on": None,
                               "village_uuid": None}))
        for pos, id_number in enumerate(people or (_id_number(self.seq),)):
            self.members.append((tw, {"uuid": _uid(f"{app}/m{pos}"), "version": 1,
                                      "change_seq": self._next(), "application_uuid": app,
                                      "position": pos, "id_number": id_number}))
        for n, item in enumerate(items):
            self.items.append((tw, {
                "uuid": _uid(f"{app}/i{n}"), "version": 1, "change_seq": self._next(),
                "application_uuid": app, "position": n, "item_code": item["item"],
                "handler_code": item.get("handler", "TOWNSHIP"), "status": "accepted",
                "task_status": item.get("task_status", "referred"),
                "referred_on": item.get("referred_on"), "due_date": item.get("due_date"),
                "result_on": item.get("result_on"), "signed_by": "", "signed_on": None}))
        return app

    def store(self) -> None:
        with self.county.engine.begin() as conn:
            for type_, rows in (("application", self.apps), ("household_member", self.members),
                                ("requested_item", self.items)):
                by_tw: dict[str, list[dict[str, Any]]] = {}
                for tw, rec in rows:
                    by_tw.setdefault(tw, []).append(rec)
                for tw, recs in by_tw.items():
                    derive(conn, self.tw[tw], type_, recs)
        with Session(self.county.engine) as s, s.begin():
            for type_, rows in (("application", self.apps), ("requested_item", self.items)):
                for tw, rec in rows:
                    s.add(CountyRecord(
                        township_id=self.tw[tw], type=type_, uuid=rec["uuid"], version=1,
                        change_seq=rec["change_seq"],
                        application_uuid=rec.get("application_uuid", rec["uuid"]),
                        application_number=rec.get("number"),
                        task_uuid=rec["uuid"] if type_ == "requested_item" else None,
                        package_seq=1, data=rec))


def _referral(item: str, handler: str, referred: date, due: date,
              status: str = "referred", result_on: date | None = None) -> dict[str, Any]:
    return {"item": item, "handler": handler, "task_status": status,
            "referred_on": referred.isoformat(), "due_date": due.isoformat(),
            "result_on": result_on.isoformat() if result_on else None}


def seed(url: str, keys_dir: Any) -> SimpleNamespace:
    """A county on ``url`` with the planted cases; returns ``county`` and what was planted."""
    county = County(url, keys_dir)
    s = Seeder(county)
    for code, name in TOWNSHIPS:
        s.township(code, name)
    a, b, c = (code for code, _ in TOWNSHIPS)

    def d(days: int) -> date:
        return TODAY - timedelta(days=days)

    # overdue referrals: HEALTHCARE 2 in A, 1 in B; EDUCATION 1 in C
    s.application(a, "CG-2026-0001", people=(DUP_ID, MEMBER_ID), items=(
        _referral("MEDICAL", "HEALTHCARE", d(40), d(10)),))
    s.application(a, "CG-2026-0002", items=(
        _referral("MEDICAL", "HEALTHCARE", d(30), d(3), status="signed"),
        _referral("DIBAO", "TOWNSHIP", d(30), d(3), status="in_progress")))
    s.application(b, "LQ-2026-0001", people=(DUP_ID,), items=(
        _referral("MEDICAL", "HEALTHCARE", d(25), d(1)),))
    s.application(c, "SQ-2026-0001", people=(_id_number(901), MEMBER_ID), items=(
        _referral("EDUCATION", "EDUCATION", d(50), d(20)),))
    # not overdue: due in the future; done already
    s.application(b, "LQ-2026-0002", items=(
        _referral("EDUCATION", "EDUCATION", d(2), TODAY + timedelta(days=8)),))
    s.application(c, "SQ-2026-0002", items=(
        _referral("MEDICAL", "HEALTHCARE", d(40), d(20), status="done", result_on=d(21)),))
    s.store()
    return SimpleNamespace(county=county, today=lambda: TODAY, townships=TOWNSHIPS,
                           keys=s.keys)


def context(world: SimpleNamespace) -> SimpleNamespace:
    """What the workstation hands a tab: the county and today."""
    return SimpleNamespace(county=world.county, today=world.today)


def officer() -> Any:
    from county_receiver.accounts import CountyActor

    return CountyActor(1, "officer1", "经办人甲", "officer")


def department(code: str) -> Any:
    from county_receiver.accounts import CountyActor

    return CountyActor(2, f"dep-{code.lower()}", "部门经办", "department", code)


def answer_boxes(monkeypatch: Any) -> list[tuple[str, str]]:
    """Message boxes recorded instead of shown (no modal loop in a test)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def static(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(static))

    def exec_(self: Any) -> Any:
        shown.append((self.windowTitle(), self.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown
